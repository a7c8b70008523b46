import { mkdirSync } from "node:fs";
import path from "node:path";
import { expect, type Locator, type Page } from "@playwright/test";

const shotsDir = process.env.KARTA_SHOTS_DIR;

/** A screenshot for a person to look at, only when KARTA_SHOTS_DIR names a directory. */
export async function shot(page: Page, name: string): Promise<void> {
  if (!shotsDir) return;
  mkdirSync(shotsDir, { recursive: true });
  await page.screenshot({ path: path.join(shotsDir, `${name}.png`) });
}

/** The «Цель» section's text. */
export function goal(page: Page): Locator {
  return page.getByTestId("section-text-goal");
}

/** Unfolds a section (sections with text above a table start folded to their title). */
export async function unfoldSection(page: Page, sectionId: string): Promise<void> {
  const fold = page.getByTestId(`section-fold-${sectionId}`);
  if ((await fold.getAttribute("aria-expanded")) === "false") await fold.click();
  await expect(page.getByTestId(`section-text-${sectionId}`)).toBeVisible();
}

/** Unfolds «Цель». */
export async function unfoldGoal(page: Page): Promise<void> {
  await unfoldSection(page, "goal");
}
