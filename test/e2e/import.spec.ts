import { type ColumnTemplate, type TableTemplate, teacherDeficits } from "@karta/schema";
import { expect, type Page, test } from "@playwright/test";
import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import { cell, cellText, createDocument, rowCount, syncStatus } from "./grid.ts";
import { shot } from "./pageParts.ts";
import { signedInPerson } from "./session.ts";

/**
 * «Загрузить из Excel» and «Новый документ из файла»: a file is read, shown
 * under the table's columns, checked cell by cell, and written in one step
 * that one Ctrl+Z takes back. Column titles come from the template at run
 * time: the forms' wording may change.
 */

const table = teacherDeficits.tables[0] as TableTemplate;
const column = (id: string) => table.columns.find((c) => c.id === id) as ColumnTemplate;
/** The counted columns in the template's order: Численность педагогов, then levels A–D. */
const COUNTS = ["teachers", "a", "b", "c", "d"];

/** A CSV as Excel saves it in a Russian Windows: Windows-1251, «;». */
function windows1251Csv(rows: readonly (readonly string[])[]): Buffer {
  return iconv.encode(`${rows.map((r) => r.join(";")).join("\r\n")}\r\n`, "win1251");
}

function header(): string[] {
  return [column("subject").title, ...COUNTS.map((id) => column(id).title)];
}

/**
 * Records Content-Security-Policy violations (the page has no 'unsafe-eval'): the readers (exceljs,
 * papaparse, iconv-lite and its Buffer) run in the page and must not need what the policy forbids.
 */
async function watchPolicy(page: Page): Promise<string[]> {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|securitypolicyviolation/i.test(message.text())) violations.push(message.text());
  });
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      console.error(`securitypolicyviolation: ${event.violatedDirective} blocked ${event.blockedURI}`);
    });
  });
  return violations;
}

async function openNewDeficits(page: Page, title: string): Promise<void> {
  const id = await createDocument(page, { template: "teacher-deficits", title, year: 2022 });
  await page.goto(`/d/${id}`);
  await expect(page.getByTestId("grid").first()).toBeVisible({ timeout: 10_000 });
  await expect(syncStatus(page)).toHaveAttribute("data-state", "saved", { timeout: 10_000 });
}

test("a CSV is previewed with its column mapping, a wrong count is named and blocks, a good file imports and one Ctrl+Z takes it all back", async ({
  browser,
}) => {
  const { context, page } = await signedInPerson(browser, "coordinator");
  try {
    const violations = await watchPolicy(page);
    await openNewDeficits(page, "Мониторинг: загрузка из файла");
    await page.getByRole("button", { name: "Добавить строку" }).click();
    await expect(rowCount(page)).toHaveText("1 строка");

    await page.getByRole("button", { name: "Загрузить из Excel" }).click();
    const dialog = page.getByTestId("import-dialog");
    // The dialog's code (the file readers) loads on first use: seconds on a busy machine.
    await expect(dialog).toBeVisible({ timeout: 10_000 });
    await expect(dialog.getByTestId("import-submit")).toBeDisabled();

    // A file with «2,5» teachers: named by row and column, nothing can be loaded.
    await dialog.getByTestId("import-file").setInputFiles({
      name: "дефициты.csv",
      mimeType: "text/csv",
      buffer: windows1251Csv([
        ["Мониторинг предметных дефицитов педагогов"],
        header(),
        ["химия", "16", "3", "4", "7", "2"],
        ["физика", "2,5", "1", "1", "0", "0"],
      ]),
    });
    await expect(dialog.getByTestId("import-file-name")).toHaveText("дефициты.csv");
    await expect(dialog).toContainText("CSV, Windows-1251, разделитель «;»");
    // The mapping is prefilled by title; the preview shows the file's rows under the table's columns.
    await expect(dialog.getByTestId("import-map-subject")).toHaveValue("0");
    await expect(dialog.getByTestId("import-map-teachers")).toHaveValue("1");
    await expect(dialog.getByTestId("import-header-row")).toHaveValue("1");
    const preview = dialog.getByTestId("import-preview");
    await expect(preview.locator("tbody tr")).toHaveCount(2);
    await expect(preview.locator("tbody tr").nth(1)).toContainText("физика");
    await expect(preview.locator("td.k-import-wrong")).toHaveText("2,5");
    const check = dialog.getByTestId("import-check");
    await expect(check).toHaveAttribute("data-state", "blocked");
    await expect(dialog.getByTestId("import-issues")).toHaveText(
      `Строка 4, «${column("teachers").title}»: «2,5» — нужно целое число`,
    );
    await expect(dialog.getByTestId("import-submit")).toBeDisabled();
    await shot(page, "import-dialog-errors");

    // A good file whose counts column has another name: unmapped until the person picks it.
    await dialog.getByTestId("import-file").setInputFiles({
      name: "дефициты-2.csv",
      mimeType: "text/csv",
      buffer: windows1251Csv([
        [column("subject").title, "Кол-во учителей", ...COUNTS.slice(1).map((id) => column(id).title)],
        ["химия", "16", "3", "4", "7", "2"],
        ["физика", "1 234", "0", "0", "1 000", "234"],
        ["биология", "5", "1", "1", "1", "2"],
        ["Всего:", "1255", "4", "5", "1008", "238"],
      ]),
    });
    await expect(dialog.getByTestId("import-file-name")).toHaveText("дефициты-2.csv");
    await expect(dialog.getByTestId("import-map-teachers")).toHaveValue("-1");
    await expect(check).toHaveAttribute("data-state", "ready");
    await dialog.getByTestId("import-map-teachers").selectOption({ label: "B: Кол-во учителей" });
    await expect(check).toContainText("Ошибок нет: 3 строки готовы к загрузке.");
    await expect(check).toContainText("Итоговая строка не загружается (строка 5)");
    await expect(dialog.getByTestId("import-replace")).toBeVisible();
    await shot(page, "import-dialog-ready");

    await dialog.getByTestId("import-submit").click();
    await expect(dialog).toHaveCount(0);
    await expect(page.getByTestId("toast").last()).toContainText("Загружены 3 строки.");
    await expect(rowCount(page)).toHaveText("4 строки");
    await expect(cellText(page, 1, "subject")).toHaveText("химия");
    await expect(cellText(page, 2, "teachers")).toHaveText("1234");
    await expect(cellText(page, 2, "c")).toHaveText("1000");
    await expect(cellText(page, 3, "subject")).toHaveText("биология");

    // One Ctrl+Z: every imported row goes, the row typed before stays.
    await cell(page, 0, "subject").click();
    await page.keyboard.press("ControlOrMeta+Z");
    await expect(rowCount(page)).toHaveText("1 строка");
    await expect(syncStatus(page)).toHaveAttribute("data-state", "saved", { timeout: 10_000 });
    expect(violations).toEqual([]);
  } finally {
    await context.close();
  }
});

test("«Новый документ из файла» checks an XLSX against the template, creates the document and fills its table", async ({
  browser,
}) => {
  const { context, page } = await signedInPerson(browser, "coordinator");
  try {
    const violations = await watchPolicy(page);
    await page.reload();
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Дефициты");
    sheet.addRow(header());
    sheet.addRow(["математика", 20, 5, 5, 5, 5]);
    sheet.addRow(["русский язык", 10, 1, 2, 3, 4]);
    const buffer = Buffer.from(await workbook.xlsx.writeBuffer());

    const form = page.getByTestId("create-document");
    await form.getByRole("combobox", { name: /^Шаблон/ }).selectOption({ label: teacherDeficits.title });
    await form.getByRole("combobox", { name: /^Год/ }).selectOption("2023");
    await form.getByTestId("create-from-file").click();
    const dialog = page.getByTestId("import-dialog");
    await dialog.getByTestId("import-file").setInputFiles({
      name: "дефициты.xlsx",
      mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      buffer,
    });
    await expect(dialog).toContainText("Excel, 1 лист");
    await expect(dialog.getByTestId("import-check")).toContainText("Ошибок нет: 2 строки готовы к загрузке.");
    await expect(dialog.getByTestId("import-replace")).toHaveCount(0);
    await dialog.getByRole("button", { name: "Создать документ и загрузить 2 строки" }).click();

    await expect(page).toHaveURL(/\/d\/[A-Za-z0-9_-]+$/, { timeout: 10_000 });
    await expect(page.getByTestId("document-title")).toHaveText(`${teacherDeficits.title} на 2023 год`);
    await expect(rowCount(page)).toHaveText("2 строки", { timeout: 10_000 });
    await expect(cellText(page, 0, "subject")).toHaveText("математика");
    await expect(cellText(page, 1, "d")).toHaveText("4");
    await expect(syncStatus(page)).toHaveAttribute("data-state", "saved", { timeout: 10_000 });
    expect(violations).toEqual([]);
  } finally {
    await context.close();
  }
});
