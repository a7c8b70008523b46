import { expect, test } from "@playwright/test";
import { cell, cellText, editCell, rowCount, SCHOOL5, syncStatus } from "./grid.ts";
import { login } from "./session.ts";

test("the school team creates a document for its school from the list; it opens empty, ready to fill", async ({
  page,
}) => {
  await login(page, "school5");
  const form = page.getByTestId("create-document");
  await form.getByLabel("Шаблон").selectOption({ label: "Антирисковая программа" });
  // The school team may create documents for its own school only.
  await expect(form.getByLabel("Организация").locator("option")).toHaveText([SCHOOL5]);
  await form.getByLabel("Год").selectOption("2025");
  await form.getByLabel("Название").fill("Антирисковая программа «Дефицит педагогических кадров»");
  await form.getByRole("button", { name: "Создать документ" }).click();

  await expect(page).toHaveURL(/\/d\/[A-Za-z0-9_-]+$/);
  await expect(page.getByTestId("document-title")).toHaveText("Антирисковая программа «Дефицит педагогических кадров»");
  await expect(page.getByTestId("read-only-banner")).toHaveCount(0);
  await expect(syncStatus(page)).toHaveAttribute("data-state", "saved", { timeout: 10_000 });
  await expect(rowCount(page)).toHaveText("0 строк");
  await expect(page.getByTestId("grid-empty")).toHaveText("В таблице нет строк. Нажмите «Добавить строку».");

  await page.getByRole("button", { name: "Добавить строку" }).click();
  await expect(rowCount(page)).toHaveText("1 строка");
  await editCell(page, 0, "task", "Укомплектовать штат учителей математики");
  await expect(cellText(page, 0, "n")).toHaveText("1");
  await expect(cell(page, 0, "task")).toContainText("Укомплектовать штат");

  await page.getByRole("link", { name: "Все документы" }).click();
  const group = page.locator(`[data-testid="organisation-group"][data-organisation="${SCHOOL5}"]`);
  await expect(group.getByRole("link", { name: /Дефицит педагогических кадров/ })).toBeVisible();
});

test("the list shows only the documents one may read, with the access level", async ({ page }) => {
  await login(page, "school5");
  // МБОУ СОШ № 5's documents only: no roadmap, no other school.
  await expect(page.getByTestId("organisation-group")).toHaveCount(1);
  await expect(page.getByTestId("organisation-group")).toContainText(SCHOOL5);
  await expect(page.getByTestId("access-label")).toHaveCount(0);

  await login(page, "curator");
  const groups = page.getByTestId("organisation-group");
  await expect(groups).toHaveCount(2);
  await expect(groups.and(page.locator(`[data-organisation="${SCHOOL5}"]`))).toBeVisible();
  await expect(groups.and(page.locator('[data-organisation="МБОУ ООШ № 7"]'))).toBeVisible();
  await expect(page.getByTestId("access-label").first()).toHaveText("комментирование");
  // A curator creates nothing.
  await expect(page.getByTestId("create-document")).toHaveCount(0);

  await login(page, "viewer");
  await expect(page.getByTestId("access-label").first()).toHaveText("только чтение");
});

test("the list says plainly when the server cannot be reached", async ({ page, context }) => {
  await login(page, "methodist");
  await expect(page.getByTestId("organisation-group").first()).toBeVisible();
  await context.setOffline(true);
  await page.getByRole("link").filter({ hasText: "Дорожная карта" }).first().click();
  await page.getByRole("link", { name: "Все документы" }).click();
  await expect(page.getByTestId("list-error")).toContainText("Не удалось связаться с сервером");
  // The list seen before stays usable: the documents opened here open without a connection.
  await expect(page.getByTestId("list-error")).toContainText("список, сохранённый на этом устройстве");
  await expect(page.getByRole("link").filter({ hasText: "Дорожная карта" }).first()).toBeVisible();
  await context.setOffline(false);
  // Back online, the list is asked again by itself.
  await expect(page.getByTestId("list-error")).toHaveCount(0, { timeout: 5_000 });
  await expect(page.getByTestId("organisation-group").first()).toBeVisible();
});
