import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { decodeCsv, isUtf8, readCsv } from "./readCsv.ts";

const utf8 = (text: string) => new TextEncoder().encode(text);
const BOM = [0xef, 0xbb, 0xbf];

describe("readCsv", () => {
  it("reads Windows-1251 with «;», as Excel saves CSV in a Russian Windows", () => {
    const bytes = new Uint8Array(
      iconv.encode("Предмет;Численность педагогов\r\nхимия;16\r\nёлки;1 234\r\n", "win1251"),
    );
    const sheet = readCsv(bytes);
    expect(sheet.encoding).toBe("windows-1251");
    expect(sheet.delimiter).toBe(";");
    expect(sheet.rows).toEqual([
      ["Предмет", "Численность педагогов"],
      ["химия", "16"],
      ["ёлки", "1 234"],
    ]);
  });

  it("reads UTF-8 with and without a BOM, separated by commas, quotes and line breaks kept", () => {
    const text = 'Показатели,Сроки\n"Семинар, второй день","Январь\n2022 г."\n';
    for (const bytes of [utf8(text), new Uint8Array([...BOM, ...utf8(text)])]) {
      const sheet = readCsv(bytes);
      expect(sheet.encoding).toBe("utf-8");
      expect(sheet.delimiter).toBe(",");
      expect(sheet.rows).toEqual([
        ["Показатели", "Сроки"],
        ["Семинар, второй день", "Январь\n2022 г."],
      ]);
    }
  });

  it("takes a decimal comma inside «;»-separated cells as part of the cell", () => {
    const sheet = readCsv(utf8("Предмет;Доля\nхимия;55,2\nфизика;2,5\n"));
    expect(sheet.delimiter).toBe(";");
    expect(sheet.rows[2]).toEqual(["физика", "2,5"]);
  });

  it("reads tab-separated text and Excel's «sep=» line", () => {
    expect(readCsv(utf8("a\tb\nc\td\n")).delimiter).toBe("\t");
    const hinted = readCsv(utf8("sep=;\na;b,c\n"));
    expect(hinted.delimiter).toBe(";");
    expect(hinted.rows).toEqual([["a", "b,c"]]);
  });

  it("drops empty rows at the end and empty cells at the end of a row", () => {
    expect(readCsv(utf8("a;b;;\n;;;\n\n")).rows).toEqual([["a", "b"]]);
  });
});

describe("decodeCsv and isUtf8", () => {
  it("tells valid UTF-8 from Windows-1251", () => {
    expect(isUtf8(utf8("Численность педагогов ✓"))).toBe(true);
    expect(isUtf8(new Uint8Array(iconv.encode("Численность", "win1251")))).toBe(false);
    // Overlong «/» and a lone surrogate are not UTF-8.
    expect(isUtf8(new Uint8Array([0xc0, 0xaf]))).toBe(false);
    expect(isUtf8(new Uint8Array([0xed, 0xa0, 0x80]))).toBe(false);
    // Cut in the middle of a letter.
    expect(isUtf8(new Uint8Array([0xd0]))).toBe(false);
  });

  it("reads plain ASCII as UTF-8", () => {
    expect(decodeCsv(utf8("a;1"))).toEqual({ text: "a;1", encoding: "utf-8" });
  });
});
