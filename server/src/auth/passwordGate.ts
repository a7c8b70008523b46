/** Thrown at once, without waiting, when every slot is taken and the queue is full. */
export class GateFullError extends Error {
  constructor() {
    super("password gate full");
  }
}

/**
 * At most `concurrency` tasks at once, the rest waiting in arrival order up to
 * `queueLimit`; a task beyond that is refused at once. scrypt runs in libuv's
 * small thread pool: unbounded, a flood of guesses would starve real logins
 * and the file I/O that shares the pool.
 */
export class PasswordGate {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    private readonly concurrency: number,
    private readonly queueLimit: number,
  ) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.running < this.concurrency) this.running++;
    else if (this.waiting.length >= this.queueLimit) throw new GateFullError();
    // The slot is handed over by the task that ends, so `running` stays as it is.
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    try {
      return await task();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }
}

/**
 * One task per key at a time: a second login from a source whose first is
 * still under way is refused at once, so one source can hold one slot of the
 * password gate, not all of them.
 */
export class OnePerKey {
  private readonly busy = new Set<string>();

  /** A function that frees the key, or null when the key is taken. */
  enter(key: string): (() => void) | null {
    if (this.busy.has(key)) return null;
    this.busy.add(key);
    return () => this.busy.delete(key);
  }
}
