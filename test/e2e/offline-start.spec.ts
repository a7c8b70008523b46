import { expect, test } from "@playwright/test";
import { cell, cellText, editCell, openRoadmap, ROADMAP_TITLE, SEE_TIMEOUT, syncStatus } from "./grid.ts";
import { signedInPerson } from "./session.ts";

/**
 * A laptop in a village school: the roadmap was opened once online; later,
 * with no connection, the browser is reopened (a reload) and the app still
 * opens the document from the device, takes edits, and sends them when the
 * connection returns.
 */
test("the app opens a document without a network after one visit, and its edits reach the others later", async ({
  browser,
}) => {
  const laptop = await signedInPerson(browser, "methodist");
  const office = await signedInPerson(browser, "coordinator");
  try {
    await openRoadmap(laptop.page);
    await openRoadmap(office.page);
    // The service worker of the built app controls the page once it has installed.
    await laptop.page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {
      timeout: 10_000,
    });

    await laptop.context.setOffline(true);
    await laptop.page.reload();
    await expect(laptop.page.getByTestId("document-title")).toHaveText(ROADMAP_TITLE, { timeout: 10_000 });
    await expect(cell(laptop.page, 0, "measure")).toBeVisible({ timeout: 10_000 });
    await expect(syncStatus(laptop.page)).toHaveAttribute("data-state", "offline");

    await editCell(laptop.page, 3, "period", "Апрель 2022 г. (перенесено без связи)");
    await expect(cellText(office.page, 3, "period")).not.toHaveText("Апрель 2022 г. (перенесено без связи)");

    await laptop.context.setOffline(false);
    await expect(syncStatus(laptop.page)).toHaveAttribute("data-state", "saved", { timeout: 10_000 });
    await expect(cellText(office.page, 3, "period")).toHaveText("Апрель 2022 г. (перенесено без связи)", {
      timeout: SEE_TIMEOUT,
    });
  } finally {
    await laptop.context.close();
    await office.context.close();
  }
});
