import { type APIRequestContext, expect, test } from "@playwright/test";
import {
  cell,
  cellText,
  editCell,
  openSchoolProgramme,
  PROGRAMME_TITLE,
  SCHOOL5,
  SEE_TIMEOUT,
  syncStatus,
} from "./grid.ts";
import { signedInPerson } from "./session.ts";

const PERSON = { fullName: "Петрова Анна Сергеевна", login: "petrova", password: "пароль-петровой" };

/** A school team member of МБОУ СОШ № 5 of this test's own, invited and signed in through the API. */
async function invitePetrova(coordinator: APIRequestContext, person: APIRequestContext): Promise<void> {
  const organisations = (await (await coordinator.get("/api/organisations")).json()) as { id: string; name: string }[];
  const school = organisations.find((o) => o.name === SCHOOL5);
  if (!school) throw new Error(`${SCHOOL5} is not in the registry`);
  const invited = await coordinator.post("/api/people", {
    data: {
      fullName: PERSON.fullName,
      position: "педагог-психолог",
      organisationId: school.id,
      login: PERSON.login,
      role: "school_team",
    },
  });
  expect(invited.status()).toBe(201);
  const { invitation } = (await invited.json()) as { invitation: { path: string } };
  const accepted = await person.post(`/api${invitation.path.replace("/invite/", "/invitations/")}`, {
    data: { password: PERSON.password },
  });
  expect(accepted.status()).toBe(200);
}

/**
 * Rights change while the document is open: the coordinator takes the school
 * team role away (the open table turns read-only at once, 4409), and gives it
 * back (it is editable again). An edit made offline meanwhile is refused by
 * the server, and the person is told so.
 */
test("the open document follows the person's rights as the coordinator changes them", async ({ browser }) => {
  const coordinator = await signedInPerson(browser, "coordinator");
  const context = await browser.newContext();
  const page = await context.newPage();
  await invitePetrova(coordinator.context.request, context.request);
  await openSchoolProgramme(page, SCHOOL5);
  await expect(page.getByTestId("document-title")).toHaveText(PROGRAMME_TITLE);
  await expect(page.getByTestId("read-only-banner")).toHaveCount(0);

  const c = coordinator.page;
  await c.getByRole("link", { name: "Люди" }).click();
  const row = c.locator(`[data-testid="person-row"][data-login="${PERSON.login}"]`);
  await row.getByRole("button", { name: "Назначить" }).click();
  await row.getByLabel("Роль", { exact: true }).selectOption({ label: "наблюдатель" });
  await row.getByLabel("Где", { exact: true }).selectOption({ label: SCHOOL5 });
  await row.getByRole("button", { name: "Назначить", exact: true }).click();
  await expect(row).toContainText(`наблюдатель — ${SCHOOL5}`);

  // Taken away while the document is open: read-only at once, and said so.
  c.once("dialog", (dialog) => dialog.accept());
  await row.getByRole("button", { name: "Снять роль «управленческая команда школы»" }).click();
  await expect(row).not.toContainText("управленческая команда школы");
  await expect(page.getByTestId("read-only-banner")).toHaveText(/у вас есть право только читать/, {
    timeout: SEE_TIMEOUT * 2,
  });
  await expect(page.getByTestId("toast").filter({ hasText: "теперь только чтение" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Добавить строку" })).toHaveCount(0);

  // Given back: editable again.
  await row.getByRole("button", { name: "Назначить" }).click();
  await row.getByLabel("Роль", { exact: true }).selectOption({ label: "управленческая команда школы" });
  await row.getByLabel("Где", { exact: true }).selectOption({ label: SCHOOL5 });
  await row.getByRole("button", { name: "Назначить", exact: true }).click();
  await expect(page.getByTestId("read-only-banner")).toHaveCount(0, { timeout: SEE_TIMEOUT * 2 });
  await expect(page.getByTestId("toast").filter({ hasText: "теперь редактирование" })).toBeVisible();

  // Offline, she edits; meanwhile the role is taken away again; back online the server refuses the edit.
  await context.setOffline(true);
  await editCell(page, 2, "participants", "Правка без связи");
  c.once("dialog", (dialog) => dialog.accept());
  await row.getByRole("button", { name: "Снять роль «управленческая команда школы»" }).click();
  await expect(row).not.toContainText("управленческая команда школы");
  await context.setOffline(false);
  await expect(page.getByTestId("toast").filter({ hasText: "Изменение не сохранено" })).toBeVisible({
    timeout: 10_000,
  });
  await expect(page.getByTestId("read-only-banner")).toBeVisible();
  // Nor does the status line call it saved.
  await expect(syncStatus(page)).toHaveAttribute("data-state", "refused");
  await expect(syncStatus(page)).toHaveText(
    "Не все изменения сохранены на сервере: у вас нет права изменять этот документ",
  );

  // Nobody else ever sees the refused edit.
  const school = await signedInPerson(browser, "school5");
  await openSchoolProgramme(school.page, SCHOOL5);
  await expect(cell(school.page, 2, "participants")).not.toContainText("Правка без связи");
  await expect(cellText(school.page, 0, "measure")).not.toHaveText("");

  await school.context.close();
  await context.close();
  await coordinator.context.close();
});
