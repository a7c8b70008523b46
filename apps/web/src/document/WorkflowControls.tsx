import type { DocumentSummary, SessionInfo, TransitionAction, TransitionRequest } from "@karta/schema";
import { type FormEvent, useState } from "react";
import { ApiRequestError } from "../api/http.ts";
import { postTransition } from "../api/workflowApi.ts";
import { messages } from "../messages.ts";
import { showToast } from "../ui/toasts.ts";
import { offeredActions, statusText } from "./workflow.ts";
import "./workflow.css";

/** «На согласовании», «Утверждено приказом № 12 от 15.02.2023»: where the document stands. */
export function WorkflowStatus({
  summary,
  changed = false,
}: {
  readonly summary: Pick<DocumentSummary, "status" | "order">;
  readonly changed?: boolean;
}) {
  return (
    <span
      className={`k-status k-status-${summary.status}${changed ? " k-status-changed" : ""}`}
      data-testid="document-status"
      data-status={summary.status}
      title={messages.workflow.statusHint}
    >
      {statusText(summary, changed)}
    </span>
  );
}

/**
 * The agreement steps this person may take, as buttons in the header. Return
 * asks for a reason, approve for the order; the others for a confirmation.
 * The server's refusal (403/409) is shown as it says it.
 */
export function WorkflowActions({
  docId,
  summary,
  user,
  onChanged,
}: {
  readonly docId: string;
  readonly summary: DocumentSummary;
  readonly user: SessionInfo["user"] | null;
  readonly onChanged: (summary: DocumentSummary) => void;
}) {
  const [pending, setPending] = useState<TransitionAction | null>(null);
  const actions = offeredActions(summary, user);
  if (actions.length === 0) return null;
  return (
    <div className="k-workflow-actions" data-testid="workflow-actions">
      {actions.map((action) => (
        <button
          key={action}
          type="button"
          className={`k-button k-button-small${action === "submit" || action === "agree" || action === "approve" ? " k-button-primary" : ""}`}
          aria-expanded={pending === action}
          onClick={() => setPending(pending === action ? null : action)}
        >
          {messages.workflow.actions[action]}
        </button>
      ))}
      {pending && (
        <TransitionForm
          key={pending}
          docId={docId}
          action={pending}
          onCancel={() => setPending(null)}
          onDone={(next) => {
            setPending(null);
            showToast(messages.workflow.done[pending] ?? "");
            onChanged(next);
          }}
        />
      )}
    </div>
  );
}

function TransitionForm({
  docId,
  action,
  onCancel,
  onDone,
}: {
  readonly docId: string;
  readonly action: TransitionAction;
  readonly onCancel: () => void;
  readonly onDone: (summary: DocumentSummary) => void;
}) {
  const [reason, setReason] = useState("");
  const [number, setNumber] = useState("");
  const [date, setDate] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const request: TransitionRequest = { action };
    if (action === "return") {
      if (!reason.trim()) return setError(messages.workflow.reasonRequired);
      request.reason = reason.trim();
    }
    if (action === "approve") {
      if (!number.trim() || !date) return setError(messages.workflow.orderRequired);
      request.order = { number: number.trim(), date };
    }
    setBusy(true);
    setError(null);
    postTransition(docId, request)
      .then(onDone)
      .catch((e: unknown) => {
        setBusy(false);
        setError(e instanceof ApiRequestError ? e.message : messages.workflow.failed);
      });
  };

  return (
    <form
      className="k-workflow-form"
      data-testid="transition-form"
      data-action={action}
      onSubmit={submit}
      onKeyDown={(e) => {
        if (e.key === "Escape") onCancel();
      }}
    >
      <strong>{messages.workflow.actions[action]}</strong>
      {messages.workflow.confirm[action] && (
        <p className="k-muted k-workflow-hint">{messages.workflow.confirm[action]}</p>
      )}
      {action === "return" && (
        <label className="k-field">
          <span className="k-field-label">{messages.workflow.reasonLabel}</span>
          <textarea
            // biome-ignore lint/a11y/noAutofocus: the form opens on the button's click to take this text
            autoFocus
            rows={3}
            value={reason}
            placeholder={messages.workflow.reasonPlaceholder}
            onChange={(e) => setReason(e.target.value)}
          />
        </label>
      )}
      {action === "approve" && (
        <div className="k-workflow-order">
          <label className="k-field">
            <span className="k-field-label">{messages.workflow.orderNumber}</span>
            <input
              // biome-ignore lint/a11y/noAutofocus: the form opens on the button's click to take this number
              autoFocus
              value={number}
              onChange={(e) => setNumber(e.target.value)}
            />
          </label>
          <label className="k-field">
            <span className="k-field-label">{messages.workflow.orderDate}</span>
            <input type="date" value={date} onChange={(e) => setDate(e.target.value)} />
          </label>
        </div>
      )}
      {error && (
        <p className="k-form-error" role="alert">
          {error}
        </p>
      )}
      <div className="k-workflow-form-buttons">
        <button type="button" className="k-button k-button-small" onClick={onCancel}>
          {messages.workflow.cancel}
        </button>
        <button type="submit" className="k-button k-button-small k-button-primary" disabled={busy}>
          {messages.workflow.send}
        </button>
      </div>
    </form>
  );
}
