import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The five seed documents live beside the project, at `../shared/seeds` from
 * its root (never an absolute path). Tests read them to check the demo data
 * and the printed words against the originals; a missing seed fails the test
 * that needs it, saying where it looked.
 */
export const SEEDS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../../../shared/seeds");

/** The text of one seed file, e.g. `002_3dbca581be924592.txt`. */
export function readSeed(file: string): string {
  const where = path.join(SEEDS_DIR, file);
  if (!existsSync(where)) {
    throw new Error(`seed ${file} not found at ${where}: the seeds belong at ../shared/seeds from the project root`);
  }
  return readFileSync(where, "utf8");
}
