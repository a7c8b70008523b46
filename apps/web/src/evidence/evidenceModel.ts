import { type EvidenceJson, hasEvidenceExtension, MAX_EVIDENCE_BYTES } from "@karta/schema";
import { ApiRequestError, failureMessage } from "../api/http.ts";
import { messages } from "../messages.ts";
import { addEvidenceLink, fetchEvidence, removeEvidence, reviewEvidence, uploadEvidenceFile } from "./evidenceApi.ts";
import { dropPendingEvidence, enqueueEvidence, type PendingEvidence, pendingEvidence } from "./evidenceQueue.ts";

export interface EvidenceTarget {
  readonly table: string;
  readonly rowId: string;
}

export interface EvidenceState {
  /** What the server holds, oldest first. */
  readonly items: readonly EvidenceJson[];
  /** Files chosen without a connection, waiting on this device. */
  readonly pending: readonly PendingEvidence[];
  /** The row whose list is open, if any. */
  readonly open: EvidenceTarget | null;
}

export const EVIDENCE_MEGABYTES = MAX_EVIDENCE_BYTES / (1024 * 1024);

/** The client's own checks before sending (the server checks again, by the bytes): a sentence, or null. */
export function evidenceFileProblem(file: { readonly name: string; readonly size: number }): string | null {
  if (file.size > MAX_EVIDENCE_BYTES) return messages.evidence.tooLarge(EVIDENCE_MEGABYTES);
  if (!hasEvidenceExtension(file.name)) return messages.evidence.wrongType;
  return null;
}

const sameRow = (target: EvidenceTarget) => (e: { readonly table: string; readonly rowId: string }) =>
  e.table === target.table && e.rowId === target.rowId;

/**
 * One open document's evidence, outside React: the server's list (read again
 * on each `evidence` event of the document's stream and when the page comes
 * back), the files waiting on this device, and which row's list is open.
 * Cells subscribe to their own row's count.
 */
export class EvidenceModel {
  private state: EvidenceState = { items: [], pending: [], open: null };
  private readonly listeners = new Set<() => void>();
  private flushing: Promise<void> | null = null;
  private flushAgain = false;
  private disposed = false;
  private loadGeneration = 0;

  constructor(
    readonly docId: string,
    private readonly notify: (text: string, tone: "info" | "error") => void,
  ) {}

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getState = (): EvidenceState => this.state;

  /** Files and links of a row, waiting ones included. */
  countAt(target: EvidenceTarget): number {
    const match = sameRow(target);
    return this.state.items.filter(match).length + this.state.pending.filter(match).length;
  }

  itemsOf(target: EvidenceTarget): { items: EvidenceJson[]; pending: PendingEvidence[] } {
    const match = sameRow(target);
    return { items: this.state.items.filter(match), pending: this.state.pending.filter(match) };
  }

  openRow(target: EvidenceTarget | null): void {
    this.set({ open: target });
  }

  dispose(): void {
    this.disposed = true;
    this.listeners.clear();
  }

  /** Reads the server's list again (no network: keeps what it has). */
  async reload(): Promise<void> {
    const generation = ++this.loadGeneration;
    try {
      const items = await fetchEvidence(this.docId);
      if (generation === this.loadGeneration) this.set({ items });
    } catch (error) {
      if (error instanceof ApiRequestError && error.kind === "unreachable") return;
      if (error instanceof ApiRequestError && error.status === 403) return;
      this.notify(messages.evidence.loadFailed, "error");
    }
  }

  /** Reads the waiting files of this document from the device. */
  async loadPending(): Promise<void> {
    try {
      this.set({ pending: await pendingEvidence(this.docId) });
    } catch {
      // No IndexedDB (a private window): nothing can have waited.
    }
  }

  /**
   * Attaches a file: checked here first (the same words as the server's
   * refusals); sent at once when there is a connection, otherwise kept on the
   * device and sent when it returns. Resolves with a refusal's sentence, or null.
   */
  async attachFile(target: EvidenceTarget, file: File): Promise<string | null> {
    const problem = evidenceFileProblem(file);
    if (problem) return problem;
    if (navigator.onLine) {
      try {
        await uploadEvidenceFile(this.docId, target, file.name, file);
        await this.reload();
        return null;
      } catch (error) {
        if (!(error instanceof ApiRequestError && error.kind === "unreachable")) return failureMessage(error);
      }
    }
    const item: PendingEvidence = {
      id: `${Date.now()}-${Math.random().toString(36).slice(2)}`,
      docId: this.docId,
      table: target.table,
      rowId: target.rowId,
      name: file.name,
      size: file.size,
      file,
      at: Date.now(),
    };
    try {
      await enqueueEvidence(item);
    } catch {
      return messages.evidence.failed;
    }
    this.set({ pending: [...this.state.pending, item] });
    return null;
  }

  /**
   * Sends the files waiting on this device, oldest first. A file the server
   * refuses (its type, its size, the rights) is dropped with a toast saying
   * why; without a network the rest waits for the next try.
   */
  flush(): Promise<void> {
    if (this.flushing) {
      this.flushAgain = true;
      return this.flushing;
    }
    this.flushing = (async () => {
      do {
        this.flushAgain = false;
        await this.flushOnce();
      } while (this.flushAgain && !this.disposed);
    })().finally(() => {
      this.flushing = null;
    });
    return this.flushing;
  }

  private async flushOnce(): Promise<void> {
    let waiting: PendingEvidence[];
    try {
      waiting = await pendingEvidence(this.docId);
    } catch {
      return;
    }
    let sent = 0;
    for (const item of waiting) {
      if (this.disposed) return;
      try {
        await uploadEvidenceFile(this.docId, item, item.name, item.file);
        sent++;
      } catch (error) {
        if (error instanceof ApiRequestError && error.kind === "unreachable") break;
        this.notify(messages.evidence.refusedPending(item.name, failureMessage(error)), "error");
      }
      await dropPendingEvidence(item.id).catch(() => {});
    }
    await this.loadPending();
    if (sent > 0) {
      await this.reload();
      this.notify(messages.evidence.sentPending(sent), "info");
    }
  }

  async addLink(target: EvidenceTarget, url: string, title: string): Promise<string | null> {
    return this.act(() => addEvidenceLink(this.docId, { ...target, url, ...(title ? { title } : {}) }));
  }

  async review(evidenceId: string, verdict: "accepted" | "rejected", reason = ""): Promise<string | null> {
    return this.act(() => reviewEvidence(this.docId, evidenceId, verdict, reason));
  }

  async remove(evidenceId: string): Promise<string | null> {
    return this.act(() => removeEvidence(this.docId, evidenceId));
  }

  /** A change on the server, then the list read again; a sentence when it failed. */
  private async act(change: () => Promise<unknown>): Promise<string | null> {
    try {
      await change();
    } catch (error) {
      return failureMessage(error, messages.evidence.failed);
    }
    await this.reload();
    return null;
  }

  private set(next: Partial<EvidenceState>): void {
    if (this.disposed) return;
    this.state = { ...this.state, ...next };
    for (const listener of [...this.listeners]) listener();
  }
}
