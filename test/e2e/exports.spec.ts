import { readFileSync } from "node:fs";
import { expect, type Page, test } from "@playwright/test";
import { openRoadmap } from "./grid.ts";
import { shot } from "./pageParts.ts";
import { signedInPerson } from "./session.ts";

/** Clicks a format in «Скачать» and returns the browser's download: its name and its first bytes. */
async function download(page: Page, format: string): Promise<{ name: string; head: string; size: number }> {
  await page.getByTestId("download-toggle").click();
  const menu = page.getByTestId("download-menu");
  await expect(menu).toBeVisible();
  const started = page.waitForEvent("download");
  await menu.locator(`[data-format="${format}"]`).click();
  const file = await started;
  const where = await file.path();
  const bytes = readFileSync(where);
  return { name: file.suggestedFilename(), head: bytes.subarray(0, 4).toString("latin1"), size: bytes.length };
}

/**
 * «Скачать» on a document gives the server's files under a Russian name, in
 * the format chosen; a coordinator downloads a year's documents as one
 * workbook from «Школы». (What the files hold is read back by LibreOffice in
 * test/integration/export.test.ts.)
 */
test("«Скачать» saves the roadmap as Excel, Word, PDF and CSV under its Russian name", async ({ browser }) => {
  const { context, page } = await signedInPerson(browser, "methodist");
  try {
    await openRoadmap(page);
    await page.getByTestId("download-toggle").click();
    await expect(page.getByTestId("download-menu").getByRole("menuitem")).toHaveText([
      /Excel \(\.xlsx\)/,
      /Word \(\.docx\)/,
      /PDF/,
      /CSV для Excel/,
    ]);
    await shot(page, "export-menu");
    await page.keyboard.press("Escape");
    await expect(page.getByTestId("download-menu")).toHaveCount(0);

    const xlsx = await download(page, "xlsx");
    expect(xlsx.name).toMatch(/^Дорожная карта.*2022.*\.xlsx$/);
    expect(xlsx.head.startsWith("PK")).toBe(true);
    const docx = await download(page, "docx");
    expect(docx.name).toMatch(/\.docx$/);
    expect(docx.head.startsWith("PK")).toBe(true);
    const pdf = await download(page, "pdf");
    expect(pdf.name).toMatch(/\.pdf$/);
    expect(pdf.head).toBe("%PDF");
    const csv = await download(page, "csv");
    expect(csv.name).toMatch(/\.csv$/);
    // UTF-8 with a BOM, as Russian Excel opens it on a double click.
    expect(Buffer.from(csv.head, "latin1").subarray(0, 3).toString("hex")).toBe("efbbbf");
    await expect(
      page
        .getByRole("status")
        .filter({ hasText: /скачан/ })
        .first(),
    ).toBeVisible();
  } finally {
    await context.close();
  }
});

test("a coordinator downloads the year's documents as one workbook from «Школы»", async ({ browser }) => {
  const { context, page } = await signedInPerson(browser, "coordinator");
  try {
    await page.goto("/");
    await page.getByRole("link", { name: "Школы" }).click();
    await page.getByLabel("Год документов").first().selectOption("2022");
    const started = page.waitForEvent("download");
    await page.getByTestId("year-workbook").first().click();
    const file = await started;
    expect(file.suggestedFilename()).toMatch(/2022.*\.xlsx$/);
    expect(
      readFileSync(await file.path())
        .subarray(0, 2)
        .toString("latin1"),
    ).toBe("PK");
  } finally {
    await context.close();
  }
});
