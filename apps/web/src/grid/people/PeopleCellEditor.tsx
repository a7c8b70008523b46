import type { RowSnapshot } from "@karta/doc";
import { addPersonToCell } from "@karta/domain";
import { type CellValue, type DirectoryEntry, MAX_CELL_TEXT_LENGTH } from "@karta/schema";
import type { CustomCellEditorProps } from "ag-grid-react";
import { useEffect, useId, useMemo, useRef, useState } from "react";
import { messages } from "../../messages.ts";
import { loadPeopleDirectory } from "./peopleDirectory.ts";
import { filterPeople } from "./peopleFilter.ts";
import "../cells.css";

type Directory =
  | { readonly status: "loading" }
  | { readonly status: "ready"; readonly people: readonly DirectoryEntry[] }
  | { readonly status: "failed" };

/** Keys the editor keeps from AG Grid, which would otherwise move between cells or close the editor. */
const NAVIGATION = new Set(["ArrowUp", "ArrowDown", "ArrowLeft", "ArrowRight", "Home", "End", "PageUp", "PageDown"]);

/**
 * The editor of an «Ответственные» cell: the cell's text, free to edit, and a
 * search over the people directory by surname. ↑/↓ pick, Enter adds the
 * person as «И.Н. Хняч — директор МКУО ЦОКО» (addPersonToCell: after what is
 * there, never twice), Enter on an empty search saves, Esc cancels the edit.
 * Text that matches nobody is added as typed: the cell stays free text.
 */
export function PeopleCellEditor(props: CustomCellEditorProps<RowSnapshot, CellValue>) {
  const { onValueChange, eventKey } = props;
  const [text, setText] = useState(() => (typeof props.value === "string" ? props.value : ""));
  const [query, setQuery] = useState(() => (eventKey && eventKey.length === 1 ? eventKey : ""));
  const [active, setActive] = useState(0);
  const [directory, setDirectory] = useState<Directory>({ status: "loading" });
  const root = useRef<HTMLDivElement>(null);
  const search = useRef<HTMLInputElement>(null);
  const listId = useId();

  useEffect(() => {
    let live = true;
    loadPeopleDirectory().then(
      (people) => live && setDirectory({ status: "ready", people }),
      () => live && setDirectory({ status: "failed" }),
    );
    return () => {
      live = false;
    };
  }, []);

  useEffect(() => {
    search.current?.focus();
  }, []);

  const matches = useMemo(
    () => (directory.status === "ready" ? filterPeople(directory.people, query, text) : []),
    [directory, query, text],
  );
  const current = Math.min(active, Math.max(matches.length - 1, 0));

  const change = (next: string) => {
    setText(next);
    onValueChange(next.trim() === "" ? null : next);
  };
  const add = (label: string) => {
    change(addPersonToCell(text, label));
    setQuery("");
    setActive(0);
    search.current?.focus();
  };

  // AG Grid listens on its popup, an ancestor of this editor, before React's own
  // handlers run: keys the editor uses are handled here, natively, and stopped.
  const keys = useRef({ matches, current, query, add });
  keys.current = { matches, current, query, add };
  useEffect(() => {
    const element = root.current;
    if (!element) return;
    const onKeyDown = (event: KeyboardEvent) => {
      const inSearch = event.target === search.current;
      const { matches: found, current: at, query: typed, add: addLabel } = keys.current;
      if (inSearch && (event.key === "ArrowDown" || event.key === "ArrowUp") && found.length > 0) {
        event.preventDefault();
        event.stopPropagation();
        const step = event.key === "ArrowDown" ? 1 : -1;
        setActive((at + step + found.length) % found.length);
        return;
      }
      if (inSearch && event.key === "Enter" && typed.trim() !== "") {
        event.preventDefault();
        event.stopPropagation();
        addLabel(found[at]?.label ?? typed.trim());
        return;
      }
      if (NAVIGATION.has(event.key) || event.key === "Tab" || (event.key === "Enter" && event.shiftKey)) {
        event.stopPropagation();
      }
    };
    element.addEventListener("keydown", onKeyDown);
    return () => element.removeEventListener("keydown", onKeyDown);
  }, []);

  const status =
    directory.status === "loading"
      ? messages.peoplePicker.loading
      : directory.status === "failed"
        ? messages.peoplePicker.failed
        : matches.length === 0 && query.trim() !== ""
          ? messages.peoplePicker.nothingFound
          : null;

  return (
    <div ref={root} className="k-people-editor" data-testid="people-editor">
      <textarea
        className="k-people-text"
        aria-label={messages.peoplePicker.text}
        value={text}
        maxLength={MAX_CELL_TEXT_LENGTH}
        rows={4}
        onChange={(event) => change(event.target.value)}
      />
      <input
        ref={search}
        type="text"
        className="k-people-search"
        data-testid="people-search"
        role="combobox"
        aria-expanded={matches.length > 0}
        aria-controls={listId}
        aria-activedescendant={matches[current] ? `${listId}-${current}` : undefined}
        aria-autocomplete="list"
        placeholder={messages.peoplePicker.search}
        aria-label={messages.peoplePicker.search}
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setActive(0);
        }}
      />
      {matches.length > 0 && (
        <div id={listId} className="k-people-options" role="listbox" aria-label={messages.peoplePicker.listLabel}>
          {matches.map((person, index) => (
            <div
              key={person.id}
              id={`${listId}-${index}`}
              role="option"
              tabIndex={-1}
              aria-selected={index === current}
              className="k-people-option"
              data-testid="people-option"
              // Keep focus in the search field: the click only adds.
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => add(person.label)}
              onKeyDown={(event) => event.key === "Enter" && add(person.label)}
              onMouseEnter={() => setActive(index)}
            >
              <span className="k-people-option-label">{person.label}</span>
              <span className="k-people-option-org">{person.organisationName}</span>
            </div>
          ))}
        </div>
      )}
      {status && <p className="k-people-status">{status}</p>}
      <p className="k-people-hint">{messages.peoplePicker.hint}</p>
    </div>
  );
}
