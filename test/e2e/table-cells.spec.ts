import { expect, type Locator, type Page, test } from "@playwright/test";
import {
  cell,
  cellText,
  createDocument,
  editCell,
  openDocument,
  openSchoolProgramme,
  SCHOOL5,
  SEE_TIMEOUT,
  selectCell,
} from "./grid.ts";
import { signedInPerson } from "./session.ts";

/**
 * What cells say beyond their values: overdue measures, computed shares and
 * totals, problems, the people picker and the risk profile's action.
 * "Today" is fixed with Playwright's clock (apps/web/src/grid/today.ts).
 */

/** 15 March 2022: «Январь 2022 г.» is past, the rest of the demo programme is not. */
const TODAY = new Date("2022-03-15T10:00:00+03:00");

/** A new teacher-deficits document of 2022 with one empty row, opened (the coordinator creates it). */
async function openNewDeficitsTable(page: Page, title: string): Promise<void> {
  const id = await createDocument(page, { template: "teacher-deficits", title, year: 2022 });
  await openDocument(page, id);
  await page.getByRole("button", { name: "Добавить строку" }).click();
}

/** The pinned total row's cell. */
function totalCell(page: Page, colId: string): Locator {
  return page.locator(`.ag-floating-bottom .ag-row .ag-cell[col-id="${colId}"]`);
}

/** AG Grid's tooltip of a cell, after hovering it. */
async function tooltipOf(page: Page, target: Locator): Promise<Locator> {
  await page.mouse.move(0, 0);
  await expect(page.locator(".ag-tooltip")).toHaveCount(0, { timeout: 5_000 });
  await target.hover();
  const tooltip = page.locator(".ag-tooltip");
  await expect(tooltip).toBeVisible({ timeout: 5_000 });
  return tooltip;
}

test("an overdue measure is marked until its status says «выполнено»", async ({ browser }) => {
  const { context, page } = await signedInPerson(browser, "school5");
  try {
    await page.clock.setFixedTime(TODAY);
    await openSchoolProgramme(page, SCHOOL5);
    // The demo's first measure: «Январь 2022 г.», «в работе».
    await expect(cellText(page, 0, "period")).toHaveText("Январь 2022 г.");
    const overdue = cell(page, 0, "period").getByTestId("cell-overdue");
    await expect(overdue).toBeVisible();
    await expect(overdue).toContainText("просрочено");
    await expect(await tooltipOf(page, cell(page, 0, "period"))).toContainText("Просрочено: срок — до 31.01.2022");
    // «В течение года» and «Не реже 1 раза в четверть» are not overdue in March.
    await expect(cell(page, 1, "period").getByTestId("cell-overdue")).toHaveCount(0);
    await expect(cell(page, 2, "period").getByTestId("cell-overdue")).toHaveCount(0);

    // A deadline typed now is read at once.
    await editCell(page, 1, "period", "до 01.03.2022");
    await expect(cell(page, 1, "period").getByTestId("cell-overdue")).toBeVisible();

    // Done: the mark goes, live.
    await cell(page, 0, "status").click();
    await page.evaluate(() => navigator.clipboard.writeText("выполнено"));
    await page.keyboard.press("ControlOrMeta+V");
    await expect(cell(page, 0, "status")).toContainText("выполнено");
    await expect(cell(page, 0, "period").getByTestId("cell-overdue")).toHaveCount(0);
    await expect(cellText(page, 0, "period")).toHaveText("Январь 2022 г.");
  } finally {
    await context.close();
  }
});

test("teacher deficits: shares and the total are computed, never typed, and a wrong sum is flagged", async ({
  browser,
}) => {
  const { context, page } = await signedInPerson(browser, "coordinator");
  try {
    await openNewDeficitsTable(page, "Мониторинг предметных дефицитов педагогов 2022");
    await editCell(page, 0, "subject", "химия");
    for (const [colId, value] of [
      ["teachers", "16"],
      ["a", "3"],
      ["b", "4"],
      ["c", "7"],
      ["d", "2"],
    ] as const) {
      await editCell(page, 0, colId, value);
    }

    // Seed 004's химия: 3, 4, 7, 2 of 16 is 18,8 / 25,0 / 43,8 / 12,5 %.
    await expect(cellText(page, 0, "shareA")).toHaveText(/^18,8\s%$/);
    await expect(cellText(page, 0, "shareC")).toHaveText(/^43,8\s%$/);
    await expect(await tooltipOf(page, cell(page, 0, "shareA"))).toContainText("Вычисляется: доля от");
    // The total row, pinned under the table, follows the rows.
    await expect(totalCell(page, "subject")).toHaveText("Всего:");
    await expect(totalCell(page, "teachers")).toHaveText("16");
    await expect(totalCell(page, "shareA")).toHaveText(/^18,8\s%$/);

    // A share cannot be typed over, deleted or pasted into.
    await cell(page, 0, "shareA").click();
    await page.keyboard.press("Enter");
    await expect(page.locator(".ag-popup-editor, .ag-cell-inline-editing")).toHaveCount(0);
    await page.keyboard.type("50");
    await page.keyboard.press("Delete");
    await page.evaluate(() => navigator.clipboard.writeText("99"));
    await page.keyboard.press("ControlOrMeta+V");
    await expect(page.getByTestId("toast")).toContainText("вычисляемом столбце");
    await expect(cellText(page, 0, "shareA")).toHaveText(/^18,8\s%$/);
    // Nor the total row.
    await totalCell(page, "teachers").dblclick();
    await expect(page.locator(".ag-popup-editor, .ag-cell-inline-editing")).toHaveCount(0);

    // No problems yet; then A+B+C+D = 17 ≠ 16.
    await expect(page.getByTestId("problems")).toHaveCount(0);
    await expect(cell(page, 0, "teachers").getByTestId("cell-problem")).toHaveCount(0);
    await editCell(page, 0, "d", "3");
    await expect(cell(page, 0, "teachers").getByTestId("cell-problem")).toBeVisible();
    await expect(await tooltipOf(page, cell(page, 0, "teachers"))).toContainText(
      "Уровень A + Уровень B + Уровень C + Уровень D = 17, а «Численность педагогов» — 16",
    );
    await expect(totalCell(page, "d")).toHaveText("3");
    const problems = page.getByTestId("problems");
    await expect(problems.getByRole("button", { name: "Проверка таблицы (1)" })).toBeVisible();
    const item = problems.getByTestId("problem-item");
    await expect(item).toHaveCount(1);
    await expect(item).toContainText("Строка 1 · Численность педагогов");

    // The list leads to the cell.
    await cell(page, 0, "subject").click();
    await item.click();
    await expect(cell(page, 0, "teachers")).toHaveClass(/ag-cell-focus/);

    // Fixed: the flag and the list go.
    await editCell(page, 0, "teachers", "17");
    await expect(cell(page, 0, "teachers").getByTestId("cell-problem")).toHaveCount(0);
    await expect(page.getByTestId("problems")).toHaveCount(0);
    await expect(cellText(page, 0, "shareA")).toHaveText(/^17,6\s%$/);
  } finally {
    await context.close();
  }
});

test("a count typed or pasted as «2,5» is refused with the reason; «1 234» reads as 1234", async ({ browser }) => {
  const { context, page } = await signedInPerson(browser, "coordinator");
  try {
    await openNewDeficitsTable(page, "Мониторинг: числа по-русски");

    // Typed: AG Grid's number input used to drop the comma and store 25.
    await editCell(page, 0, "teachers", "2,5");
    await expect(page.getByTestId("toast")).toContainText("«Численность педагогов»: «2,5» — нужно целое число.");
    await expect(cellText(page, 0, "teachers")).toHaveText("");
    await editCell(page, 0, "teachers", "1 234");
    await expect(cellText(page, 0, "teachers")).toHaveText("1234");
    // The editor starts from the text as shown.
    await cell(page, 0, "teachers").click();
    await page.keyboard.press("Enter");
    await expect(page.locator(".ag-cell-inline-editing input")).toHaveValue("1234");
    await page.keyboard.press("Escape");

    // Pasted: the same parser, the same reason.
    await cell(page, 0, "a").click();
    await page.evaluate(() => navigator.clipboard.writeText("2,5"));
    await page.keyboard.press("ControlOrMeta+V");
    await expect(page.getByTestId("toast").last()).toContainText(
      "Не вставлено: 1 ячейка. «Уровень A (системные)»: «2,5» — нужно целое число.",
    );
    await expect(cellText(page, 0, "a")).toHaveText("");
    await page.evaluate(() => navigator.clipboard.writeText("1\u00a0000"));
    await page.keyboard.press("ControlOrMeta+V");
    await expect(cellText(page, 0, "a")).toHaveText("1000");
  } finally {
    await context.close();
  }
});

/**
 * What a cell shows, sampled at each DOM change and at each of the next five
 * frames from the keystroke (Enter) that ends its edit, with whether an
 * editor was still open.
 */
async function pressEnterAndWatch(page: Page, rowIndex: number, colId: string): Promise<string[]> {
  await page.evaluate(
    ({ rowIndex, colId }) => {
      const seen: string[] = [];
      (window as unknown as { kartaSeen: Promise<string[]> }).kartaSeen = new Promise((resolve) => {
        const sample = () => {
          const editing = document.querySelector(".ag-popup-editor, .ag-cell-inline-editing") !== null;
          const text = document.querySelector(
            `.ag-row[row-index="${rowIndex}"] .ag-cell[col-id="${colId}"] .k-cell-text`,
          )?.textContent;
          if (!editing && text !== undefined && text !== null) seen.push(text);
        };
        const onEnter = (event: KeyboardEvent) => {
          if (event.key !== "Enter") return;
          document.removeEventListener("keydown", onEnter, true);
          const changes = new MutationObserver(sample);
          changes.observe(document.body, { subtree: true, childList: true, characterData: true });
          let frames = 0;
          const frame = () => {
            sample();
            if (++frames < 5) return requestAnimationFrame(frame);
            changes.disconnect();
            resolve(seen);
          };
          requestAnimationFrame(frame);
        };
        document.addEventListener("keydown", onEnter, true);
      });
    },
    { rowIndex, colId },
  );
  await page.keyboard.press("Enter");
  return page.evaluate(() => (window as unknown as { kartaSeen: Promise<string[]> }).kartaSeen);
}

test("an edited cell shows its new value from the first frame after Enter: the old one never comes back", async ({
  browser,
}) => {
  const { context, page } = await signedInPerson(browser, "coordinator");
  try {
    await openNewDeficitsTable(page, "Мониторинг: правка без мигания");
    await editCell(page, 0, "subject", "Математика");

    // AG Grid hands grid-option events to the page in a later task: an edit written from
    // there left the old value on screen for a frame or two after the editor closed.
    for (const [before, after] of [
      ["Математика", "Физика"],
      ["Физика", "Химия"],
      ["Химия", "Биология"],
    ] as const) {
      await expect(cellText(page, 0, "subject")).toHaveText(before);
      await selectCell(page, 0, "subject");
      await page.keyboard.press("Enter");
      await expect(page.locator(".ag-cell-inline-editing input")).toBeFocused();
      await page.keyboard.press("ControlOrMeta+A");
      await page.keyboard.type(after);
      const seen = await pressEnterAndWatch(page, 0, "subject");
      expect(seen.length).toBeGreaterThan(0);
      expect(seen).not.toContain(before);
      expect(seen.at(-1)).toBe(after);
    }
  } finally {
    await context.close();
  }
});

test("the people picker adds «И.Н. Фамилия — должность» to the text already in the cell", async ({ browser }) => {
  const { context, page } = await signedInPerson(browser, "school5");
  try {
    const directory = (await (await page.request.get("/api/people/directory")).json()) as {
      fullName: string;
      label: string;
    }[];
    const person = directory.find((p) => p.fullName.startsWith("Лысенко")) ?? directory[0];
    if (!person) throw new Error("the directory is empty");
    const surname = person.fullName.split(" ")[0] ?? "";

    await openSchoolProgramme(page, SCHOOL5);
    const before = (await cellText(page, 0, "responsible").textContent()) ?? "";
    expect(before).not.toBe("");
    await cell(page, 0, "responsible").click();
    await page.keyboard.press("Enter");
    const search = page.getByTestId("people-search");
    await expect(search).toBeFocused();
    await page.keyboard.type(surname.slice(0, 3));
    const option = page.getByTestId("people-option").first();
    // The picker asks the server for the directory when it first opens.
    await expect(option).toContainText(person.label, { timeout: SEE_TIMEOUT });
    await expect(option).toHaveAttribute("aria-selected", "true");
    await page.keyboard.press("Enter");
    await expect(page.getByTestId("people-editor").locator("textarea")).toHaveValue(`${before}; ${person.label}`);
    // Enter on the empty search saves the cell.
    await page.keyboard.press("Enter");
    await expect(page.getByTestId("people-editor")).toHaveCount(0);
    await expect(cellText(page, 0, "responsible")).toHaveText(`${before}; ${person.label}`, { timeout: SEE_TIMEOUT });
    expect(person.label).toMatch(/^[А-ЯЁ]\.[А-ЯЁ]\. [А-ЯЁ][а-яё-]+/);

    // Escape cancels: nothing is added. Row 0 has just grown by a line: the
    // click waits for the row below to settle under it.
    await selectCell(page, 1, "responsible");
    await page.keyboard.press("Enter");
    await page.keyboard.type(surname.slice(0, 3));
    await expect(page.getByTestId("people-option").first()).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(page.getByTestId("people-editor")).toHaveCount(0);
    await expect(cell(page, 1, "responsible")).not.toContainText(person.label);
  } finally {
    await context.close();
  }
});

test("a factor chosen in the risk profile gets its anti-risk programme from the toolbar", async ({ browser }) => {
  const { context, page } = await signedInPerson(browser, "school5");
  try {
    const id = await createDocument(page, {
      template: "risk-profile",
      title: "Рисковый профиль МБОУ СОШ № 5",
      year: 2022,
    });
    await openDocument(page, id);

    const action = page.getByTestId("create-risk-programme");
    await cell(page, 0, "factor").click();
    await expect(action).toBeDisabled();
    await cell(page, 0, "chosen").locator("input[type=checkbox]").check();
    await cell(page, 0, "factor").click();
    await expect(action).toBeEnabled();
    await action.click();
    await expect(page).not.toHaveURL(new RegExp(`/d/${id}$`));
    await expect(page.getByTestId("document-title")).toHaveText(
      "Антирисковая программа «Низкий уровень оснащения школы»",
      { timeout: 10_000 },
    );
    const programmeUrl = page.url();

    // Back in the profile, the factor has its programme: the button opens it rather than making another.
    await openDocument(page, id);
    await cell(page, 0, "factor").click();
    await expect(action).toHaveText("Открыть антирисковую программу", { timeout: 10_000 });
    await action.click();
    await expect(page).toHaveURL(programmeUrl);
    const list = await page.request.get("/api/documents?organisationId=slav-sosh-5&year=2022");
    const titles = ((await list.json()) as { title: string }[]).map((d) => d.title);
    expect(titles.filter((t) => t === "Антирисковая программа «Низкий уровень оснащения школы»")).toHaveLength(1);
  } finally {
    await context.close();
  }
});
