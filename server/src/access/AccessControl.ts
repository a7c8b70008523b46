import type { IncomingHttpHeaders } from "node:http";
import {
  type AccessLevel,
  accessAtLeast,
  isContentLocked,
  LOCKED_FOR_AGREEMENT_REASON,
  parseRoomName,
  READ_ONLY_REASON,
} from "@karta/schema";
import { readCookie, SESSION_COOKIE } from "../auth/cookies.ts";
import { hashSecret } from "../auth/secrets.ts";
import type { CredentialRecord, DirectoryStore } from "../storage/DirectoryStore.ts";
import type { DocumentRecord, DocumentStore } from "../storage/DocumentStore.ts";
import { OrganisationTree } from "./OrganisationTree.ts";
import { documentAccess, type Principal } from "./policy.ts";

export interface Authenticated {
  readonly principal: Principal;
  readonly credential: CredentialRecord;
}

/** What one connection to a sync room may do. */
export interface RoomAccess {
  readonly record: DocumentRecord;
  readonly part: "content" | "comments";
  /** Access to the document as a whole. */
  readonly level: AccessLevel;
  /** Whether updates to this room (content or comments) are accepted from this user. */
  readonly canWrite: boolean;
  /** Why not, as y-protocols' "permission denied" reason: read-only access, or a document on agreement. */
  readonly readOnlyReason: string;
}

/**
 * Turns requests into principals and principals plus documents into access
 * levels, by asking the directory and applying policy.ts. HTTP routes and
 * websocket upgrades both go through here.
 */
export class AccessControl {
  constructor(
    private readonly directory: DirectoryStore,
    private readonly documents: DocumentStore,
  ) {}

  async tree(): Promise<OrganisationTree> {
    return new OrganisationTree(await this.directory.listOrganisations());
  }

  async principal(accountId: string): Promise<Principal | null> {
    const account = await this.directory.getAccount(accountId);
    if (!account) return null;
    const [grants, curated] = await Promise.all([
      this.directory.listGrants(accountId),
      this.directory.listCuratedSchools(accountId),
    ]);
    return {
      accountId,
      login: account.login,
      fullName: account.fullName,
      grants: grants.map((g) => ({ role: g.role, organisationId: g.organisationId })),
      curatedSchoolIds: curated.map((c) => c.schoolId),
    };
  }

  /**
   * The session cookie, or a token for scripts: `Authorization: Bearer <token>`
   * or, on a websocket upgrade only (a browser cannot set headers there, and
   * URLs end up in logs elsewhere), `?access_token=`.
   */
  async authenticate(
    headers: IncomingHttpHeaders,
    options: { queryToken?: string | null; now?: Date } = {},
  ): Promise<Authenticated | null> {
    const now = options.now ?? new Date();
    const secret = credentialSecret(headers, options.queryToken ?? null);
    if (!secret) return null;
    const credential = await this.directory.findCredential(hashSecret(secret));
    if (!credential) return null;
    if (credential.expiresAt !== null && credential.expiresAt <= now.toISOString()) {
      await this.directory.deleteCredential(credential.id);
      return null;
    }
    const principal = await this.principal(credential.accountId);
    return principal ? { principal, credential } : null;
  }

  async documentAccess(principal: Principal, record: DocumentRecord, tree?: OrganisationTree): Promise<AccessLevel> {
    return documentAccess(principal, tree ?? (await this.tree()), record.organisationId);
  }

  /** Access to a sync room (`<docId>` or `<docId>:comments`); null if there is no such document. */
  async roomAccess(principal: Principal, room: string): Promise<RoomAccess | null> {
    const { docId, part } = parseRoomName(room);
    const record = await this.documents.getDocument(docId);
    if (!record) return null;
    const level = await this.documentAccess(principal, record);
    // While on agreement nobody changes the content; comments go on.
    const locked = part === "content" && level === "edit" && isContentLocked(record.status);
    const canWrite = part === "content" ? level === "edit" && !locked : accessAtLeast(level, "comment");
    return { record, part, level, canWrite, readOnlyReason: locked ? LOCKED_FOR_AGREEMENT_REASON : READ_ONLY_REASON };
  }
}

function credentialSecret(headers: IncomingHttpHeaders, queryToken: string | null): string | null {
  const authorization = headers.authorization;
  if (authorization?.startsWith("Bearer ")) return authorization.slice("Bearer ".length).trim() || null;
  return queryToken || readCookie(headers.cookie, SESSION_COOKIE);
}
