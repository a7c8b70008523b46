import type { SessionInfo } from "@karta/schema";
import { useSyncExternalStore } from "react";
import { ApiRequestError, setUnauthorizedHandler } from "../api/http.ts";
import { deleteSession, getSession, postSession } from "../api/sessionApi.ts";
import { loginPath, type SessionState } from "../router/guard.ts";
import { currentLocation, navigate } from "../router/navigation.ts";
import { clearLocalData } from "./localData.ts";
import { recallSession, rememberedUserId, rememberSession } from "./sessionCache.ts";

/**
 * Who is signed in, for the whole app: checked once at start (GET
 * /api/session), set by signing in or accepting an invitation, ended by
 * signing out, by a 401 from any API call or by a socket closed with 4401.
 */
let state: SessionState = { status: "checking" };
const listeners = new Set<() => void>();

function set(next: SessionState): void {
  state = next;
  for (const listener of listeners) listener();
}

export function getSessionState(): SessionState {
  return state;
}

export function useSession(): SessionState {
  return useSyncExternalStore((listener) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  }, getSessionState);
}

/** The signed-in user's info; for pages that are only shown to a signed-in user. */
export function useSignedInUser(): SessionInfo["user"] | null {
  const session = useSession();
  return session.status === "signedIn" ? session.info.user : null;
}

/** Asks the server who is signed in. Without an answer, the session remembered here stands (offline work). */
export async function checkSession(): Promise<void> {
  try {
    signedIn(await getSession());
  } catch (error) {
    if (error instanceof ApiRequestError && error.kind === "unreachable") {
      const remembered = recallSession();
      set(remembered ? { status: "signedIn", info: remembered, offline: true } : { status: "signedOut" });
      return;
    }
    set({ status: "signedOut" });
  }
}

/** Signs in with a login and password; throws ApiRequestError (401, 429, unreachable). */
export async function signIn(login: string, password: string): Promise<void> {
  signedIn(await postSession({ login, password }));
}

/** A session that has just begun (login, invitation accepted). */
export function signedIn(info: SessionInfo): void {
  const previous = rememberedUserId();
  // Another person at the same browser: nothing of the previous one's stays here.
  if (previous !== null && previous !== info.user.id) void clearLocalData();
  rememberSession(info);
  set({ status: "signedIn", info, offline: false });
}

/** «Выйти»: ends the session on the server, forgets this device's copies, shows the login page. */
export async function signOut(): Promise<void> {
  try {
    await deleteSession();
  } catch {
    // Offline or already ended: the cookie is useless without its server session either way.
  }
  await clearLocalData();
  set({ status: "signedOut" });
  navigate(loginPath("/"));
}

/**
 * The server says the session is over (401, socket closed with 4401): go to
 * the login page and come back here afterwards.
 */
export function sessionEnded(): void {
  if (state.status === "signedOut") return;
  set({ status: "signedOut", ended: true });
  navigate(loginPath(currentLocation()), { replace: true });
}

setUnauthorizedHandler(sessionEnded);
