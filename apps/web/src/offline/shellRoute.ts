/**
 * What the service worker does with a request:
 * - "network": not its business (the API, the sync socket, other sites, writes);
 * - "page": a navigation, answered by the network and, offline, by the cached app;
 * - "asset": a file of the build (hashed, never changes), answered from the cache first.
 */
export type ShellRoute = "network" | "page" | "asset";

export function shellRoute(url: URL, origin: string, method: string, mode: string): ShellRoute {
  if (method !== "GET" || url.origin !== origin) return "network";
  if (url.pathname.startsWith("/api/") || url.pathname === "/api" || url.pathname.startsWith("/sync")) {
    return "network";
  }
  if (mode === "navigate") return "page";
  return "asset";
}
