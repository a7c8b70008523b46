import { expect, type Locator, test } from "@playwright/test";
import { editCell, expectTableReady, ROADMAP_TITLE, SEE_TIMEOUT } from "./grid.ts";
import { login, signedInPerson } from "./session.ts";

/**
 * A document opened by its address on a device that has no copy of it: the
 * entry module asks for it before the app has loaded (earlySocket.ts), and the
 * page goes on with that socket. One socket, one copy of the document
 * received, and edits both ways as on any other socket.
 */
test("a first visit by address opens one socket, receives the document once and edits on it", async ({ browser }) => {
  const visitor = await signedInPerson(browser, "coordinator");
  const colleague = await signedInPerson(browser, "methodist");
  try {
    const href = await visitor.page.getByRole("link", { name: ROADMAP_TITLE }).getAttribute("href");
    if (!href) throw new Error("the roadmap has no link");
    const docId = href.split("/").pop() as string;
    const sockets: string[] = [];
    let fullAnswers = 0;
    visitor.page.on("websocket", (socket) => {
      if (!new URL(socket.url()).pathname.endsWith(`/sync/${docId}`)) return;
      sockets.push(socket.url());
      socket.on("framereceived", ({ payload }) => {
        // A sync step 2 or update (message 0, step 1 or 2) bigger than an edit: the document's content.
        const carriesContent = payload[0] === 0 && (payload[1] === 1 || payload[1] === 2);
        if (typeof payload !== "string" && carriesContent && payload.byteLength > 1000) {
          fullAnswers++;
        }
      });
    });

    await visitor.page.goto(href);
    await expect(visitor.page.getByTestId("document-title")).toHaveText(ROADMAP_TITLE);
    await expectTableReady(visitor.page);
    expect(sockets).toHaveLength(1);
    expect(fullAnswers).toBe(1);

    await colleague.page.goto(href);
    await expectTableReady(colleague.page);
    await editCell(visitor.page, 2, "period", "Май 2022 г. (с первого визита)");
    await expect(colleague.page.locator('.ag-row[row-index="2"] .ag-cell[col-id="period"] .k-cell-text')).toHaveText(
      "Май 2022 г. (с первого визита)",
      { timeout: SEE_TIMEOUT },
    );
    await editCell(colleague.page, 2, "period", "Июнь 2022 г.");
    await expect(visitor.page.locator('.ag-row[row-index="2"] .ag-cell[col-id="period"] .k-cell-text')).toHaveText(
      "Июнь 2022 г.",
      { timeout: SEE_TIMEOUT },
    );
    await expect(visitor.page.getByTestId("sync-status")).toHaveAttribute("data-state", "saved");
    expect(sockets).toHaveLength(1);
  } finally {
    await visitor.context.close();
    await colleague.context.close();
  }
});

/** How far below the bottom of the header a row starts, in whole pixels. */
async function rowsBelowHeader(header: Locator, row: Locator): Promise<number> {
  const [headerBox, rowBox] = [await header.boundingBox(), await row.boundingBox()];
  if (!headerBox || !rowBox) throw new Error("the header or the row is not on screen");
  return Math.round(rowBox.y - (headerBox.y + headerBox.height));
}

/** The heights of rows in display order, in whole pixels. */
async function heightsOf(rows: Locator): Promise<number[]> {
  return rows.evaluateAll((elements) =>
    elements
      .map((e) => e.getBoundingClientRect())
      .sort((a, b) => a.top - b.top)
      .map((box) => Math.round(box.height)),
  );
}

/**
 * The first screen (firstScreen.ts): the entry module draws the document's
 * first rows from the server's text before the app has loaded; the grid takes
 * their place once it has drawn its own, and they are the same rows.
 */
test("a visit shows the first rows before the app has loaded, and the grid takes their place", async ({ browser }) => {
  // No service worker: it would serve the app's code from its cache, past the route that holds it back.
  const context = await browser.newContext({ serviceWorkers: "block" });
  const visitor = { context, page: await context.newPage() };
  await login(visitor.page, "coordinator");
  try {
    const href = await visitor.page.getByRole("link", { name: ROADMAP_TITLE }).getAttribute("href");
    if (!href) throw new Error("the roadmap has no link");
    // The app's code is held back until the first screen has been looked at.
    let release = () => {};
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    let held = 0;
    await visitor.page.route(/\/assets\/start-[^/]*\.js$/, async (route) => {
      held++;
      await released;
      await route.continue();
    });

    await visitor.page.goto(href, { waitUntil: "commit" });
    const firstScreen = visitor.page.locator(".k-first-screen");
    await expect(firstScreen.locator(".k-doc-title")).toHaveText(ROADMAP_TITLE);
    const firstRows = firstScreen.locator(".k-first-screen-row:not(.k-first-screen-header)");
    await expect(firstRows.first()).toBeVisible();
    expect(held).toBeGreaterThan(0);
    await expect(firstScreen.getByRole("columnheader", { name: "Показатели" })).toBeVisible();
    const shownFirstMeasure = await firstRows.first().getByRole("cell").nth(1).textContent();
    expect(shownFirstMeasure?.length).toBeGreaterThan(10);
    await expect(visitor.page.locator(".ag-row")).toHaveCount(0);
    // The preamble has text, so the page opens it folded: the first screen draws it so too.
    await expect(firstScreen.locator(".k-section[data-folded] .k-section-preview")).toHaveText(/^1\. Цели/);
    const drawnAt = await rowsBelowHeader(firstScreen.locator(".k-doc-header"), firstRows.first());
    const drawnHeights = await heightsOf(firstRows);

    release();
    await expectTableReady(visitor.page);
    await expect(visitor.page.locator(".k-first-screen-row")).toHaveCount(0);
    await expect(visitor.page.getByTestId("first-screen")).toHaveCount(0);
    await expect(visitor.page.locator('.ag-row[row-index="0"] .ag-cell[col-id="measure"] .k-cell-text')).toHaveText(
      shownFirstMeasure ?? "",
    );
    // The page's header is taller (buttons, status, people): below it, the rows are where they were drawn.
    const gridRow = visitor.page.locator('.ag-center-cols-container .ag-row[row-index="0"]');
    await expect.poll(() => rowsBelowHeader(visitor.page.getByRole("banner").first(), gridRow)).toBe(drawnAt);
    // In the grid's widths and line heights: each row wraps as the grid wraps it.
    const gridRows = visitor.page.locator(".ag-center-cols-container .ag-row");
    await expect.poll(async () => (await heightsOf(gridRows)).slice(0, 8)).toEqual(drawnHeights.slice(0, 8));
  } finally {
    await visitor.context.close();
  }
});
