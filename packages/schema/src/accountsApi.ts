import { z } from "zod";
import { accessLevel, organisationKind, role, schoolStatus, schoolType } from "./access.ts";

/**
 * The JSON shapes of sessions, people, organisations and the audit log:
 * parsed by the server on the way in and by the web app on the way back.
 */

export const login = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9._-]{2,64}$/, "login: 2–64 characters of a–z, 0–9, '.', '_' and '-'");

export const MIN_PASSWORD_LENGTH = 8;
export const MAX_PASSWORD_LENGTH = 200;

export const loginRequest = z.object({
  login: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(MAX_PASSWORD_LENGTH),
});
export type LoginRequest = z.infer<typeof loginRequest>;

export const roleGrant = z.object({
  id: z.string(),
  role,
  organisationId: z.string(),
});
export type RoleGrant = z.infer<typeof roleGrant>;

/** The signed-in user, as GET/POST /api/session return them. */
export const sessionInfo = z.object({
  user: z.object({
    id: z.string(),
    login: z.string(),
    fullName: z.string(),
    position: z.string(),
    organisationId: z.string(),
    organisationName: z.string(),
    roles: z.array(roleGrant),
    /** Schools this person curates. */
    curatedSchoolIds: z.array(z.string()),
    /** Organisations where this person may manage schools, people and roles. */
    managedOrganisationIds: z.array(z.string()),
    /** Organisations where this person may create documents, as the server's policy decides. */
    creatableOrganisationIds: z.array(z.string()),
  }),
  expiresAt: z.string(),
});
export type SessionInfo = z.infer<typeof sessionInfo>;

export const organisation = z.object({
  id: z.string(),
  parentId: z.string().nullable(),
  kind: organisationKind,
  name: z.string(),
  schoolType: schoolType.nullable(),
  /** Status per year, e.g. { "2022": "shnor" }. */
  statuses: z.record(z.string(), schoolStatus),
});
export type Organisation = z.infer<typeof organisation>;

export const createSchoolRequest = z.object({
  parentId: z.string().min(1),
  name: z.string().trim().min(2).max(300),
  schoolType,
});
export type CreateSchoolRequest = z.infer<typeof createSchoolRequest>;

export const updateSchoolRequest = z.object({
  name: z.string().trim().min(2).max(300).optional(),
  schoolType: schoolType.optional(),
});

export const setSchoolStatusRequest = z.object({
  year: z.number().int().min(2000).max(2100),
  /** null removes the year's status. */
  status: schoolStatus.nullable(),
});
export type SetSchoolStatusRequest = z.infer<typeof setSchoolStatusRequest>;

export const person = z.object({
  id: z.string(),
  login: z.string(),
  fullName: z.string(),
  position: z.string(),
  organisationId: z.string(),
  roles: z.array(roleGrant),
  curatedSchoolIds: z.array(z.string()),
  /** False until the person has set a password through an invitation. */
  active: z.boolean(),
});
export type Person = z.infer<typeof person>;

export const invitation = z.object({
  /** The one-time link, relative to the site: /invite/<token>. */
  path: z.string(),
  expiresAt: z.string(),
});
export type Invitation = z.infer<typeof invitation>;

export const invitePersonRequest = z.object({
  fullName: z.string().trim().min(3).max(200),
  position: z.string().trim().max(200).default(""),
  organisationId: z.string().min(1),
  login,
  role,
  /** Where the role is granted; the person's organisation when omitted. */
  roleOrganisationId: z.string().min(1).optional(),
});
export type InvitePersonRequest = z.input<typeof invitePersonRequest>;

export const invitePersonResponse = z.object({ person, invitation });
export type InvitePersonResponse = z.infer<typeof invitePersonResponse>;

export const grantRoleRequest = z.object({ role, organisationId: z.string().min(1) });
export type GrantRoleRequest = z.infer<typeof grantRoleRequest>;

export const setCuratedSchoolsRequest = z.object({ schoolIds: z.array(z.string()).max(500) });
export type SetCuratedSchoolsRequest = z.infer<typeof setCuratedSchoolsRequest>;

/** GET /api/invitations/<token>: whom the link is for. */
export const invitationInfo = z.object({ fullName: z.string(), login: z.string() });
export type InvitationInfo = z.infer<typeof invitationInfo>;

export const acceptInvitationRequest = z.object({
  password: z.string().min(MIN_PASSWORD_LENGTH).max(MAX_PASSWORD_LENGTH),
});
export type AcceptInvitationRequest = z.infer<typeof acceptInvitationRequest>;

export const createTokenRequest = z.object({ name: z.string().trim().min(1).max(100) });
export const apiToken = z.object({
  id: z.string(),
  name: z.string(),
  createdAt: z.string(),
  /** Only in the answer to its creation: it is stored hashed and cannot be shown again. */
  token: z.string().optional(),
});
export type ApiToken = z.infer<typeof apiToken>;

export const AUDIT_ACTIONS = [
  "login",
  "login-failed",
  "logout",
  "document-created",
  "access-refused",
  "role-granted",
  "role-revoked",
  "curator-assigned",
  "person-invited",
  "invitation-accepted",
  "school-created",
  "school-updated",
  "school-status-set",
  "token-created",
  "token-revoked",
  "comment-written",
  "thread-resolved",
  "thread-reopened",
  "document-status-changed",
  "version-restored",
  "registry-person-added",
  "registry-person-updated",
  "registry-person-removed",
  "evidence-attached",
  "evidence-reviewed",
  "evidence-removed",
] as const;
export const auditAction = z.enum(AUDIT_ACTIONS);
export type AuditAction = z.infer<typeof auditAction>;

export const auditEntry = z.object({
  id: z.number().int(),
  at: z.string(),
  action: auditAction,
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  /** What was acted on: a document, a person, an organisation (display text). */
  subject: z.string(),
  details: z.string(),
  /** How many times it happened: repeats of a failed login or a refusal within 15 minutes add up on one entry. */
  count: z.number().int().min(1),
  /** When it last happened; `at` is the first time. */
  lastAt: z.string(),
});
export type AuditEntry = z.infer<typeof auditEntry>;

export const documentAccess = z.object({ access: accessLevel });

/** GET /api/organisations/<municipality>/statuses-by-year: the ШНОР list by year, computed from the registry. */
export const statusesByYearResponse = z.object({
  years: z.array(z.number().int()),
  rows: z.array(
    z.object({ schoolId: z.string(), name: z.string(), byYear: z.record(z.string(), schoolStatus.nullable()) }),
  ),
  counts: z.record(z.string(), z.record(schoolStatus, z.number().int())),
});
export type StatusesByYearResponse = z.infer<typeof statusesByYearResponse>;

/**
 * GET /api/organisations/<municipality>/figures: the live figures of the
 * analytic report. Shares are percents with one decimal; null when unknown.
 */
export const figuresResponse = z.object({
  schools: z.number().int(),
  shnorByYear: z.record(z.string(), z.number().int()),
  /** ШНОР of the latest year as a share of all the territory's schools. */
  shnorShare: z.object({ year: z.number().int(), percent: z.number().nullable() }).nullable(),
  /** Teachers with deficits of levels A+B, from the latest teacher-deficits monitoring. */
  deficitsAB: z.object({ year: z.number().int(), percent: z.number().nullable(), documentId: z.string() }).nullable(),
});
export type FiguresResponse = z.infer<typeof figuresResponse>;

/** GET /api/people/directory: people a user may pick for «Ответственные», in their organisations. */
export const directoryEntry = z.object({
  id: z.string(),
  fullName: z.string(),
  position: z.string(),
  organisationName: z.string(),
  /** «И.Н. Хняч — директор МКУО ЦОКО» */
  label: z.string(),
});
export type DirectoryEntry = z.infer<typeof directoryEntry>;

/**
 * Someone who never signs in but is named in «Ответственные» (a director of a
 * municipal institution, a head of department): the coordinator keeps them in
 * the people registry, and the directory offers them like accounts.
 */
export const registryPerson = z.object({
  id: z.string(),
  fullName: z.string(),
  position: z.string(),
  organisationId: z.string(),
  /** «И.Н. Хняч — директор МКУО ЦОКО» */
  label: z.string(),
});
export type RegistryPerson = z.infer<typeof registryPerson>;

const registryFullName = z
  .string({ error: "ФИО: введите текст" })
  .trim()
  .min(3, "ФИО: не короче 3 символов")
  .max(200, "ФИО: не длиннее 200 символов");
const registryPosition = z
  .string({ error: "Должность: введите текст" })
  .trim()
  .max(200, "Должность: не длиннее 200 символов");

const registryOrganisation = z
  .string({ error: "Организация: выберите организацию" })
  .min(1, "Организация: выберите организацию");

/** POST /api/people/registry */
export const createRegistryPersonRequest = z.object({
  fullName: registryFullName,
  position: registryPosition.default(""),
  organisationId: registryOrganisation,
});
export type CreateRegistryPersonRequest = z.input<typeof createRegistryPersonRequest>;

/** PATCH /api/people/registry/<id>: only the fields given change. */
export const updateRegistryPersonRequest = z.object({
  fullName: registryFullName.optional(),
  position: registryPosition.optional(),
  organisationId: registryOrganisation.optional(),
});
export type UpdateRegistryPersonRequest = z.input<typeof updateRegistryPersonRequest>;
