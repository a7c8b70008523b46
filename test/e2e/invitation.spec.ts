import { expect, test } from "@playwright/test";
import { login, signedInPerson, submitLogin } from "./session.ts";

/**
 * The coordinator invites a new school team member through «Люди»; the new
 * person opens the one-time link in a browser of their own, sets a password,
 * is signed in, and later signs in again with that password.
 */
test("a coordinator invites a person who sets a password and signs in", async ({ browser }) => {
  const coordinator = await signedInPerson(browser, "coordinator");
  const c = coordinator.page;
  await c.getByRole("link", { name: "Люди" }).click();
  await expect(c.getByRole("heading", { name: "Люди", level: 1 })).toBeVisible();
  await expect(c.getByTestId("person-row").first()).toBeVisible();

  const form = c.getByTestId("invite-form");
  await form.getByLabel("ФИО").fill("Соколова Ирина Андреевна");
  await form.getByLabel("Должность").fill("учитель математики");
  await form.getByLabel("Организация").selectOption({ label: "МБОУ СОШ № 5" });
  await form.getByLabel("Логин").fill("sokolova");
  await form.getByLabel("Роль").selectOption({ label: "управленческая команда школы" });
  await form.getByRole("button", { name: "Создать приглашение" }).click();

  const link = c.getByTestId("invitation-link");
  await expect(link).toHaveValue(/\/invite\/[A-Za-z0-9_-]+$/);
  const url = await link.inputValue();
  const row = c.getByTestId("person-row").filter({ hasText: "sokolova" });
  await expect(row).toContainText("Соколова Ирина Андреевна");
  await expect(row).toContainText("ещё не входил(а)");
  await expect(row).toContainText("управленческая команда школы — МБОУ СОШ № 5");

  // A fresh browser: nobody is signed in there.
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url);
  await expect(page.getByRole("heading", { name: "Здравствуйте, Соколова Ирина Андреевна!" })).toBeVisible();
  await expect(page.getByTestId("invite-login")).toHaveText("sokolova");
  await page.getByLabel("Пароль", { exact: true }).fill("короткий");
  await page.getByLabel("Пароль ещё раз").fill("другой пароль");
  await page.getByRole("button", { name: "Сохранить пароль и войти" }).click();
  await expect(page.getByTestId("invite-form-error")).toHaveText("Пароли не совпадают.");
  await page.getByLabel("Пароль", { exact: true }).fill("математика-2026");
  await page.getByLabel("Пароль ещё раз").fill("математика-2026");
  await page.getByRole("button", { name: "Сохранить пароль и войти" }).click();

  // Signed in: the documents list of МБОУ СОШ № 5.
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByTestId("user-name")).toHaveText("Соколова Ирина Андреевна");
  await expect(page.getByTestId("organisation-group")).toContainText("МБОУ СОШ № 5");

  // The link was for one use only.
  const again = await context.newPage();
  await again.goto(url);
  await expect(again.getByTestId("invite-error")).toContainText("уже использована");
  await again.close();

  await page.getByRole("button", { name: "Выйти" }).click();
  await expect(page).toHaveURL(/\/login$/);
  await submitLogin(page, "sokolova", "математика-2026");
  await expect(page.getByTestId("user-name")).toHaveText("Соколова Ирина Андреевна");
  await expect(page.getByTestId("organisation-group")).toContainText("МБОУ СОШ № 5");

  // The coordinator's list now shows her as active, and the log has it all.
  await c.reload();
  await expect(c.getByTestId("person-row").filter({ hasText: "sokolova" })).not.toContainText("ещё не входил(а)");

  // A new link for someone who signs in already is asked about first: it replaces the password.
  const active = c.getByTestId("person-row").filter({ hasText: "sokolova" });
  const asked: string[] = [];
  c.once("dialog", (dialog) => {
    asked.push(dialog.message());
    void dialog.dismiss();
  });
  await active.getByRole("button", { name: "Новая ссылка" }).click();
  expect(asked).toEqual([expect.stringContaining("все прежние входы этого человека завершатся")]);
  await expect(c.getByTestId("invitation-link")).toHaveCount(0);
  c.once("dialog", (dialog) => void dialog.accept());
  await active.getByRole("button", { name: "Новая ссылка" }).click();
  await expect(c.getByTestId("invitation-link")).toHaveValue(/\/invite\/[A-Za-z0-9_-]+$/);
  expect(await c.getByTestId("invitation-link").inputValue()).not.toBe(url);

  await c.getByRole("link", { name: "Журнал" }).click();
  await expect(c.getByTestId("audit-entry").filter({ hasText: "приглашение принято" }).first()).toContainText(
    "sokolova",
  );

  await context.close();
  await coordinator.context.close();
});

test("a used or unknown invitation link says so", async ({ page }) => {
  await page.goto("/invite/this-link-never-existed-0000");
  await expect(page.getByTestId("invite-error")).toContainText("не найдена");
  await page.getByRole("link", { name: "Перейти ко входу" }).click();
  await expect(page).toHaveURL(/\/login$/);
});

test("the coordinator keeps the schools registry", async ({ page }) => {
  await login(page, "coordinator");
  await page.getByRole("link", { name: "Школы" }).click();
  const row = page.locator('[data-testid="school-row"][data-school="МБОУ СОШ № 5"]');
  await expect(row).toBeVisible();
  const shnor2022 = Number(await page.getByTestId("shnor-total-2022").textContent());
  await row.getByLabel("Статус: МБОУ СОШ № 5, 2022 год").selectOption({ label: "проект «500+»" });
  await expect(row.locator(".k-status-project500 .k-status-text")).toHaveText("проект «500+»");
  await expect(page.getByTestId("shnor-total-2022")).toHaveText(String(shnor2022 - 1));
  await row.getByLabel("Статус: МБОУ СОШ № 5, 2022 год").selectOption({ label: "ШНОР" });
  await expect(page.getByTestId("shnor-total-2022")).toHaveText(String(shnor2022));

  const add = page.getByTestId("add-school");
  await add.getByLabel("Название").fill("МБОУ СОШ № 99");
  await add.getByLabel("Тип").selectOption("СОШ");
  await add.getByRole("button", { name: "Добавить школу" }).click();
  await expect(page.locator('[data-testid="school-row"][data-school="МБОУ СОШ № 99"]')).toBeVisible();
});

test("the coordinator keeps people without accounts", async ({ page }) => {
  await login(page, "coordinator");
  await page.getByRole("link", { name: "Люди" }).click();
  const section = page.getByTestId("registry-people");
  await expect(section.getByRole("heading", { name: "Без учётной записи" })).toBeVisible();
  // The roadmap's people, seeded, as «Ответственные» will show them.
  await expect(section.getByTestId("registry-row").filter({ hasText: "Хняч И.Н." })).toContainText(
    "в таблице: И.Н. Хняч — директор МКУО ЦОКО",
  );

  const add = section.getByTestId("registry-add");
  await add.getByRole("button", { name: "Добавить" }).click();
  await expect(add.getByRole("alert")).toHaveText("Введите ФИО (не короче 3 символов).");
  await add.getByLabel("ФИО").fill("Тестова Вера Павловна");
  await add.getByLabel("Должность").fill("главный специалист");
  await add.getByRole("button", { name: "Добавить" }).click();
  const row = section.getByTestId("registry-row").filter({ hasText: "Тестова Вера Павловна" });
  await expect(row).toContainText("в таблице: В.П. Тестова — главный специалист");

  await row.getByRole("button", { name: "Изменить" }).click();
  const edit = section.getByTestId("registry-edit");
  await edit.getByLabel("Должность").fill("ведущий специалист");
  await edit.getByRole("button", { name: "Сохранить" }).click();
  await expect(row).toContainText("в таблице: В.П. Тестова — ведущий специалист");

  page.once("dialog", (dialog) => dialog.accept());
  await row.getByRole("button", { name: "Удалить" }).click();
  await expect(row).toHaveCount(0);
});
