import { AgreedBaseline } from "@karta/doc";
import type { DocumentTemplate } from "@karta/schema";

/** How many documents' agreed versions stay decoded: the ones people are looking at. */
const DEFAULT_LIMIT = 64;

/**
 * Decoded agreed versions, by document and version: decoding a 10,000-row
 * version takes half a second (docs/benchmarks.md), and every page that shows
 * "changed since agreement" asks for the changes a moment after each edit, so
 * a version is decoded once per agreement, not once per question. Least
 * recently used first out.
 */
export class BaselineCache {
  private readonly entries = new Map<string, AgreedBaseline>();

  constructor(private readonly limit = DEFAULT_LIMIT) {}

  async get(
    docId: string,
    versionId: number,
    template: DocumentTemplate,
    loadState: () => Promise<Uint8Array | null>,
  ): Promise<AgreedBaseline | null> {
    const key = `${docId}\u0000${versionId}`;
    const cached = this.entries.get(key);
    if (cached) {
      this.entries.delete(key);
      this.entries.set(key, cached);
      return cached;
    }
    const state = await loadState();
    if (!state) return null;
    const baseline = new AgreedBaseline(template, state);
    // A newer agreement replaces the document's older baseline.
    for (const old of this.entries.keys()) if (old.startsWith(`${docId}\u0000`)) this.entries.delete(old);
    this.entries.set(key, baseline);
    while (this.entries.size > this.limit) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
    return baseline;
  }
}
