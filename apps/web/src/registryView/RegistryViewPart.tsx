import type { RegistryView, StatusesByYearResponse } from "@karta/schema";
import { useCallback, useEffect, useMemo } from "react";
import { fetchStatusesByYear } from "../api/registryApi.ts";
import { useResource } from "../api/useResource.ts";
import { messages } from "../messages.ts";
import { buildStatusTable, type StatusTable } from "./statusTable.ts";
import "./registryView.css";

/**
 * A part of a document computed from the registry, never typed (DOMAIN §8): for
 * `schoolStatusesByYear`, the municipality's schools × years with their status and the
 * number of ШНОР per year. Read-only; read again when the window gets the focus back, so a
 * status changed on the «Школы» page shows up here.
 */
export function RegistryViewPart({
  view,
  organisationId,
  year,
}: {
  view: RegistryView;
  organisationId: string;
  year: number;
}) {
  const load = useCallback(
    (signal: AbortSignal): Promise<StatusesByYearResponse> => fetchStatusesByYear(organisationId, signal),
    [organisationId],
  );
  const { state, reload } = useResource(load);
  useEffect(() => {
    window.addEventListener("focus", reload);
    return () => window.removeEventListener("focus", reload);
  }, [reload]);
  const table = useMemo(() => (state.status === "ready" ? buildStatusTable(state.data, year) : null), [state, year]);

  return (
    <section className="k-regview" data-testid="registry-view" data-view={view.id} aria-label={view.title}>
      <h2 className="k-part-title">{view.title}</h2>
      {state.status === "loading" && <p className="k-muted">{messages.registryView.loading}</p>}
      {state.status === "error" && (
        <p className="k-regview-error" role="alert">
          {state.message || messages.registryView.failed}{" "}
          <button type="button" className="k-button" onClick={reload}>
            {messages.registryView.retry}
          </button>
        </p>
      )}
      {table && <StatusTableView table={table} year={year} />}
      <p className="k-regview-source">{messages.registryView.source}</p>
    </section>
  );
}

function StatusTableView({ table, year }: { readonly table: StatusTable; readonly year: number }) {
  if (table.rows.length === 0) return <p className="k-muted">{messages.registryView.empty(year)}</p>;
  return (
    <div className="k-table-scroll k-regview-frame">
      <table className="k-table k-regview-table">
        <thead>
          <tr>
            <th scope="col" className="k-regview-name">
              {messages.registryView.school}
            </th>
            {table.years.map((y) => (
              <th
                key={y}
                scope="col"
                className={`k-regview-year${y === year ? " k-regview-current" : ""}`}
                data-year={y}
              >
                {messages.registryView.year(y)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row) => (
            <tr key={row.schoolId} data-testid="registry-view-row" data-school={row.name}>
              <th scope="row" className="k-regview-name">
                {row.name}
              </th>
              {row.statuses.map((status, i) => (
                <td
                  key={table.years[i]}
                  className={`k-regview-year${table.years[i] === year ? " k-regview-current" : ""}`}
                  data-year={table.years[i]}
                  data-status={status ?? "none"}
                >
                  <span className={`k-regview-status k-status-${status ?? "none"}`}>
                    {status ? messages.schoolStatuses[status] : messages.registryView.noStatus}
                  </span>
                </td>
              ))}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{messages.registryView.shnorTotal}</th>
            {table.shnorTotals.map((count, i) => (
              <td
                key={table.years[i]}
                className="k-regview-year k-regview-total"
                data-testid={`registry-view-total-${table.years[i]}`}
              >
                {count}
              </td>
            ))}
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
