import { mkdirSync } from "node:fs";
import path from "node:path";
import { expect, type Page, test } from "@playwright/test";
import { cell, editCell, openSchoolProgramme, SCHOOL5 } from "./grid.ts";
import { signedInPerson, submitLogin } from "./session.ts";

/**
 * Screenshots of every screen of accounts and roles, for a person to look at
 * (not compared with anything). Only when KARTA_SHOTS_DIR names a directory:
 *   KARTA_SHOTS_DIR=/tmp/karta-shots npm run test:e2e -- screenshots
 */
const dir = process.env.KARTA_SHOTS_DIR;
test.skip(!dir, "set KARTA_SHOTS_DIR to take screenshots");

async function shot(page: Page, name: string): Promise<void> {
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true });
}

test("screens of accounts and roles", async ({ browser }) => {
  const anonymous = await browser.newContext();
  const login = await anonymous.newPage();
  await login.goto("/login");
  await expect(login.getByTestId("login-form")).toBeVisible();
  await shot(login, "01-login");
  await submitLogin(login, "viewer", "wrong-password");
  await expect(login.getByTestId("login-error")).toBeVisible();
  await shot(login, "02-login-wrong-password");

  const school = await signedInPerson(browser, "school5");
  await shot(school.page, "03-documents-school5");
  await openSchoolProgramme(school.page, SCHOOL5);
  await shot(school.page, "03b-document-school5");

  const curator = await signedInPerson(browser, "curator");
  await shot(curator.page, "04-documents-curator");
  await openSchoolProgramme(curator.page, SCHOOL5);
  await curator.page.locator('.ag-row[row-index="1"] .ag-cell[col-id="measure"]').click();
  await shot(curator.page, "05-document-read-only-curator");

  const coordinator = await signedInPerson(browser, "coordinator");
  const c = coordinator.page;
  await shot(c, "06-documents-coordinator");
  await c.getByRole("link", { name: "Школы" }).click();
  await expect(c.getByTestId("school-row").first()).toBeVisible();
  await shot(c, "07-schools");
  await c.getByRole("link", { name: "Люди" }).click();
  await expect(c.getByTestId("person-row").first()).toBeVisible();
  const form = c.getByTestId("invite-form");
  await form.getByLabel("ФИО").fill("Зайцева Елена Викторовна");
  await form.getByLabel("Должность").fill("директор");
  await form.getByLabel("Организация").selectOption({ label: "МБОУ ООШ № 7" });
  await form.getByLabel("Логин").fill("zaitseva");
  await form.getByRole("button", { name: "Создать приглашение" }).click();
  const link = c.getByTestId("invitation-link");
  await expect(link).toHaveValue(/\/invite\//);
  const url = await link.inputValue();
  await c
    .getByTestId("person-row")
    .filter({ hasText: "Кравец" })
    .getByRole("button", { name: "Изменить школы" })
    .click();
  await shot(c, "08-people-invitation");
  await c.getByRole("link", { name: "Журнал" }).click();
  await expect(c.getByTestId("audit-entry").first()).toBeVisible();
  await shot(c, "09-audit");

  const invited = await anonymous.newPage();
  await invited.goto(url);
  await expect(invited.getByTestId("invite-login")).toBeVisible();
  await shot(invited, "10-invitation");
  const used = await anonymous.newPage();
  await used.goto("/invite/this-link-never-existed-0000");
  await expect(used.getByTestId("invite-error")).toBeVisible();
  await shot(used, "11-invitation-unknown");

  for (const context of [anonymous, school.context, curator.context, coordinator.context]) await context.close();
});

test("screens of documents made of sections and tables", async ({ browser }) => {
  const school = await signedInPerson(browser, "school5");
  const s = school.page;
  await openSchoolProgramme(s, SCHOOL5);
  // The programme's header sections start folded (apps/web/src/sections/sectionFolds.ts).
  await s.getByTestId("section-fold-goal").click();
  await s.getByTestId("section-fold-tasks").click();
  const goal = s.getByTestId("section-text-goal");
  await goal.click();
  await s.keyboard.type("Повысить учебную мотивацию обучающихся 5–9 классов к концу 2022/23 учебного года.");
  await s.getByTestId("section-text-tasks").click();
  await s
    .getByRole("toolbar", { name: "Форматирование раздела «Задачи»" })
    .getByRole("button", { name: "Нумерованный список" })
    .click();
  await s.keyboard.type("Провести диагностику мотивации.");
  await s.keyboard.press("Enter");
  await s.keyboard.type("Организовать проектную деятельность и наставничество.");
  await shot(s, "12-programme-sections-school5");

  // The same person on a second computer: her caret shows on the first.
  const laptop = await signedInPerson(browser, "school5");
  await openSchoolProgramme(laptop.page, SCHOOL5);
  await laptop.page.getByTestId("section-fold-goal").click();
  await laptop.page.getByTestId("section-text-goal").click();
  await laptop.page.keyboard.press("End");
  await expect(s.getByTestId("section-text-goal").locator(".collaboration-carets__label")).toBeVisible();
  await shot(s, "13-programme-caret-of-colleague");
  await laptop.context.close();

  const coordinator = await signedInPerson(browser, "coordinator");
  const c = coordinator.page;

  const created = await c.request.post("/api/documents", {
    data: { template: "analytic-report", title: "Аналитическая справка за 2022 год", year: 2022 },
  });
  const { id } = (await created.json()) as { id: string };
  await c.goto(`/d/${id}`);
  const body = c.getByTestId("section-text-body");
  await body.click();
  await c.getByRole("button", { name: "Заголовок", exact: true }).click();
  await c.keyboard.type("Итоги методического сопровождения ШНОР");
  await c.keyboard.press("Enter");
  await c.keyboard.type("В 2022 году в Славянском районе ");
  await c.getByRole("button", { name: "Вставить показатель" }).click();
  await c.getByRole("menuitem", { name: "Число ШНОР в 2022 году" }).click();
  await c.keyboard.type(" школ имели статус ШНОР, это ");
  await c.getByRole("button", { name: "Вставить показатель" }).click();
  await c.getByRole("menuitem", { name: "Доля ШНОР в территории" }).click();
  await c.keyboard.type(" школ района. Доля педагогов с дефицитами уровней A и B: ");
  await c.getByRole("button", { name: "Вставить показатель" }).click();
  await c.getByRole("menuitem", { name: "Доля педагогов с дефицитами уровней A+B" }).click();
  await c.keyboard.type(".");
  await c.keyboard.press("Enter");
  await c.getByRole("button", { name: "Вставить таблицу" }).click();
  await c.keyboard.type("Показатель");
  await expect(body.locator("[data-live-figure]").first()).not.toHaveText("…");
  await c.getByRole("button", { name: "Вставить показатель" }).click();
  await shot(c, "14-analytic-report-figures");
  await c.keyboard.press("Escape");

  const viewer = await signedInPerson(browser, "viewer");
  await viewer.page.goto(`/d/${id}`);
  await expect(viewer.page.getByTestId("read-only-banner")).toBeVisible();
  await shot(viewer.page, "15-analytic-report-read-only");

  for (const context of [school.context, coordinator.context, viewer.context]) await context.close();
});

test("screens of table cells: shares, totals, problems, overdue, people", async ({ browser }) => {
  const coordinator = await signedInPerson(browser, "coordinator");
  const c = coordinator.page;
  const created = await c.request.post("/api/documents", {
    data: { template: "teacher-deficits", title: "Мониторинг предметных дефицитов педагогов, 2022", year: 2022 },
  });
  const { id } = (await created.json()) as { id: string };
  await c.goto(`/d/${id}`);
  await c.getByRole("button", { name: "Добавить строку" }).click();
  // Seed 004's counts; the shares and the total row are computed.
  const seed = [
    ["русский язык", 36, 8, 16, 12, 0],
    ["математика", 32, 6, 14, 11, 1],
    ["иностранный язык", 33, 14, 11, 8, 0],
    ["информатика", 18, 8, 5, 5, 0],
    ["физика", 17, 4, 6, 7, 0],
    ["химия", 16, 3, 4, 7, 2],
    ["биология", 18, 4, 6, 7, 1],
    ["история", 23, 9, 5, 9, 0],
  ];
  await cell(c, 0, "subject").click();
  await c.evaluate((text) => navigator.clipboard.writeText(text), seed.map((r) => r.join("\t")).join("\n"));
  await c.keyboard.press("ControlOrMeta+V");
  await expect(cell(c, 7, "shareA")).toHaveText(/39,1/);
  await cell(c, 5, "shareA").click();
  await shot(c, "16-deficits-shares-total");

  await editCell(c, 1, "teachers", "33");
  await cell(c, 7, "subject").click();
  await c.keyboard.press("Delete");
  await expect(c.getByTestId("problems")).toBeVisible();
  await c.mouse.move(0, 0);
  await cell(c, 1, "teachers").hover();
  await expect(c.locator(".ag-tooltip")).toBeVisible({ timeout: 5_000 });
  await shot(c, "17-deficits-problems");

  const school = await signedInPerson(browser, "school5");
  const s = school.page;
  await s.clock.setFixedTime(new Date("2022-03-15T10:00:00+03:00"));
  await openSchoolProgramme(s, SCHOOL5);
  await s.locator('[data-table="measures"]').evaluate((table) => table.scrollIntoView({ block: "start" }));
  await s.mouse.move(0, 0);
  await cell(s, 0, "period").hover();
  await expect(s.locator(".ag-tooltip")).toBeVisible({ timeout: 5_000 });
  await s.screenshot({ path: path.join(dir ?? "", "18-programme-overdue.png") });

  await s.mouse.move(0, 0);
  await expect(s.locator(".ag-tooltip")).toHaveCount(0, { timeout: 5_000 });
  await cell(s, 1, "responsible").click();
  await s.keyboard.press("Enter");
  await s.keyboard.type("Бел");
  await expect(s.getByTestId("people-option").first()).toBeVisible();
  await s.screenshot({ path: path.join(dir ?? "", "19-people-picker.png") });
  await s.keyboard.press("Escape");

  const profile = await s.request.post("/api/documents", {
    data: { template: "risk-profile", title: "Рисковый профиль МБОУ СОШ № 5 на 2022 год", year: 2022 },
  });
  const { id: profileId } = (await profile.json()) as { id: string };
  await s.goto(`/d/${profileId}`);
  await cell(s, 5, "chosen").locator("input[type=checkbox]").check();
  await cell(s, 5, "factor").click();
  await expect(s.getByTestId("create-risk-programme")).toBeEnabled();
  await s.screenshot({ path: path.join(dir ?? "", "20-risk-profile-action.png") });

  for (const context of [coordinator.context, school.context]) await context.close();
});
