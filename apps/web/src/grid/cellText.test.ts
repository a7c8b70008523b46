import type { ColumnType } from "@karta/schema";
import { describe, expect, it } from "vitest";
import { formatCell, parseCell, parseDate, parseRussianNumber } from "./cellText.ts";

const text: ColumnType = { kind: "longText" };
const number: ColumnType = { kind: "number" };
const date: ColumnType = { kind: "date" };
const yesNo: ColumnType = { kind: "boolean" };
const status: ColumnType = { kind: "enum", options: ["planned", "in progress", "done"] };

describe("formatCell", () => {
  it("shows numbers with a decimal comma and dates as DD.MM.YYYY", () => {
    expect(formatCell(55.2, number)).toBe("55,2");
    expect(formatCell("2022-01-26", date)).toBe("26.01.2022");
  });

  it("shows an empty cell as empty text", () => {
    expect(formatCell(null, text)).toBe("");
    expect(formatCell(undefined, number)).toBe("");
  });

  it("keeps text exactly, line breaks included", () => {
    expect(formatCell("line 1\nline 2", text)).toBe("line 1\nline 2");
  });
});

describe("parseCell", () => {
  it("keeps text as typed and clears on empty text", () => {
    expect(parseCell("  spaced  ", text)).toEqual({ ok: true, value: "  spaced  " });
    expect(parseCell("a\r\nb", text)).toEqual({ ok: true, value: "a\nb" });
    expect(parseCell("   ", text)).toEqual({ ok: true, value: null });
  });

  it("matches enum options regardless of case and spaces", () => {
    expect(parseCell(" Done ", status)).toEqual({ ok: true, value: "done" });
    expect(parseCell("maybe", status)).toEqual({ ok: false });
  });

  it("reads Russian and plain numbers", () => {
    expect(parseCell("1 234,5", number)).toEqual({ ok: true, value: 1234.5 });
    expect(parseCell("12.5", number)).toEqual({ ok: true, value: 12.5 });
    expect(parseCell("12 шт", number)).toEqual({ ok: false });
  });

  it("respects the column's number limits", () => {
    expect(parseCell("2.5", { kind: "number", integer: true })).toEqual({ ok: false });
    expect(parseCell("-1", { kind: "number", min: 0 })).toEqual({ ok: false });
  });

  it("reads dates typed the Russian way or as ISO", () => {
    expect(parseCell("26.01.2022", date)).toEqual({ ok: true, value: "2022-01-26" });
    expect(parseCell("2022-01-26", date)).toEqual({ ok: true, value: "2022-01-26" });
    expect(parseCell("Январь 2022 г.", date)).toEqual({ ok: false });
  });

  it("reads yes/no words", () => {
    expect(parseCell("Да", yesNo)).toEqual({ ok: true, value: true });
    expect(parseCell("false", yesNo)).toEqual({ ok: true, value: false });
    expect(parseCell("может быть", yesNo)).toEqual({ ok: false });
  });

  it("never writes the derived № column", () => {
    expect(parseCell("7", { kind: "rowNumber" })).toEqual({ ok: false });
  });
});

describe("parseRussianNumber", () => {
  it("accepts non-breaking spaces as thousands separators", () => {
    expect(parseRussianNumber("1\u00a0000")).toBe(1000);
  });
  it("rejects two decimal separators", () => {
    expect(parseRussianNumber("1,2,3")).toBeUndefined();
  });
});

describe("parseDate", () => {
  it("rejects days that do not exist", () => {
    expect(parseDate("31.02.2022")).toBeUndefined();
    expect(parseDate("5.3.2022")).toBe("2022-03-05");
  });
});
