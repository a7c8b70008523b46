import { performance } from "node:perf_hooks";
import { KartaDocument } from "@karta/doc";
import type * as Y from "yjs";
import type { OrganisationTree } from "../access/OrganisationTree.ts";
import { readStoredDocument } from "../documents/storedDocument.ts";
import type { Logger } from "../log.ts";
import type { DocumentRecord, DocumentStore } from "../storage/DocumentStore.ts";
import { type DocumentFacts, documentFactsOf, parseFacts } from "./documentFacts.ts";
import { PeriodDeadlines } from "./periodDeadlines.ts";

export type DashboardListener = () => void;

/** A document's facts are computed again at most once per this many times what computing them took. */
const COST_FACTOR = 20;

export interface MonitoringDeps {
  readonly store: DocumentStore;
  readonly tree: () => Promise<OrganisationTree>;
  /** The live content of a loaded room (it may hold what is being stored), or null when not loaded. */
  readonly loadedDoc: (docId: string) => Promise<Y.Doc | null>;
  readonly log: Logger;
  /** How long after a document's last stored change its facts are computed again (bursts of typing: once). */
  readonly delayMs: number;
  /** A document's new facts are stored (several instances: the others' dashboards are told). */
  readonly factsStored?: (docId: string) => void;
}

/**
 * The read model behind «Мониторинг»: each document's facts (documentFacts.ts),
 * kept in SQL and in memory and computed again a moment after its content
 * changed, so that a dashboard is a few SQL reads and sums, never a load of
 * every document. Documents that have none yet (created before, or seeded
 * straight into the store) get theirs from the stored state on first request.
 * Whoever watches a municipality's dashboard hears when its figures may have
 * changed: a document's facts changed, or its summary did (a workflow step, a
 * new document, its comments).
 */
export class MonitoringReadModel {
  private readonly facts = new Map<string, DocumentFacts>();
  /** The JSON last stored per document: an unchanged result writes nothing and tells nobody. */
  private readonly storedJson = new Map<string, string>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly refreshing = new Map<string, Promise<void>>();
  private readonly listeners = new Map<string, Set<DashboardListener>>();
  private loaded: Promise<void> | null = null;
  private readonly deadlines = new PeriodDeadlines();
  /** How long the last computation of each document's facts took. */
  private readonly costMs = new Map<string, number>();

  constructor(private readonly deps: MonitoringDeps) {}

  /**
   * A document's content was stored: its facts are computed again after
   * `delayMs`, or after 20 times what the last computation of it took, so that
   * typing in a 10,000-row document costs the server a few per cent, not a
   * pass over its rows every second.
   */
  contentChanged(docId: string): void {
    if (this.timers.has(docId)) return;
    const delay = Math.max(this.deps.delayMs, (this.costMs.get(docId) ?? 0) * COST_FACTOR);
    const timer = setTimeout(() => {
      this.timers.delete(docId);
      void this.refresh(docId, true);
    }, delay);
    timer.unref();
    this.timers.set(docId, timer);
  }

  /** Something a dashboard shows of the document changed outside its content (its status, comments, a new one). */
  documentChanged(docId: string): void {
    // Nobody watches a dashboard: nothing to read or tell (facts do not depend on these events).
    if (this.listeners.size === 0) return;
    void this.deps.store
      .getDocument(docId)
      .then((record) => (record ? this.notify(record.organisationId) : undefined))
      .catch((error: unknown) => this.deps.log.error({ err: error, docId }, "could not tell the dashboards"));
  }

  /**
   * Another instance stored new facts of a document (its content is edited
   * there): they are read, and the dashboards watching here are told. In the
   * per-document order of refreshes, so an older computation never overwrites them.
   */
  storedElsewhere(docId: string): void {
    this.inTurn(docId, async () => {
      await this.load();
      const json = await this.deps.store.getDocumentFacts(docId);
      const facts = json === null ? null : parseFacts(json);
      if (json === null || facts === null || this.storedJson.get(docId) === json) return;
      this.facts.set(docId, facts);
      this.storedJson.set(docId, json);
      const record = await this.deps.store.getDocument(docId);
      if (record) await this.notify(record.organisationId);
    });
  }

  /** The facts of these documents, computing (and storing) those that have none yet. */
  async factsFor(records: readonly DocumentRecord[]): Promise<ReadonlyMap<string, DocumentFacts>> {
    await this.load();
    for (const record of records) {
      if (!this.facts.has(record.id)) await this.refresh(record.id, false);
    }
    return this.facts;
  }

  /** Listens to a municipality's dashboard until the returned function is called. */
  subscribe(municipalityId: string, listener: DashboardListener): () => void {
    const set = this.listeners.get(municipalityId) ?? new Set();
    const entry: DashboardListener = () => listener();
    set.add(entry);
    this.listeners.set(municipalityId, set);
    return () => {
      set.delete(entry);
      if (set.size === 0 && this.listeners.get(municipalityId) === set) this.listeners.delete(municipalityId);
    };
  }

  /** Computes what is pending now (the server is closing; rooms are flushed after). */
  async flush(): Promise<void> {
    const pending = [...this.timers.keys()];
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    await Promise.all(pending.map((docId) => this.refresh(docId, false)));
    await Promise.all(this.refreshing.values());
  }

  /** One refresh per document at a time, in order: a later one always reads later content. */
  private refresh(docId: string, notify: boolean): Promise<void> {
    return this.inTurn(docId, () => this.compute(docId, notify));
  }

  /** Runs `work` after what is already running for the document: its facts change in one order. */
  private inTurn(docId: string, work: () => Promise<void>): Promise<void> {
    const previous = this.refreshing.get(docId) ?? Promise.resolve();
    const next = previous
      .then(work)
      .catch((error: unknown) => this.deps.log.error({ err: error, docId }, "could not update the monitoring facts"));
    this.refreshing.set(docId, next);
    void next.then(() => {
      if (this.refreshing.get(docId) === next) this.refreshing.delete(docId);
    });
    return next;
  }

  private async compute(docId: string, notify: boolean): Promise<void> {
    await this.load();
    const record = await this.deps.store.getDocument(docId);
    if (!record) return;
    const live = await this.deps.loadedDoc(docId);
    const stored = live ? null : await readStoredDocument(this.deps.store, docId);
    try {
      const doc = KartaDocument.open(live ?? (stored?.doc as Y.Doc));
      if (!doc) return;
      const started = performance.now();
      const facts = await documentFactsOf(doc, record.year, this.deadlines);
      this.costMs.set(docId, performance.now() - started);
      const json = JSON.stringify(facts);
      this.facts.set(docId, facts);
      if (this.storedJson.get(docId) === json) return;
      await this.deps.store.putDocumentFacts(docId, json);
      this.storedJson.set(docId, json);
      this.deps.factsStored?.(docId);
      if (notify) await this.notify(record.organisationId);
    } finally {
      stored?.doc.destroy();
    }
  }

  /** Tells the dashboards of the municipality the organisation belongs to (a school's or its own). */
  private async notify(organisationId: string | null): Promise<void> {
    if (organisationId === null || this.listeners.size === 0) return;
    const tree = await this.deps.tree();
    for (const id of tree.ancestorsOrSelf(organisationId)) {
      if (tree.get(id)?.kind !== "municipality") continue;
      for (const listener of [...(this.listeners.get(id) ?? [])]) {
        try {
          listener();
        } catch (error) {
          this.deps.log.error({ err: error, municipalityId: id }, "a dashboard listener failed");
        }
      }
    }
  }

  private load(): Promise<void> {
    this.loaded ??= this.deps.store.listDocumentFacts().then(
      (stored) => {
        for (const [docId, json] of stored) {
          if (this.facts.has(docId)) continue;
          const facts = parseFacts(json);
          // Facts of another version are left out: the next request computes them again.
          if (facts) {
            this.facts.set(docId, facts);
            this.storedJson.set(docId, json);
          }
        }
      },
      (error: unknown) => {
        this.loaded = null; // the next call tries again
        throw error;
      },
    );
    return this.loaded;
  }
}
