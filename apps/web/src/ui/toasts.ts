import { useSyncExternalStore } from "react";

/** A short message at the bottom of the screen. */
export interface Toast {
  readonly id: number;
  readonly text: string;
  readonly tone: "info" | "error";
}

/** How long a toast stays, long enough to read two lines of Russian. */
const TOAST_MS = 6000;
const MAX_TOASTS = 3;

let toasts: readonly Toast[] = [];
let nextId = 1;
const listeners = new Set<() => void>();

function emit(next: readonly Toast[]): void {
  toasts = next;
  for (const listener of listeners) listener();
}

/** Shows a message; repeating the same text while it is shown does not stack it. */
export function showToast(text: string, tone: Toast["tone"] = "info"): void {
  if (toasts.some((t) => t.text === text)) return;
  const toast = { id: nextId++, text, tone };
  emit([...toasts, toast].slice(-MAX_TOASTS));
  setTimeout(() => dismissToast(toast.id), TOAST_MS);
}

export function dismissToast(id: number): void {
  if (toasts.some((t) => t.id === id)) emit(toasts.filter((t) => t.id !== id));
}

export function useToasts(): readonly Toast[] {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => toasts,
  );
}
