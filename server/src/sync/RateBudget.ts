/**
 * A token bucket: `perSecond` refill up to `burst`. Spending may take it below
 * zero (what a socket sent is spent whether or not it was allowed); `waitMs`
 * is how long until it is back above zero.
 */
export class RateBudget {
  private tokens: number;
  private updatedAt: number;

  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
    private readonly now: () => number = Date.now,
  ) {
    this.tokens = burst;
    this.updatedAt = now();
  }

  /** Spends `amount`; what is left, below zero when over budget. */
  spend(amount: number): number {
    this.refill();
    this.tokens -= amount;
    return this.tokens;
  }

  /** Milliseconds until the budget is positive again; 0 when it is. */
  waitMs(): number {
    this.refill();
    return this.tokens > 0 ? 0 : Math.ceil(((1 - this.tokens) / this.perSecond) * 1000);
  }

  private refill(): void {
    const now = this.now();
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.updatedAt) / 1000) * this.perSecond);
    this.updatedAt = now;
  }
}
