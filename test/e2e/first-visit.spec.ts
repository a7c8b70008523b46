import { expect, test } from "@playwright/test";
import { editCell, expectTableReady, ROADMAP_TITLE, SEE_TIMEOUT } from "./grid.ts";
import { signedInPerson } from "./session.ts";

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
