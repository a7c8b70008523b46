import type { DocumentEvent, DocumentEventListener, DocumentEvents } from "../documents/DocumentEvents.ts";
import type { Fanout } from "./Fanout.ts";

/**
 * Document events of several instances: what is published here is heard by
 * this instance's listeners at once and relayed to the others, and what they
 * relay is heard here, so a page or dashboard hears of a step taken, a
 * comment or a conflict whichever instance its stream is on. Delivery across
 * instances is best effort (Redis pub/sub): a lost event only delays a page,
 * which reads afresh on the next one.
 */
export class ClusterDocumentEvents implements DocumentEvents {
  constructor(
    private readonly local: DocumentEvents,
    private readonly fanout: Fanout,
  ) {
    fanout.onDocumentEvent((docId, event) => {
      // Monitoring facts are the read model's business (createServer wires them), not a page's.
      if (event.type !== "facts") local.publish(docId, event);
    });
  }

  publish(docId: string, event: DocumentEvent): void {
    this.local.publish(docId, event);
    this.fanout.publishDocumentEvent(docId, event);
  }

  subscribe(docId: string, listener: DocumentEventListener): () => void {
    return this.local.subscribe(docId, listener);
  }

  subscribeAll(listener: (docId: string, event: DocumentEvent) => void): () => void {
    return this.local.subscribeAll(listener);
  }
}
