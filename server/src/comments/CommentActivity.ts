import { readThreads } from "@karta/doc";
import type * as Y from "yjs";
import type { AuditLog } from "../audit/AuditLog.ts";
import type { Logger } from "../log.ts";
import type { DocumentStore } from "../storage/DocumentStore.ts";
import { type CommentDigest, digestChanges, digestOf, parseDigest } from "./commentDigest.ts";

/**
 * Follows what the comments rooms store: after each stored update, the
 * document's digest is brought up to date (in SQL, for the documents list)
 * and what happened goes into the journal. Refreshes of one document run one
 * after another, so each is diffed against the one before it.
 */
export class CommentActivity {
  private readonly digests = new Map<string, CommentDigest | null>();
  private readonly chains = new Map<string, Promise<void>>();
  private loaded: Promise<void> | null = null;

  constructor(
    private readonly store: DocumentStore,
    private readonly audit: AuditLog,
    private readonly log: Logger,
  ) {}

  /** The comments room of `docId` stored an update: its doc is read now, the rest follows asynchronously. */
  stored(docId: string, comments: Y.Doc): Promise<void> {
    const threads = readThreads(comments);
    const previous = this.chains.get(docId) ?? Promise.resolve();
    const next = previous
      .then(() => this.refresh(docId, threads))
      .catch((error: unknown) => this.log.error({ err: error, docId }, "could not update the comments digest"));
    this.chains.set(docId, next);
    void next.then(() => {
      if (this.chains.get(docId) === next) this.chains.delete(docId);
    });
    return next;
  }

  /** Every document's digest, by id (documents whose comments never changed have none). */
  async all(): Promise<ReadonlyMap<string, CommentDigest | null>> {
    await this.load();
    return this.digests;
  }

  private async refresh(docId: string, threads: ReturnType<typeof readThreads>): Promise<void> {
    await this.load();
    const previous = this.digests.get(docId) ?? null;
    const next = digestOf(threads, previous, new Date().toISOString());
    await this.store.putCommentDigest(docId, JSON.stringify(next));
    this.digests.set(docId, next);
    const events = digestChanges(previous, next);
    if (events.length === 0) return;
    const record = await this.store.getDocument(docId);
    for (const event of events) {
      await this.audit.record({
        action: event.action,
        actorId: event.actorId,
        scopeOrganisationId: record?.organisationId ?? null,
        subject: record ? `${record.title} (${record.organisation})` : docId,
        details: event.text,
      });
    }
  }

  private load(): Promise<void> {
    this.loaded ??= this.store.listCommentDigests().then(
      (stored) => {
        for (const [docId, json] of stored) if (!this.digests.has(docId)) this.digests.set(docId, parseDigest(json));
      },
      (error: unknown) => {
        this.loaded = null; // the next call tries again
        throw error;
      },
    );
    return this.loaded;
  }
}
