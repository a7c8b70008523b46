import { messages } from "../messages.ts";
import { dismissToast, useToasts } from "./toasts.ts";
import "./ui.css";

/** The stack of toasts; announced politely to screen readers. */
export function Toasts() {
  const toasts = useToasts();
  return (
    <div className="k-toasts" role="status" aria-live="polite">
      {toasts.map((toast) => (
        <div key={toast.id} className={`k-toast k-toast-${toast.tone}`} data-testid="toast">
          <span>{toast.text}</span>
          <button
            type="button"
            className="k-toast-close"
            aria-label={messages.toast.close}
            onClick={() => dismissToast(toast.id)}
          >
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
