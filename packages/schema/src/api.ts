import { z } from "zod";
import { accessLevel } from "./access.ts";
import { commentCounts } from "./commentsApi.ts";
import { approvingOrder, documentStatus, transitionRecord } from "./workflow.ts";

/** Stable, opaque document id: also the y-websocket room name. */
export const documentId = z
  .string()
  .regex(/^[A-Za-z0-9_-]{8,64}$/, "document id: 8–64 characters of A–Z, a–z, 0–9, _ and -");

export const documentSummary = z.object({
  id: documentId,
  title: z.string(),
  template: z.string(),
  /** The template's title as the server knows it («Дорожная карта…»): never show the id. */
  templateTitle: z.string().optional(),
  templateVersion: z.number().int(),
  organisationId: z.string(),
  /** The organisation's name, for display. */
  organisation: z.string(),
  year: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** What the signed-in user may do with it. */
  access: accessLevel,
  /** Its comments as they concern the signed-in user (in the documents list). */
  comments: commentCounts.optional(),
  /** Where it stands in the agreement (server-authoritative). */
  status: documentStatus,
  /** The approving order, once approved. */
  order: approvingOrder.nullable(),
  /** Every transition, oldest first. */
  history: z.array(transitionRecord),
});
export type DocumentSummary = z.infer<typeof documentSummary>;

export const createDocumentRequest = z.object({
  template: z.string().min(1),
  title: z.string().trim().min(1).max(300),
  /** The school or municipality it belongs to; the user's own organisation when omitted. */
  organisationId: z.string().min(1).optional(),
  /**
   * An anti-risk programme for a factor chosen in a risk profile: prefilled
   * with the factor (title) and its goal, for the profile's school and year.
   * `copyFrom`: start from that year's programme of the same factor and
   * school, where there is one (its measures without their «Статус» and
   * «Отметка о выполнении», its texts).
   */
  fromRiskFactor: z
    .object({
      documentId,
      rowId: z.string().min(1).max(64),
      copyFrom: z.number().int().min(2000).max(2100).optional(),
    })
    .optional(),
  year: z.number().int().min(2000).max(2100).optional(),
});
export type CreateDocumentRequest = z.infer<typeof createDocumentRequest>;

export const healthResponse = z.object({
  status: z.literal("ok"),
  version: z.string(),
  loadedDocuments: z.number().int(),
  connections: z.number().int(),
});
export type HealthResponse = z.infer<typeof healthResponse>;

export const apiError = z.object({ error: z.string(), message: z.string() });
export type ApiError = z.infer<typeof apiError>;

/** GET /api/templates: what can be created, in DOMAIN's order. */
export const templateSummary = z.object({
  id: z.string(),
  title: z.string(),
  scope: z.enum(["school", "municipality"]),
  version: z.number().int(),
  domainNumber: z.number().int(),
});
export type TemplateSummary = z.infer<typeof templateSummary>;

/** POST /api/organisations/<municipality>/yearly-documents: the year's set of documents, from the registry. */
export const yearlyDocumentsRequest = z
  .object({
    year: z.number().int().min(2000).max(2100),
    /**
     * Start each new document from the same template's document of the same
     * organisation in this year (its rows and texts), where there is one.
     */
    copyFrom: z.number().int().min(2000).max(2100).optional(),
  })
  .refine((r) => r.copyFrom !== r.year, { message: "copyFrom: another year than year", path: ["copyFrom"] });
export const yearlyDocumentsResponse = z.object({
  created: z.array(documentSummary),
  /** Documents of that year that already existed, left as they were. */
  existing: z.number().int(),
  /** The new documents that started from `copyFrom`'s: what each received. */
  copied: z.array(
    z.object({
      documentId,
      fromDocumentId: documentId,
      rows: z.number().int(),
      sections: z.number().int(),
    }),
  ),
});
export type YearlyDocumentsResponse = z.infer<typeof yearlyDocumentsResponse>;
