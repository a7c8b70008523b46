import { type ColumnType, cellValueSchema } from "@karta/schema";
import { describe, expect, it } from "vitest";
import { checkNumber, parseBoolean, parseCell, parseDate, parseRussianNumber } from "./parseCell.ts";

const text: ColumnType = { kind: "longText" };
const number: ColumnType = { kind: "number" };
const count: ColumnType = { kind: "number", integer: true, min: 0, max: 100_000 };
const date: ColumnType = { kind: "date" };
const yesNo: ColumnType = { kind: "boolean" };
const status: ColumnType = { kind: "enum", options: ["planned", "in progress", "done"] };

describe("parseCell", () => {
  it("keeps text as typed and clears on empty text", () => {
    expect(parseCell("  spaced  ", text)).toEqual({ ok: true, value: "  spaced  " });
    expect(parseCell("a\r\nb", text)).toEqual({ ok: true, value: "a\nb" });
    expect(parseCell("   ", text)).toEqual({ ok: true, value: null });
    expect(parseCell("", count)).toEqual({ ok: true, value: null });
  });

  it("refuses text longer than a cell holds", () => {
    expect(parseCell("x".repeat(20_001), text)).toEqual({ ok: false, refusal: { kind: "tooLong", max: 20_000 } });
  });

  it("matches enum options regardless of case and spaces", () => {
    expect(parseCell(" Done ", status)).toEqual({ ok: true, value: "done" });
    expect(parseCell("maybe", status)).toEqual({
      ok: false,
      refusal: { kind: "option", options: ["planned", "in progress", "done"] },
    });
  });

  it("reads Russian and plain numbers", () => {
    expect(parseCell("1 234,5", number)).toEqual({ ok: true, value: 1234.5 });
    expect(parseCell("55,2", number)).toEqual({ ok: true, value: 55.2 });
    expect(parseCell("12.5", number)).toEqual({ ok: true, value: 12.5 });
    expect(parseCell("12 шт", number)).toEqual({ ok: false, refusal: { kind: "number" } });
  });

  it("refuses «2,5» in a count: two and a half, never 25", () => {
    expect(parseCell("2,5", count)).toEqual({ ok: false, refusal: { kind: "integer" } });
    expect(parseCell("2.5", count)).toEqual({ ok: false, refusal: { kind: "integer" } });
    expect(parseCell("25", count)).toEqual({ ok: true, value: 25 });
  });

  it("reads «1 234» with a space, a no-break space or a narrow one as 1234", () => {
    for (const space of [" ", "\u00a0", "\u202f"]) {
      expect(parseCell(`1${space}234`, count)).toEqual({ ok: true, value: 1234 });
    }
  });

  it("respects the column's number limits", () => {
    expect(parseCell("-1", count)).toEqual({ ok: false, refusal: { kind: "min", min: 0 } });
    expect(parseCell("100 001", count)).toEqual({ ok: false, refusal: { kind: "max", max: 100_000 } });
  });

  it("reads dates typed the Russian way or as ISO", () => {
    expect(parseCell("26.01.2022", date)).toEqual({ ok: true, value: "2022-01-26" });
    expect(parseCell("2022-01-26", date)).toEqual({ ok: true, value: "2022-01-26" });
    expect(parseCell("Январь 2022 г.", date)).toEqual({ ok: false, refusal: { kind: "date" } });
  });

  it("reads yes/no words", () => {
    expect(parseCell("Да", yesNo)).toEqual({ ok: true, value: true });
    expect(parseCell("false", yesNo)).toEqual({ ok: true, value: false });
    expect(parseCell("может быть", yesNo)).toEqual({ ok: false, refusal: { kind: "boolean" } });
  });

  it("never writes the derived № and share columns", () => {
    expect(parseCell("7", { kind: "rowNumber" })).toEqual({ ok: false, refusal: { kind: "computed" } });
    expect(parseCell("50", { kind: "share", part: "a", whole: "b" })).toEqual({
      ok: false,
      refusal: { kind: "computed" },
    });
  });

  it("gives only values the column's schema accepts", () => {
    const samples: [string, ColumnType][] = [
      ["1 234", count],
      ["0", count],
      ["-0,5", number],
      ["29.02.2024", date],
      ["нет", yesNo],
      ["in progress", status],
    ];
    for (const [typed, type] of samples) {
      const parsed = parseCell(typed, type);
      expect(parsed.ok).toBe(true);
      if (parsed.ok) expect(cellValueSchema(type).safeParse(parsed.value).success).toBe(true);
    }
  });
});

describe("parseRussianNumber", () => {
  it("takes a comma or a point as the decimal separator", () => {
    expect(parseRussianNumber("55,2")).toBe(55.2);
    expect(parseRussianNumber("55.2")).toBe(55.2);
    expect(parseRussianNumber(",5")).toBe(0.5);
  });
  it("accepts spaces only as thousands separators", () => {
    expect(parseRussianNumber("1\u00a0000")).toBe(1000);
    expect(parseRussianNumber("12 345 678,25")).toBe(12_345_678.25);
    expect(parseRussianNumber("12 34")).toBeUndefined();
    expect(parseRussianNumber("1 2")).toBeUndefined();
  });
  it("reads a minus sign typed as a dash or as the typographic minus", () => {
    expect(parseRussianNumber("-3")).toBe(-3);
    expect(parseRussianNumber("\u22123,5")).toBe(-3.5);
  });
  it("rejects two decimal separators and other words", () => {
    expect(parseRussianNumber("1,2,3")).toBeUndefined();
    expect(parseRussianNumber("1.234,5")).toBeUndefined();
    expect(parseRussianNumber("пять")).toBeUndefined();
    expect(parseRussianNumber("")).toBeUndefined();
  });
});

describe("checkNumber", () => {
  it("checks a number cell of a file like a typed one", () => {
    expect(checkNumber(2.5, { kind: "number", integer: true })).toEqual({ ok: false, refusal: { kind: "integer" } });
    expect(checkNumber(Number.NaN, { kind: "number" })).toEqual({ ok: false, refusal: { kind: "number" } });
    expect(checkNumber(7, { kind: "number", integer: true })).toEqual({ ok: true, value: 7 });
  });
});

describe("parseDate", () => {
  it("rejects days that do not exist", () => {
    expect(parseDate("31.02.2022")).toBeUndefined();
    expect(parseDate("5.3.2022")).toBe("2022-03-05");
  });
});

describe("parseBoolean", () => {
  it("reads Russian and English words and marks", () => {
    expect(["Да", "д", "✓", "TRUE"].map(parseBoolean)).toEqual([true, true, true, true]);
    expect(["Нет", "0", "-"].map(parseBoolean)).toEqual([false, false, false]);
    expect(parseBoolean("иногда")).toBeUndefined();
  });
});
