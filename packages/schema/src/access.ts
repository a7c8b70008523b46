import { z } from "zod";

/**
 * Who may do what: the vocabulary shared by the server (which decides) and
 * the web app (which shows). The decision itself lives in one place only,
 * server/src/access/policy.ts.
 */

/** DOMAIN "Who works here": the five roles of the product. */
export const ROLES = ["school_team", "curator", "methodist", "coordinator", "viewer"] as const;
export const role = z.enum(ROLES);
export type Role = z.infer<typeof role>;

/** The scope tree: region → municipality → school. */
export const ORGANISATION_KINDS = ["region", "municipality", "school"] as const;
export const organisationKind = z.enum(ORGANISATION_KINDS);
export type OrganisationKind = z.infer<typeof organisationKind>;

/**
 * Where each role may be granted. A role covers its node and everything below
 * it, so a school team granted on a municipality would edit every school's
 * documents there: a school team belongs to one school. The others work for a
 * municipality or a region; an observer may also watch a single school.
 */
export const ROLE_PLACES: Readonly<Record<Role, readonly OrganisationKind[]>> = {
  school_team: ["school"],
  curator: ["municipality", "region"],
  methodist: ["municipality", "region"],
  coordinator: ["municipality", "region"],
  viewer: ["school", "municipality", "region"],
};

/** The roles that may be granted on an organisation of this kind, in the order of ROLES. */
export function rolesFor(kind: OrganisationKind): Role[] {
  return ROLES.filter((r) => ROLE_PLACES[r].includes(kind));
}

export const SCHOOL_TYPES = ["СОШ", "ООШ", "НОШ", "лицей", "гимназия", "интернат"] as const;
export const schoolType = z.enum(SCHOOL_TYPES);
export type SchoolType = z.infer<typeof schoolType>;

/**
 * A school's standing in a year: in the ШНОР list, in «500+», in
 * post-project support, or out of the programme.
 */
export const SCHOOL_STATUSES = ["shnor", "project500", "postProject", "left"] as const;
export const schoolStatus = z.enum(SCHOOL_STATUSES);
export type SchoolStatus = z.infer<typeof schoolStatus>;

/**
 * Schools in these statuses write the year's school documents (DOMAIN "The
 * yearly cycle"): the municipality's «Создать документы» includes them; any
 * other school gets its documents only by its own row's button.
 */
export const WRITING_STATUSES: readonly SchoolStatus[] = ["shnor", "project500"];

/**
 * What a user may do with one document. Ordered: each level includes the
 * ones before it. "comment" reads the content and writes its comments
 * companion document (`<docId>:comments`); "edit" writes both.
 */
export const ACCESS_LEVELS = ["none", "read", "comment", "edit"] as const;
export const accessLevel = z.enum(ACCESS_LEVELS);
export type AccessLevel = z.infer<typeof accessLevel>;

export function accessAtLeast(level: AccessLevel, wanted: AccessLevel): boolean {
  return ACCESS_LEVELS.indexOf(level) >= ACCESS_LEVELS.indexOf(wanted);
}

export function strongestAccess(levels: Iterable<AccessLevel>): AccessLevel {
  let best: AccessLevel = "none";
  for (const level of levels) if (accessAtLeast(level, best)) best = level;
  return best;
}

/** The comments companion of a content document: `<docId>:comments`. */
export const COMMENTS_SUFFIX = ":comments";

export function commentsDocumentId(contentDocId: string): string {
  return `${contentDocId}${COMMENTS_SUFFIX}`;
}

/** Splits a sync room name into the content document and which part of it is meant. */
export function parseRoomName(room: string): { docId: string; part: "content" | "comments" } {
  return room.endsWith(COMMENTS_SUFFIX)
    ? { docId: room.slice(0, -COMMENTS_SUFFIX.length), part: "comments" }
    : { docId: room, part: "content" };
}
