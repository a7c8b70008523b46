import { describe, expect, it } from "vitest";
import { cellValueSchema, MAX_CELL_TEXT_LENGTH } from "./columnTypes.ts";

const ok = (kind: Parameters<typeof cellValueSchema>[0], v: unknown) => cellValueSchema(kind).safeParse(v).success;

describe("cell values", () => {
  it("keep a Сроки phrase as typed text", () => {
    expect(ok({ kind: "period" }, "Не реже 1 раза в четверть")).toBe(true);
    expect(ok({ kind: "period" }, 2022)).toBe(false);
  });

  it("accept ISO dates only in date columns", () => {
    expect(ok({ kind: "date" }, "2022-01-26")).toBe(true);
    expect(ok({ kind: "date" }, "26.01.2022")).toBe(false);
    expect(ok({ kind: "date" }, "2022-02-30")).toBe(false);
  });

  it("check numbers against bounds and integrality", () => {
    const teachers = { kind: "number", min: 0, integer: true } as const;
    expect(ok(teachers, 16)).toBe(true);
    expect(ok(teachers, 1.5)).toBe(false);
    expect(ok(teachers, -1)).toBe(false);
    expect(ok(teachers, Number.NaN)).toBe(false);
  });

  it("allow an empty cell in every type but never an object", () => {
    for (const kind of ["text", "longText", "period", "people", "date", "boolean"] as const) {
      expect(ok({ kind }, null)).toBe(true);
      expect(ok({ kind }, { evil: true })).toBe(false);
    }
  });

  it("refuse text beyond the cell limit", () => {
    expect(ok({ kind: "text" }, "я".repeat(MAX_CELL_TEXT_LENGTH + 1))).toBe(false);
  });

  it("refuse any value in the derived № column", () => {
    expect(ok({ kind: "rowNumber" }, 1)).toBe(false);
  });
});
