import type { FirstRowsResponse, FirstRowsTable } from "@karta/schema";
import { matchRoute } from "../router/routes.ts";
import { drawFirstScreen, type FirstScreenElements } from "./drawFirstScreen.ts";

/**
 * A document's first screen, drawn before the app can draw it.
 *
 * Why: a big document (a 10,000-row roadmap is 6 MB of Yjs) takes the browser
 * seconds to download, decode and lay out in AG Grid, and the app itself takes
 * most of a second to load. The server already holds the document: the page's
 * tiny entry module asks it for the first screen as text
 * (GET /api/documents/:id/first-rows) and draws that with plain DOM, read-only,
 * while the rest loads. The document page then keeps it in place of its parts
 * (FirstScreenSlot) until the grid's own first rows are drawn (or the page
 * shows something else), and it is dropped for good.
 *
 * This module is part of the entry chunk: it imports only the routes, the
 * messages and its drawing code (the answer's shape is checked by hand, not by
 * zod, which would triple the entry).
 */

type State =
  | { readonly kind: "idle" }
  | { readonly kind: "asking"; readonly docId: string; slot: HTMLElement | null }
  | { readonly kind: "shown"; readonly docId: string; readonly elements: FirstScreenElements }
  | { readonly kind: "done" };

let state: State = { kind: "idle" };
const listeners = new Set<() => void>();

export interface FirstScreenEnvironment {
  readonly pathname: string;
  readonly online: boolean;
  readonly fetch: (url: string) => Promise<{ ok: boolean; json(): Promise<unknown> }>;
  /** Where a first screen drawn before the page is ready goes (the document's body). */
  readonly place: (page: HTMLElement) => void;
  readonly draw: (screen: FirstRowsResponse & { table: FirstRowsTable }, docId: string) => FirstScreenElements;
}

/** Asks for the first screen if the page is a document; draws it when the answer comes (unless the page is on). */
export function startFirstScreen(env: FirstScreenEnvironment = browserEnvironment()): void {
  const route = matchRoute(env.pathname);
  if (route.page !== "document" || !env.online || state.kind !== "idle") return;
  const asking: State = { kind: "asking", docId: route.docId, slot: null };
  state = asking;
  env
    .fetch(firstRowsUrl(route.docId))
    .then((res) => (res.ok ? res.json() : null))
    .then(
      (body) => {
        if (state !== asking) return; // dropped meanwhile: the page drew its own rows first
        if (!isDrawable(body)) {
          finish();
          return;
        }
        const elements = env.draw(body, asking.docId);
        state = { kind: "shown", docId: asking.docId, elements };
        if (asking.slot) asking.slot.append(elements.body);
        else env.place(elements.page);
        notify();
      },
      () => {
        if (state === asking) finish(); // offline, or the server is away: the page loads as it always did
      },
    );
}

/** The URL of a document's first screen. */
function firstRowsUrl(docId: string): string {
  return `/api/documents/${encodeURIComponent(docId)}/first-rows`;
}

/**
 * The document page puts the first screen into `slot` (in place of its parts):
 * what was drawn over the whole page moves there without its header (the page
 * has its own), and an answer still on its way is drawn there.
 */
export function adoptFirstScreen(docId: string, slot: HTMLElement): void {
  if ((state.kind === "asking" || state.kind === "shown") && state.docId !== docId) {
    dropFirstScreen();
    return;
  }
  if (state.kind === "asking") state.slot = slot;
  else if (state.kind === "shown") {
    slot.append(state.elements.body);
    state.elements.page.remove();
  }
}

/** The page shows its own rows (or something else): the first screen goes, and is never drawn again. */
export function dropFirstScreen(): void {
  if (state.kind === "done") return;
  if (state.kind === "shown") {
    state.elements.page.remove();
    state.elements.body.remove();
  }
  finish();
}

/** Whether a first screen is drawn or on its way (for the page's slot). */
export function firstScreenPending(): boolean {
  return state.kind === "asking" || state.kind === "shown";
}

export function subscribeFirstScreen(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Back to the start: for tests. */
export function resetFirstScreen(): void {
  state = { kind: "idle" };
  notify();
}

function finish(): void {
  state = { kind: "done" };
  notify();
}

function notify(): void {
  for (const listener of listeners) listener();
}

/** The answer has a table with rows to draw (a document of sections only, or an empty table, draws nothing). */
export function isDrawable(body: unknown): body is FirstRowsResponse & { table: FirstRowsTable } {
  if (typeof body !== "object" || body === null) return false;
  const answer = body as Partial<FirstRowsResponse>;
  const table = answer.table;
  return (
    typeof answer.title === "string" &&
    typeof answer.organisation === "string" &&
    typeof answer.templateTitle === "string" &&
    typeof answer.year === "number" &&
    Array.isArray(answer.sectionsAbove) &&
    Array.isArray(answer.sectionPreviews) &&
    answer.sectionPreviews.length === answer.sectionsAbove.length &&
    answer.sectionPreviews.every(
      (p) => typeof p?.id === "string" && typeof p.text === "string" && typeof p.hasContent === "boolean",
    ) &&
    typeof table === "object" &&
    table !== null &&
    Array.isArray(table.columns) &&
    Array.isArray(table.rows) &&
    table.rows.length > 0 &&
    table.rows.every((r) => Array.isArray(r?.cells) && r.cells.length === table.columns.length)
  );
}

function browserEnvironment(): FirstScreenEnvironment {
  return {
    pathname: window.location.pathname,
    online: navigator.onLine,
    fetch: (url) => fetch(url, { credentials: "same-origin", headers: { accept: "application/json" } }),
    place: (page) => document.body.append(page),
    draw: drawFirstScreen,
  };
}
