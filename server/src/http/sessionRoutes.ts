import { randomId } from "@karta/doc";
import {
  type ApiToken,
  acceptInvitationRequest,
  createTokenRequest,
  type InvitationInfo,
  loginRequest,
} from "@karta/schema";
import { clearedSessionCookie, sessionCookie } from "../auth/cookies.ts";
import { GateFullError } from "../auth/passwordGate.ts";
import { hashPassword } from "../auth/passwords.ts";
import type { BusyReason } from "../auth/Sessions.ts";
import { hashSecret, newSecret } from "../auth/secrets.ts";
import { LOGIN_BUSY_RETRY_AFTER_SECONDS } from "../limits.ts";
import { messages } from "../messages.ts";
import type { Services } from "../services.ts";
import { clientAddress } from "./clientAddress.ts";
import { HttpError, readBody, sendJson, sendNoContent } from "./json.ts";
import type { RequestContext, Route } from "./router.ts";
import { sessionInfoOf } from "./sessionInfo.ts";

/** Login, logout, the current user, API tokens and invitation links. */
export function sessionRoutes(services: Services): Route[] {
  const cookieFor = (secret: string) => ({
    "set-cookie": sessionCookie(secret, Math.floor(services.sessions.ttlMs / 1000), services.cookieSecure),
  });

  /** Answers with the session's info and sets its cookie. */
  const respondWithSession = async (ctx: RequestContext, secret: string) => {
    const auth = await services.access.authenticate({ authorization: `Bearer ${secret}` });
    if (!auth) throw new Error("a session just started cannot be read back");
    sendJson(ctx.res, 200, await sessionInfoOf(services, auth), cookieFor(secret));
  };

  return [
    {
      method: "POST",
      path: "/api/session",
      async handle(ctx) {
        const body = await readBody(ctx.req, loginRequest);
        const result = await services.sessions.login(
          body.login,
          body.password,
          clientAddress(ctx.req, services.trustedProxies),
        );
        if (result.kind === "throttled") {
          ctx.res.setHeader("retry-after", String(result.retryAfterSeconds));
          throw new HttpError(429, "throttled", messages.throttled(Math.ceil(result.retryAfterSeconds / 60)));
        }
        if (result.kind === "busy") throw busy(ctx, result.reason);
        if (result.kind === "wrong") throw new HttpError(401, "wrong-credentials", messages.wrongCredentials);
        await respondWithSession(ctx, result.secret);
      },
    },
    {
      method: "GET",
      path: "/api/session",
      async handle(ctx) {
        sendJson(ctx.res, 200, await sessionInfoOf(services, await ctx.user()));
      },
    },
    {
      method: "DELETE",
      path: "/api/session",
      async handle(ctx) {
        const { principal, credential } = await ctx.user();
        await services.sessions.end(credential.id);
        await services.audit.record({
          action: "logout",
          actorId: principal.accountId,
          scopeOrganisationId: null,
          subject: principal.login,
        });
        sendNoContent(ctx.res, { "set-cookie": clearedSessionCookie(services.cookieSecure) });
      },
    },
    {
      method: "GET",
      path: "/api/tokens",
      async handle(ctx) {
        const { principal } = await ctx.user();
        const tokens = await services.directory.listTokens(principal.accountId);
        sendJson(
          ctx.res,
          200,
          tokens.map(({ id, name, createdAt }): ApiToken => ({ id, name, createdAt })),
        );
      },
    },
    {
      method: "POST",
      path: "/api/tokens",
      async handle(ctx) {
        const { principal } = await ctx.user();
        const { name } = await readBody(ctx.req, createTokenRequest);
        const token = newSecret();
        const record = { id: randomId(16), accountId: principal.accountId, name, createdAt: new Date().toISOString() };
        await services.directory.createToken(record, hashSecret(token));
        await services.audit.record({
          action: "token-created",
          actorId: principal.accountId,
          scopeOrganisationId: null,
          subject: name,
        });
        sendJson(ctx.res, 201, { id: record.id, name, createdAt: record.createdAt, token } satisfies ApiToken);
      },
    },
    {
      method: "DELETE",
      path: "/api/tokens/:id",
      async handle(ctx) {
        const { principal } = await ctx.user();
        const mine = await services.directory.listTokens(principal.accountId);
        const token = mine.find((t) => t.id === ctx.params.id);
        if (!token) throw new HttpError(404, "not-found", messages.tokenNotFound);
        await services.sessions.end(token.id);
        await services.audit.record({
          action: "token-revoked",
          actorId: principal.accountId,
          scopeOrganisationId: null,
          subject: token.name,
        });
        sendNoContent(ctx.res);
      },
    },
    {
      method: "GET",
      path: "/api/invitations/:token",
      async handle(ctx) {
        const accountId = await openInvitation(services, ctx.params.token ?? "");
        const account = await services.directory.getAccount(accountId);
        if (!account) throw new HttpError(404, "not-found", messages.invitationNotFound);
        sendJson(ctx.res, 200, { fullName: account.fullName, login: account.login } satisfies InvitationInfo);
      },
    },
    {
      method: "POST",
      path: "/api/invitations/:token",
      async handle(ctx) {
        const { password } = await readBody(ctx.req, acceptInvitationRequest);
        const tokenHash = hashSecret(ctx.params.token ?? "");
        const accountId = await openInvitation(services, ctx.params.token ?? "");
        const passwordHash = await hashPassword(password).catch((error: unknown) => {
          throw error instanceof GateFullError ? busy(ctx, "server busy") : error;
        });
        const accepted = await services.directory.acceptInvitation(tokenHash, passwordHash, new Date().toISOString());
        if (!accepted) throw new HttpError(410, "invitation-used", messages.invitationUsed);
        await services.sessions.endAllOf(accountId);
        const account = await services.directory.getAccount(accountId);
        await services.audit.record({
          action: "invitation-accepted",
          actorId: accountId,
          scopeOrganisationId: account?.organisationId ?? null,
          subject: account?.login ?? accountId,
        });
        await respondWithSession(ctx, (await services.sessions.start(accountId)).secret);
      },
    },
  ];
}

/**
 * A login or password that cannot be checked now: 429 when another login from
 * the same source is under way (that source is asking too much), 503 when the
 * password gate is full (the server is). Either way at once, with Retry-After.
 */
function busy(ctx: RequestContext, reason: BusyReason): HttpError {
  ctx.res.setHeader("retry-after", String(LOGIN_BUSY_RETRY_AFTER_SECONDS));
  return reason === "login in progress"
    ? new HttpError(429, "login-in-progress", messages.loginInProgress)
    : new HttpError(503, "server-busy", messages.serverBusy);
}

/** The account an invitation is for, or the HTTP error saying why it cannot be used. */
async function openInvitation(services: Services, token: string): Promise<string> {
  const found = await services.directory.findInvitation(hashSecret(token), new Date().toISOString());
  if (found === null) throw new HttpError(404, "not-found", messages.invitationNotFound);
  if (found === "spent") throw new HttpError(410, "invitation-used", messages.invitationUsed);
  if (found === "expired") throw new HttpError(410, "invitation-expired", messages.invitationExpired);
  return found.accountId;
}
