import type { AuditEntry } from "@karta/schema";
import { messages } from "../messages.ts";
import { Link } from "../router/Link.tsx";
import { documentPath } from "../router/routes.ts";
import { auditRow } from "./auditText.ts";

const timeFormat = new Intl.DateTimeFormat("ru-RU", {
  day: "2-digit",
  month: "2-digit",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
});

/** The journal's entries, newest first; an entry that happened N times says «×N» and when it last did. */
export function AuditTable({ entries }: { readonly entries: readonly AuditEntry[] }) {
  return (
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
          {entries.length === 0 && (
            <tr>
              <td colSpan={5} className="k-muted">
                {messages.audit.empty}
              </td>
            </tr>
          )}
          {entries.map((entry) => (
            <AuditEntryRow key={entry.id} entry={entry} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function AuditEntryRow({ entry }: { readonly entry: AuditEntry }) {
  const row = auditRow(entry);
  const repeated = entry.count > 1;
  return (
    <tr data-testid="audit-entry" data-action={entry.action}>
      <td className="k-col-time">
        {formatTime(entry.at)}
        {repeated && <div className="k-audit-last">{messages.audit.lastAt(formatTime(entry.lastAt))}</div>}
      </td>
      <td>
        {entry.actorName ?? (
          <span className="k-muted">
            {entry.action === "login-failed" ? messages.audit.unknownActor : messages.audit.system}
          </span>
        )}
      </td>
      <td>
        <span className={`k-audit-action k-audit-${entry.action}`}>{row.action}</span>
        {repeated && (
          <span className="k-audit-count" title={messages.audit.repeatedTitle(entry.count)} data-testid="audit-count">
            {messages.audit.repeated(entry.count)}
          </span>
        )}
      </td>
      <td>{row.documentId ? <Link to={documentPath(row.documentId)}>{entry.subject}</Link> : entry.subject}</td>
      <td className="k-muted">{row.details}</td>
    </tr>
  );
}

function formatTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : timeFormat.format(date);
}
