import { describe, expect, it } from "vitest";
import { RateBudget } from "./RateBudget.ts";

describe("RateBudget", () => {
  it("allows a burst, then waits for the refill of what was overspent", () => {
    let now = 0;
    const budget = new RateBudget(100, 10, () => now);
    budget.spend(10);
    expect(budget.waitMs()).toBe(10); // 1 token at 100/s
    budget.spend(50);
    expect(budget.waitMs()).toBe(510);
    now = 510;
    expect(budget.waitMs()).toBe(0);
  });

  it("is overdrawn after a second burst beyond the first", () => {
    const budget = new RateBudget(100, 10, () => 0);
    budget.spend(20);
    expect(budget.overdrawn).toBe(false);
    budget.spend(1);
    expect(budget.overdrawn).toBe(true);
  });

  it("never saves up more than the burst", () => {
    let now = 0;
    const budget = new RateBudget(100, 10, () => now);
    now = 60_000;
    budget.spend(11);
    expect(budget.waitMs()).toBeGreaterThan(0);
  });
});
