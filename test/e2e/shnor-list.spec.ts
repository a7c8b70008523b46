import { expect, test } from "@playwright/test";
import { login } from "./session.ts";

/** Seed 003 in the demo: the Северский район's ШНОР list, computed from the school registry. */
const SHNOR_LIST_TITLE = "Список ШНОР по годам (2020–2024)";

test("the Северский coordinator sees the ШНОР list by year: 8 schools in 2020, one in 2024", async ({ page }) => {
  await login(page, "coordinator-seversky");
  await page.getByRole("link", { name: SHNOR_LIST_TITLE }).click();
  await expect(page.getByTestId("document-title")).toHaveText(SHNOR_LIST_TITLE);

  const view = page.getByTestId("registry-view");
  await expect(view.getByRole("heading", { name: "Статусы школ по годам" })).toBeVisible({ timeout: 10_000 });
  await expect(view.getByRole("columnheader")).toHaveText(["Школа", "2020 год", "2022 год", "2023 год", "2024 год"]);
  await expect(view.getByTestId("registry-view-total-2020")).toHaveText("8");
  await expect(view.getByTestId("registry-view-total-2024")).toHaveText("1");
  await expect(view.locator('td[data-year="2020"][data-status="shnor"]')).toHaveCount(8);
  const shnor2024 = view.locator('td[data-year="2024"][data-status="shnor"]');
  await expect(shnor2024).toHaveCount(1);
  const inList2024 = page.locator('td[data-year="2024"][data-status="shnor"]');
  await expect(view.getByTestId("registry-view-row").filter({ has: inList2024 })).toHaveAttribute(
    "data-school",
    "МБОУ СОШ № 7",
  );
  await expect(view.getByRole("row", { name: /Всего ШНОР/ })).toContainText("Всего ШНОР");
  // The seed's own sentence stays in the comment under the list.
  await expect(page.getByText("В 2020 году их было 8, в 2024 году одна.")).toBeVisible();
});

test("the coordinator creates a year's documents for a school and for the municipality from «Школы»", async ({
  page,
}) => {
  await login(page, "coordinator-seversky");
  await page.getByRole("link", { name: "Школы" }).click();
  const registry = page.getByTestId("school-registry").filter({ hasText: "Северский район" });
  await registry.getByLabel("Год документов").selectOption("2024");

  // Every school's button fits inside the registry's card (no sideways scrolling at 1440 px).
  const card = await registry.boundingBox();
  const buttons = registry.locator("tbody .k-col-docs button");
  await expect(buttons).toHaveCount(16);
  for (const box of await buttons.evaluateAll((all) => all.map((b) => b.getBoundingClientRect().right))) {
    expect(box).toBeLessThanOrEqual((card?.x ?? 0) + (card?.width ?? 0) - 8);
  }

  const school7 = registry.locator(`[data-testid="school-row"][data-school="МБОУ СОШ № 7"]`);
  await expect(school7.getByTestId("school-documents")).toContainText("нет");
  await registry.getByRole("button", { name: "Создать документы на 2024 год: МБОУ СОШ № 7" }).click();
  const result = registry.getByTestId("yearly-result");
  await expect(result).toContainText("МБОУ СОШ № 7, 2024 год: создано 3 документа.", { timeout: 10_000 });
  // The «Документы 2024 года» column now lists them.
  await expect(school7.getByTestId("school-documents")).toContainText("3 документа", { timeout: 10_000 });
  await expect(result.getByRole("link")).toHaveText([
    "Рисковый профиль и самодиагностика на 2024 год",
    "Концепция программы развития на 2024 год",
    "Среднесрочная программа развития на 2024 год",
  ]);

  // The municipality's set: its four missing documents; the ШНОР list, the prevention plan and
  // the school's three exist already.
  await registry.getByRole("button", { name: "Создать документы на 2024 год: Северский район" }).click();
  await expect(result).toContainText("Северский район, 2024 год: создано 4 документа, ещё 5 уже были.", {
    timeout: 10_000,
  });
  await result.getByRole("link", { name: "Аналитическая справка на 2024 год" }).click();
  await expect(page.getByTestId("document-title")).toHaveText("Аналитическая справка на 2024 год");
});
