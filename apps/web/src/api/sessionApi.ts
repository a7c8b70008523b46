import { type InvitationInfo, invitationInfo, type LoginRequest, type SessionInfo, sessionInfo } from "@karta/schema";
import { apiRequest } from "./http.ts";

/** Signs in; the server sets the session cookie. */
export function postSession(credentials: LoginRequest): Promise<SessionInfo> {
  return apiRequest("/api/session", sessionInfo, { method: "POST", body: credentials, expectUnauthorized: true });
}

/** The signed-in user, or an ApiRequestError with status 401. */
export function getSession(signal?: AbortSignal): Promise<SessionInfo> {
  return apiRequest("/api/session", sessionInfo, { signal, expectUnauthorized: true });
}

export async function deleteSession(): Promise<void> {
  await apiRequest("/api/session", null, { method: "DELETE", expectUnauthorized: true });
}

const invitationUrl = (token: string) => `/api/invitations/${encodeURIComponent(token)}`;

/** Whom an invitation link is for (404 unknown, 410 used or expired). */
export function getInvitation(token: string, signal?: AbortSignal): Promise<InvitationInfo> {
  return apiRequest(invitationUrl(token), invitationInfo, { signal, expectUnauthorized: true });
}

/** Sets the invited person's password; they are signed in. */
export function acceptInvitation(token: string, password: string): Promise<SessionInfo> {
  return apiRequest(invitationUrl(token), sessionInfo, {
    method: "POST",
    body: { password },
    expectUnauthorized: true,
  });
}
