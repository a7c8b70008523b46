import { mkdirSync } from "node:fs";
import path from "node:path";
import { type BrowserContext, expect, type Locator, type Page, test } from "@playwright/test";
import { cell, expectTableReady, openSchoolProgramme, readCell, rowCount, SCHOOL5 } from "./grid.ts";
import { signedInPerson } from "./session.ts";

/**
 * «Мониторинг» as Славянский район's coordinator, with school5 in another
 * context: the matrix, the progress per school and the overdue list; school5
 * marks a measure «выполнено» and the coordinator's figures rise without a
 * reload (the dashboard's events stream); a click on an overdue measure opens
 * its cell. Other specs change the same demo data in the same server, so
 * figures are read before and compared after, never assumed.
 */
test.describe.configure({ mode: "serial" });

const MONITORING = "/monitoring?organisation=slavyansky-rayon&year=2022";
/** The server recomputes and says `changed` (coalesced); the page then asks again. */
const LIVE = 15_000;

/** The whole page, for a person to look at, only when KARTA_SHOTS_DIR names a directory. */
async function fullShot(page: Page, name: string): Promise<void> {
  const dir = process.env.KARTA_SHOTS_DIR;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true });
}

let contexts: BrowserContext[] = [];
let coordinator: Page;
let school: Page;

test.beforeAll(async ({ browser }) => {
  // One after another: the server lets one sign-in per address run at a time.
  const people = [];
  for (const who of ["coordinator", "school5"] as const) people.push(await signedInPerson(browser, who));
  contexts = people.map((p) => p.context);
  [coordinator, school] = people.map((p) => p.page) as [Page, Page];
});

test.afterAll(async () => {
  for (const context of contexts) await context.close();
});

/** A figure as the page writes it («1 234», no-break space), as a number. */
async function figure(locator: Locator): Promise<number> {
  const text = (await locator.textContent()) ?? "";
  const digits = text.replace(/[\s\u00a0]/g, "");
  expect(digits, `a figure, not «${text}»`).toMatch(/^\d+$/);
  return Number(digits);
}

function progressRow(page: Page, school: string): Locator {
  return page.locator(`[data-testid="progress-row"][data-school="${school}"]`);
}

async function openMonitoring(page: Page): Promise<void> {
  await page.goto(MONITORING);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Мониторинг · Славянский район, 2022");
  await expect(page.getByTestId("monitoring-matrix-table")).toBeVisible({ timeout: 10_000 });
}

test("the coordinator's «Мониторинг» shows the matrix, the progress per school and the overdue list, live", async () => {
  // The nav item leads there; the address is completed with the municipality and the latest year.
  await coordinator.goto("/");
  await coordinator.getByRole("navigation").getByRole("link", { name: "Мониторинг" }).click();
  await expect(coordinator).toHaveURL(/\/monitoring\?organisation=slavyansky-rayon&year=\d{4}/);
  await openMonitoring(coordinator);

  // The matrix: school5's row with its documents as status chips, each a link to the document.
  const matrixRow = coordinator.locator(`[data-testid="matrix-row"][data-school="${SCHOOL5}"]`);
  await expect(matrixRow).toBeVisible();
  const chips = matrixRow.getByTestId("matrix-chip");
  expect(await chips.count()).toBeGreaterThan(0);
  await expect(chips.first()).toHaveAttribute("href", /^\/d\/[A-Za-z0-9_-]+$/);
  await expect(matrixRow.locator("td[data-template='anti-risk-programme']")).toContainText(
    "Низкая учебная мотивация обучающихся",
  );

  // The progress per school: school5's four counts.
  const row = progressRow(coordinator, SCHOOL5);
  await expect(row).toBeVisible();
  const total = await figure(coordinator.getByTestId("total-done-count"));
  const school5Done = await figure(row.getByTestId("count-done"));

  // The overdue list (the demo's measures of 2022 are long past): rows with their cell's link.
  const overdueRows = coordinator.getByTestId("overdue-row");
  await expect(overdueRows.first()).toBeVisible();
  await expect(overdueRows.first().getByTestId("overdue-link")).toHaveAttribute(
    "href",
    /^\/d\/[A-Za-z0-9_-]+\?table=[^&]+&row=[^&]+&column=[^&]+$/,
  );
  await expect(overdueRows.first().locator(".k-mon-overdue-deadline")).toHaveText(/^\d{2}\.\d{2}\.\d{4}$/);

  // The events stream is open: changes arrive without asking every 30 s.
  await expect(coordinator.getByTestId("monitoring-freshness")).toHaveAttribute("data-live", "yes", {
    timeout: 10_000,
  });
  // Anything that reloaded the page would lose this.
  await coordinator.evaluate(() => {
    (window as unknown as { notReloaded?: boolean }).notReloaded = true;
  });

  // school5, elsewhere, marks a measure of her programme that is not done yet «выполнено»: the
  // last such row, as other specs read the first ones; its status is put back at the end.
  await openSchoolProgramme(school, SCHOOL5);
  await expectTableReady(school);
  const rows = Number((await rowCount(school).textContent())?.match(/\d+/)?.[0] ?? 0);
  let target = -1;
  for (let i = rows - 1; i >= 0 && target < 0; i--) {
    if ((await readCell(school, i, "status")) !== "выполнено") target = i;
  }
  expect(target, "a measure of school5's programme that is not «выполнено»").toBeGreaterThanOrEqual(0);
  const before = await readCell(school, target, "status");
  await setStatus(school, target, "выполнено");

  // The coordinator's figures rise, on the same page.
  await expect
    .poll(() => figure(coordinator.getByTestId("total-done-count")), { timeout: LIVE })
    .toBeGreaterThan(total);
  await expect.poll(() => figure(row.getByTestId("count-done")), { timeout: LIVE }).toBe(school5Done + 1);
  expect(await coordinator.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);

  // Put back as it was (other specs read this programme), and the figure goes back down, live too.
  await setStatus(school, target, before);
  await expect.poll(() => figure(row.getByTestId("count-done")), { timeout: LIVE }).toBe(school5Done);
});

/** Sets a measure's «Статус» the way a person pastes it (empty: Delete), and waits until it is stored. */
async function setStatus(page: Page, rowIndex: number, value: string): Promise<void> {
  await cell(page, rowIndex, "status").click();
  if (value === "") await page.keyboard.press("Delete");
  else {
    await page.evaluate((text) => navigator.clipboard.writeText(text), value);
    await page.keyboard.press("ControlOrMeta+V");
  }
  await expect(cell(page, rowIndex, "status").locator(".k-cell-text")).toHaveText(value);
  await expect(page.getByTestId("sync-status")).toHaveAttribute("data-state", "saved", { timeout: 10_000 });
}

test("a click on an overdue measure opens its document with the «Сроки» cell selected", async () => {
  await openMonitoring(coordinator);
  const link = coordinator.getByTestId("overdue-link").first();
  await expect(link).toBeVisible();
  const href = (await link.getAttribute("href")) ?? "";
  const target = new URL(href, "http://karta.invalid");
  const rowId = target.searchParams.get("row") ?? "";
  const column = target.searchParams.get("column") ?? "";
  expect(rowId).not.toBe("");
  await link.click();

  await expect.poll(() => new URL(coordinator.url()).pathname + new URL(coordinator.url()).search).toBe(href);
  await expect(coordinator.getByTestId("document-title")).toBeVisible({ timeout: 10_000 });
  const linked = coordinator.locator(`.ag-row[row-id="${rowId}"]:not(.ag-row-pinned) .ag-cell[col-id="${column}"]`);
  await expect(linked).toBeInViewport({ timeout: 10_000 });
  // One selected cell is the focused cell (a larger range is painted with k-range).
  await expect(linked).toHaveClass(/\bag-cell-focus\b/);
  await expect(linked).toBeFocused();
});

test("a school's overdue count opens the overdue list of that school; the filter stays in the address", async () => {
  await openMonitoring(coordinator);
  const count = progressRow(coordinator, SCHOOL5).getByTestId("count-overdue");
  const overdue = await figure(count);
  expect(overdue, "the demo's measures of 2022 are past").toBeGreaterThan(0);
  await count.click();
  await expect(coordinator).toHaveURL(/[?&]school=slav-sosh-5(&|#|$)/);
  const rows = coordinator.getByTestId("overdue-row");
  await expect(rows).toHaveCount(overdue);
  for (const school of await rows.evaluateAll((list) => list.map((r) => r.getAttribute("data-school")))) {
    expect(school).toBe(SCHOOL5);
  }
  await expect(coordinator.getByTestId("overdue-filter")).toHaveValue("slav-sosh-5");
  await expect(coordinator.locator("#overdue")).toBeInViewport();
});

test("a link to a row deleted since says so", async () => {
  await openMonitoring(coordinator);
  const href = (await coordinator.getByTestId("overdue-link").first().getAttribute("href")) ?? "";
  const gone = new URL(href, "http://karta.invalid");
  gone.searchParams.set("row", "no-such-row-0000");
  await coordinator.goto(`${gone.pathname}${gone.search}`);
  await expect(coordinator.getByTestId("toast")).toContainText(
    "Строки, на которую ведёт ссылка, в документе больше нет",
    {
      timeout: 10_000,
    },
  );
});

test("«Мониторинг» at 1440 and 1024 px: nothing but the matrix scrolls sideways", async () => {
  for (const width of [1440, 1024]) {
    await coordinator.setViewportSize({ width, height: 900 });
    await openMonitoring(coordinator);
    // The charts come in a chunk of their own.
    await expect(coordinator.getByTestId("progress-chart").locator("svg.recharts-surface")).toBeVisible({
      timeout: 10_000,
    });
    // Once laid out (recharts sizes its charts from a ResizeObserver, a frame or two after they appear).
    await expect
      .poll(() => coordinator.evaluate(() => document.documentElement.scrollWidth - window.innerWidth), {
        message: `the page is wider than ${width} px`,
        timeout: 5_000,
      })
      .toBeLessThanOrEqual(0);
    await fullShot(coordinator, `monitoring-${width}`);
  }
  await coordinator.setViewportSize({ width: 1440, height: 900 });
});

test("a viewer monitors the municipality too; a school team has no «Мониторинг» and is told why", async ({
  browser,
}) => {
  const viewer = await signedInPerson(browser, "viewer");
  try {
    await viewer.page.getByRole("navigation").getByRole("link", { name: "Мониторинг" }).click();
    // The latest year with documents is shown first (other specs may have made a later one): 2022 is chosen.
    await expect(viewer.page.getByTestId("monitoring-year")).toBeVisible({ timeout: 10_000 });
    await viewer.page.getByTestId("monitoring-year").selectOption("2022");
    await expect(viewer.page.getByTestId("monitoring-matrix-table")).toBeVisible({ timeout: 10_000 });
    await expect(viewer.page).toHaveURL(/\/monitoring\?organisation=slavyansky-rayon&year=2022$/);
    await expect(viewer.page.getByTestId("overdue-row").first()).toBeVisible({ timeout: 10_000 });
  } finally {
    await viewer.context.close();
  }

  await school.goto("/");
  await expect(school.getByRole("navigation").getByRole("link", { name: "Документы" })).toBeVisible();
  await expect(school.getByRole("navigation").getByRole("link", { name: "Мониторинг" })).toHaveCount(0);
  await school.goto(MONITORING);
  await expect(school.getByTestId("monitoring-error")).toHaveText(
    "У вас нет права смотреть мониторинг этого муниципалитета.",
    { timeout: 10_000 },
  );
});
