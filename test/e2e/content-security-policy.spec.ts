import { expect, test } from "@playwright/test";
import { cell, cellText, editCell, openRoadmap, syncStatus } from "./grid.ts";
import { unfoldSection } from "./pageParts.ts";
import { login } from "./session.ts";

const SEMINAR_PLAN_TITLE = "План семинаров на 2022 год";

/**
 * The app works under the server's Content-Security-Policy: Chromium reports
 * each blocked script, style, image, font, worker or connection both as a
 * `securitypolicyviolation` event and on the console; neither may appear
 * while a person signs in, opens a document (grid, rich text, the sync
 * socket, the document's events stream, the service worker) and edits it.
 */
test("the page reports no Content-Security-Policy violation while signing in and editing a document", async ({
  page,
}) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|securitypolicyviolation/i.test(message.text())) violations.push(message.text());
  });
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      console.error(`securitypolicyviolation: ${event.violatedDirective} blocked ${event.blockedURI}`);
    });
  });

  const response = await page.goto("/login");
  expect(response?.headers()["content-security-policy"]).toContain("script-src 'self'");
  await login(page, "methodist");
  // The roadmap: the grid, a rich-text section with its toolbar, the sync socket, the events stream.
  const events = page.waitForResponse((r) => /\/api\/documents\/[^/]+\/events$/.test(new URL(r.url()).pathname));
  await openRoadmap(page);
  const stream = await events;
  expect(stream.status()).toBe(200);
  expect(stream.headers()["content-type"]).toMatch(/^text\/event-stream/);
  await unfoldSection(page, "preamble");
  await page.getByTestId("section-text-preamble").click();
  await expect(page.getByRole("toolbar", { name: /Форматирование раздела/ })).toBeVisible();
  // An edit, in a document no other test reads: the seminar plan.
  await page.goto("/");
  await page.getByRole("link", { name: SEMINAR_PLAN_TITLE }).click();
  await expect(cell(page, 0, "topic")).toBeVisible({ timeout: 10_000 });
  await editCell(page, 0, "base", "МБОУ СОШ № 5, проверка политики");
  await expect(cellText(page, 0, "base")).toHaveText("МБОУ СОШ № 5, проверка политики");
  await expect(syncStatus(page)).toHaveAttribute("data-state", "saved", { timeout: 10_000 });

  expect(violations).toEqual([]);
});
