import { SAVED_MESSAGE_TYPE } from "@karta/schema";
import { expect, test, type WebSocketRoute } from "@playwright/test";
import { cellText, editCell, openSchoolProgramme, SCHOOL5, syncStatus } from "./grid.ts";
import { signedInPerson } from "./session.ts";

/**
 * «Все изменения сохранены на сервере» means the server said it stored the
 * edit (its saved message), not merely that the socket is open. Playwright
 * sits between the page and the server and holds those receipts back.
 */
test("the status line says saved only once the server acknowledges the edit", async ({ browser }) => {
  const { context, page } = await signedInPerson(browser, "school5");
  let holding = false;
  const held: { page: WebSocketRoute; message: Buffer }[] = [];
  await page.routeWebSocket(/\/sync\//, (socket) => {
    const server = socket.connectToServer();
    server.onMessage((message) => {
      if (holding && typeof message !== "string" && message[0] === SAVED_MESSAGE_TYPE) {
        held.push({ page: socket, message });
      } else socket.send(message);
    });
  });
  await openSchoolProgramme(page, SCHOOL5);

  holding = true;
  await editCell(page, 3, "participants", "Учителя начальных классов");
  await expect(syncStatus(page)).toHaveAttribute("data-state", "saving", { timeout: 5_000 });
  await expect(syncStatus(page)).toHaveText("Сохраняется…");
  await expect.poll(() => held.length).toBeGreaterThan(0);

  holding = false;
  for (const { page: socket, message } of held.splice(0)) socket.send(message);
  await expect(syncStatus(page)).toHaveAttribute("data-state", "saved");
  await expect(syncStatus(page)).toHaveText("Все изменения сохранены на сервере");

  // What was called saved is there for anyone who opens the document now.
  const reader = await signedInPerson(browser, "school5");
  await openSchoolProgramme(reader.page, SCHOOL5);
  await expect(cellText(reader.page, 3, "participants")).toHaveText("Учителя начальных классов");
  await reader.context.close();
  await context.close();
});
