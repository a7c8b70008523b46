/**
 * What happened to a document that its open pages should hear about. Events
 * carry no data meant for a person: each listener decides what its own user
 * may see (the summary is per person: access, comment counts) when it hears one.
 *
 * - `summary`: something happened that the document's summary carries or its
 *   page should hear of (a workflow step, a version saved or restored, its
 *   comments, its school's name).
 * - `conflicts`: a cell conflict was recorded or resolved.
 */
export type DocumentEvent = { readonly type: "summary" } | { readonly type: "conflicts" };

export type DocumentEventListener = (event: DocumentEvent) => void;

/**
 * The fan-out of document events: routes and hooks publish, the events stream
 * of each open page subscribes. In process today; with several server
 * instances the same interface sits over Redis pub/sub, so publishers and
 * subscribers never assume they share a process (events are plain data).
 */
export interface DocumentEvents {
  publish(docId: string, event: DocumentEvent): void;
  /** Listens to one document's events until the returned function is called. */
  subscribe(docId: string, listener: DocumentEventListener): () => void;
  /** Listens to every document's events (the dashboards' read model) until the returned function is called. */
  subscribeAll(listener: (docId: string, event: DocumentEvent) => void): () => void;
}

/** One process's DocumentEvents: listeners by document, called synchronously. */
export class InProcessDocumentEvents implements DocumentEvents {
  private readonly listeners = new Map<string, Set<DocumentEventListener>>();
  private readonly everything = new Set<(docId: string, event: DocumentEvent) => void>();

  constructor(private readonly onListenerError: (error: unknown, docId: string) => void = () => {}) {}

  publish(docId: string, event: DocumentEvent): void {
    // A copy: a listener may unsubscribe (its stream closed) while we call the others.
    const listeners = [
      ...(this.listeners.get(docId) ?? []),
      ...[...this.everything].map((l) => (e: DocumentEvent) => l(docId, e)),
    ];
    for (const listener of listeners) {
      try {
        listener(event);
      } catch (error) {
        this.onListenerError(error, docId);
      }
    }
  }

  subscribeAll(listener: (docId: string, event: DocumentEvent) => void): () => void {
    const entry = (docId: string, event: DocumentEvent) => listener(docId, event);
    this.everything.add(entry);
    return () => {
      this.everything.delete(entry);
    };
  }

  subscribe(docId: string, listener: DocumentEventListener): () => void {
    const set = this.listeners.get(docId) ?? new Set();
    // Wrapped, so that one listener subscribed twice is two subscriptions, each removed by its own call.
    const entry: DocumentEventListener = (event) => listener(event);
    set.add(entry);
    this.listeners.set(docId, set);
    return () => {
      set.delete(entry);
      if (set.size === 0 && this.listeners.get(docId) === set) this.listeners.delete(docId);
    };
  }

  /** Documents with at least one listener (for tests and health). */
  get subscribedDocuments(): number {
    return this.listeners.size;
  }
}

/**
 * Publishes at most one event of a kind per document per `delayMs`: for
 * changes that come in bursts (a thread and its replies move the summary's
 * comment counts), so that readers get one summary a few seconds after, not
 * one per change. Steps people wait for (a transition, a restore) are
 * published directly, never through this.
 */
export class CoalescedPublisher {
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly events: DocumentEvents,
    private readonly delayMs: number,
  ) {}

  soon(docId: string, event: DocumentEvent): void {
    const key = `${event.type}\u0000${docId}`;
    if (this.timers.has(key)) return;
    const timer = setTimeout(() => {
      this.timers.delete(key);
      this.events.publish(docId, event);
    }, this.delayMs);
    timer.unref();
    this.timers.set(key, timer);
  }

  /** Drops whatever is pending (server shutdown). */
  close(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }
}
