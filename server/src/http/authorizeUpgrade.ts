import type { IncomingMessage } from "node:http";
import { CloseCode, documentId, parseRoomName } from "@karta/schema";
import type { AccessControl } from "../access/AccessControl.ts";
import type { AuditLog } from "../audit/AuditLog.ts";
import { noCredentialIfMalformed } from "../auth/cookies.ts";
import { MAX_SOCKETS_PER_ACCOUNT, MAX_SOCKETS_PER_CREDENTIAL } from "../limits.ts";
import type { ConnectionGrant } from "../sync/Connection.ts";
import type { LiveConnections } from "../sync/LiveConnections.ts";
import { isSameOrigin } from "./sameOrigin.ts";

/** What a websocket upgrade gets: a grant for its room, or a close code and why. */
export type UpgradeDecision = { grant: ConnectionGrant } | { refuse: number; reason: string };

/**
 * Decides each websocket upgrade before the socket exists: who it is, whether
 * the page is ours, and what they may do in the room (policy.ts, through
 * AccessControl). A refusal still completes the handshake and then closes
 * with a code, because a browser cannot read the HTTP status of a failed
 * upgrade, and the app must say why in Russian. Nothing of the document is
 * sent on a refused socket.
 */
export class UpgradeAuthorizer {
  constructor(
    private readonly access: AccessControl,
    private readonly audit: AuditLog,
    private readonly live: LiveConnections,
  ) {}

  async decide(req: IncomingMessage, room: string, url: URL): Promise<UpgradeDecision> {
    const auth = await this.access
      .authenticate(req.headers, { queryToken: url.searchParams.get("access_token") })
      .catch(noCredentialIfMalformed);
    if (!auth) return { refuse: CloseCode.Unauthorized, reason: "not signed in" };
    // A cookie is sent by the browser whichever site opens the socket: refuse
    // other sites' pages (cross-site websocket hijacking). Tokens are not ambient.
    if (auth.credential.kind === "session" && !isSameOrigin(req)) {
      return { refuse: CloseCode.Forbidden, reason: "cross-site request" };
    }
    const { docId } = parseRoomName(room);
    const found = documentId.safeParse(docId).success ? await this.access.roomAccess(auth.principal, room) : null;
    if (!found) return { refuse: CloseCode.DocumentNotFound, reason: "no such document" };
    if (found.level === "none") {
      await this.audit.record({
        action: "access-refused",
        actorId: auth.principal.accountId,
        scopeOrganisationId: found.record.organisationId,
        subject: `${found.record.title} (${found.record.organisation})`,
        details: `websocket ${room}`,
      });
      return { refuse: CloseCode.Forbidden, reason: "no access to this document" };
    }
    const { credential } = auth;
    return {
      grant: {
        accountId: auth.principal.accountId,
        displayName: auth.principal.fullName,
        credentialId: credential.id,
        expiresAt: credential.expiresAt,
        level: found.level,
        canWrite: found.canWrite,
        readOnlyReason: found.readOnlyReason,
      },
    };
  }

  /**
   * Counted when the socket is about to join, in the same turn as it is added
   * to `live`: upgrades decided together cannot all slip under the limit.
   */
  withinSocketLimits(decision: { grant: ConnectionGrant }): UpgradeDecision {
    const open = this.live.countOf(decision.grant.accountId, decision.grant.credentialId);
    if (open.credential < MAX_SOCKETS_PER_CREDENTIAL && open.account < MAX_SOCKETS_PER_ACCOUNT) return decision;
    return { refuse: CloseCode.RateLimited, reason: "too many open connections" };
  }
}
