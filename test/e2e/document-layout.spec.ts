import { expect, type Page, test } from "@playwright/test";
import { cell, cellText, createDocument, expectTableReady, openSchoolProgramme, SCHOOL5, syncStatus } from "./grid.ts";
import { signedInPerson } from "./session.ts";

/**
 * The document page makes room for the work (issue 8, point 8), at the
 * laptop size of playwright.config.ts (1440×900): an anti-risk programme's
 * header sections fold so that its measures are on the first screen, the
 * first columns stay while the table scrolls sideways, yes/no and list cells
 * take the keyboard, and a reader is not told about saving changes.
 */

const HEADER_SECTIONS = ["goal", "tasks", "targets", "methods", "timeline"] as const;

/**
 * A key press with the Russian layout on, as Chromium gets it from the system
 * (Playwright's keyboard knows only the US layout: its `type` would insert
 * the letter without a key press, and `press` refuses it).
 */
async function pressInRussianLayout(page: Page, letter: string, code: string): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const key = { key: letter, code, windowsVirtualKeyCode: code.charCodeAt(3) };
    await cdp.send("Input.dispatchKeyEvent", { type: "keyDown", text: letter, unmodifiedText: letter, ...key });
    await cdp.send("Input.dispatchKeyEvent", { type: "keyUp", ...key });
  } finally {
    await cdp.detach();
  }
}

function foldButton(page: Page, sectionId: string) {
  return page.getByTestId(`section-fold-${sectionId}`);
}

test("an anti-risk programme shows its measures on the first screen, sections folded, first columns pinned", async ({
  browser,
}) => {
  const { context, page } = await signedInPerson(browser, "school5");
  try {
    expect(page.viewportSize()).toEqual({ width: 1440, height: 900 });
    await openSchoolProgramme(page, SCHOOL5);

    // The five header sections start folded: one line each.
    for (const id of HEADER_SECTIONS) await expect(foldButton(page, id)).toHaveAttribute("aria-expanded", "false");
    await expect(page.getByTestId("section-text-goal")).toBeHidden();

    // Several measures are on the first screen, whole, without scrolling the page.
    for (const row of [0, 1, 2]) await expect(cell(page, row, "measure")).toBeInViewport({ ratio: 1 });
    await expect(page.getByTestId("row-count")).toBeInViewport();

    // № and «Задача» stay while the table scrolls to its last column.
    await cell(page, 0, "measure").click();
    for (let column = 2; column < 9; column++) await page.keyboard.press("ArrowRight");
    await expect(cell(page, 0, "doneNote")).toBeFocused();
    await expect(cell(page, 0, "doneNote")).toBeInViewport({ ratio: 1 });
    await expect(cell(page, 0, "status")).toBeInViewport({ ratio: 1 });
    await expect(cell(page, 0, "evidence")).toBeInViewport({ ratio: 1 });
    await expect(cell(page, 0, "n")).toBeInViewport({ ratio: 1 });
    await expect(cell(page, 0, "task")).toBeInViewport({ ratio: 1 });
    await expect(cellText(page, 0, "task")).toHaveText("Повысить учебную мотивацию обучающихся 5–9 классов");
  } finally {
    await context.close();
  }
});

test("a section folds and unfolds from its title, and stays as it was left after a reload", async ({ browser }) => {
  const { context, page } = await signedInPerson(browser, "school5");
  try {
    await openSchoolProgramme(page, SCHOOL5);
    const goal = page.getByTestId("section-text-goal");

    // A click on the title unfolds it; one writes in it; folded, its beginning shows beside the title.
    await foldButton(page, "goal").click();
    await expect(foldButton(page, "goal")).toHaveAttribute("aria-expanded", "true");
    await goal.click();
    // Whatever earlier specs wrote here is replaced: the preview must show this text's beginning.
    await page.keyboard.press("ControlOrMeta+A");
    await page.keyboard.type("Повысить учебную мотивацию обучающихся 5–9 классов.");
    await foldButton(page, "goal").click();
    await expect(goal).toBeHidden();
    await expect(page.getByTestId("section-preview-goal")).toHaveText(
      "Повысить учебную мотивацию обучающихся 5–9 классов.",
    );

    // Unfolded stays unfolded after a reload…
    await page.getByTestId("section-preview-goal").click();
    await expect(goal).toBeVisible();
    await page.reload();
    await expectTableReady(page);
    await expect(foldButton(page, "goal")).toHaveAttribute("aria-expanded", "true");
    await expect(goal).toContainText("Повысить учебную мотивацию обучающихся 5–9 классов.");
    // …and folded stays folded, while the others keep their own state.
    await foldButton(page, "goal").click();
    await foldButton(page, "tasks").click();
    await page.reload();
    await expectTableReady(page);
    await expect(foldButton(page, "goal")).toHaveAttribute("aria-expanded", "false");
    await expect(goal).toBeHidden();
    await expect(foldButton(page, "tasks")).toHaveAttribute("aria-expanded", "true");
    await expect(page.getByTestId("section-text-tasks")).toBeVisible();
  } finally {
    await context.close();
  }
});

test("Space ticks a yes/no cell and a typed letter picks a list cell's option", async ({ browser }) => {
  const { context, page } = await signedInPerson(browser, "school5");
  try {
    const id = await createDocument(page, {
      template: "risk-profile",
      title: "Рисковый профиль МБОУ СОШ № 5 (клавиатура)",
      year: 2022,
    });
    await page.goto(`/d/${id}`);
    await expect(cell(page, 0, "factor")).toBeVisible({ timeout: 10_000 });
    await expect(syncStatus(page)).toHaveAttribute("data-state", "saved", { timeout: 10_000 });

    // «Актуален» is a yes/no cell: selected (not edited), Space ticks it and Space again unticks it.
    const checkbox = cell(page, 0, "relevant").locator("input[type=checkbox]");
    await cell(page, 0, "factor").click();
    await page.keyboard.press("ArrowRight");
    await expect(cell(page, 0, "relevant")).toBeFocused();
    await page.keyboard.press("Space");
    await expect(checkbox).toBeChecked();
    await expect(page.locator(".ag-cell-inline-editing")).toHaveCount(0);
    await page.keyboard.press("Space");
    await expect(checkbox).not.toBeChecked();
    await page.keyboard.press("Space");
    await expect(checkbox).toBeChecked();

    // «Значимость» is a list: «с» opens it with «средняя» picked, Enter keeps it.
    await page.keyboard.press("ArrowRight");
    await expect(cell(page, 0, "significance")).toBeFocused();
    await pressInRussianLayout(page, "с", "KeyC");
    await expect(page.locator(".ag-cell-inline-editing")).toContainText("средняя");
    await expect(page.getByRole("option", { name: "средняя" })).toHaveAttribute("aria-selected", "true");
    await page.keyboard.press("Enter");
    await expect(page.locator(".ag-cell-inline-editing")).toHaveCount(0);
    await expect(cellText(page, 0, "significance")).toHaveText("средняя");

    // Both changes reached the server.
    await page.reload();
    await expect(syncStatus(page)).toHaveAttribute("data-state", "saved", { timeout: 10_000 });
    await expect(checkbox).toBeChecked();
    await expect(cellText(page, 0, "significance")).toHaveText("средняя");
  } finally {
    await context.close();
  }
});

test("a reader is told the document is up to date, not that their changes are saved", async ({ browser }) => {
  const viewer = await signedInPerson(browser, "viewer");
  const team = await signedInPerson(browser, "school5");
  try {
    await openSchoolProgramme(viewer.page, SCHOOL5);
    await expect(viewer.page.getByTestId("read-only-banner")).toBeVisible();
    await expect(syncStatus(viewer.page)).toHaveText("Документ синхронизирован с сервером");
    await expect(syncStatus(viewer.page)).not.toContainText("Все изменения сохранены");

    // The school team, who may edit, is still told that their changes are saved.
    await openSchoolProgramme(team.page, SCHOOL5);
    await expect(syncStatus(team.page)).toHaveText("Все изменения сохранены на сервере");
  } finally {
    await viewer.context.close();
    await team.context.close();
  }
});
