import type { ColumnType } from "@karta/schema";
import { describe, expect, it } from "vitest";
import { parseSheetValue, sheetValueText } from "./sheetValue.ts";

const text: ColumnType = { kind: "longText" };
const count: ColumnType = { kind: "number", integer: true, min: 0 };
const number: ColumnType = { kind: "number" };
const date: ColumnType = { kind: "date" };
const yesNo: ColumnType = { kind: "boolean" };
const period: ColumnType = { kind: "period" };

describe("parseSheetValue", () => {
  it("takes a number cell into a number column as it is, checked by the column's rules", () => {
    expect(parseSheetValue(16, count)).toEqual({ ok: true, value: 16 });
    expect(parseSheetValue(55.2, number)).toEqual({ ok: true, value: 55.2 });
    expect(parseSheetValue(2.5, count)).toEqual({ ok: false, refusal: { kind: "integer" } });
    expect(parseSheetValue(0.1 + 0.2, number)).toEqual({ ok: true, value: 0.3 });
  });

  it("reads text cells through parseCell: «2,5» in a count is refused, «1 234» is 1234", () => {
    expect(parseSheetValue("2,5", count)).toEqual({ ok: false, refusal: { kind: "integer" } });
    expect(parseSheetValue("1 234", count)).toEqual({ ok: true, value: 1234 });
    expect(parseSheetValue("55,2", number)).toEqual({ ok: true, value: 55.2 });
  });

  it("writes a number or a date into a text column as a person would type it", () => {
    expect(parseSheetValue(2.5, text)).toEqual({ ok: true, value: "2,5" });
    expect(parseSheetValue(new Date(Date.UTC(2022, 0, 26)), period)).toEqual({ ok: true, value: "26.01.2022" });
  });

  it("takes a date cell into a date column by its calendar day", () => {
    expect(parseSheetValue(new Date(Date.UTC(2022, 0, 26)), date)).toEqual({ ok: true, value: "2022-01-26" });
    expect(parseSheetValue(new Date(Date.UTC(2022, 0, 26, 23, 30)), date)).toEqual({ ok: true, value: "2022-01-26" });
    expect(parseSheetValue(44587, date)).toEqual({ ok: false, refusal: { kind: "date" } });
  });

  it("takes yes/no cells, and refuses a date or yes/no where a number belongs", () => {
    expect(parseSheetValue(true, yesNo)).toEqual({ ok: true, value: true });
    expect(parseSheetValue(1, yesNo)).toEqual({ ok: true, value: true });
    expect(parseSheetValue(false, count)).toEqual({ ok: false, refusal: { kind: "number" } });
    expect(parseSheetValue(new Date(Date.UTC(2022, 0, 26)), count)).toEqual({ ok: false, refusal: { kind: "number" } });
  });

  it("clears on an empty cell", () => {
    expect(parseSheetValue(null, count)).toEqual({ ok: true, value: null });
  });
});

describe("sheetValueText", () => {
  it("shows a file's cell the Russian way", () => {
    expect(sheetValueText(2.5)).toBe("2,5");
    expect(sheetValueText(new Date(Date.UTC(2022, 2, 5)))).toBe("05.03.2022");
    expect(sheetValueText(true)).toBe("Да");
    expect(sheetValueText(null)).toBe("");
    expect(sheetValueText("как есть")).toBe("как есть");
  });
});
