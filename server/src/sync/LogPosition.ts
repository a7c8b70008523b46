/**
 * Which of a document's log entries a room holds: every sequence number up
 * to `contiguous`, and some after it. With one instance the room appends
 * every entry itself, in order, and there is never a gap; with several, an
 * entry another instance appended arrives over the fan-out, possibly late or
 * never, and a gap is what tells the room to read the log (DocRoom.catchUp).
 */
export class LogPosition {
  private readonly ahead = new Set<number>();

  constructor(private upTo: number) {}

  /** Every entry up to this one is in the room's document. */
  get contiguous(): number {
    return this.upTo;
  }

  /** Entries after `contiguous` are held while one before them is missing. */
  get hasGap(): boolean {
    return this.ahead.size > 0;
  }

  has(seq: number): boolean {
    return seq <= this.upTo || this.ahead.has(seq);
  }

  add(seq: number): void {
    if (this.has(seq)) return;
    this.ahead.add(seq);
    while (this.ahead.delete(this.upTo + 1)) this.upTo++;
  }

  /** The room's document now holds everything up to `seq` (a snapshot or a reload was applied). */
  holdsUpTo(seq: number): void {
    if (seq <= this.upTo) return;
    this.upTo = seq;
    for (const held of this.ahead) if (held <= seq) this.ahead.delete(held);
    while (this.ahead.delete(this.upTo + 1)) this.upTo++;
  }
}
