import type { SessionInfo } from "@karta/schema";
import { PATHS, type Route } from "./routes.ts";

/** What the app knows about who is signed in. */
export type SessionState =
  | { readonly status: "checking" }
  | { readonly status: "signedOut"; readonly ended?: boolean }
  | {
      readonly status: "signedIn";
      readonly info: SessionInfo;
      /** The server could not be asked: the session is the one remembered on this device. */
      readonly offline: boolean;
    };

/** What to do with a route for the current session. */
export type GuardDecision =
  | { readonly kind: "show" }
  | { readonly kind: "wait" }
  | { readonly kind: "redirect"; readonly to: string }
  | { readonly kind: "coordinatorOnly" };

/** Pages anyone may open: signing in, and setting a password from an invitation. */
const PUBLIC_PAGES: ReadonlySet<Route["page"]> = new Set(["login", "invite"]);
const COORDINATOR_PAGES: ReadonlySet<Route["page"]> = new Set(["schools", "people", "audit"]);

/**
 * Where a person may go: signed-out users are sent to the login page with the
 * page they wanted remembered in `next`; a signed-in user on the login page
 * goes on to `next`; coordinator pages need a coordinator.
 */
export function guardRoute(route: Route, location: string, session: SessionState): GuardDecision {
  if (route.page === "invite") return { kind: "show" };
  if (session.status === "checking") return { kind: "wait" };
  if (route.page === "login") {
    return session.status === "signedIn" ? { kind: "redirect", to: nextFrom(location) } : { kind: "show" };
  }
  if (PUBLIC_PAGES.has(route.page)) return { kind: "show" };
  if (session.status === "signedOut") return { kind: "redirect", to: loginPath(location) };
  if (COORDINATOR_PAGES.has(route.page) && !isCoordinator(session.info)) return { kind: "coordinatorOnly" };
  return { kind: "show" };
}

/** Whether the user manages some organisation (schools, people, roles, the audit log). */
export function isCoordinator(info: SessionInfo): boolean {
  return info.user.managedOrganisationIds.length > 0;
}

/** The login page, remembering where the person was going (nothing to remember for the start page). */
export function loginPath(wanted: string): string {
  const target = safeNext(wanted);
  return target === PATHS.documents ? PATHS.login : `${PATHS.login}?next=${encodeURIComponent(target)}`;
}

/** Where to go after signing in, from the login page's own address. */
export function nextFrom(loginLocation: string): string {
  const query = loginLocation.includes("?") ? loginLocation.slice(loginLocation.indexOf("?")) : "";
  return safeNext(new URLSearchParams(query).get("next") ?? PATHS.documents);
}

/**
 * Only a path of this site is a place to return to: never another origin
 * («//evil.example», «https://…»), never the login page itself.
 */
export function safeNext(path: string): string {
  if (!path.startsWith("/") || path.startsWith("//") || path.startsWith("/\\")) return PATHS.documents;
  const pathname = path.split(/[?#]/)[0] ?? "";
  if (pathname === PATHS.login || pathname.startsWith(`${PATHS.login}/`)) return PATHS.documents;
  return path;
}
