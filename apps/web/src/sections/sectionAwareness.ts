import type { Awareness } from "y-protocols/awareness";
import { readPeerIdentity } from "../presence/identity.ts";

/** The awareness field holding where a person's text caret is: one section at a time. */
export const TEXT_CARET_FIELD = "textCaret";

/** A caret in a section, as `{ section, anchor, head }` (relative positions in Yjs' JSON form). */
interface TextCaret {
  readonly section: string;
  readonly anchor: unknown;
  readonly head: unknown;
}

type State = Record<string, unknown>;
type Listener = (...args: unknown[]) => void;

/**
 * One section's view of the document's shared awareness, for y-prosemirror's
 * caret plugin. The plugin reads and writes the field `cursor`, which the
 * table already uses for the selected cell (`{ rowId, colId }`), and a second
 * editor on the same awareness would fight over it. This view maps `cursor`
 * to `textCaret` tagged with the section id: each section sees only the
 * carets inside it and clears only its own; `user` passes through.
 */
export class SectionAwareness {
  constructor(
    private readonly awareness: Awareness,
    readonly sectionId: string,
  ) {}

  get clientID(): number {
    return this.awareness.clientID;
  }

  get states(): Map<number, State> {
    return this.getStates();
  }

  getStates(): Map<number, State> {
    const states = new Map<number, State>();
    const self = this.awareness.clientID;
    for (const [clientId, state] of this.awareness.getStates())
      states.set(clientId, this.view(state, clientId !== self));
    return states;
  }

  getLocalState(): State | null {
    const state = this.awareness.getLocalState();
    return state ? this.view(state, false) : null;
  }

  setLocalStateField(field: string, value: unknown): void {
    if (field !== "cursor") {
      this.awareness.setLocalStateField(field, value);
      return;
    }
    if (value !== null && typeof value === "object") {
      const { anchor, head } = value as { anchor: unknown; head: unknown };
      this.awareness.setLocalStateField(TEXT_CARET_FIELD, { section: this.sectionId, anchor, head });
      return;
    }
    // Leaving this section must not erase a caret another section has just set.
    if (this.ownCaret(this.awareness.getLocalState())) this.awareness.setLocalStateField(TEXT_CARET_FIELD, null);
  }

  on(event: string, listener: Listener): void {
    this.awareness.on(event as "change", listener);
  }

  off(event: string, listener: Listener): void {
    this.awareness.off(event as "change", listener);
  }

  /**
   * A peer's state as the caret plugin expects it: `user` with a checked name
   * and colour (both end up in the page), `cursor` when their caret is here.
   * A peer without a valid identity shows no caret.
   */
  private view(state: State, needsUser: boolean): State {
    const user = readPeerIdentity(state.user);
    const caret = this.ownCaret(state);
    return {
      user: user ?? undefined,
      cursor: caret && (user || !needsUser) ? { anchor: caret.anchor, head: caret.head } : null,
    };
  }

  private ownCaret(state: State | null): TextCaret | null {
    const caret = state?.[TEXT_CARET_FIELD];
    if (typeof caret !== "object" || caret === null) return null;
    const { section, anchor, head } = caret as Record<string, unknown>;
    if (section !== this.sectionId || !isRelativePosition(anchor) || !isRelativePosition(head)) return null;
    return { section, anchor, head };
  }
}

/** Yjs' JSON form of a relative position is an object; anything else would throw in the plugin. */
function isRelativePosition(value: unknown): boolean {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
