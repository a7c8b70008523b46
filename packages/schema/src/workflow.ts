import { z } from "zod";

/**
 * Where a document stands in the yearly agreement (DOMAIN "The yearly cycle",
 * step 4): черновик → на согласовании → на доработке ↔ на согласовании →
 * согласовано → утверждено. Kept by the server in SQL, never in a document a
 * client can write; the web app names them in messages.ts.
 */
export const DOCUMENT_STATUSES = ["draft", "submitted", "returned", "agreed", "approved"] as const;
export const documentStatus = z.enum(DOCUMENT_STATUSES);
export type DocumentStatus = z.infer<typeof documentStatus>;

export const TRANSITION_ACTIONS = ["submit", "return", "agree", "approve", "reopen"] as const;
export const transitionAction = z.enum(TRANSITION_ACTIONS);
export type TransitionAction = z.infer<typeof transitionAction>;

/**
 * Which status each action leads to, from which statuses. `reopen` is the
 * coordinator's way back to черновик from anywhere past it.
 */
const TRANSITIONS: Record<TransitionAction, { from: readonly DocumentStatus[]; to: DocumentStatus }> = {
  submit: { from: ["draft", "returned"], to: "submitted" },
  return: { from: ["submitted"], to: "returned" },
  agree: { from: ["submitted"], to: "agreed" },
  approve: { from: ["agreed"], to: "approved" },
  reopen: { from: ["submitted", "returned", "agreed", "approved"], to: "draft" },
};

/** The status `action` leads to from `status`, or null when the current status does not allow it. */
export function nextStatus(status: DocumentStatus, action: TransitionAction): DocumentStatus | null {
  const rule = TRANSITIONS[action];
  return rule.from.includes(status) ? rule.to : null;
}

/** While on agreement nobody changes the content: the curator reads what was submitted. */
export function isContentLocked(status: DocumentStatus): boolean {
  return status === "submitted";
}

/** The reason of y-protocols' "permission denied" for an update to a locked document. */
export const LOCKED_FOR_AGREEMENT_REASON = "on-agreement";

/** The approving order: «Приказ № 12 от 15.02.2023». */
export const approvingOrder = z.strictObject({
  number: z.string().trim().min(1).max(64),
  /** ISO date, YYYY-MM-DD. */
  date: z.iso.date(),
});
export type ApprovingOrder = z.infer<typeof approvingOrder>;

/** POST /api/documents/<id>/transitions */
export const transitionRequest = z.strictObject({
  action: transitionAction,
  /** Required to return a document: the school reads why. */
  reason: z.string().trim().max(2_000).optional(),
  /** Required to approve. */
  order: approvingOrder.optional(),
});
export type TransitionRequest = z.infer<typeof transitionRequest>;

/** One step of a document's history: who moved it, when, from where to where, and why. */
export const transitionRecord = z.object({
  action: transitionAction,
  from: documentStatus,
  to: documentStatus,
  by: z.object({ id: z.string(), name: z.string() }),
  at: z.string(),
  reason: z.string().nullable(),
  order: approvingOrder.nullable(),
});
export type TransitionRecord = z.infer<typeof transitionRecord>;

export const VERSION_KINDS = ["submit", "agree", "approve", "named", "daily"] as const;

/** GET /api/documents/<id>/versions: newest first; the state itself is at …/versions/<vid>/update. */
export const versionJson = z.object({
  id: z.number().int(),
  kind: z.enum(VERSION_KINDS),
  /** A named version's name («Перед совещанием»); empty for the others. */
  name: z.string(),
  createdBy: z.object({ id: z.string(), name: z.string() }).nullable(),
  createdAt: z.string(),
});
export type VersionJson = z.infer<typeof versionJson>;

/** POST /api/documents/<id>/versions («Сохранить версию») */
export const versionRequest = z.strictObject({ name: z.string().trim().min(1).max(200) });

/** GET /api/documents/<id>/changes?since=agreed: what differs from the last agreed version. */
export const changesResponse = z.object({
  /** The version compared with: the last agreement. */
  since: z.object({ versionId: z.number().int(), at: z.string() }),
  changes: z.array(
    z.discriminatedUnion("kind", [
      z.object({
        kind: z.literal("cell"),
        table: z.string(),
        rowId: z.string(),
        /** № of the row now. */
        rowNumber: z.number().int(),
        columnId: z.string(),
        columnTitle: z.string(),
        agreed: z.union([z.string(), z.number(), z.boolean(), z.null()]),
        current: z.union([z.string(), z.number(), z.boolean(), z.null()]),
      }),
      z.object({ kind: z.literal("rowAdded"), table: z.string(), rowId: z.string(), rowNumber: z.number().int() }),
      z.object({
        kind: z.literal("rowDeleted"),
        table: z.string(),
        rowId: z.string(),
        agreed: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
      }),
      z.object({ kind: z.literal("rowMoved"), table: z.string(), rowId: z.string(), rowNumber: z.number().int() }),
      z.object({
        kind: z.literal("paragraph"),
        section: z.string(),
        sectionTitle: z.string(),
        index: z.number().int(),
        /** The paragraph's text when agreed (null: added since) and now (null: removed since). */
        agreed: z.string().nullable(),
        current: z.string().nullable(),
      }),
    ]),
  ),
});
export type ChangesResponse = z.infer<typeof changesResponse>;

const cellValueJson = z.union([z.string(), z.number(), z.boolean(), z.null()]);
const personJson = z.object({ id: z.string(), name: z.string() }).nullable();

/** GET /api/documents/<id>/cells/history?table=&rowId=&columnId= («История ячейки»), newest first. */
export const cellHistoryEntry = z.object({ value: cellValueJson, by: personJson, at: z.string() });
export type CellHistoryEntry = z.infer<typeof cellHistoryEntry>;

/**
 * GET /api/documents/<id>/conflicts: cells where two people wrote apart (one
 * offline) and Yjs kept one value; each stays until someone picks a value.
 */
export const cellConflictJson = z.object({
  id: z.number().int(),
  table: z.string(),
  rowId: z.string(),
  columnId: z.string(),
  /** The value the cell shows, and the one that was dropped, with their authors. */
  kept: z.object({ value: cellValueJson, by: personJson }),
  lost: z.object({ value: cellValueJson, by: personJson }),
  at: z.string(),
});
export type CellConflictJson = z.infer<typeof cellConflictJson>;

/** POST /api/documents/<id>/conflicts/<cid>/resolve: the value the cell keeps. */
export const resolveConflictRequest = z.strictObject({ value: cellValueJson });
