import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { readSpreadsheet } from "./readSpreadsheet.ts";
import { plainValue, readXlsx } from "./readXlsx.ts";
import { UnreadableFileError } from "./sheet.ts";

async function xlsx(fill: (workbook: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  fill(workbook);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

describe("readXlsx", () => {
  it("reads every sheet's cells as text, numbers, dates and yes/no, from the top left cell", async () => {
    const bytes = await xlsx((wb) => {
      const sheet = wb.addWorksheet("Дефициты");
      sheet.addRow(["Мониторинг дефицитов"]);
      sheet.addRow(["Предмет", "Численность педагогов", "Дата", "Актуален"]);
      sheet.addRow(["химия", 16, new Date(Date.UTC(2022, 0, 26)), true]);
      sheet.addRow(["физика", "2,5", null, false]);
      wb.addWorksheet("Пустой");
    });
    const sheets = await readXlsx(bytes);
    expect(sheets.map((s) => s.name)).toEqual(["Дефициты", "Пустой"]);
    expect(sheets[0]?.rows).toEqual([
      ["Мониторинг дефицитов"],
      ["Предмет", "Численность педагогов", "Дата", "Актуален"],
      ["химия", 16, new Date(Date.UTC(2022, 0, 26)), true],
      ["физика", "2,5", null, false],
    ]);
    expect(sheets[1]?.rows).toEqual([]);
  });

  it("gives a formula's result, rich text's text, a link's text, and a merged area's value once", async () => {
    const bytes = await xlsx((wb) => {
      const sheet = wb.addWorksheet("Лист1");
      sheet.getCell("A1").value = { formula: "2+3", result: 5 };
      sheet.getCell("B1").value = { richText: [{ text: "Сроки " }, { font: { bold: true }, text: "и периодичность" }] };
      sheet.getCell("C1").value = { text: "сайт", hyperlink: "https://example.org" };
      sheet.getCell("A2").value = "Заголовок на две ячейки";
      sheet.mergeCells("A2:B2");
      sheet.getCell("C2").value = "после";
    });
    const [sheet] = await readXlsx(bytes);
    expect(sheet?.rows).toEqual([
      [5, "Сроки и периодичность", "сайт"],
      ["Заголовок на две ячейки", null, "после"],
    ]);
  });

  it("refuses bytes that are not an XLSX", async () => {
    await expect(readXlsx(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))).rejects.toBeInstanceOf(
      UnreadableFileError,
    );
  });
});

describe("plainValue", () => {
  it("turns an error cell into its text, which no number column takes", () => {
    expect(plainValue({ error: "#DIV/0!" })).toBe("#DIV/0!");
    expect(plainValue(undefined)).toBeNull();
  });
});

describe("readSpreadsheet", () => {
  it("tells an XLSX from a CSV by its bytes, whatever the name", async () => {
    const bytes = await xlsx((wb) => wb.addWorksheet("Лист1").addRow(["a", 1]));
    expect((await readSpreadsheet("выгрузка.csv", bytes))[0]?.rows).toEqual([["a", 1]]);
    const csv = new TextEncoder().encode("a;1\n");
    expect((await readSpreadsheet("данные.csv", csv))[0]?.rows).toEqual([["a", "1"]]);
  });

  it("refuses an old .xls and other binary files", async () => {
    const xls = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0, 0, 0, 0]);
    await expect(readSpreadsheet("старый.xls", xls)).rejects.toMatchObject({ kind: "format" });
    await expect(readSpreadsheet("картинка.csv", xls)).rejects.toMatchObject({ kind: "format" });
  });
});
