import { readFileSync } from "node:fs";
import { type BrowserContext, expect, type Locator, type Page, test } from "@playwright/test";
import { demoReportPdf } from "../../server/src/demo/demoEvidence.ts";
import { cell, openSchoolProgramme, SCHOOL5, SEE_TIMEOUT } from "./grid.ts";
import { shot } from "./pageParts.ts";
import { signedInPerson } from "./session.ts";

/**
 * Evidence on a measure of school5's anti-risk programme (issue 11, item 2),
 * one browser context per person: the school attaches a PDF in the browser,
 * the curator sees it live, downloads the same bytes and marks it «принято»,
 * which the school sees; what is refused is refused with a sentence; a file
 * chosen offline waits on the device («ожидает отправки») and is sent when the
 * connection returns. Screenshots when KARTA_SHOTS_DIR names a directory.
 */
test.describe.configure({ mode: "serial" });

const MEASURE = "предметных недель";
const OFFLINE_MEASURE = "Посещение и анализ уроков";
const PDF = Buffer.from(demoReportPdf());
const PDF_NAME = "Приказ об итогах конференции.pdf";

let contexts: BrowserContext[] = [];
let curator: Page;
let school: Page;

test.beforeAll(async ({ browser }) => {
  const c = await signedInPerson(browser, "curator");
  const s = await signedInPerson(browser, "school5");
  contexts = [c.context, s.context];
  curator = c.page;
  school = s.page;
  for (const page of [curator, school]) await openSchoolProgramme(page, SCHOOL5);
});

test.afterAll(async () => {
  for (const context of contexts) await context.close();
});

/** The index of the row whose «Мероприятие» contains `text` (other specs may have moved rows). */
async function rowOf(page: Page, text: string): Promise<number> {
  const row = page
    .locator(".ag-row")
    .filter({ has: page.locator('.ag-cell[col-id="measure"]', { hasText: text }) })
    .first();
  return Number(await row.getAttribute("row-index"));
}

function mark(page: Page, rowIndex: number): Locator {
  return cell(page, rowIndex, "evidence").getByTestId("evidence-mark");
}

function panel(page: Page): Locator {
  return page.getByTestId("evidence-panel");
}

async function openRowEvidence(page: Page, text: string): Promise<Locator> {
  await mark(page, await rowOf(page, text)).click();
  await expect(panel(page)).toBeVisible();
  await expect(panel(page).getByTestId("evidence-place")).toContainText(text);
  return panel(page);
}

test("school5 attaches a PDF; the curator sees it, downloads the same bytes and marks it «принято»", async () => {
  // Handing the browser a file of 20 MiB takes a while on a busy machine.
  test.setTimeout(120_000);
  const row = await rowOf(school, MEASURE);
  await expect(mark(school, row)).toHaveAttribute("data-count", "0");
  await cell(school, row, "evidence").hover();
  await shot(school, "evidence-00-grid");
  const list = await openRowEvidence(school, MEASURE);
  await expect(list.getByTestId("evidence-item")).toHaveCount(0);
  const input = list.getByTestId("evidence-file-input");

  // Refused before sending: a type the name already gives away, and a file over 20 MiB.
  await input.setInputFiles({ name: "setup.exe", mimeType: "application/octet-stream", buffer: Buffer.from("MZ") });
  await expect(list.getByTestId("evidence-error")).toHaveText(
    "Такой файл прикрепить нельзя: принимаются только PDF, DOCX, XLSX, ODT, JPG и PNG. Тип проверяется по содержимому файла, а не по его имени.",
  );
  await input.setInputFiles({
    name: "Сканы.pdf",
    mimeType: "application/pdf",
    buffer: Buffer.alloc(20 * 1024 * 1024 + 1),
  });
  await expect(list.getByTestId("evidence-error")).toHaveText(
    "Файл больше 20 МБ и не может быть прикреплён. Сожмите его или разделите на части.",
  );
  // An executable renamed .pdf passes the name; the server reads its bytes and refuses it, in the same words.
  const elf = Buffer.alloc(4096);
  elf.set([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1]);
  await input.setInputFiles({ name: "Справка.pdf", mimeType: "application/pdf", buffer: elf });
  await expect(list.getByTestId("evidence-error")).toHaveText(/принимаются только PDF, DOCX, XLSX, ODT, JPG и PNG/);
  await expect(list.getByTestId("evidence-item")).toHaveCount(0);

  await input.setInputFiles({ name: PDF_NAME, mimeType: "application/pdf", buffer: PDF });
  const item = list.getByTestId("evidence-item");
  await expect(item).toHaveCount(1);
  await expect(list.getByTestId("evidence-error")).toHaveCount(0);
  await expect(item.getByTestId("evidence-download")).toHaveText(PDF_NAME);
  await expect(item.getByTestId("evidence-badge")).toHaveText("не проверено");
  await expect(item).toContainText("Лысенко Марина Ивановна");
  await expect(mark(school, row)).toHaveAttribute("data-count", "1");
  // The school does not judge its own evidence.
  await expect(item.getByTestId("evidence-accept")).toHaveCount(0);
  await shot(school, "evidence-01-school-attached");

  // The curator's page hears of it without a reload.
  const curatorRow = await rowOf(curator, MEASURE);
  await expect(mark(curator, curatorRow)).toHaveAttribute("data-count", "1", { timeout: SEE_TIMEOUT * 3 });
  const seen = await openRowEvidence(curator, MEASURE);
  await expect(seen.getByTestId("evidence-attach")).toHaveCount(0);
  const download = curator.waitForEvent("download");
  await seen.getByTestId("evidence-download").click();
  const file = await download;
  expect(file.suggestedFilename()).toBe(PDF_NAME);
  expect(readFileSync((await file.path()) as string).equals(PDF)).toBe(true);

  await seen.getByTestId("evidence-accept").click();
  await expect(seen.getByTestId("evidence-badge")).toHaveText("принято");
  await shot(curator, "evidence-02-curator-accepted");
  await expect(item.getByTestId("evidence-badge")).toHaveText("принято", { timeout: SEE_TIMEOUT * 3 });
  await expect(item).toContainText("Кравец Андрей Петрович");
  await shot(school, "evidence-03-school-sees-accepted");
});

test("the curator marks a link «не принято» with a reason", async () => {
  const list = panel(school);
  await list.getByRole("button", { name: "Добавить ссылку" }).click();
  await list.getByLabel("Адрес ссылки").fill("https://sosh5.example.ru/news/konferentsiya");
  await list.getByLabel("Название (необязательно)").fill("Новость о конференции");
  await list.getByRole("button", { name: "Добавить", exact: true }).click();
  const link = list.getByTestId("evidence-item").filter({ hasText: "Новость о конференции" });
  await expect(link).toHaveAttribute("data-kind", "link");
  await expect(link.getByTestId("evidence-link")).toHaveAttribute(
    "href",
    "https://sosh5.example.ru/news/konferentsiya",
  );

  const onCurator = panel(curator).getByTestId("evidence-item").filter({ hasText: "Новость о конференции" });
  await expect(onCurator).toBeVisible({ timeout: SEE_TIMEOUT * 3 });
  await onCurator.getByTestId("evidence-reject").click();
  await onCurator.getByTestId("evidence-reason").fill("На странице нет приказа");
  await onCurator.getByRole("button", { name: "Отметить «не принято»" }).click();
  await expect(onCurator.getByTestId("evidence-badge")).toHaveText("не принято: На странице нет приказа");
  await expect(link.getByTestId("evidence-badge")).toHaveText("не принято: На странице нет приказа", {
    timeout: SEE_TIMEOUT * 3,
  });
  await shot(curator, "evidence-04-curator-rejected-link");
});

test("a file attached offline waits on the device and is sent when the connection returns", async () => {
  const context = contexts[1];
  if (!context) throw new Error("no school context");
  await school.keyboard.press("Escape");
  await context.setOffline(true);
  const list = await openRowEvidence(school, OFFLINE_MEASURE);
  await list.getByTestId("evidence-file-input").setInputFiles({
    name: "Карты анализа уроков.pdf",
    mimeType: "application/pdf",
    buffer: PDF,
  });
  const pending = list.getByTestId("evidence-pending");
  await expect(pending).toHaveCount(1);
  await expect(pending).toContainText("ожидает отправки");
  await expect(pending).toContainText("Карты анализа уроков.pdf");
  const row = await rowOf(school, OFFLINE_MEASURE);
  await expect(mark(school, row)).toHaveAttribute("data-count", "1");
  await shot(school, "evidence-05-offline-pending");
  // Nothing reached the curator meanwhile.
  const curatorRow = await rowOf(curator, OFFLINE_MEASURE);
  await expect(mark(curator, curatorRow)).toHaveAttribute("data-count", "0");

  await context.setOffline(false);
  await expect(list.getByTestId("evidence-pending")).toHaveCount(0, { timeout: 10_000 });
  await expect(list.getByTestId("evidence-item").filter({ hasText: "Карты анализа уроков.pdf" })).toBeVisible();
  await expect(mark(curator, curatorRow)).toHaveAttribute("data-count", "1", { timeout: 10_000 });
  await shot(school, "evidence-06-offline-sent");
});

test("logging out wipes the files still waiting on the device", async () => {
  // The upload finds no server (only that route is cut), so the file waits on the device.
  await school.route("**/evidence/files?**", (route) => route.abort("internetdisconnected"));
  const list = await openRowEvidence(school, OFFLINE_MEASURE);
  await list.getByTestId("evidence-file-input").setInputFiles({
    name: "Не отправленный.pdf",
    mimeType: "application/pdf",
    buffer: PDF,
  });
  await expect(list.getByTestId("evidence-pending")).toContainText("Не отправленный.pdf");
  const queued = () =>
    school.evaluate(async () => (await indexedDB.databases()).some((d) => d.name === "karta-evidence-queue"));
  expect(await queued()).toBe(true);

  await school.getByRole("button", { name: "Выйти" }).click();
  await expect(school.getByTestId("login-form")).toBeVisible({ timeout: 10_000 });
  await expect.poll(queued).toBe(false);
  await school.unroute("**/evidence/files?**");
});
