import type { AuditAction, OrganisationKind, Role, SchoolStatus, SchoolType } from "@karta/schema";
import type {
  AccountRecord,
  AuditRecord,
  GrantRecord,
  OrganisationRecord,
  RegistryPersonRecord,
  TokenRecord,
} from "./DirectoryStore.ts";

/**
 * The rows of the directory tables as both SQL stores read them (SQLite and
 * PostgreSQL name and shape their columns alike), and how each becomes what
 * the DirectoryStore interface promises.
 */

export interface OrganisationRow {
  id: string;
  parent_id: string | null;
  kind: OrganisationKind;
  name: string;
  school_type: SchoolType | null;
}

/** An organisation with its schools' statuses by year (kept in a table of their own). */
export const toOrganisation = (r: OrganisationRow, statuses: Record<string, SchoolStatus>): OrganisationRecord => ({
  id: r.id,
  parentId: r.parent_id,
  kind: r.kind,
  name: r.name,
  schoolType: r.school_type,
  statuses,
});

export interface AccountRow {
  id: string;
  login: string;
  full_name: string;
  position: string;
  org_id: string;
  password_hash: string | null;
}

export const toAccount = (r: AccountRow): AccountRecord => ({
  id: r.id,
  login: r.login,
  fullName: r.full_name,
  position: r.position,
  organisationId: r.org_id,
  passwordHash: r.password_hash,
});

export interface RegistryPersonRow {
  id: string;
  full_name: string;
  position: string;
  org_id: string;
}

export const toRegistryPerson = (r: RegistryPersonRow): RegistryPersonRecord => ({
  id: r.id,
  fullName: r.full_name,
  position: r.position,
  organisationId: r.org_id,
});

export interface GrantRow {
  id: string;
  account_id: string;
  role: Role;
  org_id: string;
}

export const toGrant = (r: GrantRow): GrantRecord => ({
  id: r.id,
  accountId: r.account_id,
  role: r.role,
  organisationId: r.org_id,
});

export interface AssignmentRow {
  account_id: string;
  school_id: string;
}

/** The columns of api_tokens a listing reads (never the hash). */
export interface TokenRow {
  id: string;
  account_id: string;
  name: string;
  created_at: string;
}

export const toToken = (r: TokenRow): TokenRecord => ({
  id: r.id,
  accountId: r.account_id,
  name: r.name,
  createdAt: r.created_at,
});

export interface AuditRow {
  id: number;
  ts: string;
  action: AuditAction;
  actor_id: string | null;
  scope_org_id: string | null;
  subject: string;
  details: string;
  count: number;
  last_ts: string;
}

export const toAudit = (r: AuditRow): AuditRecord => ({
  id: r.id,
  at: r.ts,
  action: r.action,
  actorId: r.actor_id,
  scopeOrganisationId: r.scope_org_id,
  subject: r.subject,
  details: r.details,
  count: r.count,
  lastAt: r.last_ts,
});
