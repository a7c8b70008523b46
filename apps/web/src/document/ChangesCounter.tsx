import { messages } from "../messages.ts";
import "./agreedChanges.css";

export interface ChangesCounterProps {
  /** How many cells, rows and paragraphs differ from the agreed version. */
  readonly count: number;
  /** Whether the tables show only the changed rows. */
  readonly onlyChanged: boolean;
  readonly onToggle: (onlyChanged: boolean) => void;
}

/**
 * «Изменено после согласования: N» in the header, with the switch that shows
 * only the changed rows. Absent while nothing differs (or nothing is agreed).
 */
export function ChangesCounter({ count, onlyChanged, onToggle }: ChangesCounterProps) {
  if (count === 0) return null;
  return (
    <span className="k-changes">
      <span className="k-changes-count" data-testid="changes-count" title={messages.changes.counterHint}>
        {messages.changes.counter(count)}
      </span>
      <button
        type="button"
        className="k-changes-filter"
        data-testid="only-changed"
        aria-pressed={onlyChanged}
        title={messages.changes.onlyChangedHint}
        onClick={() => onToggle(!onlyChanged)}
      >
        {messages.changes.onlyChanged}
      </button>
    </span>
  );
}
