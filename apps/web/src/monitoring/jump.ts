import { navigate } from "../router/navigation.ts";

/** How long a row or section reached by a link stays marked. */
const MARK_MS = 2_000;

/**
 * Scrolls to the element an address's `#…` names and marks it for a moment.
 * The router moves by `history.pushState`, which neither scrolls to an anchor
 * nor sets `:target`: this does both for the page's own links.
 */
export function scrollToAnchor(anchor: string): void {
  const element = document.getElementById(anchor);
  if (!element) return;
  element.scrollIntoView({ block: "start" });
  element.classList.add("k-mon-reached");
  window.setTimeout(() => element.classList.remove("k-mon-reached"), MARK_MS);
}

/** The part of an address after `#`, or null. */
export function anchorOf(href: string): string | null {
  const at = href.indexOf("#");
  return at >= 0 && at < href.length - 1 ? decodeURIComponent(href.slice(at + 1)) : null;
}

/** After the page has drawn what the new address shows, scrolls to its anchor. */
export function scrollAfterRender(href: string): void {
  const anchor = anchorOf(href);
  if (anchor === null) return;
  requestAnimationFrame(() => requestAnimationFrame(() => scrollToAnchor(anchor)));
}

/** Follows a link of the page from code (a bar of a chart): navigates, then scrolls to its anchor. */
export function followLink(href: string): void {
  navigate(href);
  scrollAfterRender(href);
}
