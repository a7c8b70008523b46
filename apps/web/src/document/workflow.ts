import {
  type DocumentSummary,
  nextStatus,
  type SessionInfo,
  TRANSITION_ACTIONS,
  type TransitionAction,
  type TransitionRecord,
} from "@karta/schema";
import { messages } from "../messages.ts";

type WorkflowFacts = Pick<DocumentSummary, "status" | "order" | "access" | "organisationId">;

/** «15.02.2023» from the order's ISO date (kept as is when it is not one). */
export function formatOrderDate(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return match ? `${match[3]}.${match[2]}.${match[1]}` : iso;
}

/**
 * The status as the header says it: «На согласовании», «Утверждено приказом
 * № 12 от 15.02.2023»; «…, есть изменения» once something differs from the
 * agreed version.
 */
export function statusText(summary: Pick<DocumentSummary, "status" | "order">, changed = false): string {
  const { status, order } = summary;
  if (status === "approved" && order) {
    const date = formatOrderDate(order.date);
    return changed
      ? messages.workflow.approvedWithChanges(order.number, date)
      : messages.workflow.approvedBy(order.number, date);
  }
  if (status === "agreed" && changed) return messages.workflow.agreedWithChanges;
  return messages.workflow.status[status] ?? status;
}

/**
 * The steps to offer this person: those the status allows and their role
 * suggests. The server decides (403 otherwise); this only keeps buttons that
 * could not work off the screen. Submit is for editors; return and agree for
 * the school's curator, methodists and coordinators; approve and reopen for
 * coordinators of the document's organisation.
 */
export function offeredActions(summary: WorkflowFacts, user: SessionInfo["user"] | null): TransitionAction[] {
  if (!user) return [];
  // The session names the nodes of one's grants, not the schools below them: a coordinator or
  // methodist who may read the document is taken to be one above it (the server has the last word).
  const holds = (role: string) => summary.access !== "none" && user.roles.some((r) => r.role === role);
  const coordinator = holds("coordinator");
  const methodist = holds("methodist");
  const curator = user.curatedSchoolIds.includes(summary.organisationId);
  const may: Record<TransitionAction, boolean> = {
    submit: summary.access === "edit",
    return: curator || methodist || coordinator,
    agree: curator || methodist || coordinator,
    approve: coordinator,
    reopen: coordinator,
  };
  return TRANSITION_ACTIONS.filter((action) => may[action] && nextStatus(summary.status, action) !== null);
}

/** Why the document was sent back, while it is на доработке: the last return. */
export function lastReturn(summary: Pick<DocumentSummary, "status" | "history">): TransitionRecord | null {
  if (summary.status !== "returned") return null;
  for (let i = summary.history.length - 1; i >= 0; i--) {
    const step = summary.history[i];
    if (step?.action === "return") return step;
  }
  return null;
}
