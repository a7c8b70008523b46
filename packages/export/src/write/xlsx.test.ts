import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { deficits, roadmap } from "./testDocuments.ts";
import { toXlsx, toXlsxWorkbook } from "./xlsx.ts";

async function read(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  return workbook;
}

/** Every non-empty cell's value by address. */
function cells(sheet: ExcelJS.Worksheet): Map<string, ExcelJS.CellValue> {
  const found = new Map<string, ExcelJS.CellValue>();
  sheet.eachRow((row) =>
    row.eachCell((cell) => {
      if (cell.value !== null && cell.value !== undefined) found.set(cell.address, cell.value);
    }),
  );
  return found;
}

const textOf = (value: ExcelJS.CellValue): string =>
  typeof value === "object" && value !== null && "richText" in value
    ? value.richText.map((r) => r.text).join("")
    : String(value);

describe("toXlsx", () => {
  it("lays out the appendix top right, the bold centred title, the text, then the table with print titles", async () => {
    const workbook = await read(await toXlsx(roadmap));
    expect(workbook.worksheets.map((s) => s.name)).toEqual(["Дорожная карта по методическому"]);
    const sheet = workbook.worksheets[0] as ExcelJS.Worksheet;
    // The block starts where the last ~40 % of the width begins: «Сроки …» and «Ответственные …».
    expect(sheet.getCell("D1").value).toBe("Приложение");
    expect(sheet.getCell("D2").value).toBe(
      "к приказу начальника управления образования администрации муниципального образования Славянский район",
    );
    expect(sheet.getCell("D3").value).toBe("от 21.01.2022 № 156");
    expect(sheet.getCell("D1").isMerged && sheet.getCell("E1").master.address).toBe("D1");
    const title = sheet.getCell("A5");
    expect(title.value).toBe(roadmap.title);
    expect(title.font?.bold).toBe(true);
    expect(title.alignment?.horizontal).toBe("center");
    expect(sheet.getCell("E5").master.address).toBe("A5");

    const texts = [...cells(sheet).values()].map(textOf);
    expect(texts).toContain("1. Цели работы со ШНОР:");
    expect(texts).toContain("– повышение качества образования;");
    expect(texts).not.toContain("Преамбула приказа");
    const header = sheet.getColumn(1).values.indexOf("№");
    expect(sheet.getRow(header).values).toEqual([
      undefined,
      "№",
      "Показатели",
      "Документ",
      "Сроки и периодичность проведения мероприятий",
      "Ответственные за сбор и обработку информации",
    ]);
    expect(sheet.pageSetup.printTitlesRow).toBe(`${header}:${header}`);
    expect(sheet.getCell(header + 1, 1).value).toBe(1);
    expect(sheet.getCell(header + 2, 3).value).toBe("Приказ УО\nПлан работы МНЦ");
    expect(sheet.getCell(header + 2, 3).alignment?.wrapText).toBe(true);
    expect(sheet.getCell(header - 1, 1).value).toBe("Содержание работы по методическому сопровождению");
    // Widths in the template's proportions; portrait for five columns, one page wide, numbered pages.
    const widths = [1, 2, 3, 4, 5].map((i) => sheet.getColumn(i).width ?? 0);
    expect((widths[1] ?? 0) / (widths[2] ?? 1)).toBeCloseTo(420 / 220, 1);
    expect(sheet.pageSetup.orientation).toBe("portrait");
    expect(sheet.pageSetup.fitToWidth).toBe(1);
    expect(sheet.headerFooter.oddFooter).toContain("&P");
  });

  it("keeps numbers as numbers, shares as percentages, dates as dates and yes/no as booleans; landscape when wide", async () => {
    const sheet = (await read(await toXlsx(deficits))).worksheets[0] as ExcelJS.Worksheet;
    expect(sheet.pageSetup.orientation).toBe("landscape");
    const header = sheet.getColumn(1).values.indexOf("Предмет");
    const row = sheet.getRow(header + 1);
    expect(row.getCell(2).value).toBe(16);
    expect(row.getCell(7).value).toBe(0.188);
    expect(row.getCell(7).numFmt).toBe("0.0 %");
    expect(row.getCell(8).value).toEqual(new Date(Date.UTC(2021, 9, 15)));
    expect(row.getCell(8).numFmt).toBe("dd.mm.yyyy");
    expect(row.getCell(9).value).toBe(12.5);
    expect(row.getCell(10).value).toBe(true);
    const total = sheet.getRow(header + 3);
    expect(total.getCell(1).value).toBe("Всего:");
    expect(total.getCell(2).value).toBe(48);
    expect(total.getCell(2).font?.bold).toBe(true);
    // The appendix block without an order leaves blanks.
    expect([...cells(sheet).values()].map(textOf)).toContain("от ______ № ____");
  });

  it("gives each document of a workbook its sheet, after a contents sheet with links", async () => {
    const workbook = await read(
      await toXlsxWorkbook([
        { name: "Дорожная карта", organisation: "Славянский район", document: roadmap },
        { name: "Мониторинг: дефициты/педагоги [2021]", document: deficits },
        { name: "Дорожная карта", document: roadmap },
      ]),
    );
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      "Документы",
      "Дорожная карта",
      "Мониторинг дефициты педагоги 20",
      "Дорожная карта (2)",
    ]);
    const contents = workbook.worksheets[0] as ExcelJS.Worksheet;
    expect(contents.getRow(1).values).toEqual([undefined, "№", "Организация", "Документ", "Лист"]);
    expect(contents.getCell("B2").value).toBe("Славянский район");
    expect(contents.getCell("C2").value).toBe(roadmap.title);
    expect(contents.getCell("D3").value).toMatchObject({ hyperlink: "#'Мониторинг дефициты педагоги 20'!A1" });
    const second = workbook.worksheets[2] as ExcelJS.Worksheet;
    expect([...cells(second).values()]).toContain(0.188);
  });
});
