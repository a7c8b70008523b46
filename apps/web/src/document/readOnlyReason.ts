import { type AccessLevel, type DocumentSummary, getTemplate, type SessionInfo } from "@karta/schema";
import { messages } from "../messages.ts";

/** The access the page works with: the server's answer, or "unknown" when it could not be asked. */
export type PageAccess = AccessLevel | "unknown";

/**
 * Why the table is read-only for this person, in one sentence for the banner
 * above it; null when they may edit. A curator is told they curate this
 * school; a methodist or coordinator that a school's team fills it in.
 */
export function readOnlyReason(
  access: PageAccess,
  user: SessionInfo["user"] | null,
  summary: Pick<DocumentSummary, "organisationId" | "template"> | null,
): string | null {
  switch (access) {
    case "edit":
      return null;
    case "unknown":
      return messages.document.readOnly.unknown;
    case "read":
    case "none":
      return messages.document.readOnly.read;
    case "comment": {
      if (summary && user?.curatedSchoolIds.includes(summary.organisationId)) return messages.document.readOnly.curator;
      if (summary && getTemplate(summary.template)?.scope === "school") return messages.document.readOnly.schoolComment;
      return messages.document.readOnly.comment;
    }
  }
}
