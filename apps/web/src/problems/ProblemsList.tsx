import type { RowSnapshot } from "@karta/doc";
import type { TableProblem } from "@karta/domain";
import type { TableTemplate } from "@karta/schema";
import { useId, useMemo, useState } from "react";
import { messages } from "../messages.ts";
import { describeProblem, type ProblemCell, problemCell } from "./problemCells.ts";
import "../grid/cells.css";

export interface ProblemsListProps {
  readonly table: TableTemplate;
  /** The table's rows in display order, for their №. */
  readonly rows: readonly RowSnapshot[];
  readonly problems: readonly TableProblem[];
  /** Selects the cell a problem is on, in the grid. */
  readonly onSelect: (cell: ProblemCell) => void;
}

/**
 * «Проверка таблицы (N)» under a table (not «Замечания»: that is the curator's word): every problem, naming its row (№) and
 * column, in row order; a click selects the cell. Collapsible, and absent
 * while there is nothing to remark on.
 */
export function ProblemsList({ table, rows, problems, onSelect }: ProblemsListProps) {
  const [open, setOpen] = useState(true);
  const listId = useId();
  const items = useMemo(() => {
    if (problems.length === 0) return [];
    const numbers = new Map(rows.map((r) => [r.id, r.number]));
    return problems.map((problem, index) => {
      const cell = problemCell(problem);
      return {
        key: `${index}:${cell.rowId}:${cell.colId}:${problem.kind}`,
        cell,
        row: numbers.get(cell.rowId) ?? 0,
        column: table.columns.find((c) => c.id === cell.colId)?.title ?? cell.colId,
        text: describeProblem(problem, table),
      };
    });
  }, [table, rows, problems]);

  if (items.length === 0) return null;
  return (
    <section className="k-problems" data-testid="problems" aria-label={messages.problems.heading(items.length)}>
      <button
        type="button"
        className="k-problems-toggle"
        aria-expanded={open}
        aria-controls={listId}
        title={open ? messages.problems.hide : messages.problems.show}
        onClick={() => setOpen((o) => !o)}
      >
        <span className="k-problems-chevron" aria-hidden>
          {open ? "▾" : "▸"}
        </span>
        {messages.problems.heading(items.length)}
      </button>
      {open && (
        <ul id={listId} className="k-problems-list">
          {items.map((item) => (
            <li key={item.key}>
              <button
                type="button"
                className="k-problem"
                data-testid="problem-item"
                title={messages.problems.goTo}
                onClick={() => onSelect(item.cell)}
              >
                <span className="k-problem-where">
                  {messages.problems.row(item.row)} · {item.column}
                </span>
                <span className="k-problem-text">{item.text}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
