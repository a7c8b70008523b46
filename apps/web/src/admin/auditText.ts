import { type AuditEntry, documentId, ROLES, SCHOOL_STATUSES } from "@karta/schema";
import { messages } from "../messages.ts";

/** An audit entry as the table shows it. */
export interface AuditRow {
  readonly action: string;
  readonly details: string;
  /** The document an entry is about, for a link. */
  readonly documentId: string | null;
}

const GRANT = /^([a-z_]+) @ (.+)$/;
const STATUS = /^(\d{4}): (.+)$/;
const YEARLY = /^(\d+) documents of the year$/;
const REFUSED = /^update refused: (.+)$/;
/** A login's details end with the source address: «wrong password from 127.0.0.2», «from 127.0.0.1». */
const FROM_SOURCE = /^(?:(.+) )?from (\S+)$/;

/**
 * The server writes details for machines and people at once («curator @
 * Славянский район», «2022: shnor», JSON of a change); the table says them
 * in Russian. Anything unknown is shown as it is.
 */
export function auditRow(entry: AuditEntry): AuditRow {
  const action = messages.audit.actions[entry.action] ?? entry.action;
  return { action, details: auditDetails(entry), documentId: linkedDocument(entry) };
}

export function auditDetails(entry: AuditEntry): string {
  const raw = entry.details.trim();
  const known = messages.audit.detail[raw];
  if (known) return known;
  switch (entry.action) {
    case "login":
    case "login-failed": {
      const match = FROM_SOURCE.exec(raw);
      if (!match) return raw;
      const what = match[1] ?? "";
      return messages.audit.fromSource(messages.audit.detail[what] ?? what, match[2] ?? "");
    }
    case "role-granted":
    case "role-revoked": {
      const match = GRANT.exec(raw);
      const role = match?.[1];
      if (match && role && (ROLES as readonly string[]).includes(role)) {
        return messages.people.roleAt(messages.roles[role] ?? role, match[2] ?? "");
      }
      return raw;
    }
    case "school-status-set": {
      const match = STATUS.exec(raw);
      if (!match) return raw;
      const status = match[2] ?? "";
      const label = (SCHOOL_STATUSES as readonly string[]).includes(status)
        ? (messages.schoolStatuses[status] ?? status)
        : messages.schools.noStatus;
      return `${match[1]}: ${label}`;
    }
    case "school-updated":
      return schoolChanges(raw);
    case "document-created": {
      const yearly = YEARLY.exec(raw);
      if (yearly) return messages.audit.documentsOfYear(Number(yearly[1]));
      return documentId.safeParse(raw).success ? "" : raw;
    }
    case "access-refused": {
      const refused = REFUSED.exec(raw);
      if (refused) return messages.audit.detail[raw] ?? raw;
      return raw.startsWith("websocket ") ? "" : raw;
    }
    default:
      return raw;
  }
}

function linkedDocument(entry: AuditEntry): string | null {
  if (entry.action === "document-created" && documentId.safeParse(entry.details.trim()).success) {
    return entry.details.trim();
  }
  return null;
}

/** `{"name":"…","schoolType":"ООШ"}` → «название: …; тип: ООШ». */
function schoolChanges(raw: string): string {
  try {
    const changes = JSON.parse(raw) as Record<string, unknown>;
    const parts: string[] = [];
    if (typeof changes.name === "string") parts.push(`${messages.audit.schoolName}: ${changes.name}`);
    if (typeof changes.schoolType === "string") parts.push(`${messages.audit.schoolType}: ${changes.schoolType}`);
    return parts.length > 0 ? parts.join("; ") : raw;
  } catch {
    return raw;
  }
}
