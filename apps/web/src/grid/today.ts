import { useEffect, useState } from "react";

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

/** Milliseconds from `now` to the next local midnight (plus a second, to land safely in the new day). */
export function msUntilNextDay(now: Date): number {
  const next = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1, 0, 0, 1);
  return next.getTime() - now.getTime();
}

/**
 * Today's date that changes at midnight while the page stays open, and is
 * checked again when the page comes back into view (a laptop that slept
 * through the night has missed its timer).
 */
export function useToday(): string {
  const [today, setToday] = useState(() => todayIso());
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const check = () => {
      setToday(todayIso());
      clearTimeout(timer);
      timer = setTimeout(check, msUntilNextDay(new Date()));
    };
    timer = setTimeout(check, msUntilNextDay(new Date()));
    const onVisible = () => {
      if (document.visibilityState === "visible") check();
    };
    document.addEventListener("visibilitychange", onVisible);
    return () => {
      clearTimeout(timer);
      document.removeEventListener("visibilitychange", onVisible);
    };
  }, []);
  return today;
}
