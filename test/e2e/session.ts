import { type Browser, type BrowserContext, expect, type Page } from "@playwright/test";

/** Every demo account's password (README «Run it»). */
export const DEMO_PASSWORD = "demo";

/** The ФИО each demo account shows in the header. */
export const DEMO_NAMES = {
  coordinator: "Руденко Ольга Викторовна",
  methodist: "Белова Наталья Сергеевна",
  curator: "Кравец Андрей Петрович",
  school5: "Лысенко Марина Ивановна",
  viewer: "Орлов Дмитрий Алексеевич",
} as const;

export type DemoLogin = keyof typeof DEMO_NAMES;

/** Fills the login form and presses «Войти» (the page must be showing it). */
export async function submitLogin(page: Page, login: string, password: string): Promise<void> {
  const form = page.getByTestId("login-form");
  await form.getByLabel("Логин").fill(login);
  await form.getByLabel("Пароль").fill(password);
  await form.getByRole("button", { name: "Войти" }).click();
}

/** Signs in through the login page and waits for the documents list (whoever was signed in here before). */
export async function login(page: Page, who: DemoLogin | string, password = DEMO_PASSWORD): Promise<void> {
  await page.context().clearCookies();
  await page.goto("/login");
  await submitLogin(page, who, password);
  await expect(page.getByRole("heading", { name: "Документы", level: 1 })).toBeVisible({ timeout: 10_000 });
  const name = DEMO_NAMES[who as DemoLogin];
  if (name) await expect(page.getByTestId("user-name")).toHaveText(name);
}

/** A browser context of its own (its own cookies, IndexedDB and localStorage): one person, signed in. */
export async function signedInPerson(
  browser: Browser,
  who: DemoLogin,
): Promise<{ readonly context: BrowserContext; readonly page: Page }> {
  const context = await browser.newContext({ permissions: ["clipboard-read", "clipboard-write"] });
  const page = await context.newPage();
  await login(page, who);
  return { context, page };
}
