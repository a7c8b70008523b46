import type { DashboardResponse } from "@karta/schema";
import { type ReactNode, useMemo } from "react";
import { messages } from "../messages.ts";
import { Link } from "../router/Link.tsx";
import { navigate } from "../router/navigation.ts";
import { JumpLink } from "./JumpLink.tsx";
import {
  ChartSlot,
  DeficitsChart,
  ProgressTotalsChart,
  RiskFactorsChart,
  SchoolProgressChart,
  ShnorChart,
} from "./lazyCharts.tsx";
import {
  deficitsView,
  formatNumber,
  knownFactor,
  type MatrixChip,
  matrixRows,
  municipalDocumentRows,
  overdueOrganisations,
  overdueRows,
  PROGRESS_ORDER,
  type ProgressFigure,
  riskFactorBars,
  SCHOOLS_PATH,
  SHNOR_STATUSES,
  schoolProgressRows,
  shnorRows,
  shownName,
  totalFigures,
} from "./monitoringModel.ts";
import { MONITORING_SECTIONS, type MonitoringQuery, monitoringPath } from "./monitoringQuery.ts";

const text = messages.monitoring;

function Section({
  id,
  title,
  aside,
  children,
  wide,
}: {
  readonly id: string;
  readonly title: string;
  readonly aside?: ReactNode;
  readonly children: ReactNode;
  readonly wide?: boolean;
}) {
  return (
    <section
      id={id}
      className={wide ? "k-card k-mon-section k-mon-wide" : "k-card k-mon-section"}
      aria-labelledby={`${id}-title`}
      data-testid={`monitoring-${id}`}
    >
      <header className="k-mon-section-head">
        <h2 className="k-card-title" id={`${id}-title`}>
          {title}
        </h2>
        {aside}
      </header>
      {children}
    </section>
  );
}

/** «выполнено 3» as a link, with its colour's swatch. */
function FigureLink({ figure, school }: { readonly figure: ProgressFigure; readonly school?: string }) {
  return (
    <JumpLink
      to={figure.href}
      className={`k-mon-count k-mon-count-${figure.key}${figure.count === 0 ? " k-mon-count-zero" : ""}`}
      title={school ? text.progressTable.countTitle(figure.label, school) : figure.label}
      data-testid={`count-${figure.key}`}
    >
      {figure.text}
    </JumpLink>
  );
}

export function TotalsSection({ data, query }: { readonly data: DashboardResponse; readonly query: MonitoringQuery }) {
  const figures = useMemo(() => totalFigures(data, query), [data, query]);
  return (
    <Section id={MONITORING_SECTIONS.totals} title={text.sections.totals} wide>
      <div className="k-mon-totals">
        {figures.map((f) => (
          <JumpLink
            key={f.key}
            to={f.href}
            className={`k-mon-total k-mon-total-${f.key}`}
            data-testid={`total-${f.key}`}
          >
            <span className="k-mon-total-figure" data-testid={`total-${f.key}-count`}>
              {f.text}
            </span>
            <span className="k-mon-total-label">{f.label}</span>
            <span className="k-mon-total-share">{text.share(f.share)}</span>
          </JumpLink>
        ))}
      </div>
      {data.progress.total > 0 && (
        <ChartSlot height={28} testId="totals-chart">
          <ProgressTotalsChart figures={figures} />
        </ChartSlot>
      )}
      <p className="k-muted k-mon-note">{text.totalMeasures(formatNumber(data.progress.total))}</p>
    </Section>
  );
}

function Chip({ chip }: { readonly chip: MatrixChip }) {
  return (
    <Link to={chip.href} className="k-mon-chip" title={chip.title} data-testid="matrix-chip" data-status={chip.status}>
      <span className={`k-status k-status-${chip.status}`}>{chip.statusLabel}</span>
      {chip.openCommentsLabel && (
        <span className="k-mon-comments" title={chip.openCommentsLabel}>
          <span className="k-visually-hidden">{chip.openCommentsLabel}</span>
          <span aria-hidden="true">{chip.openComments}</span>
        </span>
      )}
      {chip.caption && <span className="k-mon-chip-caption">{chip.caption}</span>}
    </Link>
  );
}

export function MatrixSection({ data, query }: { readonly data: DashboardResponse; readonly query: MonitoringQuery }) {
  const factor = knownFactor(data, query.factor);
  const rows = useMemo(() => matrixRows(data, factor), [data, factor]);
  return (
    <Section id={MONITORING_SECTIONS.matrix} title={text.sections.matrix} wide>
      {factor && (
        <p className="k-mon-filter" role="status">
          <span>{text.matrix.filteredByFactor(factor)}</span>
          <JumpLink to={monitoringPath({ ...query, factor: null }, MONITORING_SECTIONS.matrix)}>
            {text.matrix.showAll}
          </JumpLink>
        </p>
      )}
      {rows.length === 0 ? (
        <p className="k-muted">{text.matrix.empty}</p>
      ) : (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take the keyboard to scroll
        <section className="k-mon-matrix-scroll" tabIndex={0} aria-labelledby="matrix-title">
          <table className="k-table k-mon-matrix" data-testid="monitoring-matrix-table">
            <thead>
              <tr>
                <th scope="col" className="k-mon-matrix-school">
                  {text.matrix.school}
                </th>
                {data.columns.map((c) => (
                  <th scope="col" key={c.template}>
                    {c.title}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id} id={row.anchor} data-testid="matrix-row" data-school={row.name}>
                  <th scope="row" className="k-mon-matrix-school">
                    <span className="k-mon-school-name">{shownName(row.name)}</span>
                    {row.statusLabel && (
                      <span className={`k-mon-school-status k-mon-school-status-${row.status}`}>{row.statusLabel}</span>
                    )}
                  </th>
                  {row.cells.map((cell) => (
                    <td key={cell.template} data-template={cell.template}>
                      {cell.chips.length === 0 ? (
                        <span className="k-mon-missing" title={text.matrix.missingTitle(cell.templateTitle)}>
                          {text.matrix.missing}
                        </span>
                      ) : (
                        <div className="k-mon-chips">
                          {cell.chips.map((chip) => (
                            <Chip key={chip.id} chip={chip} />
                          ))}
                        </div>
                      )}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </Section>
  );
}

/** The head of a table of progress: its own first columns, then the four counts and the total. */
function ProgressHead({ first }: { readonly first: readonly string[] }) {
  return (
    <thead>
      <tr>
        {first.map((title) => (
          <th scope="col" key={title}>
            {title}
          </th>
        ))}
        {PROGRESS_ORDER.map((key) => (
          <th scope="col" key={key} className="k-mon-num">
            <span className={`k-mon-swatch k-mon-swatch-${key}`} aria-hidden="true" />
            {text.progress[key]}
          </th>
        ))}
        <th scope="col" className="k-mon-num">
          {text.progressTable.total}
        </th>
      </tr>
    </thead>
  );
}

export function SchoolProgressSection({
  data,
  query,
}: {
  readonly data: DashboardResponse;
  readonly query: MonitoringQuery;
}) {
  const rows = useMemo(() => schoolProgressRows(data, query), [data, query]);
  const withMeasures = rows.filter((r) => r.total > 0);
  return (
    <Section id={MONITORING_SECTIONS.progress} title={text.sections.progress} wide>
      {withMeasures.length > 0 && (
        <ChartSlot height={withMeasures.length * 34 + 40} testId="progress-chart">
          <SchoolProgressChart rows={withMeasures} />
        </ChartSlot>
      )}
      <div className="k-table-scroll">
        <table className="k-table k-mon-progress" data-testid="monitoring-progress-table">
          <ProgressHead first={[text.progressTable.school]} />
          <tbody>
            {rows.map((row) => (
              <tr key={row.id} data-testid="progress-row" data-school={row.name}>
                <th scope="row">{shownName(row.name)}</th>
                {row.total === 0 ? (
                  <td colSpan={5} className="k-muted">
                    {text.progressTable.none}
                  </td>
                ) : (
                  <>
                    {row.figures.map((f) => (
                      <td key={f.key} className="k-mon-num">
                        <FigureLink figure={f} school={row.name} />
                      </td>
                    ))}
                    <td className="k-mon-num">{row.totalText}</td>
                  </>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Section>
  );
}

export function MunicipalitySection({ data }: { readonly data: DashboardResponse }) {
  const rows = useMemo(() => municipalDocumentRows(data), [data]);
  return (
    <Section id={MONITORING_SECTIONS.municipality} title={text.sections.municipality} wide>
      {rows.length === 0 ? (
        <p className="k-muted">{text.municipalityTable.none}</p>
      ) : (
        <div className="k-table-scroll">
          <table className="k-table k-mon-progress">
            <ProgressHead first={[text.municipalityTable.document, text.municipalityTable.status]} />
            <tbody>
              {rows.map((row) => (
                <tr key={row.chip.id}>
                  <th scope="row">
                    <Link to={row.chip.href}>{row.title}</Link>
                  </th>
                  <td>
                    <span className="k-mon-status-cell">
                      <span className={`k-status k-status-${row.chip.status}`}>{row.chip.statusLabel}</span>
                      {row.chip.openCommentsLabel && <span className="k-muted">{row.chip.openCommentsLabel}</span>}
                    </span>
                  </td>
                  {row.figures ? (
                    <>
                      {row.figures.map((f) => (
                        <td key={f.key} className="k-mon-num">
                          <FigureLink figure={f} />
                        </td>
                      ))}
                      <td className="k-mon-num">{row.totalText}</td>
                    </>
                  ) : (
                    <td colSpan={5} className="k-muted">
                      {text.progressTable.none}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Section>
  );
}

export function RiskFactorsSection({
  data,
  query,
}: {
  readonly data: DashboardResponse;
  readonly query: MonitoringQuery;
}) {
  const bars = useMemo(() => riskFactorBars(data, query), [data, query]);
  const any = bars.some((b) => b.count > 0);
  return (
    <Section id={MONITORING_SECTIONS.riskFactors} title={text.sections.riskFactors}>
      {!any ? (
        <p className="k-muted">{text.riskFactors.none}</p>
      ) : (
        <>
          <ChartSlot height={bars.length * 40 + 36} testId="factors-chart">
            <RiskFactorsChart bars={bars} />
          </ChartSlot>
          <table className="k-table k-mon-factors">
            <thead>
              <tr>
                <th scope="col">{text.riskFactors.factor}</th>
                <th scope="col" className="k-mon-num">
                  {text.riskFactors.count}
                </th>
                <th scope="col">{text.riskFactors.schools}</th>
              </tr>
            </thead>
            <tbody>
              {bars.map((bar) => (
                <tr key={bar.factor} data-testid="factor-row">
                  <th scope="row">{bar.factor}</th>
                  <td className="k-mon-num">
                    {bar.count > 0 ? (
                      <JumpLink to={bar.href} title={text.riskFactors.showSchools(bar.factor)}>
                        {bar.text}
                      </JumpLink>
                    ) : (
                      bar.text
                    )}
                  </td>
                  <td className="k-mon-factor-schools">
                    {bar.schools.length === 0
                      ? text.riskFactors.nobody
                      : bar.schools.map((s) => shownName(s.name)).join(", ")}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </Section>
  );
}

export function DeficitsSection({ data }: { readonly data: DashboardResponse }) {
  const view = useMemo(() => deficitsView(data), [data]);
  return (
    <Section
      id={MONITORING_SECTIONS.deficits}
      title={text.sections.deficits}
      aside={view && <Link to={view.href}>{text.deficits.open}</Link>}
    >
      {!view ? (
        <p className="k-muted">{text.deficits.none}</p>
      ) : (
        <>
          <p className="k-mon-note">
            <Link to={view.href}>{text.deficits.teachers(view.teachersText)}</Link>
          </p>
          <ChartSlot height={160} testId="deficits-chart">
            <DeficitsChart levels={view.levels} href={view.href} />
          </ChartSlot>
          <table className="k-table">
            <thead>
              <tr>
                <th scope="col">{text.deficits.level}</th>
                <th scope="col" className="k-mon-num">
                  {text.deficits.count}
                </th>
                <th scope="col" className="k-mon-num">
                  {text.deficits.share}
                </th>
              </tr>
            </thead>
            <tbody>
              {view.levels.map((level) => (
                <tr key={level.key}>
                  <th scope="row">{level.label}</th>
                  <td className="k-mon-num">
                    <Link to={view.href}>{level.text}</Link>
                  </td>
                  <td className="k-mon-num">{level.share}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </Section>
  );
}

export function ShnorSection({
  data,
  coordinator,
}: {
  readonly data: DashboardResponse;
  readonly coordinator: boolean;
}) {
  const rows = useMemo(() => shnorRows(data), [data]);
  const href = coordinator ? SCHOOLS_PATH : null;
  return (
    <Section
      id={MONITORING_SECTIONS.shnor}
      title={text.sections.shnor}
      aside={href && <Link to={href}>{text.shnor.registry}</Link>}
    >
      {rows.length === 0 ? (
        <p className="k-muted">{text.shnor.none}</p>
      ) : (
        <>
          <ChartSlot height={180} testId="shnor-chart">
            <ShnorChart rows={rows} href={href} />
          </ChartSlot>
          <div className="k-table-scroll">
            <table className="k-table">
              <thead>
                <tr>
                  <th scope="col">{text.shnor.year}</th>
                  {SHNOR_STATUSES.map((key) => (
                    <th scope="col" key={key} className="k-mon-num">
                      <span className={`k-mon-swatch k-mon-swatch-${key}`} aria-hidden="true" />
                      {text.shnor.statuses[key]}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.year}>
                    <th scope="row">{row.year}</th>
                    {SHNOR_STATUSES.map((key) => (
                      <td key={key} className="k-mon-num">
                        {href ? <Link to={href}>{row.texts[key]}</Link> : row.texts[key]}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </Section>
  );
}

export function OverdueSection({ data, query }: { readonly data: DashboardResponse; readonly query: MonitoringQuery }) {
  const organisations = useMemo(() => overdueOrganisations(data), [data]);
  const school = query.school;
  const rows = useMemo(() => overdueRows(data, school), [data, school]);
  const choose = (id: string) => navigate(monitoringPath({ ...query, school: id || null }), { replace: true });
  const filterOptions =
    school !== null && !organisations.some((o) => o.id === school)
      ? [...organisations, { id: school, name: data.schools.find((s) => s.id === school)?.name ?? school }]
      : organisations;
  return (
    <Section
      id={MONITORING_SECTIONS.overdue}
      title={text.sections.overdue}
      wide
      aside={
        <div className="k-mon-overdue-tools">
          <span className="k-muted" data-testid="overdue-count">
            {text.overdue.count(rows.length)}
          </span>
          <label className="k-mon-inline-field">
            <span>{text.overdue.filter}</span>
            <select value={school ?? ""} onChange={(e) => choose(e.target.value)} data-testid="overdue-filter">
              <option value="">{text.overdue.allSchools}</option>
              {filterOptions.map((o) => (
                <option key={o.id} value={o.id}>
                  {shownName(o.name)}
                </option>
              ))}
            </select>
          </label>
        </div>
      }
    >
      {rows.length === 0 ? (
        <p className="k-muted">{school === null ? text.overdue.none : text.overdue.noneForSchool}</p>
      ) : (
        <div className="k-table-scroll">
          <table className="k-table k-mon-overdue" data-testid="monitoring-overdue-table">
            <colgroup>
              <col className="k-mon-col-school" />
              <col className="k-mon-col-document" />
              <col className="k-mon-col-number" />
              <col />
              <col className="k-mon-col-period" />
              <col className="k-mon-col-deadline" />
            </colgroup>
            <thead>
              <tr>
                <th scope="col">{text.overdue.school}</th>
                <th scope="col">{text.overdue.document}</th>
                <th scope="col" className="k-mon-num">
                  {text.overdue.number}
                </th>
                <th scope="col">{text.overdue.measure}</th>
                <th scope="col">{text.overdue.period}</th>
                <th scope="col">{text.overdue.deadline}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.key} data-testid="overdue-row" data-school={row.organisation}>
                  <td className="k-mon-overdue-school">{shownName(row.organisation)}</td>
                  <td className="k-mon-overdue-doc">
                    <span className="k-mon-clamp" title={row.documentTitle}>
                      {row.documentTitle}
                    </span>
                  </td>
                  <td className="k-mon-num">{row.rowNumber}</td>
                  <td className="k-mon-overdue-measure">
                    <Link to={row.href} title={text.overdue.open(row.measure)} data-testid="overdue-link">
                      {row.measure}
                    </Link>
                    {row.status && <span className="k-mon-overdue-status">{row.status}</span>}
                  </td>
                  <td className="k-mon-overdue-period">{row.period}</td>
                  <td className="k-mon-overdue-deadline">{row.deadline}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Section>
  );
}
