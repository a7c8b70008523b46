/**
 * Group commit: the writes asked for during one turn of the event loop, from
 * every room, are committed in one transaction, and each caller's promise
 * resolves only after that transaction committed. A commit costs the same
 * few page writes (and, with synchronous=FULL or PostgreSQL, the same flush)
 * whether it holds one update or a thousand, so under load the cost per
 * update falls while what is durable when stays as it was: nothing is
 * acknowledged or broadcast before it is stored.
 *
 * While an (asynchronous) commit is in flight, new writes gather for the
 * next one: one commit at a time, each as large as the load makes it.
 * If a batch fails, its writes are committed one by one, so that only the
 * write that cannot be stored fails (its room is unloaded), not its
 * neighbours in the batch.
 */
export class GroupCommit<Write, Result> {
  private pending: Pending<Write, Result>[] = [];
  private scheduled = false;
  private inFlight: Promise<void> | null = null;

  constructor(
    /** Commits the writes in one transaction; returns their results in order, or throws having stored none. */
    private readonly commit: (writes: readonly Write[]) => readonly Result[] | Promise<readonly Result[]>,
    /** Called (before the promises reject) for writes that failed, so that derived caches can be dropped. */
    private readonly onFailure: (writes: readonly Write[]) => void = () => {},
    /**
     * 0: commit at the end of the turn (what is acknowledged waits for it). More: gather
     * for that many milliseconds first, for records nobody waits for.
     */
    private readonly delayMs = 0,
  ) {}

  /** Resolves with the write's result once it is committed. */
  submit(write: Write): Promise<Result> {
    return new Promise<Result>((resolve, reject) => {
      this.pending.push({ write, resolve, reject });
      this.schedule();
    });
  }

  /** Resolves when every write submitted so far is committed (or failed). */
  async drain(): Promise<void> {
    while (this.pending.length > 0 || this.inFlight !== null) {
      if (this.inFlight !== null) await this.inFlight;
      else await this.flush();
    }
  }

  private schedule(): void {
    if (this.scheduled || this.inFlight !== null) return;
    this.scheduled = true;
    const run = () => {
      this.scheduled = false;
      void this.flush();
    };
    // setImmediate runs after the I/O callbacks of this turn: every message read in it is in the batch.
    if (this.delayMs === 0) setImmediate(run);
    else setTimeout(run, this.delayMs).unref();
  }

  private flush(): Promise<void> {
    if (this.inFlight !== null || this.pending.length === 0) return this.inFlight ?? Promise.resolve();
    const batch = this.pending.splice(0);
    this.inFlight = this.commitBatch(batch).finally(() => {
      this.inFlight = null;
      if (this.pending.length > 0) this.schedule();
    });
    return this.inFlight;
  }

  private async commitBatch(batch: readonly Pending<Write, Result>[]): Promise<void> {
    try {
      const results = await this.commit(batch.map((p) => p.write));
      for (const [i, p] of batch.entries()) p.resolve(results[i] as Result);
      return;
    } catch (error) {
      if (batch.length === 1) {
        this.fail(batch, error);
        return;
      }
    }
    for (const one of batch) {
      try {
        const [result] = await this.commit([one.write]);
        one.resolve(result as Result);
      } catch (error) {
        this.fail([one], error);
      }
    }
  }

  private fail(batch: readonly Pending<Write, Result>[], error: unknown): void {
    this.onFailure(batch.map((p) => p.write));
    for (const p of batch) p.reject(error);
  }
}

interface Pending<Write, Result> {
  readonly write: Write;
  resolve(result: Result): void;
  reject(error: unknown): void;
}
