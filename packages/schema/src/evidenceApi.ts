import { z } from "zod";

/**
 * Evidence on a measure (подтверждающие документы, DOMAIN "The yearly cycle",
 * step 5): files and links attached to a row of a table whose template marks
 * a column `evidence`, reviewed by the school's curator. Shared by the server
 * (which enforces every limit here) and the web app (which checks before it
 * uploads, with the same words).
 */

/**
 * The largest file accepted: a scanned order or a report with photographs is
 * a few MiB; 20 MiB leaves room for a long scan and stays far from what would
 * fill a server's disk by accident. Checked while the body streams in.
 */
export const MAX_EVIDENCE_BYTES = 20 * 1024 * 1024;

/** The longest file name kept (longer ones are cut, keeping the extension). */
export const MAX_EVIDENCE_NAME_LENGTH = 200;

/** The longest link accepted. */
export const MAX_EVIDENCE_URL_LENGTH = 2000;

/** The longest reason of «не принято». */
export const MAX_EVIDENCE_REASON_LENGTH = 1000;

/**
 * The kinds of file accepted, as the server reads them from the bytes (never
 * from the name or the client's Content-Type), with the extensions a person
 * picks them by.
 */
export const EVIDENCE_FILE_TYPES = {
  "application/pdf": { label: "PDF", extensions: ["pdf"] },
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": { label: "DOCX", extensions: ["docx"] },
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": { label: "XLSX", extensions: ["xlsx"] },
  "application/vnd.oasis.opendocument.text": { label: "ODT", extensions: ["odt"] },
  "image/jpeg": { label: "JPG", extensions: ["jpg", "jpeg"] },
  "image/png": { label: "PNG", extensions: ["png"] },
} as const;

export type EvidenceMediaType = keyof typeof EVIDENCE_FILE_TYPES;

export const EVIDENCE_MEDIA_TYPES = Object.keys(EVIDENCE_FILE_TYPES) as EvidenceMediaType[];

export function isEvidenceMediaType(value: string): value is EvidenceMediaType {
  return Object.hasOwn(EVIDENCE_FILE_TYPES, value);
}

/** Every accepted extension, for a file picker's `accept` (".pdf,.docx,…"). */
export const EVIDENCE_EXTENSIONS: readonly string[] = Object.values(EVIDENCE_FILE_TYPES).flatMap((t) => t.extensions);

/** Whether a file's name ends with an accepted extension (any case): the client's first check. */
export function hasEvidenceExtension(fileName: string): boolean {
  const dot = fileName.lastIndexOf(".");
  return dot >= 0 && EVIDENCE_EXTENSIONS.includes(fileName.slice(dot + 1).toLowerCase());
}

export const evidenceVerdict = z.enum(["accepted", "rejected"]);
export type EvidenceVerdict = z.infer<typeof evidenceVerdict>;

const person = z.object({ id: z.string(), name: z.string() });

/** One piece of evidence as GET /api/documents/<id>/evidence lists it (oldest first). */
export const evidenceJson = z.object({
  id: z.string(),
  table: z.string(),
  rowId: z.string(),
  kind: z.enum(["file", "link"]),
  /** The file's name as uploaded, or the link's title (its address when none was given). */
  name: z.string(),
  /** A link's address; null for a file. */
  url: z.string().nullable(),
  /** A file's size in bytes and its type as read from its bytes; null for a link. */
  size: z.number().int().nullable(),
  mediaType: z.string().nullable(),
  uploadedBy: person,
  uploadedAt: z.string(),
  review: z
    .object({
      verdict: evidenceVerdict,
      /** Why «не принято»; empty for «принято» without a remark. */
      reason: z.string(),
      by: person,
      at: z.string(),
    })
    .nullable(),
});
export type EvidenceJson = z.infer<typeof evidenceJson>;

export const evidenceListJson = z.array(evidenceJson);

/** The query of a file upload (POST /api/documents/<id>/evidence/files?table=&row=&name=, the bytes as the body). */
export const evidenceUploadQuery = z.object({
  table: z.string().min(1).max(64),
  row: z.string().min(1).max(64),
  name: z.string().trim().min(1).max(1000),
});

/** POST /api/documents/<id>/evidence/links. */
export const evidenceLinkRequest = z.strictObject({
  table: z.string().min(1).max(64),
  rowId: z.string().min(1).max(64),
  url: z
    .string()
    .trim()
    .max(MAX_EVIDENCE_URL_LENGTH, "Ссылка слишком длинная.")
    .pipe(z.url({ protocol: /^https?$/, hostname: /./, error: "Ссылка должна начинаться с http:// или https://." })),
  title: z.string().trim().max(MAX_EVIDENCE_NAME_LENGTH, "Название ссылки слишком длинное.").optional(),
});
export type EvidenceLinkRequest = z.infer<typeof evidenceLinkRequest>;

/** POST /api/documents/<id>/evidence/<evidenceId>/review: «принято», or «не принято» with its reason. */
export const evidenceReviewRequest = z.strictObject({
  verdict: evidenceVerdict,
  reason: z.string().trim().max(MAX_EVIDENCE_REASON_LENGTH, "Причина слишком длинная.").default(""),
});
export type EvidenceReviewRequest = z.infer<typeof evidenceReviewRequest>;
