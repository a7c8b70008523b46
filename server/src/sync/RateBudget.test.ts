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

  it("says what is left after spending, below zero when over the budget", () => {
    const budget = new RateBudget(100, 10, () => 0);
    expect(budget.spend(4)).toBe(6);
    expect(budget.spend(26)).toBe(-20);
  });
});
