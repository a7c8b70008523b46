import { lastDeadline, parsePeriod } from "@karta/domain";

/** How many «Сроки» readings are remembered: every distinct text of a big region's documents, a few MiB. */
const REMEMBERED = 50_000;
/** Texts read between two turns of the event loop, so a 10,000-row document never stalls sockets. */
const PER_TURN = 200;

/**
 * The last deadline of each «Сроки» text in a year, remembered: reading a text
 * is the costly part of a document's facts (~0.1 ms each), and texts repeat
 * across rows, documents and refreshes. `prepare` reads the new texts a few
 * hundred at a time, yielding between; `deadline` is then a lookup.
 */
export class PeriodDeadlines {
  private readonly known = new Map<string, string | null>();

  async prepare(texts: Iterable<string>, year: number): Promise<void> {
    let read = 0;
    for (const text of texts) {
      const key = keyOf(text, year);
      if (this.known.has(key)) {
        this.touch(key);
        continue;
      }
      this.remember(key, lastDeadline(parsePeriod(text, { year })));
      if (++read % PER_TURN === 0) await new Promise((resolve) => setImmediate(resolve));
    }
  }

  /** The deadline of a text (read now if `prepare` did not see it). */
  deadline(text: string, year: number): string | null {
    const key = keyOf(text, year);
    if (this.known.has(key)) return this.known.get(key) ?? null;
    const deadline = lastDeadline(parsePeriod(text, { year }));
    this.remember(key, deadline);
    return deadline;
  }

  private touch(key: string): void {
    const value = this.known.get(key) ?? null;
    this.known.delete(key);
    this.known.set(key, value);
  }

  private remember(key: string, deadline: string | null): void {
    this.known.set(key, deadline);
    // A Map iterates in insertion order: the first key is the least recently used.
    if (this.known.size > REMEMBERED) this.known.delete(this.known.keys().next().value as string);
  }
}

const keyOf = (text: string, year: number) => `${year}\u0000${text}`;
