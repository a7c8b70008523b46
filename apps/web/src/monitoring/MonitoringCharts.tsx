import { Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { messages } from "../messages.ts";
import { formatNumber, PROGRESS_KEYS, SHNOR_STATUSES, shownName } from "./figures.ts";
import { followLink } from "./jump.ts";
import type {
  DeficitLevel,
  ProgressFigure,
  RiskFactorBar,
  SchoolProgressRow,
  ShnorYearRow,
} from "./monitoringModel.ts";
import { wrapWords } from "./wrapWords.ts";

/**
 * The charts of «Мониторинг» (recharts, MIT), in a chunk of their own that
 * the page loads when it first shows one (lazyCharts.tsx). A chart only
 * draws what the page also says in text: the tables beside each chart hold
 * the same figures as links, for keyboards, screen readers and tests; here a
 * click on a bar follows the same link.
 */

export const PROGRESS_COLORS: Readonly<Record<string, string>> = {
  done: "#188038",
  inProgress: "#1a73e8",
  overdue: "#c5221f",
  planned: "#9aa0a6",
};

const SHNOR_COLORS: Readonly<Record<string, string>> = {
  shnor: "#e37400",
  project500: "#1a73e8",
  postProject: "#12b5cb",
  left: "#9aa0a6",
};

const AXIS_TEXT = { fontSize: 12, fill: "#5f6368" };
const TOOLTIP_STYLE = { fontSize: 12, borderRadius: 6, borderColor: "#dadce0" };
const numberTick = (value: number) => formatNumber(value);
const tooltipValue = (value: unknown) => (typeof value === "number" ? formatNumber(value) : String(value ?? ""));

/** A long label on several lines, right-aligned to the axis. */
function WrappedTick(props: {
  x?: number | string;
  y?: number | string;
  payload?: { value?: unknown };
  chars: number;
}) {
  const x = Number(props.x ?? 0);
  const y = Number(props.y ?? 0);
  const lines = wrapWords(String(props.payload?.value ?? ""), props.chars, 3);
  const lineHeight = 14;
  // Keys by where each line starts in the label: lines of one label may repeat a word, never a place.
  const starts = lines.map((_, i) => lines.slice(0, i).join(" ").length);
  return (
    <text x={x} y={y} textAnchor="end" dominantBaseline="middle" fontSize={12} fill="#3c4043">
      {lines.map((line, i) => (
        <tspan key={starts[i]} x={x - 4} dy={i === 0 ? -((lines.length - 1) * lineHeight) / 2 : lineHeight}>
          {line}
        </tspan>
      ))}
    </text>
  );
}

/** The bar's entry of the data, whatever recharts wraps it in. */
function payloadOf<T>(item: unknown): T | null {
  const payload = (item as { payload?: unknown } | null)?.payload;
  return (payload ?? null) as T | null;
}

/** The four figures of the schools' measures as one bar, each part a link. */
export function ProgressTotalsChart({ figures }: { readonly figures: readonly ProgressFigure[] }) {
  const row = Object.fromEntries(figures.map((f) => [f.key, f.count]));
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart data={[row]} layout="vertical" margin={{ top: 0, right: 0, bottom: 0, left: 0 }} barSize={28}>
        <XAxis type="number" hide domain={[0, "dataMax"]} />
        <YAxis type="category" hide />
        <Tooltip formatter={tooltipValue} contentStyle={TOOLTIP_STYLE} cursor={false} />
        {figures.map((f) => (
          <Bar
            key={f.key}
            dataKey={f.key}
            name={f.label}
            stackId="progress"
            fill={PROGRESS_COLORS[f.key]}
            isAnimationActive={false}
            cursor="pointer"
            onClick={() => followLink(f.href)}
          />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}

interface SchoolBar {
  readonly name: string;
  readonly hrefs: Readonly<Record<string, string>>;
  readonly [key: string]: unknown;
}

/** A stacked bar per school: done, in progress, overdue, planned. */
export function SchoolProgressChart({ rows }: { readonly rows: readonly SchoolProgressRow[] }) {
  const data: SchoolBar[] = rows.map((r) => ({
    name: shownName(r.name),
    hrefs: Object.fromEntries(r.figures.map((f) => [f.key, f.href])),
    ...Object.fromEntries(r.figures.map((f) => [f.key, f.count])),
  }));
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart
        data={data}
        layout="vertical"
        margin={{ top: 4, right: 16, bottom: 4, left: 8 }}
        barCategoryGap={6}
        maxBarSize={26}
      >
        <CartesianGrid horizontal={false} stroke="#eceff1" />
        <XAxis type="number" allowDecimals={false} tickFormatter={numberTick} tick={AXIS_TEXT} />
        <YAxis
          type="category"
          dataKey="name"
          width={180}
          interval={0}
          tick={(tick: object) => <WrappedTick {...tick} chars={22} />}
        />
        <Tooltip formatter={tooltipValue} contentStyle={TOOLTIP_STYLE} cursor={{ fill: "#f1f3f4" }} />
        {PROGRESS_KEYS.map((key) => (
          <Bar
            key={key}
            dataKey={key}
            name={messages.monitoring.progress[key] ?? key}
            stackId="progress"
            fill={PROGRESS_COLORS[key]}
            isAnimationActive={false}
            cursor="pointer"
            onClick={(item: unknown) => {
              const href = payloadOf<SchoolBar>(item)?.hrefs[key];
              if (href) followLink(href);
            }}
          />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}

/** How many schools chose each of the ten factors; a bar opens the matrix of those schools. */
export function RiskFactorsChart({ bars }: { readonly bars: readonly RiskFactorBar[] }) {
  const data = bars.map((b) => ({ factor: b.factor, count: b.count, href: b.href }));
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart
        data={data}
        layout="vertical"
        margin={{ top: 4, right: 24, bottom: 4, left: 8 }}
        barCategoryGap={8}
        maxBarSize={24}
      >
        <CartesianGrid horizontal={false} stroke="#eceff1" />
        <XAxis type="number" allowDecimals={false} tickFormatter={numberTick} tick={AXIS_TEXT} />
        <YAxis
          type="category"
          dataKey="factor"
          width={240}
          interval={0}
          tick={(tick: object) => <WrappedTick {...tick} chars={30} />}
        />
        <Tooltip formatter={tooltipValue} contentStyle={TOOLTIP_STYLE} cursor={{ fill: "#f1f3f4" }} />
        <Bar
          dataKey="count"
          name={messages.monitoring.riskFactors.count}
          fill="#1a73e8"
          isAnimationActive={false}
          cursor="pointer"
          onClick={(item: unknown) => {
            const href = payloadOf<{ href: string }>(item)?.href;
            if (href) followLink(href);
          }}
        />
      </BarChart>
    </ResponsiveContainer>
  );
}

const DEFICIT_COLORS: Readonly<Record<string, string>> = {
  a: "#c5221f",
  b: "#e37400",
  c: "#f9ab00",
  d: "#188038",
};

/** Teachers at each level of deficits; a bar opens the monitoring document. */
export function DeficitsChart({ levels, href }: { readonly levels: readonly DeficitLevel[]; readonly href: string }) {
  const data = levels.map((l) => ({ key: l.key, level: l.short, label: l.label, count: l.count }));
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }} maxBarSize={72}>
        <CartesianGrid vertical={false} stroke="#eceff1" />
        <XAxis dataKey="level" tick={AXIS_TEXT} />
        <YAxis allowDecimals={false} tickFormatter={numberTick} tick={AXIS_TEXT} width={40} />
        <Tooltip formatter={tooltipValue} contentStyle={TOOLTIP_STYLE} cursor={{ fill: "#f1f3f4" }} />
        <Bar
          dataKey="count"
          name={messages.monitoring.deficits.count}
          isAnimationActive={false}
          cursor="pointer"
          onClick={() => followLink(href)}
        >
          {data.map((d) => (
            <Cell key={d.key} fill={DEFICIT_COLORS[d.key]} />
          ))}
        </Bar>
      </BarChart>
    </ResponsiveContainer>
  );
}

/** Schools by registry status per year, stacked; with `href`, a bar opens «Школы». */
export function ShnorChart({ rows, href }: { readonly rows: readonly ShnorYearRow[]; readonly href: string | null }) {
  const data = rows.map((r) => ({ year: String(r.year), ...r.counts }));
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }} maxBarSize={56}>
        <CartesianGrid vertical={false} stroke="#eceff1" />
        <XAxis dataKey="year" tick={AXIS_TEXT} />
        <YAxis allowDecimals={false} tickFormatter={numberTick} tick={AXIS_TEXT} width={40} />
        <Tooltip formatter={tooltipValue} contentStyle={TOOLTIP_STYLE} cursor={{ fill: "#f1f3f4" }} />
        {SHNOR_STATUSES.map((key) => (
          <Bar
            key={key}
            dataKey={key}
            name={messages.monitoring.shnor.statuses[key] ?? key}
            stackId="shnor"
            fill={SHNOR_COLORS[key]}
            isAnimationActive={false}
            cursor={href ? "pointer" : undefined}
            onClick={() => {
              if (href) followLink(href);
            }}
          />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}
