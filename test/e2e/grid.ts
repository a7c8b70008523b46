import { expect, type Locator, type Page } from "@playwright/test";

/** What a person sees within this time counts as "at once" in these tests. */
export const SEE_TIMEOUT = 2_000;

export const ROADMAP_TITLE = "Дорожная карта по методическому сопровождению ШНОР на 2022 год";

/** The demo anti-risk programme of МБОУ СОШ № 5 (one per ШНОР school). */
export const SCHOOL5 = "МБОУ СОШ № 5";
export const PROGRAMME_TITLE = "Антирисковая программа «Низкая учебная мотивация обучающихся»";

/**
 * Waits until a cell shows `text`, looking at every frame, and returns how long
 * that took in ms: a figure to report, not to assert on (SEE_TIMEOUT bounds it).
 */
export async function msUntilCellShows(page: Page, rowIndex: number, colId: string, text: string): Promise<number> {
  const started = Date.now();
  await page.waitForFunction(
    ([selector, wanted]) => document.querySelector(selector)?.textContent === wanted,
    [`.ag-row[row-index="${rowIndex}"] .ag-cell[col-id="${colId}"] .k-cell-text`, text] as const,
    { polling: "raf", timeout: SEE_TIMEOUT },
  );
  return Date.now() - started;
}

/** Opens the demo roadmap from the documents list (signed in already). */
export async function openRoadmap(page: Page): Promise<void> {
  await page.goto("/");
  await page.getByRole("link", { name: ROADMAP_TITLE }).click();
  await expect(page.getByTestId("document-title")).toHaveText(ROADMAP_TITLE);
  await expectTableReady(page);
}

/** Opens a document by id and waits until it is synced. */
export async function openDocument(page: Page, id: string): Promise<void> {
  await page.goto(`/d/${id}`);
  await expect(page.getByTestId("grid").first()).toBeVisible({ timeout: 10_000 });
  await expect(syncStatus(page)).toHaveAttribute("data-state", "saved", { timeout: 10_000 });
}

/** Creates a document as the signed-in person (POST /api/documents) and answers its id. */
export async function createDocument(
  page: Page,
  document: { readonly template: string; readonly title: string; readonly year: number },
): Promise<string> {
  const created = await page.request.post("/api/documents", { data: document });
  expect(created.status()).toBe(201);
  return ((await created.json()) as { id: string }).id;
}

/** Opens a school's demo anti-risk programme from the documents list (signed in already). */
export async function openSchoolProgramme(page: Page, school: string): Promise<void> {
  await page.goto("/");
  const group = page.locator(`[data-testid="organisation-group"][data-organisation="${school}"]`);
  await group.getByRole("link", { name: PROGRAMME_TITLE }).click();
  await expect(page.getByTestId("document-title")).toHaveText(PROGRAMME_TITLE);
  await expectTableReady(page);
}

/** The table is on screen and synced with the server. */
export async function expectTableReady(page: Page): Promise<void> {
  await expect(cell(page, 0, "measure")).toBeVisible({ timeout: 10_000 });
  await expect(syncStatus(page)).toHaveAttribute("data-state", "saved", { timeout: 10_000 });
}

/** A grid cell by row position and column id, as rendered. */
export function cell(page: Page, rowIndex: number, colId: string): Locator {
  return page.locator(`.ag-row[row-index="${rowIndex}"] .ag-cell[col-id="${colId}"]`);
}

/**
 * Scrolls the grid until the row is drawn and on screen, as a person scrolls
 * to it: the grid renders only the rows near its viewport, and on a busy
 * machine it may draw them, or bring its focused cell back into view, a few
 * frames after a scroll or a resize.
 */
export async function showRow(page: Page, rowIndex: number): Promise<void> {
  await expect(async () => {
    await page.locator(".ag-body-viewport").evaluate((viewport, index) => {
      const row = viewport.querySelector<HTMLElement>(`.ag-row[row-index="${index}"]`);
      if (row) return row.scrollIntoView({ block: "center" });
      const drawn = Array.from(viewport.querySelectorAll(".ag-row[row-index]"), (r) =>
        Number(r.getAttribute("row-index")),
      );
      const below = drawn.length === 0 || Math.max(...drawn) < index;
      viewport.scrollBy(0, (below ? 1 : -1) * viewport.clientHeight * 0.8);
    }, rowIndex);
    await expect(cell(page, rowIndex, "measure")).toBeInViewport({ timeout: 500 });
  }).toPass({ timeout: 10_000 });
}

/** The text of a cell, without presence badges drawn on it. */
export function cellText(page: Page, rowIndex: number, colId: string): Locator {
  return cell(page, rowIndex, colId).locator(".k-cell-text");
}

/** A cell's text now (line breaks kept). */
export async function readCell(page: Page, rowIndex: number, colId: string): Promise<string> {
  return (await cellText(page, rowIndex, colId).textContent()) ?? "";
}

export function syncStatus(page: Page): Locator {
  return page.getByTestId("sync-status");
}

/**
 * Clicks a cell and waits until the grid has selected it. A row that has just
 * grown (a longer text saved, a colleague's edit) moves the rows below it a
 * frame or two later, so a click aimed at them may land on the row above: the
 * click is made again until the intended cell holds the focus, as a person
 * clicks again when the table moved under the pointer.
 */
export async function selectCell(page: Page, rowIndex: number, colId: string): Promise<void> {
  const target = cell(page, rowIndex, colId);
  await expect(async () => {
    await target.click();
    await expect(target).toHaveClass(/\bag-cell-focus\b/, { timeout: 500 });
  }).toPass({ timeout: 10_000 });
}

/** Types a new value into a cell the way a person does: select, Enter, type, Enter. */
export async function editCell(page: Page, rowIndex: number, colId: string, text: string): Promise<void> {
  await selectCell(page, rowIndex, colId);
  await page.keyboard.press("Enter");
  const editor = page.locator(".ag-popup-editor textarea, .ag-cell-inline-editing input");
  await expect(editor).toBeFocused();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.type(text);
  await page.keyboard.press("Enter");
  await expect(editor).toHaveCount(0);
}

/**
 * Every row's text in display order, read from the DOM. The viewport is made
 * tall enough first so that the grid renders all rows, not just the visible ones.
 */
export async function gridText(page: Page): Promise<string[][]> {
  const size = page.viewportSize();
  await page.setViewportSize({ width: size?.width ?? 1440, height: 8_000 });
  try {
    // AG Grid renders the newly visible rows a frame or two later (more on a busy machine).
    const total = Number((await rowCount(page).textContent())?.match(/\d+/)?.[0] ?? Number.NaN);
    await expect.poll(() => renderedRows(page), { timeout: 5_000 }).toBe(total);
    return await page.evaluate(() => {
      const rows = new Map<number, Map<string, string>>();
      for (const row of Array.from(document.querySelectorAll<HTMLElement>(".ag-row[row-index]"))) {
        const index = Number(row.getAttribute("row-index"));
        const cells = rows.get(index) ?? new Map<string, string>();
        for (const el of Array.from(row.querySelectorAll<HTMLElement>(".ag-cell[col-id]"))) {
          cells.set(el.getAttribute("col-id") ?? "", el.querySelector(".k-cell-text")?.textContent ?? "");
        }
        rows.set(index, cells);
      }
      return [...rows.entries()]
        .sort(([a], [b]) => a - b)
        .map(([, cells]) => [...cells.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => `${k}=${v}`));
    });
  } finally {
    if (size) await page.setViewportSize(size);
  }
}

/** How many different rows the grid has in the DOM right now. */
function renderedRows(page: Page): Promise<number> {
  return page.evaluate(
    () => new Set(Array.from(document.querySelectorAll(".ag-row[row-index]"), (r) => r.getAttribute("row-index"))).size,
  );
}

/** The number of rows the status bar reports. */
export function rowCount(page: Page): Locator {
  return page.getByTestId("row-count");
}
