import { describe, expect, it } from "vitest";
import { encodeTsv, parseTsv } from "./tsv.ts";

describe("encodeTsv", () => {
  it("joins cells with tabs and rows with CRLF", () => {
    expect(
      encodeTsv([
        ["a", "b"],
        ["c", "d"],
      ]),
    ).toBe("a\tb\r\nc\td");
  });

  it("quotes cells with tabs, line breaks or quotes and doubles the quotes", () => {
    expect(encodeTsv([['say "hi"', "two\nlines", "tab\there", "plain"]])).toBe(
      '"say ""hi"""\t"two\nlines"\t"tab\there"\tplain',
    );
  });

  it("keeps empty cells as empty fields", () => {
    expect(encodeTsv([["", "x", ""]])).toBe("\tx\t");
  });
});

describe("parseTsv", () => {
  it("reads what Excel writes, ignoring the final line break", () => {
    expect(parseTsv("a\tb\r\nc\td\r\n")).toEqual([
      ["a", "b"],
      ["c", "d"],
    ]);
  });

  it("reads LF and CR line endings", () => {
    expect(parseTsv("a\nb\rc")).toEqual([["a"], ["b"], ["c"]]);
  });

  it("reads a quoted multi-line cell as one cell", () => {
    expect(parseTsv('1\t"first line\r\nsecond line"\tx\r\n2\tplain\ty\r\n')).toEqual([
      ["1", "first line\nsecond line", "x"],
      ["2", "plain", "y"],
    ]);
  });

  it("undoubles quotes inside a quoted cell", () => {
    expect(parseTsv('"Приказ ""О сопровождении"""\tb')).toEqual([['Приказ "О сопровождении"', "b"]]);
  });

  it("keeps a cell that merely starts with a quote as typed", () => {
    expect(parseTsv('"Родник" school\tnext')).toEqual([['"Родник" school', "next"]]);
  });

  it("keeps an unterminated quote as plain text", () => {
    expect(parseTsv('"open\tb')).toEqual([['"open', "b"]]);
  });

  it("keeps empty cells, including a trailing one", () => {
    expect(parseTsv("\tb\t\r\nc\t\t")).toEqual([
      ["", "b", ""],
      ["c", "", ""],
    ]);
  });

  it("reads a single value", () => {
    expect(parseTsv("Январь 2022 г.")).toEqual([["Январь 2022 г."]]);
  });

  it("returns no rows for empty text and one empty cell for a lone line break", () => {
    expect(parseTsv("")).toEqual([]);
    expect(parseTsv("\n")).toEqual([[""]]);
  });

  it("keeps empty rows in the middle", () => {
    expect(parseTsv("a\n\nb")).toEqual([["a"], [""], ["b"]]);
  });

  it("round-trips anything encodeTsv writes", () => {
    const table = [
      ["№", 'Мероприятие "с кавычками"', "строка 1\nстрока 2"],
      ["", "\t", '"'],
      ["last", "", "x"],
    ];
    expect(parseTsv(encodeTsv(table))).toEqual(table);
    expect(parseTsv(`${encodeTsv(table)}\r\n`)).toEqual(table);
  });
});
