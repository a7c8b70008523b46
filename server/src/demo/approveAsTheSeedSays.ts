import type { ApprovingOrder } from "@karta/schema";
import * as Y from "yjs";
import type { DocumentStore } from "../storage/DocumentStore.ts";

/**
 * Takes a freshly seeded document along the agreement as its seed records it:
 * submitted, agreed and approved by the order, on the order's date, with the
 * versions the workflow keeps at each step, so that "changed since agreement"
 * and the exports' «от 21.01.2022 № 156» work on the demo as on a real one.
 */
export async function approveAsTheSeedSays(
  store: DocumentStore,
  docId: string,
  actorId: string,
  order: ApprovingOrder,
): Promise<void> {
  const at = `${order.date}T09:00:00.000Z`;
  const { snapshot, updates } = await store.loadState(docId);
  const state = Y.mergeUpdates([...snapshot, ...updates]);
  const steps = [
    { action: "submit", from: "draft", to: "submitted", version: "submit" },
    { action: "agree", from: "submitted", to: "agreed", version: "agree" },
    { action: "approve", from: "agreed", to: "approved", version: "approve" },
  ] as const;
  for (const step of steps) {
    const moved = await store.recordTransition({
      docId,
      action: step.action,
      from: step.from,
      to: step.to,
      actorId,
      reason: null,
      order: step.action === "approve" ? order : null,
      at,
    });
    if (!moved) throw new Error(`demo document ${docId} is not ${step.from}`);
    await store.addVersion({ docId, kind: step.version, name: "", createdBy: actorId, createdAt: at }, state);
  }
}
