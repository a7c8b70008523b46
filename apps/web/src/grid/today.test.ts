import { describe, expect, it } from "vitest";
import { msUntilNextDay, todayIso } from "./today.ts";

describe("today", () => {
  it("is the local calendar date", () => {
    expect(todayIso(new Date(2022, 0, 31, 23, 59))).toBe("2022-01-31");
    expect(todayIso(new Date(2022, 1, 1, 0, 0))).toBe("2022-02-01");
  });

  it("changes just after the next local midnight", () => {
    const evening = new Date(2022, 0, 31, 23, 59, 0);
    expect(msUntilNextDay(evening)).toBe(61_000);
    expect(todayIso(new Date(evening.getTime() + msUntilNextDay(evening)))).toBe("2022-02-01");
    expect(msUntilNextDay(new Date(2022, 1, 1, 0, 0, 1))).toBe(24 * 60 * 60 * 1000);
  });
});
