import { MEASURE_STATUSES } from "@karta/schema";
import { describe, expect, it } from "vitest";
import { enumTone } from "./enumTone.ts";

describe("enumTone", () => {
  it("colours each measure status apart and other options neutral", () => {
    expect(MEASURE_STATUSES.map((s) => enumTone(MEASURE_STATUSES, s))).toEqual([
      "planned",
      "active",
      "done",
      "failed",
      "moved",
    ]);
    expect(enumTone(MEASURE_STATUSES, "не статус")).toBe("neutral");
    expect(enumTone(["выполнено"], "выполнено")).toBe("neutral");
  });
});
