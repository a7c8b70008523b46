import { useSyncExternalStore } from "react";

/**
 * A router of a few pages needs no library: the History API plus one event.
 * `navigate` pushes (or replaces) a path and tells subscribers, popstate
 * covers Back/Forward.
 */
const NAVIGATE_EVENT = "karta:navigate";

/** The path and query of the current page, e.g. "/login?next=%2Fd%2Fabc". */
export function currentLocation(): string {
  return `${window.location.pathname}${window.location.search}`;
}

export function navigate(path: string, options: { readonly replace?: boolean } = {}): void {
  if (path === currentLocation()) return;
  if (options.replace) window.history.replaceState(null, "", path);
  else window.history.pushState(null, "", path);
  window.dispatchEvent(new Event(NAVIGATE_EVENT));
}

function subscribe(listener: () => void): () => void {
  window.addEventListener("popstate", listener);
  window.addEventListener(NAVIGATE_EVENT, listener);
  return () => {
    window.removeEventListener("popstate", listener);
    window.removeEventListener(NAVIGATE_EVENT, listener);
  };
}

/** The current path and query; re-renders on navigation. */
export function useLocation(): string {
  return useSyncExternalStore(subscribe, currentLocation);
}
