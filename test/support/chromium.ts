/**
 * Debian's Chromium and the flags every browser test and benchmark launches it
 * with (ARCHITECTURE.md, "Tests"): no sandbox in the container, and nothing
 * that would reach the network on its own.
 */
export const CHROMIUM_PATH = "/usr/bin/chromium";
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-quic",
  "--no-first-run",
];
