import { type CommentCounts, type DocumentSummary, getTemplate, type TransitionRecord } from "@karta/schema";
import type { Principal } from "../access/policy.ts";
import { documentAccess } from "../access/policy.ts";
import { countsFor } from "../comments/commentDigest.ts";
import type { Services } from "../services.ts";
import type { DocumentRecord, TransitionEntry } from "../storage/DocumentStore.ts";

/**
 * Documents as the API describes them to one person: their access, where each
 * stands in the agreement (status, order, history with names) and what its
 * comments hold for them. Documents they may not read are left out.
 */
export async function summariesFor(
  services: Services,
  principal: Principal,
  records: readonly DocumentRecord[],
  options: { withComments?: boolean } = {},
): Promise<DocumentSummary[]> {
  const tree = await services.access.tree();
  const readable = records.flatMap((record) => {
    const access = documentAccess(principal, tree, record.organisationId);
    return access === "none" ? [] : [{ record, access }];
  });
  if (readable.length === 0) return [];
  const [transitions, names, countsOf] = await Promise.all([
    services.store.listTransitions(readable.length === 1 ? [readable[0]?.record.id ?? ""] : undefined),
    accountNames(services),
    options.withComments ? commentCountsFor(services, principal.accountId) : null,
  ]);
  const history = new Map<string, TransitionRecord[]>();
  for (const entry of transitions) {
    const list = history.get(entry.docId) ?? [];
    list.push(transitionRecord(entry, names));
    history.set(entry.docId, list);
  }
  return readable.map(({ record, access }) =>
    toSummary(record, access, history.get(record.id) ?? [], countsOf?.(record.id)),
  );
}

/**
 * One document as GET /api/documents/:id describes it to this person (with its
 * comment counts); null when there is no such document or it is not theirs to
 * read. The events stream of a document answers and re-checks with this too.
 */
export async function documentSummaryFor(
  services: Services,
  principal: Principal,
  docId: string,
): Promise<DocumentSummary | null> {
  const record = await services.store.getDocument(docId);
  const [summary] = record ? await summariesFor(services, principal, [record], { withComments: true }) : [];
  return summary ?? null;
}

export function toSummary(
  record: DocumentRecord,
  access: DocumentSummary["access"],
  history: TransitionRecord[],
  comments?: CommentCounts,
): DocumentSummary {
  return {
    id: record.id,
    title: record.title,
    template: record.templateId,
    templateTitle: getTemplate(record.templateId)?.title,
    templateVersion: record.templateVersion,
    organisationId: record.organisationId ?? "",
    organisation: record.organisation,
    year: record.year,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    access,
    status: record.status,
    order: record.order,
    history,
    ...(comments ? { comments } : {}),
  };
}

export function transitionRecord(entry: TransitionEntry, names: ReadonlyMap<string, string>): TransitionRecord {
  return {
    action: entry.action,
    from: entry.from,
    to: entry.to,
    by: { id: entry.actorId, name: names.get(entry.actorId) ?? "" },
    at: entry.at,
    reason: entry.reason,
    order: entry.order,
  };
}

async function accountNames(services: Services): Promise<Map<string, string>> {
  return new Map((await services.directory.listAccounts()).map((a) => [a.id, a.fullName]));
}

/** The comment counts of each readable document for this person, for the documents list. */
export async function commentCountsFor(services: Services, accountId: string) {
  const [digests, seen] = await Promise.all([
    services.commentActivity.all(),
    services.store.listCommentsSeen(accountId),
  ]);
  return (docId: string) => countsFor(digests.get(docId) ?? null, accountId, seen.get(docId));
}
