import type { CellValue, ColumnType } from "@karta/schema";
import { describe, expect, it } from "vitest";
import { formatCell, formatNumber, isoToRussianDate } from "./formatCell.ts";
import { parseCell } from "./parseCell.ts";

const text: ColumnType = { kind: "longText" };
const number: ColumnType = { kind: "number" };
const date: ColumnType = { kind: "date" };
const yesNo: ColumnType = { kind: "boolean" };

describe("formatCell", () => {
  it("shows numbers with a decimal comma and dates as DD.MM.YYYY", () => {
    expect(formatCell(55.2, number)).toBe("55,2");
    expect(formatCell(-0.5, number)).toBe("-0,5");
    expect(formatCell("2022-01-26", date)).toBe("26.01.2022");
  });

  it("shows an empty cell as empty text", () => {
    expect(formatCell(null, text)).toBe("");
    expect(formatCell(undefined, number)).toBe("");
  });

  it("keeps text exactly, line breaks included", () => {
    expect(formatCell("line 1\nline 2", text)).toBe("line 1\nline 2");
  });

  it("shows yes/no as Да and Нет", () => {
    expect(formatCell(true, yesNo)).toBe("Да");
    expect(formatCell(false, yesNo)).toBe("Нет");
  });

  it("writes what parseCell reads back to the same value", () => {
    const samples: [CellValue, ColumnType][] = [
      [1234.5, number],
      [-3, number],
      [0.125, number],
      ["2024-02-29", date],
      [true, yesNo],
      [false, yesNo],
      ["Январь 2022 г.", text],
    ];
    for (const [value, type] of samples) {
      expect(parseCell(formatCell(value, type), type)).toEqual({ ok: true, value });
    }
  });
});

describe("formatNumber and isoToRussianDate", () => {
  it("never groups thousands, so the text pastes back anywhere", () => {
    expect(formatNumber(1234567.25)).toBe("1234567,25");
  });
  it("leaves text that is not an ISO date as it is", () => {
    expect(isoToRussianDate("март 2022")).toBe("март 2022");
  });
});
