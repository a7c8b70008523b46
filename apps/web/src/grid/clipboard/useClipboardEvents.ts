import { type RefObject, useEffect } from "react";
import { messages } from "../../messages.ts";
import { showToast } from "../../ui/toasts.ts";
import type { GridSession } from "../gridSession.ts";
import { clearRange } from "../rangeCommands.ts";
import { isInsideEditor } from "../selection/cellFromEvent.ts";
import { copyRangeText } from "./copyRange.ts";
import { pasteIntoGrid } from "./pasteIntoGrid.ts";

/**
 * Copy, cut and paste of the selected range (read-only: copy only) through the browser's clipboard
 * events (Ctrl+C/X/V and the Edit menu): they carry clipboard data without a
 * permission prompt. Inside an open editor the browser's own behaviour stays.
 */
export function useClipboardEvents(
  container: RefObject<HTMLElement | null>,
  session: GridSession | null,
  readOnly: boolean,
): void {
  useEffect(() => {
    if (!session) return;
    const ours = (event: ClipboardEvent): boolean => {
      const element = container.current;
      const target = document.activeElement ?? event.target;
      if (!element || !(target instanceof Node) || !element.contains(target)) return false;
      return !isInsideEditor(target) && !session.isEditing();
    };

    const onCopy = (event: ClipboardEvent) => {
      if (!ours(event)) return;
      const text = copyRangeText(session);
      if (text === null || !event.clipboardData) return;
      event.clipboardData.setData("text/plain", text);
      event.preventDefault();
    };

    const onCut = (event: ClipboardEvent) => {
      if (!ours(event)) return;
      onCopy(event);
      // Read-only: a cut is a copy.
      if (!readOnly) clearRange(session);
    };

    const onPaste = (event: ClipboardEvent) => {
      if (!ours(event) || !event.clipboardData) return;
      event.preventDefault();
      if (readOnly) showToast(messages.document.pasteRefused, "error");
      else pasteIntoGrid(session, event.clipboardData.getData("text/plain"));
    };

    document.addEventListener("copy", onCopy);
    document.addEventListener("cut", onCut);
    document.addEventListener("paste", onPaste);
    return () => {
      document.removeEventListener("copy", onCopy);
      document.removeEventListener("cut", onCut);
      document.removeEventListener("paste", onPaste);
    };
  }, [container, session, readOnly]);
}
