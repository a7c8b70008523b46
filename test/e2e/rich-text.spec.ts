import { formatPercent } from "@karta/domain";
import { type BrowserContext, expect, type Locator, type Page, test } from "@playwright/test";
import { openDocument, SEE_TIMEOUT, syncStatus } from "./grid.ts";
import { unfoldSection } from "./pageParts.ts";
import { DEMO_NAMES, signedInPerson } from "./session.ts";

/**
 * A roadmap's preamble (a rich-text section above its table), written
 * together, in a roadmap of its own for 2023 whose preamble starts empty (the
 * demo's 2022 roadmap holds seed 002's): the methodist Белова (A) and the coordinator Руденко (B) type in
 * it at the same time and see each other's caret and text; Руденко's second
 * computer (C) types while offline and merges when it is back. Every step
 * checks what each person sees on screen.
 */
test.describe.configure({ mode: "serial" });

let contexts: BrowserContext[] = [];
let a: Page;
let b: Page;
let c: Page;
let roadmapId: string;
const ROADMAP_2023 = "Дорожная карта по методическому сопровождению ШНОР на 2023 год";

test.beforeAll(async ({ browser }) => {
  const methodist = await signedInPerson(browser, "methodist");
  const coordinator = await signedInPerson(browser, "coordinator");
  const laptop = await signedInPerson(browser, "coordinator");
  contexts = [methodist.context, coordinator.context, laptop.context];
  ({ page: a } = methodist);
  ({ page: b } = coordinator);
  ({ page: c } = laptop);
  const created = await b.request.post("/api/documents", {
    data: { template: "municipal-roadmap", title: ROADMAP_2023, year: 2023 },
  });
  expect(created.status()).toBe(201);
  roadmapId = ((await created.json()) as { id: string }).id;
  for (const page of [a, b, c]) {
    // A second copy of Yjs in the bundle breaks it; Yjs says so on the console.
    page.on("console", (message) => {
      if (message.text().includes("Yjs was already imported")) throw new Error(message.text());
    });
    await openDocument(page, roadmapId);
  }
});

test.afterAll(async () => {
  for (const context of contexts) await context.close();
});

/** The preamble's editable text. */
function preamble(page: Page): Locator {
  return page.getByTestId("section-text-preamble");
}

/** Puts the caret at the end of the preamble's paragraph number `index`. */
async function caretAtEndOf(page: Page, index: number): Promise<void> {
  await preamble(page).locator("p").nth(index).click();
  await page.keyboard.press("End");
}

/** The preamble's text as a person reads it, carets' name labels left out. */
async function readPreamble(page: Page): Promise<string> {
  return preamble(page).evaluate((element) => {
    const copy = element.cloneNode(true) as HTMLElement;
    for (const caret of Array.from(copy.querySelectorAll(".collaboration-carets__caret"))) caret.remove();
    return Array.from(copy.querySelectorAll("p, h3, h4"))
      .map((block) => block.textContent ?? "")
      .join("\n");
  });
}

test("the document page shows the preamble above the table, with its title, and a toolbar while one writes", async () => {
  const section = a.locator('[data-section="preamble"]');
  await expect(section.getByRole("heading", { level: 2 })).toHaveText("Преамбула приказа");
  const toolbar = a.getByRole("toolbar", { name: "Форматирование раздела «Преамбула приказа»" });
  await a.getByTestId("document-title").hover();
  await expect(toolbar).toBeHidden();
  await preamble(a).click();
  await expect(toolbar).toBeVisible();
  await expect(a.locator('[data-table="measures"]').getByRole("heading", { level: 2 })).toHaveText(
    "Содержание работы по методическому сопровождению школ с низкими образовательными результатами и школ, функционирующих в сложных социальных условиях",
  );
});

test("1. two people type in the same section at once and each sees the other's text and caret", async () => {
  // A starts two paragraphs: one for each person to continue.
  await preamble(a).click();
  await a.keyboard.type("Цель: методическое сопровождение ШНОР.");
  await a.keyboard.press("Enter");
  await a.keyboard.type("Задачи:");
  await expect
    .poll(() => readPreamble(b), { timeout: SEE_TIMEOUT })
    .toBe("Цель: методическое сопровождение ШНОР.\nЗадачи:");

  await caretAtEndOf(a, 0);
  await caretAtEndOf(b, 1);
  await Promise.all([
    a.keyboard.type(" Основание — приказ № 156 от 21.01.2022.", { delay: 15 }),
    b.keyboard.type(" повысить качество образования.", { delay: 15 }),
  ]);

  const expected = [
    "Цель: методическое сопровождение ШНОР. Основание — приказ № 156 от 21.01.2022.",
    "Задачи: повысить качество образования.",
  ].join("\n");
  await expect.poll(() => readPreamble(a), { timeout: SEE_TIMEOUT }).toBe(expected);
  await expect.poll(() => readPreamble(b), { timeout: SEE_TIMEOUT }).toBe(expected);

  // Each sees the other's caret, labelled with the other's name, and not their own.
  const caretIn = (page: Page, name: string) =>
    preamble(page).locator(".collaboration-carets__label", { hasText: name });
  await expect(caretIn(a, DEMO_NAMES.coordinator)).toBeVisible({ timeout: SEE_TIMEOUT });
  await expect(caretIn(b, DEMO_NAMES.methodist)).toBeVisible({ timeout: SEE_TIMEOUT });
  await expect(caretIn(a, DEMO_NAMES.methodist)).toHaveCount(0);
  // The caret is drawn where B is typing: at the end of the second paragraph.
  await expect(preamble(a).locator("p").nth(1).locator(".collaboration-carets__caret")).toHaveCount(1);

  // The server accepted every change: nothing refused, nothing closed.
  for (const page of [a, b]) {
    await expect(syncStatus(page)).toHaveAttribute("data-state", "saved");
    await expect(page.getByTestId("close-banner")).toHaveCount(0);
  }
});

test("2. formatting and Ctrl+Z: one's own edit is undone, never the colleague's", async () => {
  const before = await readPreamble(b);
  const paragraphsBefore = await preamble(a).locator("p").count();
  const extraParagraphs = async () => (await preamble(a).locator("p").count()) - paragraphsBefore;
  // Keystrokes less than 500 ms apart make one undo step; a person pauses between two thoughts.
  await a.waitForTimeout(600);
  await caretAtEndOf(a, 1);
  await a.keyboard.press("Enter");
  await a.getByRole("button", { name: "Маркированный список" }).click();
  await a.keyboard.type("Лишний пункт");
  await expect(preamble(b).locator("li")).toHaveCount(1, { timeout: SEE_TIMEOUT });
  await expect.poll(() => readPreamble(b), { timeout: SEE_TIMEOUT }).toContain("\nЛишний пункт");

  // Keystrokes within 500 ms are one undo step; on a loaded machine the click on the list button can
  // take longer and split the edit in two or three steps. Undo until A's edit is gone (at most its
  // three parts: the new paragraph, the list, the text): never further, never the colleague's text.
  for (let step = 0; step < 3 && (await preamble(a).locator("li").count()) + (await extraParagraphs()) > 0; step++) {
    await a.keyboard.press("ControlOrMeta+z");
  }
  await expect(preamble(b).locator("li")).toHaveCount(0, { timeout: SEE_TIMEOUT });
  await expect.poll(() => readPreamble(b)).toBe(before);
  await expect.poll(() => readPreamble(a)).toBe(before);
});

test("3. text typed offline merges with a colleague's when the connection returns", async () => {
  const laptop = contexts[2];
  if (!laptop) throw new Error("no third context");
  await expect
    .poll(() => readPreamble(c), { timeout: SEE_TIMEOUT })
    .toContain("\nЗадачи: повысить качество образования.");
  await laptop.setOffline(true);
  await expect(syncStatus(c)).toHaveAttribute("data-state", "offline", { timeout: SEE_TIMEOUT });

  await caretAtEndOf(c, 1);
  await c.keyboard.type(" Снизить долю ШНОР.");
  await caretAtEndOf(a, 0);
  await a.keyboard.type(" Срок — 2022 год.");
  // Nothing of C's reaches the others while C is offline, nor theirs C.
  await expect.poll(() => readPreamble(b), { timeout: SEE_TIMEOUT }).toContain("Срок — 2022 год.");
  expect(await readPreamble(b)).not.toContain("Снизить долю ШНОР.");
  expect(await readPreamble(c)).not.toContain("Срок — 2022 год.");

  await laptop.setOffline(false);
  await expect(syncStatus(c)).toHaveAttribute("data-state", "saved", { timeout: 10_000 });
  const expected = [
    "Цель: методическое сопровождение ШНОР. Основание — приказ № 156 от 21.01.2022. Срок — 2022 год.",
    "Задачи: повысить качество образования. Снизить долю ШНОР.",
  ].join("\n");
  for (const page of [a, b, c]) await expect.poll(() => readPreamble(page), { timeout: SEE_TIMEOUT }).toBe(expected);
});

test("4. a reader sees the text as it is written, without a toolbar, and cannot change it", async ({ browser }) => {
  const { context, page: viewer } = await signedInPerson(browser, "viewer");
  await openDocument(viewer, roadmapId);
  // A section with text above a table opens folded for a newcomer.
  await unfoldSection(viewer, "preamble");
  await expect(viewer.getByTestId("read-only-banner")).toBeVisible();
  await expect(preamble(viewer)).toHaveAttribute("contenteditable", "false");
  await expect(viewer.getByRole("toolbar", { name: /Форматирование раздела/ })).toHaveCount(0);
  await expect.poll(() => readPreamble(viewer)).toContain("Снизить долю ШНОР.");

  await caretAtEndOf(a, 1);
  await a.keyboard.type(" Итоги — в аналитической справке.");
  await expect.poll(() => readPreamble(viewer), { timeout: SEE_TIMEOUT }).toContain("Итоги — в аналитической справке.");
  await context.close();
});

test("5. the analytic report's live figures are computed by the server and follow the registry", async () => {
  const created = await b.request.post("/api/documents", {
    data: {
      template: "analytic-report",
      title: "Аналитическая справка по итогам 2022 года",
      organisationId: "slavyansky-rayon",
      year: 2022,
    },
  });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  const figures = async () =>
    (await (await b.request.get("/api/organisations/slavyansky-rayon/figures")).json()) as {
      shnorByYear: Record<string, number>;
      deficitsAB: { percent: number | null } | null;
    };
  const count = (await figures()).shnorByYear["2022"];
  // Other specs may have filled a teacher-deficits monitoring for Славянский район (an import does).
  const deficits = (await figures()).deficitsAB?.percent ?? null;
  if (count === undefined) throw new Error("the demo registry has no ШНОР in 2022");

  for (const page of [a, b]) {
    await page.goto(`/d/${id}`);
    await expect(syncStatus(page)).toHaveAttribute("data-state", "saved", { timeout: 10_000 });
  }
  const body = (page: Page) => page.getByTestId("section-text-body");
  await body(b).click();
  await b.keyboard.type("В 2022 году в районе ШНОР: ");
  const insert = async (label: string) => {
    await b.getByRole("button", { name: "Вставить показатель" }).click();
    await b.getByRole("menuitem", { name: label }).click();
  };
  await insert("Число ШНОР в 2022 году");
  await b.keyboard.type(", доля ШНОР — ");
  await insert("Доля ШНОР в территории");
  await b.keyboard.type(", педагогов с дефицитами A+B — ");
  await insert("Доля педагогов с дефицитами уровней A+B");

  const figure = (page: Page, kind: string) => body(page).locator(`[data-live-figure][data-figure="${kind}"]`);
  for (const page of [b, a]) {
    await expect(figure(page, "shnorCount")).toHaveText(String(count), { timeout: SEE_TIMEOUT });
    await expect(figure(page, "shnorShare")).toHaveText(/^\d{1,3}(,\d)?\u00a0%$/);
    if (deficits === null) {
      // No teacher-deficits monitoring with teachers exists: «—», and the tooltip says why.
      await expect(figure(page, "deficitsABShare")).toHaveText("—");
      await expect(figure(page, "deficitsABShare")).toHaveAttribute("title", /Мониторинг предметных дефицитов|педагог/);
    } else {
      // The server's A+B share, in the Russian way (43,3 %).
      await expect(figure(page, "deficitsABShare")).toHaveText(formatPercent(deficits));
    }
  }

  // The coordinator takes one school off the 2022 list: the figure follows when the window regains focus.
  const school = "slav-sosh-5";
  const set = (status: string | null) =>
    b.request.put(`/api/organisations/${school}/status`, { data: { year: 2022, status } });
  expect((await set(null)).status()).toBe(200);
  try {
    await a.evaluate(() => window.dispatchEvent(new Event("focus")));
    await expect(figure(a, "shnorCount")).toHaveText(String(count - 1), { timeout: SEE_TIMEOUT });
  } finally {
    expect((await set("shnor")).status()).toBe(200);
  }
  await a.evaluate(() => window.dispatchEvent(new Event("focus")));
  await expect(figure(a, "shnorCount")).toHaveText(String(count), { timeout: SEE_TIMEOUT });
  for (const page of [a, b]) await expect(page.getByTestId("close-banner")).toHaveCount(0);
});
