import type { TableTemplate } from "@karta/schema";
import { useId, useMemo, useState } from "react";
import type { DeletedRow } from "../document/agreedChanges.ts";
import { messages } from "../messages.ts";
import "../document/agreedChanges.css";
import { formatCell } from "@karta/domain";

export interface DeletedRowsListProps {
  readonly table: TableTemplate;
  /** Rows deleted since agreement, with their agreed cells. */
  readonly rows: readonly DeletedRow[];
}

/** How many of a deleted row's filled columns are quoted: enough to recognise it. */
const QUOTED_COLUMNS = 3;

/**
 * «Удалено после согласования: N строк» under a table: a deleted row has no
 * cell left to mark, so what it held when agreed is quoted here, its first
 * filled columns each with its title.
 */
export function DeletedRowsList({ table, rows }: DeletedRowsListProps) {
  const [open, setOpen] = useState(true);
  const listId = useId();
  const items = useMemo(
    () =>
      rows.map((row) => ({
        key: row.rowId,
        parts: table.columns
          .filter((c) => c.type.kind !== "rowNumber" && c.type.kind !== "share")
          .map((c) => ({ title: c.title, text: formatCell(row.agreed[c.id] ?? null, c.type) }))
          .filter((part) => part.text !== "")
          .slice(0, QUOTED_COLUMNS),
      })),
    [table, rows],
  );

  if (items.length === 0) return null;
  const heading = messages.changes.deletedTitle(items.length);
  return (
    <section className="k-deleted-rows" data-testid="deleted-rows" aria-label={heading}>
      <button
        type="button"
        className="k-deleted-rows-toggle"
        aria-expanded={open}
        aria-controls={listId}
        onClick={() => setOpen((o) => !o)}
      >
        <span className="k-deleted-rows-chevron" aria-hidden>
          {open ? "▾" : "▸"}
        </span>
        {heading}
      </button>
      {open && (
        <ul id={listId} className="k-deleted-rows-list">
          {items.map((item) => (
            <li key={item.key} className="k-deleted-row" data-testid="deleted-row">
              {item.parts.length === 0
                ? messages.changes.deletedEmpty
                : item.parts.map((part) => (
                    <span key={part.title} className="k-deleted-row-part">
                      <span className="k-deleted-row-title">{part.title}:</span> {part.text}
                    </span>
                  ))}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
