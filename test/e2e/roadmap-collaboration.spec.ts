import { type BrowserContext, expect, type Page, test } from "@playwright/test";
import {
  cell,
  cellText,
  editCell,
  gridText,
  msUntilCellShows,
  openRoadmap,
  ROADMAP_TITLE,
  readCell,
  rowCount,
  SEE_TIMEOUT,
  showRow,
  syncStatus,
} from "./grid.ts";
import { signedInPerson } from "./session.ts";

/**
 * Two people who may edit the municipal roadmap, the methodist Белова Наталья
 * (A) and the coordinator Руденко Ольга (B), each signed in in a browser
 * context of their own, work on the demo roadmap of Славянский район at the
 * same time. Every step checks what the other person sees on their screen.
 */
test.describe.configure({ mode: "serial" });

let contextA: BrowserContext;
let contextB: BrowserContext;
let a: Page;
let b: Page;

test.beforeAll(async ({ browser }) => {
  ({ context: contextA, page: a } = await signedInPerson(browser, "methodist"));
  ({ context: contextB, page: b } = await signedInPerson(browser, "coordinator"));
  await openRoadmap(a);
  await openRoadmap(b);
});

test.afterAll(async () => {
  await contextA?.close();
  await contextB?.close();
});

test("the documents list shows the demo roadmap under its municipality", async () => {
  const page = await contextA.newPage();
  await page.goto("/");
  const group = page.getByTestId("organisation-group").filter({ hasText: "Славянский район" });
  await expect(group.getByRole("link", { name: ROADMAP_TITLE })).toBeVisible();
  await page.close();
});

test("1. an edit, a new row and moved rows reach the other person", async () => {
  await expect(rowCount(b)).toHaveText("25 строк");

  await editCell(a, 1, "document", "Приказ УО № 12 от 20.01.2022");
  const seen = { edit: await msUntilCellShows(b, 1, "document", "Приказ УО № 12 от 20.01.2022") };

  // A adds a row below row № 3 and fills it in.
  const third = await readCell(a, 2, "measure");
  await cell(a, 2, "measure").click();
  await a.getByRole("button", { name: "Добавить строку" }).click();
  await expect(rowCount(a)).toHaveText("26 строк");
  await editCell(a, 3, "measure", "Мониторинг посещаемости семинаров");
  Object.assign(seen, { newRow: await msUntilCellShows(b, 3, "measure", "Мониторинг посещаемости семинаров") });
  await expect(rowCount(b)).toHaveText("26 строк", { timeout: SEE_TIMEOUT });
  await expect(cellText(b, 2, "measure")).toHaveText(third);
  await expect(cellText(b, 3, "n")).toHaveText("4");

  // A moves the new row up twice with the keyboard: it becomes № 2.
  await cell(a, 3, "measure").click();
  await a.keyboard.press("ControlOrMeta+Shift+ArrowUp");
  await a.keyboard.press("ControlOrMeta+Shift+ArrowUp");
  await expect(cellText(a, 1, "measure")).toHaveText("Мониторинг посещаемости семинаров");
  Object.assign(seen, { move: await msUntilCellShows(b, 1, "measure", "Мониторинг посещаемости семинаров") });
  await expect(cellText(b, 3, "measure")).toHaveText(third);

  // A drags row № 6 by its handle onto row № 3.
  const sixth = await readCell(a, 5, "measure");
  const handle = cell(a, 5, "n").locator(".ag-row-drag");
  const from = await handle.boundingBox();
  const to = await cell(a, 2, "n").boundingBox();
  if (!from || !to) throw new Error("row drag handle or target row is not on screen");
  await a.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await a.mouse.down();
  await a.mouse.move(from.x + from.width / 2, from.y - 10, { steps: 5 });
  await a.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 10 });
  await a.mouse.up();
  await expect(cellText(a, 2, "measure")).toHaveText(sixth);
  Object.assign(seen, { drag: await msUntilCellShows(b, 2, "measure", sixth) });
  await expect(cellText(b, 2, "n")).toHaveText("3");
  // Reported, not asserted (performance is the bench's): how long after A's change B saw it.
  console.log(`seen by the other person after (ms): ${JSON.stringify(seen)}`);
});

test("2. the other person sees who has selected which cell", async () => {
  await cell(b, 4, "period").click();
  // Руденко Ольга Викторовна: her initials, from her account, not typed by anyone.
  const mark = cell(a, 4, "period").locator('[data-presence="РО"]');
  await expect(mark).toBeVisible({ timeout: SEE_TIMEOUT });
  await expect(a.getByTestId("presence-list").locator('[data-peer="РО"]')).toBeVisible();

  await cell(b, 5, "responsible").click();
  await expect(cell(a, 5, "responsible").locator('[data-presence="РО"]')).toBeVisible({ timeout: SEE_TIMEOUT });
  await expect(mark).toHaveCount(0);
});

test("3. edits made offline merge with a colleague's when the connection returns", async () => {
  await contextB.setOffline(true);
  await expect(syncStatus(b)).toHaveAttribute("data-state", "offline", { timeout: SEE_TIMEOUT });
  await expect(syncStatus(b)).toHaveText(
    "Нет связи с сервером. Изменения сохраняются на этом устройстве и будут отправлены при подключении",
  );

  await editCell(b, 0, "document", "Дорожная карта (ред. координатора)");
  await cell(b, 6, "measure").click();
  await b.getByRole("button", { name: "Добавить строку" }).click();
  await editCell(b, 7, "measure", "Строка, добавленная без связи");
  await editCell(a, 2, "period", "Февраль 2022 г.");

  // Nothing of B's reaches A while B is offline.
  await expect(cellText(b, 2, "period")).not.toHaveText("Февраль 2022 г.");
  await expect(cellText(a, 0, "document")).toHaveText("Дорожная карта");
  await expect(rowCount(a)).toHaveText("26 строк");

  await contextB.setOffline(false);
  await expect(syncStatus(b)).toHaveAttribute("data-state", "saved", { timeout: 5_000 });
  await expect(syncStatus(b)).toHaveText("Все изменения сохранены на сервере");
  await expect(cellText(b, 2, "period")).toHaveText("Февраль 2022 г.", { timeout: SEE_TIMEOUT });
  await expect(cellText(a, 0, "document")).toHaveText("Дорожная карта (ред. координатора)", {
    timeout: SEE_TIMEOUT,
  });
  await expect(cellText(a, 7, "measure")).toHaveText("Строка, добавленная без связи", { timeout: SEE_TIMEOUT });
  await expect(rowCount(a)).toHaveText("27 строк");

  const [textA, textB] = await Promise.all([gridText(a), gridText(b)]);
  expect(textA).toHaveLength(27);
  expect(textB).toEqual(textA);
});

test("4. a copied range pastes cell for cell two rows lower", async () => {
  await showRow(a, 10);
  const source = [
    [await readCell(a, 9, "measure"), await readCell(a, 9, "document")],
    [await readCell(a, 10, "measure"), await readCell(a, 10, "document")],
  ];
  await cell(a, 9, "measure").click();
  await cell(a, 10, "document").click({ modifiers: ["Shift"] });
  await expect(a.locator(".ag-cell.k-range")).toHaveCount(4);
  await a.keyboard.press("ControlOrMeta+C");
  const clipboard = await a.evaluate(() => navigator.clipboard.readText());
  expect(clipboard).toBe(excelTsv(source));

  await cell(a, 11, "measure").click();
  await a.keyboard.press("ControlOrMeta+V");
  // B scrolls to where A is (the grid renders only the rows near its viewport).
  await showRow(b, 12);
  for (const [r, row] of source.entries()) {
    await expect(cellText(a, 11 + r, "measure")).toHaveText(row[0] ?? "");
    await expect(cellText(a, 11 + r, "document")).toHaveText(row[1] ?? "");
    await expect(cellText(b, 11 + r, "measure")).toHaveText(row[0] ?? "", { timeout: SEE_TIMEOUT });
    await expect(cellText(b, 11 + r, "document")).toHaveText(row[1] ?? "", { timeout: SEE_TIMEOUT });
  }
  await expect(rowCount(b)).toHaveText("27 строк");
});

test("5. Ctrl+Z undoes one's own edit and never the colleague's", async () => {
  // Both scroll back up to rows 3–5.
  for (const page of [a, b]) await showRow(page, 4);
  const before = await readCell(a, 3, "period");
  await editCell(a, 3, "period", "Март 2022 г. (правка методиста)");
  await editCell(b, 4, "period", "Апрель 2022 г. (правка координатора)");
  await expect(cellText(a, 4, "period")).toHaveText("Апрель 2022 г. (правка координатора)", { timeout: SEE_TIMEOUT });

  await cell(a, 5, "measure").click();
  await a.keyboard.press("ControlOrMeta+Z");
  await expect(cellText(a, 3, "period")).toHaveText(before);
  await expect(cellText(b, 3, "period")).toHaveText(before, { timeout: SEE_TIMEOUT });
  await expect(cellText(a, 4, "period")).toHaveText("Апрель 2022 г. (правка координатора)");

  await a.keyboard.press("ControlOrMeta+Y");
  await expect(cellText(b, 3, "period")).toHaveText("Март 2022 г. (правка методиста)", { timeout: SEE_TIMEOUT });
});

/** TSV the way Excel writes it: a cell with a tab, line break or quote is quoted, quotes doubled. */
function excelTsv(rows: string[][]): string {
  const quote = (c: string) => (/[\t\r\n"]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c);
  return rows.map((row) => row.map(quote).join("\t")).join("\r\n");
}

test("6. Ctrl+A selects the table's cells, not the text of the whole page", async () => {
  // Row 6 is on screen since test 5 scrolled there (the grid draws only the rows near its viewport).
  await cell(a, 5, "measure").click();
  await a.keyboard.press("ControlOrMeta+A");
  // Every column: the order's five and the «Статус» the municipality keeps for itself.
  await expect(a.getByText(/^Выделено: \d+ × 6$/)).toBeVisible();
  expect(await a.evaluate(() => window.getSelection()?.toString() ?? "")).toBe("");
});

test("7. a colleague's longer text makes the row taller and the rows below it move down, and back", async () => {
  // Row 6 is on screen since test 5; rows 6 and 7 are both drawn.
  const row = (page: Page, index: number) => page.locator(`.ag-center-cols-container .ag-row[row-index="${index}"]`);
  const gapBelow = async (page: Page) => {
    const upper = await row(page, 5).boundingBox();
    const lower = await row(page, 6).boundingBox();
    if (!upper || !lower) throw new Error("rows 6 and 7 are not drawn");
    return { height: upper.height, gap: lower.y - (upper.y + upper.height) };
  };
  const before = await gapBelow(b);
  const short = await readCell(a, 5, "document");
  const long = Array.from({ length: 12 }, (_, i) => `Приказ УО № ${i + 1} от 20.01.2022`).join("; ");
  await editCell(a, 5, "document", long);
  await expect(cellText(b, 5, "document")).toHaveText(long, { timeout: SEE_TIMEOUT });
  // The writer's own grid and the colleague's alike.
  for (const page of [a, b]) {
    await expect
      .poll(async () => (await gapBelow(page)).height, { timeout: SEE_TIMEOUT })
      .toBeGreaterThan(before.height + 40);
    await expect
      .poll(async () => Math.abs((await gapBelow(page)).gap), { timeout: SEE_TIMEOUT })
      .toBeLessThanOrEqual(1);
  }

  await editCell(a, 5, "document", short);
  await expect(cellText(b, 5, "document")).toHaveText(short, { timeout: SEE_TIMEOUT });
  for (const page of [a, b]) {
    await expect.poll(async () => (await gapBelow(page)).height, { timeout: SEE_TIMEOUT }).toBe(before.height);
    await expect
      .poll(async () => Math.abs((await gapBelow(page)).gap), { timeout: SEE_TIMEOUT })
      .toBeLessThanOrEqual(1);
  }
});
