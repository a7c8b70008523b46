import { useCallback } from "react";
import { fetchAudit } from "../api/registryApi.ts";
import { useResource } from "../api/useResource.ts";
import { messages } from "../messages.ts";
import { Link } from "../router/Link.tsx";
import { documentPath } from "../router/routes.ts";
import { AdminLayout, LoadState } from "./AdminLayout.tsx";
import { auditRow } from "./auditText.ts";

const AUDIT_LIMIT = 200;
const timeFormat = new Intl.DateTimeFormat("ru-RU", {
  day: "2-digit",
  month: "2-digit",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
});

/** «Журнал»: the audit log of the coordinator's organisations, newest first. */
export function AuditPage() {
  const { state, reload } = useResource(useCallback((signal: AbortSignal) => fetchAudit(AUDIT_LIMIT, signal), []));
  return (
    <AdminLayout
      page="audit"
      title={messages.audit.pageTitle}
      intro={messages.audit.intro}
      actions={
        <button type="button" className="k-button" onClick={reload}>
          {messages.audit.refresh}
        </button>
      }
    >
      {state.status !== "ready" ? (
        <LoadState
          loading={messages.audit.loading}
          error={state.status === "error" ? state.message : null}
          onRetry={reload}
        />
      ) : (
        <section className="k-card k-card-flush" data-testid="audit-log">
          <div className="k-table-scroll">
            <table className="k-table k-audit-table">
              <thead>
                <tr>
                  <th className="k-col-time">{messages.audit.at}</th>
                  <th>{messages.audit.actor}</th>
                  <th>{messages.audit.action}</th>
                  <th>{messages.audit.subject}</th>
                  <th>{messages.audit.details}</th>
                </tr>
              </thead>
              <tbody>
                {state.data.length === 0 && (
                  <tr>
                    <td colSpan={5} className="k-muted">
                      {messages.audit.empty}
                    </td>
                  </tr>
                )}
                {state.data.map((entry) => {
                  const row = auditRow(entry);
                  return (
                    <tr key={entry.id} data-testid="audit-entry" data-action={entry.action}>
                      <td className="k-col-time">{formatTime(entry.at)}</td>
                      <td>{entry.actorName ?? <span className="k-muted">{messages.audit.system}</span>}</td>
                      <td>
                        <span className={`k-audit-action k-audit-${entry.action}`}>{row.action}</span>
                      </td>
                      <td>
                        {row.documentId ? (
                          <Link to={documentPath(row.documentId)}>{entry.subject}</Link>
                        ) : (
                          entry.subject
                        )}
                      </td>
                      <td className="k-muted">{row.details}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </section>
      )}
    </AdminLayout>
  );
}

function formatTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : timeFormat.format(date);
}
