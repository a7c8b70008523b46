/**
 * "Today" for deadlines, as an ISO date in the browser's time zone (a measure
 * due 31.01 is overdue on 01.02 in Краснодар, whatever UTC says).
 *
 * The one place the app asks the clock for the date. End-to-end tests fix it
 * with Playwright's `page.clock.setFixedTime(...)`, which replaces `Date` in
 * the page and leaves timers running: no URL parameter or global is needed.
 */
export function todayIso(now: Date = new Date()): string {
  const y = String(now.getFullYear()).padStart(4, "0");
  const m = String(now.getMonth() + 1).padStart(2, "0");
  const d = String(now.getDate()).padStart(2, "0");
  return `${y}-${m}-${d}`;
}
