import { lazy, type ReactNode, Suspense } from "react";
import { messages } from "../messages.ts";

/**
 * The charts, loaded on first use in a chunk of their own (recharts and its
 * helpers are larger than the rest of the page): the start page does not grow.
 */
const load = () => import("./MonitoringCharts.tsx");

export const ProgressTotalsChart = lazy(() => load().then((m) => ({ default: m.ProgressTotalsChart })));
export const SchoolProgressChart = lazy(() => load().then((m) => ({ default: m.SchoolProgressChart })));
export const RiskFactorsChart = lazy(() => load().then((m) => ({ default: m.RiskFactorsChart })));
export const DeficitsChart = lazy(() => load().then((m) => ({ default: m.DeficitsChart })));
export const ShnorChart = lazy(() => load().then((m) => ({ default: m.ShnorChart })));

/**
 * A chart's place, of a fixed height so that nothing moves when it arrives.
 * Hidden from screen readers: the same figures are in the text beside it.
 */
export function ChartSlot({
  height,
  testId,
  children,
}: {
  readonly height: number;
  readonly testId?: string;
  readonly children: ReactNode;
}) {
  return (
    <div className="k-mon-chart" style={{ height }} aria-hidden="true" data-testid={testId}>
      <Suspense fallback={<p className="k-muted k-mon-chart-loading">{messages.monitoring.chartLoading}</p>}>
        {children}
      </Suspense>
    </div>
  );
}
