import type { EvidenceVerdict } from "@karta/schema";

/** One piece of evidence on a row of a document's table: a file (its bytes by hash) or a link. */
export interface EvidenceRecord {
  readonly id: string;
  readonly docId: string;
  readonly table: string;
  readonly rowId: string;
  readonly kind: "file" | "link";
  /** The file's name as uploaded, or the link's title. */
  readonly name: string;
  readonly url: string | null;
  /** SHA-256 of the file's bytes (hex): where they are kept (`EvidenceFiles`). */
  readonly sha256: string | null;
  readonly size: number | null;
  /** As read from the bytes. */
  readonly mediaType: string | null;
  readonly uploadedBy: string;
  readonly uploadedAt: string;
  readonly verdict: EvidenceVerdict | null;
  readonly reason: string;
  readonly reviewedBy: string | null;
  readonly reviewedAt: string | null;
  /** Removed by an editor: listed no more, its file no longer served (the row stays for the journal). */
  readonly removed: boolean;
}

export type NewEvidence = Omit<EvidenceRecord, "verdict" | "reason" | "reviewedBy" | "reviewedAt" | "removed">;

export interface EvidenceReview {
  readonly verdict: EvidenceVerdict;
  readonly reason: string;
  readonly by: string;
  readonly at: string;
}

/**
 * Evidence metadata (the files' bytes are elsewhere, by hash). Every method is
 * async so that a PostgreSQL implementation fits beside the SQLite one.
 */
export interface EvidenceStore {
  add(evidence: NewEvidence): Promise<void>;
  /** One piece of a document's evidence, removed or not; null if there is none with this id in that document. */
  get(docId: string, id: string): Promise<EvidenceRecord | null>;
  /** The document's evidence that is not removed, oldest first. */
  list(docId: string): Promise<EvidenceRecord[]>;
  /** Records a verdict (replacing an earlier one); false if there is no such evidence, or it was removed. */
  review(docId: string, id: string, review: EvidenceReview): Promise<boolean>;
  /** Marks it removed; false if there is none, or it was removed already. */
  remove(docId: string, id: string): Promise<boolean>;
}
