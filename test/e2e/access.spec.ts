import { expect, test } from "@playwright/test";
import {
  cell,
  cellText,
  editCell,
  expectTableReady,
  openSchoolProgramme,
  PROGRAMME_TITLE,
  readCell,
  rowCount,
  SCHOOL5,
  SEE_TIMEOUT,
} from "./grid.ts";
import { DEMO_NAMES, login, signedInPerson, submitLogin } from "./session.ts";

/**
 * Who may do what, as people see it: the school team edits its programme,
 * its curator reads it (and would comment) and sees every edit live, but the
 * table does not let them change anything.
 */
test("the curator's grid is read-only and shows the school team's edits live", async ({ browser }) => {
  const team = await signedInPerson(browser, "school5");
  const curator = await signedInPerson(browser, "curator");
  try {
    await openSchoolProgramme(team.page, SCHOOL5);
    await openSchoolProgramme(curator.page, SCHOOL5);
    const t = team.page;
    const c = curator.page;

    // The school team edits; the curator is told why they cannot.
    await expect(t.getByTestId("read-only-banner")).toHaveCount(0);
    await expect(t.getByRole("button", { name: "Добавить строку" })).toBeVisible();
    await expect(c.getByTestId("read-only-banner")).toHaveText(
      /Только просмотр: вы куратор этой школы и можете комментировать, но не изменять таблицу/,
    );
    await expect(c.getByRole("button", { name: "Добавить строку" })).toHaveCount(0);
    await expect(c.getByRole("button", { name: /Удалить/ })).toHaveCount(0);
    await expect(c.locator(".ag-row-drag")).toHaveCount(0);

    // Double-click and typing open no editor and change nothing.
    const before = await readCell(c, 0, "measure");
    await cell(c, 0, "measure").dblclick();
    await expect(c.locator(".ag-popup-editor, .ag-cell-inline-editing")).toHaveCount(0);
    await cell(c, 1, "participants").click();
    await c.keyboard.press("Enter");
    await c.keyboard.type("правка куратора");
    await c.keyboard.press("Enter");
    await c.keyboard.press("Delete");
    await expect(c.locator(".ag-popup-editor, .ag-cell-inline-editing")).toHaveCount(0);
    await expect(cellText(c, 0, "measure")).toHaveText(before);
    await expect(cell(c, 1, "participants")).not.toContainText("правка куратора");
    // Ctrl+Shift+↓ moves no row.
    await c.keyboard.press("ControlOrMeta+Shift+ArrowDown");
    await expect(cellText(c, 0, "measure")).toHaveText(before);

    // A paste is refused with a sentence, not applied.
    await cell(c, 2, "participants").click();
    await c.evaluate(() => navigator.clipboard.writeText("вставка куратора"));
    await c.keyboard.press("ControlOrMeta+V");
    await expect(c.getByTestId("toast")).toContainText("только для просмотра");
    await expect(cell(c, 2, "participants")).not.toContainText("вставка куратора");

    // The school team's edits reach the curator at once.
    await editCell(t, 0, "participants", "Учителя математики, классные руководители 5–9 классов");
    await expect(cellText(c, 0, "participants")).toHaveText("Учителя математики, классные руководители 5–9 классов", {
      timeout: SEE_TIMEOUT,
    });
    const rows = Number((await rowCount(t).textContent())?.match(/\d+/)?.[0]);
    await cell(t, 0, "measure").click();
    await t.getByRole("button", { name: "Добавить строку" }).click();
    await editCell(t, 1, "measure", "Консультации для родителей");
    await expect(rowCount(c)).toHaveText(new RegExp(`^${rows + 1} `), { timeout: SEE_TIMEOUT });
    await expect(cellText(c, 1, "measure")).toHaveText("Консультации для родителей", { timeout: SEE_TIMEOUT });

    // And the curator's attempts never reached the school team.
    await expect(cell(t, 1, "participants")).not.toContainText("правка куратора");
    await expect(cell(t, 2, "participants")).not.toContainText("вставка куратора");
  } finally {
    await team.context.close();
    await curator.context.close();
  }
});

test("a wrong password is refused in Russian", async ({ page }) => {
  await page.goto("/login");
  await submitLogin(page, "viewer", "not-the-password");
  await expect(page.getByTestId("login-error")).toHaveText(
    "Неверный логин или пароль. Проверьте раскладку клавиатуры и Caps Lock.",
  );
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByLabel("Пароль")).toHaveValue("");
});

test("a signed-out person is sent to sign in and then back where they were going", async ({ browser }) => {
  const first = await signedInPerson(browser, "school5");
  await openSchoolProgramme(first.page, SCHOOL5);
  const address = first.page.url();
  await first.context.close();

  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(address);
  await expect(page).toHaveURL(/\/login\?next=%2Fd%2F/);
  await submitLogin(page, "school5", "demo");
  await expect(page).toHaveURL(address);
  await expect(page.getByTestId("document-title")).toHaveText(PROGRAMME_TITLE);
  await expectTableReady(page);
  await expect(page.getByTestId("user-name")).toHaveText(DEMO_NAMES.school5);

  // «Выйти» in another tab ends the session: the server closes this tab's socket (4401), and it asks to sign in.
  const other = await context.newPage();
  await other.goto("/");
  await other.getByRole("button", { name: "Выйти" }).click();
  await expect(other).toHaveURL(/\/login$/);
  await expect(page).toHaveURL(/\/login\?next=%2Fd%2F/, { timeout: SEE_TIMEOUT * 2 });
  await expect(page.getByTestId("login-form")).toContainText("Сеанс завершён");
  await other.goto("/");
  await expect(other).toHaveURL(/\/login$/);
  await context.close();
});

test("a person who is not a coordinator sees no coordinator pages", async ({ page }) => {
  await login(page, "methodist");
  await expect(page.getByRole("link", { name: "Люди" })).toHaveCount(0);
  await page.goto("/people");
  await expect(page.getByTestId("page-message")).toContainText("доступен только координатору");
});
