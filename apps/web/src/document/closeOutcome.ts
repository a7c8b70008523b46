import { CloseCode } from "@karta/schema";
import { messages } from "../messages.ts";

/** What the document page does when the server closes its socket with a code. */
export type CloseOutcome =
  /** The session is over: to the login page, and back here afterwards. */
  | { readonly kind: "signIn" }
  /** Nothing to show or to edit: the page becomes this sentence and the way back. */
  | { readonly kind: "final"; readonly text: string }
  /** The document stays on screen with this sentence above it. */
  | { readonly kind: "banner"; readonly text: string }
  /** Handled without words: the socket reconnects by itself. */
  | { readonly kind: "silent" };

/**
 * Every close code of closeCodes.ts as the page treats it. 4409 (rights
 * changed) reconnects at once and the page asks for its access again, so it
 * needs no banner, nor does 4503 (the socket fell behind and reconnects); a
 * plain network drop is the sync status's business.
 */
export function closeOutcome(code: number): CloseOutcome {
  switch (code) {
    case CloseCode.Unauthorized:
      return { kind: "signIn" };
    case CloseCode.Forbidden:
    case CloseCode.DocumentNotFound:
      return { kind: "final", text: closeText(code) };
    case CloseCode.AccessChanged:
    case CloseCode.FellBehind:
      return { kind: "silent" };
    case CloseCode.InvalidMessage:
    case CloseCode.TooLarge:
    case CloseCode.RateLimited:
    case CloseCode.DocumentUnavailable:
    case CloseCode.ServerShutdown:
      return { kind: "banner", text: closeText(code) };
    default:
      return code >= 4000 ? { kind: "banner", text: closeText(code) } : { kind: "silent" };
  }
}

/** The Russian sentence for a close code. */
export function closeText(code: number): string {
  return messages.document.closed[code] ?? messages.document.closedOther(code);
}

/**
 * After which server closes y-websocket tries again. Its default stops on
 * 4400–4499 (a decision reconnecting cannot change) and retries the rest;
 * 4409 is the exception: the rights changed, and a new socket gets the new ones.
 */
export function shouldReconnect(event: { readonly code: number }): boolean {
  if (event.code === CloseCode.AccessChanged) return true;
  return !(event.code >= 4400 && event.code < 4500);
}
