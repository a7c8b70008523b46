import { type BrowserContext, expect, type Locator, type Page, test } from "@playwright/test";
import { cell, editCell, openSchoolProgramme, rowCount, SCHOOL5, SEE_TIMEOUT } from "./grid.ts";
import { goal, shot, unfoldGoal } from "./pageParts.ts";
import { DEMO_NAMES, signedInPerson } from "./session.ts";

/**
 * Comments on school5's anti-risk programme, by its curator (who may comment
 * but not edit) and the school's team: a cell and a phrase commented, seen
 * live, answered and resolved; the mark follows its row when the row moves;
 * a thread whose row is deleted stays in the panel, marked as such; comments
 * written offline reach the others when the connection returns.
 * Screenshots (for a person to look at) when KARTA_SHOTS_DIR names a directory.
 */
test.describe.configure({ mode: "serial" });

const GOAL = "Повысить учебную мотивацию обучающихся 5–9 классов через систему индивидуального сопровождения.";
const PHRASE = "учебную мотивацию";
const EXTRA_MEASURE = "Встреча с родителями обучающихся группы риска";

let contexts: BrowserContext[] = [];
let curator: Page;
let school: Page;

test.beforeAll(async ({ browser }) => {
  const c = await signedInPerson(browser, "curator");
  const s = await signedInPerson(browser, "school5");
  contexts = [c.context, s.context];
  curator = c.page;
  school = s.page;
  for (const page of [curator, school]) {
    page.on("console", (message) => {
      if (message.text().includes("Yjs was already imported")) throw new Error(message.text());
    });
    await openSchoolProgramme(page, SCHOOL5);
  }
});

test.afterAll(async () => {
  for (const context of contexts) await context.close();
});

function mark(page: Page, rowIndex: number, colId: string): Locator {
  return cell(page, rowIndex, colId).getByTestId("comment-mark");
}

function popover(page: Page): Locator {
  return page.getByTestId("thread-popover");
}

function panel(page: Page): Locator {
  return page.getByTestId("discussion-panel");
}

/** Opens the discussion panel (if closed) and shows every thread, open or resolved. */
async function openPanel(page: Page): Promise<Locator> {
  if (!(await panel(page).isVisible())) await page.getByTestId("discussion-toggle").click();
  await panel(page).getByRole("button", { name: "Все" }).click();
  return panel(page);
}

/** Right-click on a cell, «Комментировать», write, «Отправить». */
async function commentCell(page: Page, rowIndex: number, colId: string, text: string): Promise<void> {
  await cell(page, rowIndex, colId).click({ button: "right" });
  await page
    .getByTestId("cell-menu")
    .getByRole("menuitem", { name: /Комментировать/ })
    .click();
  const box = popover(page).getByTestId("new-thread-box");
  await box.locator("textarea").fill(text);
  await box.getByRole("button", { name: "Отправить" }).click();
  await expect(popover(page).getByTestId("comment-text").filter({ hasText: text })).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(popover(page)).toHaveCount(0);
}

/** Selects a phrase of a section's text the way a mouse would (works where the text is read-only). */
async function selectPhrase(section: Locator, phrase: string): Promise<void> {
  await section.evaluate((root, wanted) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node as Text;
      const at = text.data.indexOf(wanted);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(text, at);
      range.setEnd(text, at + wanted.length);
      const selection = window.getSelection();
      selection?.removeAllRanges();
      selection?.addRange(range);
      return;
    }
    throw new Error(`«${wanted}» is not in the section`);
  }, phrase);
}

test("the curator comments a cell and a phrase; the school sees them live, replies and resolves", async () => {
  // The school writes the goal and adds a measure at the end (to be deleted later).
  await unfoldGoal(school);
  await unfoldGoal(curator);
  await goal(school).click();
  await school.keyboard.type(GOAL);
  await expect(goal(curator)).toContainText(GOAL, { timeout: SEE_TIMEOUT * 2 });
  const rows = Number((await rowCount(school).textContent())?.match(/\d+/)?.[0]);
  await cell(school, rows - 1, "measure").click();
  await school.getByRole("button", { name: "Добавить строку" }).click();
  await editCell(school, rows, "measure", EXTRA_MEASURE);
  await expect(cell(curator, rows, "measure")).toContainText(EXTRA_MEASURE, { timeout: SEE_TIMEOUT * 2 });

  // The curator (read-only content) comments a cell, the new row's measure, and a phrase of «Цель».
  await commentCell(curator, 0, "period", "Уточните, в какие недели января пройдёт анкетирование.");
  await commentCell(curator, rows, "measure", "Это мероприятие лучше перенести в задачи классных руководителей.");
  await selectPhrase(goal(curator), PHRASE);
  await curator.locator('[data-section="goal"]').getByTestId("comment-selection").click();
  const draft = popover(curator).getByTestId("new-thread-box");
  await expect(popover(curator)).toContainText(`«${PHRASE}»`);
  await draft.locator("textarea").fill("Как вы будете измерять мотивацию? Нужен показатель.");
  await draft.getByRole("button", { name: "Отправить" }).click();
  await expect(popover(curator).getByTestId("comment-text")).toHaveText(
    "Как вы будете измерять мотивацию? Нужен показатель.",
  );
  await expect(goal(curator).locator(".k-comment-range")).toHaveText(PHRASE);
  await shot(curator, "comments-01-phrase-thread");
  await curator.keyboard.press("Escape");

  // The school sees the marks and the highlight live.
  await expect(mark(school, 0, "period")).toHaveAttribute("data-open", "1", { timeout: SEE_TIMEOUT });
  await expect(mark(school, rows, "measure")).toHaveAttribute("data-open", "1");
  await expect(goal(school).locator(".k-comment-range")).toHaveText(PHRASE, { timeout: SEE_TIMEOUT });
  await expect(mark(school, 1, "period")).toHaveCount(0);

  // It replies to the cell's thread…
  await mark(school, 0, "period").click();
  await expect(popover(school)).toContainText("Уточните, в какие недели января");
  await expect(popover(school)).toContainText(DEMO_NAMES.curator);
  const reply = popover(school).getByTestId("reply-box");
  await reply.locator("textarea").fill("Анкетирование пройдёт 17–21 января, исправим срок.");
  await reply.getByRole("button", { name: "Ответить" }).click();
  await expect(popover(school).getByTestId("comment")).toHaveCount(2);
  await shot(school, "comments-02-grid-marks-and-thread");
  await school.keyboard.press("Escape");

  // …and resolves the phrase's thread, from its highlight.
  await goal(school).locator(".k-comment-range").click();
  await expect(popover(school)).toContainText("Как вы будете измерять мотивацию?");
  await popover(school).getByRole("button", { name: "Решено" }).click();
  await expect(goal(school).locator(".k-comment-range")).toHaveCount(0);
  await school.keyboard.press("Escape");

  // The curator sees the reply and the state.
  await expect(goal(curator).locator(".k-comment-range")).toHaveCount(0, { timeout: SEE_TIMEOUT });
  const discussion = await openPanel(curator);
  const cellThread = discussion.getByTestId("thread").filter({ hasText: "Уточните, в какие недели января" });
  await expect(cellThread.getByTestId("comment-text")).toHaveText([
    "Уточните, в какие недели января пройдёт анкетирование.",
    "Анкетирование пройдёт 17–21 января, исправим срок.",
  ]);
  await expect(cellThread.getByTestId("thread-place")).toHaveText("Сроки, строка 1");
  const phraseThread = discussion.getByTestId("thread").filter({ hasText: "Как вы будете измерять" });
  await expect(phraseThread).toHaveAttribute("data-status", "resolved");
  await expect(phraseThread.getByTestId("thread-state")).toContainText(`Решено: ${DEMO_NAMES.school5}`);
  await expect(phraseThread.getByTestId("thread-place")).toHaveText("Цель");
  await shot(curator, "comments-03-panel");
});

test("the mark moves with its row; a deleted row's thread stays in the panel", async () => {
  const rows = Number((await rowCount(school).textContent())?.match(/\d+/)?.[0]);
  // The school moves the commented row one place down.
  await cell(school, 0, "measure").click();
  await school.keyboard.press("Control+Shift+ArrowDown");
  await expect(mark(school, 1, "period")).toHaveAttribute("data-open", "1");
  await expect(mark(school, 0, "period")).toHaveCount(0);
  await expect(mark(curator, 1, "period")).toHaveAttribute("data-open", "1", { timeout: SEE_TIMEOUT });
  await expect(mark(curator, 0, "period")).toHaveCount(0);
  const discussion = await openPanel(curator);
  const cellThread = discussion.getByTestId("thread").filter({ hasText: "Уточните, в какие недели января" });
  await expect(cellThread.getByTestId("thread-place")).toHaveText("Сроки, строка 2");

  // A click on the thread's place selects its cell.
  await cellThread.getByTestId("thread-place").click();
  await expect(cell(curator, 1, "period")).toHaveClass(/ag-cell-focus/);

  // The school deletes the added row: its thread stays, about a deleted row, with what it was about.
  await cell(school, rows - 1, "measure").click();
  await school.getByRole("button", { name: "Удалить строку" }).click();
  await expect(rowCount(school)).toHaveText(new RegExp(`^${rows - 1} `));
  const orphan = discussion.getByTestId("thread").filter({ hasText: "Это мероприятие лучше перенести" });
  await expect(orphan.getByTestId("thread-gone")).toHaveText("Строка удалена", { timeout: SEE_TIMEOUT });
  await expect(orphan).toContainText(`«${EXTRA_MEASURE}»`);
  await expect(orphan.getByTestId("thread-place")).toHaveText("Мероприятие");

  // The row goes back where it was (the demo document stays as other tests expect it).
  await cell(school, 1, "measure").click();
  await school.keyboard.press("Control+Shift+ArrowUp");
  await expect(mark(school, 0, "period")).toHaveAttribute("data-open", "1");
});

test("comments written offline reach the others when the connection returns", async () => {
  const context = contexts[0];
  if (!context) throw new Error("no curator context");
  await context.setOffline(true);
  // A cell's thread by Ctrl+Alt+M, and a comment on the whole document from the panel.
  await cell(curator, 2, "participants").click();
  await curator.keyboard.press("Control+Alt+KeyM");
  const box = popover(curator).getByTestId("new-thread-box");
  await box.locator("textarea").fill("Без связи: добавьте в участники родителей.");
  await box.getByRole("button", { name: "Отправить" }).click();
  await expect(popover(curator).getByTestId("comment-text")).toHaveText("Без связи: добавьте в участники родителей.");
  await curator.keyboard.press("Escape");
  const discussion = await openPanel(curator);
  await expect(discussion.getByTestId("comments-offline")).toBeVisible();
  await discussion.getByRole("button", { name: "Комментарий к документу" }).click();
  const whole = discussion.getByTestId("document-comment-box");
  await whole.locator("textarea").fill("Без связи: в целом программа выглядит реалистично.");
  await whole.getByRole("button", { name: "Отправить" }).click();
  await expect(discussion.getByTestId("thread").filter({ hasText: "в целом программа" })).toBeVisible();
  // Nothing reached the school meanwhile.
  await expect(mark(school, 2, "participants")).toHaveCount(0);

  await context.setOffline(false);
  await expect(mark(school, 2, "participants")).toHaveAttribute("data-open", "1", { timeout: 10_000 });
  const schoolPanel = await openPanel(school);
  await expect(schoolPanel.getByTestId("thread").filter({ hasText: "в целом программа" })).toBeVisible();
  await expect(
    schoolPanel.getByTestId("thread").filter({ hasText: "в целом программа" }).getByTestId("thread-place"),
  ).toHaveText("Документ целиком");
  await expect(schoolPanel.getByTestId("thread").filter({ hasText: "добавьте в участники" })).toBeVisible();
});
