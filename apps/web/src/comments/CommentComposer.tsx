import { MAX_COMMENT_LENGTH } from "@karta/doc";
import type { DocumentPerson } from "@karta/schema";
import { type KeyboardEvent, useEffect, useId, useLayoutEffect, useRef, useState } from "react";
import { messages } from "../messages.ts";
import { insertMention, type Mentionable, matchPeople, mentionedIds, mentionQueryAt } from "./mentions.ts";

export interface CommentComposerProps {
  readonly people: readonly DocumentPerson[];
  readonly placeholder: string;
  readonly submitLabel: string;
  /** Writes the comment; returns whether it was written (the box is then emptied). */
  readonly onSubmit: (text: string, mentions: string[]) => boolean;
  readonly onCancel?: () => void;
  readonly initialText?: string;
  /** People the initial text mentions already (editing a comment). */
  readonly initialMentions?: readonly Mentionable[];
  readonly autoFocus?: boolean;
  /** Shown small: a reply box that grows when used. */
  readonly compact?: boolean;
  readonly testId?: string;
}

/**
 * A comment's text box: Ctrl+Enter sends, Esc cancels, and «@» offers the
 * people of the document; picking one writes «@Фамилия Имя» and records them
 * among the comment's mentions (if their name is still there when it is sent).
 */
export function CommentComposer({
  people,
  placeholder,
  submitLabel,
  onSubmit,
  onCancel,
  initialText = "",
  initialMentions = [],
  autoFocus = false,
  compact = false,
  testId,
}: CommentComposerProps) {
  const [text, setText] = useState(initialText);
  const [caret, setCaret] = useState(initialText.length);
  const [picked, setPicked] = useState<readonly Mentionable[]>(initialMentions);
  const [highlighted, setHighlighted] = useState(0);
  const [dismissedAt, setDismissedAt] = useState<number | null>(null);
  const box = useRef<HTMLTextAreaElement>(null);
  const pendingCaret = useRef<number | null>(null);
  const listId = useId();

  const query = mentionQueryAt(text, caret);
  const open = query !== null && query.start !== dismissedAt && people.length > 0;
  const matches = open && query ? matchPeople(people, query.query) : [];

  useEffect(() => {
    if (autoFocus) box.current?.focus();
  }, [autoFocus]);

  useLayoutEffect(() => {
    if (pendingCaret.current === null || !box.current) return;
    box.current.setSelectionRange(pendingCaret.current, pendingCaret.current);
    pendingCaret.current = null;
  });

  const pick = (person: DocumentPerson) => {
    if (!query) return;
    const next = insertMention(text, query.start, caret, person);
    setText(next.text);
    setCaret(next.caret);
    setPicked((list) => (list.some((p) => p.id === person.id) ? list : [...list, person]));
    pendingCaret.current = next.caret;
    box.current?.focus();
  };

  const submit = () => {
    if (text.trim() === "") return;
    if (onSubmit(text, mentionedIds(text, picked))) {
      setText("");
      setCaret(0);
      setPicked([]);
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    // Esc without a list or a cancel of its own closes what holds the box (the popover).
    if (event.key === "Escape" && !open && !onCancel) return;
    // The grid and the page must not take these keys (Delete, arrows, Ctrl+Z…).
    event.stopPropagation();
    if (open && matches.length > 0) {
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        event.preventDefault();
        const step = event.key === "ArrowDown" ? 1 : -1;
        setHighlighted((i) => (i + step + matches.length) % matches.length);
        return;
      }
      if (event.key === "Enter" || event.key === "Tab") {
        event.preventDefault();
        const person = matches[Math.min(highlighted, matches.length - 1)];
        if (person) pick(person);
        return;
      }
    }
    if (event.key === "Escape") {
      event.preventDefault();
      if (open) setDismissedAt(query?.start ?? null);
      else onCancel?.();
      return;
    }
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      submit();
    }
  };

  const grown = !compact || text !== "";
  return (
    <div className="k-composer" data-testid={testId}>
      <textarea
        ref={box}
        className={grown ? "k-composer-text" : "k-composer-text k-composer-text-compact"}
        value={text}
        placeholder={placeholder}
        aria-label={placeholder}
        maxLength={MAX_COMMENT_LENGTH}
        rows={grown ? 3 : 1}
        role="combobox"
        aria-expanded={open && matches.length > 0}
        aria-controls={listId}
        aria-autocomplete="list"
        onChange={(event) => {
          setText(event.target.value);
          setCaret(event.target.selectionStart);
          setHighlighted(0);
        }}
        onSelect={(event) => setCaret(event.currentTarget.selectionStart)}
        onKeyDown={onKeyDown}
      />
      {open && (
        <div className="k-mention-list" id={listId} role="listbox" aria-label={messages.comments.mentionList}>
          {matches.length === 0 ? (
            <div className="k-mention-empty">{messages.comments.mentionNobody}</div>
          ) : (
            matches.map((person, index) => (
              <div
                key={person.id}
                role="option"
                tabIndex={-1}
                aria-selected={index === highlighted}
                className="k-mention-option"
                data-testid="mention-option"
                onMouseDown={(event) => {
                  event.preventDefault();
                  pick(person);
                }}
                onMouseEnter={() => setHighlighted(index)}
              >
                <span className="k-mention-name">{person.fullName}</span>
                {person.label !== person.fullName && <span className="k-mention-label">{person.label}</span>}
              </div>
            ))
          )}
        </div>
      )}
      {grown && (
        <div className="k-composer-actions">
          <span className="k-composer-hint">{messages.comments.composerHint}</span>
          {onCancel && (
            <button type="button" className="k-button k-button-small" onClick={onCancel}>
              {messages.comments.cancel}
            </button>
          )}
          <button
            type="button"
            className="k-button k-button-small k-button-primary"
            disabled={text.trim() === ""}
            onClick={submit}
          >
            {submitLabel}
          </button>
        </div>
      )}
    </div>
  );
}
