import { type SessionInfo, sessionInfo } from "@karta/schema";

/**
 * The last confirmed session, kept on this device so that a person who opens
 * Karta without network still reaches the documents stored here. The server
 * decides again as soon as it answers; signing out forgets it.
 */
const KEY = "karta.session.v1";

export function rememberSession(info: SessionInfo): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(info));
  } catch {
    // Storage full or disabled: offline start falls back to the login page.
  }
}

export function recallSession(now: Date = new Date()): SessionInfo | null {
  try {
    const parsed = sessionInfo.safeParse(JSON.parse(localStorage.getItem(KEY) ?? "null"));
    if (!parsed.success) return null;
    return Date.parse(parsed.data.expiresAt) > now.getTime() ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Whose session this device remembers, even an expired one: a different person means fresh local data. */
export function rememberedUserId(): string | null {
  try {
    const parsed = sessionInfo.safeParse(JSON.parse(localStorage.getItem(KEY) ?? "null"));
    return parsed.success ? parsed.data.user.id : null;
  } catch {
    return null;
  }
}

export function forgetSession(): void {
  try {
    localStorage.removeItem(KEY);
  } catch {
    // Nothing stored.
  }
}
