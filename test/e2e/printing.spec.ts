import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { expect, test } from "@playwright/test";
import { openRoadmap } from "./grid.ts";
import { shot } from "./pageParts.ts";
import { signedInPerson } from "./session.ts";

/** Seed 002 beside the project: what the printout must read like. */
const SEED = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  "../../../shared/seeds/002_3dbca581be924592.txt",
);

/** The first words of each of the seed's 25 rows («1.\tРазработка и утверждение …»). */
function seedRowStarts(): string[] {
  return readFileSync(SEED, "utf8")
    .split("\n")
    .flatMap((line) => /^\d+\.\t([^\t]+)/.exec(line)?.[1] ?? [])
    .map((measure) => measure.split(/\s+/).slice(0, 4).join(" "));
}

/** What pdftotext (poppler, a program nobody here wrote) reads, whitespace collapsed. */
function pdfText(file: string): string {
  return execFileSync("pdftotext", ["-raw", "-enc", "UTF-8", file, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
}

/**
 * Ctrl+P prints the document like the PDF export. Chromium's own print
 * (page.pdf() prints as the browser does, `beforeprint` included) of the demo
 * roadmap holds the appendix block with order № 156, the printed title, the
 * preamble and all 25 rows under the five column titles, on several pages
 * with their numbers, and none of the app's toolbars.
 */
test("printing the roadmap gives the order's appendix: block, title, preamble, every row, no toolbars", async ({
  browser,
}) => {
  const { context, page } = await signedInPerson(browser, "methodist");
  try {
    await openRoadmap(page);
    await expect(page.getByTestId("print-view")).toHaveCount(0);
    const dir = mkdtempSync(path.join(os.tmpdir(), "karta-print-"));
    const file = path.join(dir, "roadmap.pdf");
    writeFileSync(file, await page.pdf({ preferCSSPageSize: true }));
    // After printing the page is the app again.
    await expect(page.getByTestId("print-view")).toHaveCount(0);

    const text = pdfText(file);
    expect(text).toContain(
      "Приложение к приказу начальника управления образования администрации муниципального образования Славянский район от 21.01.2022 № 156",
    );
    expect(text).toContain(
      "Дорожная карта по методическому сопровождению системы работы со школами с низкими образовательными результатами",
    );
    expect(text).toContain("1. Цели работы со школами с низкими образовательными результатами");
    for (const title of [
      "Показатели",
      "Документ",
      "Сроки и периодичность проведения мероприятий",
      "Ответственные за сбор и обработку информации",
    ]) {
      expect(text).toContain(title);
    }
    const starts = seedRowStarts();
    expect(starts).toHaveLength(25);
    for (const start of starts) expect(text, start).toContain(start);
    // No app chrome on paper.
    for (const chrome of ["Добавить строку", "История ячейки", "Обсуждение", "Выйти"])
      expect(text).not.toContain(chrome);

    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [file], { encoding: "utf8" }))?.[1]);
    expect(pages).toBeGreaterThan(2);
    // Each page carries its number at the bottom, and the table's header comes again on the next page.
    const second = execFileSync("pdftotext", ["-f", "2", "-l", "2", "-enc", "UTF-8", file, "-"], { encoding: "utf8" });
    expect(second.replace(/\s+/g, " ")).toContain("Ответственные за сбор и обработку информации");
    expect(second.trim().split("\n").at(-1)?.trim()).toBe("2");
    if (process.env.KARTA_SHOTS_DIR) {
      execFileSync("pdftoppm", [
        "-png",
        "-r",
        "50",
        "-f",
        "1",
        "-l",
        "2",
        file,
        path.join(process.env.KARTA_SHOTS_DIR, "print-roadmap"),
      ]);
    }
    await shot(page, "print-roadmap-screen");
  } finally {
    await context.close();
  }
});
