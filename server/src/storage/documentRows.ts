import type { DocumentStatus, TransitionAction } from "@karta/schema";
import type {
  CellConflictEntry,
  CellEditEntry,
  DocumentRecord,
  TransitionEntry,
  VersionInfo,
  VersionKind,
} from "./DocumentStore.ts";

/**
 * The rows of the document tables as both SQL stores read them (SQLite and
 * PostgreSQL name and shape their columns alike), and how each becomes what
 * the DocumentStore interface promises.
 */

export interface DocumentRow {
  id: string;
  title: string;
  template_id: string;
  template_version: number;
  org_id: string | null;
  org_name: string | null;
  organisation: string;
  year: number;
  created_at: string;
  updated_at: string;
  status: DocumentStatus;
  order_number: string | null;
  order_date: string | null;
}

export interface TransitionRow {
  doc_id: string;
  action: TransitionAction;
  from_status: DocumentStatus;
  to_status: DocumentStatus;
  actor_id: string;
  reason: string | null;
  order_number: string | null;
  order_date: string | null;
  at: string;
}

export interface VersionRow {
  id: number;
  doc_id: string;
  kind: VersionKind;
  name: string;
  created_by: string | null;
  created_at: string;
}

export interface ConflictRow {
  id: number;
  doc_id: string;
  table_id: string;
  row_id: string;
  column_id: string;
  kept_value: string;
  kept_by: string | null;
  lost_value: string;
  lost_by: string | null;
  at: string;
  resolved_by: string | null;
  resolved_at: string | null;
}

export const toConflict = (r: ConflictRow): CellConflictEntry => ({
  id: r.id,
  docId: r.doc_id,
  table: r.table_id,
  rowId: r.row_id,
  columnId: r.column_id,
  kept: { value: JSON.parse(r.kept_value), by: r.kept_by },
  lost: { value: JSON.parse(r.lost_value), by: r.lost_by },
  at: r.at,
  resolvedBy: r.resolved_by,
  resolvedAt: r.resolved_at,
});

/** A cell's edit as its history lists it: the value (stored as JSON), who and when. */
export interface CellEditRow {
  value: string;
  account_id: string | null;
  at: string;
}

/** The edits of one cell (the query's parameters), each a CellEditEntry. */
export const toCellEdit =
  (cell: Pick<CellEditEntry, "docId" | "table" | "rowId" | "columnId">) =>
  (r: CellEditRow): CellEditEntry => ({ ...cell, value: JSON.parse(r.value), accountId: r.account_id, at: r.at });

export const orderOf = (number: string | null, date: string | null) =>
  number !== null && date !== null ? { number, date } : null;

export const toTransition = (r: TransitionRow): TransitionEntry => ({
  docId: r.doc_id,
  action: r.action,
  from: r.from_status,
  to: r.to_status,
  actorId: r.actor_id,
  reason: r.reason,
  order: orderOf(r.order_number, r.order_date),
  at: r.at,
});

export const toVersion = (r: VersionRow): VersionInfo => ({
  id: r.id,
  docId: r.doc_id,
  kind: r.kind,
  name: r.name,
  createdBy: r.created_by,
  createdAt: r.created_at,
});

export const toRecord = (r: DocumentRow): DocumentRecord => ({
  id: r.id,
  title: r.title,
  templateId: r.template_id,
  templateVersion: r.template_version,
  organisationId: r.org_id,
  organisation: r.org_name ?? r.organisation,
  year: r.year,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  status: r.status,
  order: orderOf(r.order_number, r.order_date),
});
