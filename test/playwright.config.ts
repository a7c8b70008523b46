import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "@playwright/test";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "./support/chromium.ts";

/**
 * End-to-end tests: the built server (which serves the built web app) on its
 * own port with a fresh data directory, and Debian's Chromium. Build first:
 *   npm run build -w @karta/server && npm run build -w @karta/web
 */
const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "..");
const port = Number(process.env.E2E_PORT ?? 18080);
const DATA_DIR_PREFIX = "karta-e2e-";
/** Data of earlier runs is kept for an hour for post-mortems, then removed by the next run. */
const STALE_AFTER_MS = 60 * 60 * 1000;

for (const built of ["server/dist/main.js", "apps/web/dist/index.html"]) {
  if (!existsSync(path.join(root, built))) {
    throw new Error(`${built} is missing: run npm run build -w @karta/server && npm run build -w @karta/web`);
  }
}

// The config is loaded again in every worker; the variable makes them all agree
// on the one directory the main process created (workers inherit its env).
if (!process.env.KARTA_E2E_DATA_DIR) {
  removeStaleDataDirs();
  process.env.KARTA_E2E_DATA_DIR = mkdtempSync(path.join(os.tmpdir(), DATA_DIR_PREFIX));
}
const dataDir = process.env.KARTA_E2E_DATA_DIR;

export default defineConfig({
  testDir: "e2e",
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 2_000 },
  reporter: [["list"]],
  outputDir: path.join(here, "test-results"),
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    locale: "ru-RU",
    timezoneId: "Europe/Moscow",
    viewport: { width: 1440, height: 900 },
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
        browserName: "chromium",
        launchOptions: {
          executablePath: CHROMIUM_PATH,
          args: CHROMIUM_ARGS,
        },
      },
    },
  ],
  webServer: {
    command: "node ../server/dist/main.js",
    cwd: here,
    url: `http://127.0.0.1:${port}/api/health`,
    reuseExistingServer: false,
    timeout: 30_000,
    stdout: "ignore",
    stderr: "pipe",
    env: {
      PORT: String(port),
      HOST: "127.0.0.1",
      DATA_DIR: dataDir,
      LOG_LEVEL: "warn",
      DEMO_DATA: "1",
    },
  },
});

function removeStaleDataDirs(): void {
  const tmp = os.tmpdir();
  for (const name of readdirSync(tmp)) {
    if (!name.startsWith(DATA_DIR_PREFIX)) continue;
    const dir = path.join(tmp, name);
    try {
      if (Date.now() - statSync(dir).mtimeMs > STALE_AFTER_MS) rmSync(dir, { recursive: true, force: true });
    } catch {
      // Another run's directory vanished meanwhile: nothing to do.
    }
  }
}
