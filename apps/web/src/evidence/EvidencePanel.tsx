import { EVIDENCE_EXTENSIONS, type EvidenceJson } from "@karta/schema";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { messages } from "../messages.ts";
import { showToast } from "../ui/toasts.ts";
import { PaperclipIcon } from "./EvidenceCellMark.tsx";
import { evidenceFileUrl } from "./evidenceApi.ts";
import type { EvidenceTarget } from "./evidenceModel.ts";
import { type EvidencePage, useEvidenceState } from "./evidencePage.ts";
import type { PendingEvidence } from "./evidenceQueue.ts";
import "./evidence.css";

const timeFormat = new Intl.DateTimeFormat("ru-RU", {
  day: "2-digit",
  month: "2-digit",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
});
const when = (iso: string) => timeFormat.format(new Date(iso));
const ACCEPT = EVIDENCE_EXTENSIONS.map((e) => `.${e}`).join(",");

/** The open row's evidence, on the right of the document, while a row's list is open. */
export function EvidencePanelSlot({ page }: { readonly page: EvidencePage }) {
  const { open } = useEvidenceState(page.model);
  return open ? <EvidencePanel key={`${open.table}:${open.rowId}`} page={page} target={open} /> : null;
}

/**
 * «Подтверждающие документы» of one row: its files and links with who added
 * them, when, and the curator's verdict; files waiting on this device
 * («ожидает отправки»); attaching a file or a link for the school's team,
 * «Принято» / «Не принято» (with a reason) for those who check.
 */
function EvidencePanel({ page, target }: { readonly page: EvidencePage; readonly target: EvidenceTarget }) {
  useEvidenceState(page.model);
  const { items, pending } = page.model.itemsOf(target);
  const [linkOpen, setLinkOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const close = () => page.model.openRow(null);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape") page.model.openRow(null);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [page]);

  const place = rowPlace(page, target);
  const attach = async (file: File | undefined) => {
    if (!file) return;
    setBusy(true);
    setError(await page.model.attachFile(target, file));
    setBusy(false);
    if (fileInput.current) fileInput.current.value = "";
  };

  return (
    <aside
      className="k-evidence-panel"
      aria-label={messages.evidence.panelTitle}
      data-testid="evidence-panel"
      data-row-id={target.rowId}
    >
      <div className="k-evidence-head">
        <h2 className="k-evidence-title">
          <PaperclipIcon />
          {messages.evidence.panelTitle}
        </h2>
        <button
          type="button"
          className="k-icon-button"
          aria-label={messages.evidence.close}
          title={messages.evidence.close}
          onClick={close}
        >
          ×
        </button>
      </div>
      <p className="k-evidence-place" data-testid="evidence-place">
        {place}
      </p>
      <ul className="k-evidence-list">
        {items.map((item) => (
          <EvidenceItem key={item.id} page={page} item={item} />
        ))}
        {pending.map((item) => (
          <PendingItem key={item.id} item={item} />
        ))}
      </ul>
      {items.length === 0 && pending.length === 0 && <p className="k-evidence-empty">{messages.evidence.none}</p>}
      {pending.length > 0 && <p className="k-evidence-hint">{messages.evidence.pendingHint}</p>}
      {error && (
        <p className="k-evidence-error" role="alert" data-testid="evidence-error">
          {error}
        </p>
      )}
      {page.canEdit ? (
        <div className="k-evidence-actions">
          <input
            ref={fileInput}
            type="file"
            accept={ACCEPT}
            hidden
            data-testid="evidence-file-input"
            onChange={(event) => void attach(event.target.files?.[0])}
          />
          <div className="k-evidence-buttons">
            <button
              type="button"
              className="k-button k-button-primary"
              disabled={busy}
              data-testid="evidence-attach"
              onClick={() => fileInput.current?.click()}
            >
              {busy ? messages.evidence.uploading : messages.evidence.attachFile}
            </button>
            <button type="button" className="k-button" onClick={() => setLinkOpen((o) => !o)} aria-expanded={linkOpen}>
              {messages.evidence.addLink}
            </button>
          </div>
          {linkOpen && (
            <LinkForm
              onCancel={() => setLinkOpen(false)}
              onSubmit={async (url, title) => {
                const refused = await page.model.addLink(target, url, title);
                setError(refused);
                if (!refused) setLinkOpen(false);
              }}
            />
          )}
          <p className="k-evidence-hint">{messages.evidence.hint}</p>
        </div>
      ) : (
        <p className="k-evidence-hint k-evidence-footnote">
          {page.locked ? messages.evidence.lockedHint : messages.evidence.readOnlyHint}
        </p>
      )}
    </aside>
  );
}

function EvidenceItem({ page, item }: { readonly page: EvidencePage; readonly item: EvidenceJson }) {
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState("");
  const verdict = item.review?.verdict ?? "none";
  const act = async (change: () => Promise<string | null>) => {
    const refused = await change();
    if (refused) showToast(refused, "error");
    return refused;
  };
  const href = item.kind === "file" ? evidenceFileUrl(page.model.docId, item.id) : (item.url ?? "#");
  return (
    <li className="k-evidence-item" data-testid="evidence-item" data-kind={item.kind} data-verdict={verdict}>
      <div className="k-evidence-name">
        {item.kind === "file" ? (
          <a
            href={href}
            download={item.name}
            title={messages.evidence.download(item.name)}
            data-testid="evidence-download"
          >
            {item.name}
          </a>
        ) : (
          <a href={href} target="_blank" rel="noopener noreferrer" data-testid="evidence-link">
            {item.name}
          </a>
        )}
      </div>
      <div className="k-evidence-meta">
        {item.kind === "file" && item.size !== null ? messages.evidence.size(item.size) : messages.evidence.link}
        {" · "}
        {messages.evidence.uploadedBy(item.uploadedBy.name, when(item.uploadedAt))}
      </div>
      <div className="k-evidence-review">
        <span className={`k-evidence-badge k-evidence-badge-${verdict}`} data-testid="evidence-badge">
          {item.review === null
            ? messages.evidence.notReviewed
            : item.review.verdict === "accepted"
              ? messages.evidence.accepted
              : messages.evidence.rejected(item.review.reason)}
        </span>
        {item.review && (
          <span className="k-evidence-reviewer">
            {messages.evidence.reviewedBy(item.review.by.name, when(item.review.at))}
          </span>
        )}
      </div>
      {(page.canReview || page.canEdit) && (
        <div className="k-evidence-item-actions">
          {page.canReview && (
            <>
              <button
                type="button"
                className="k-button k-button-small"
                data-testid="evidence-accept"
                disabled={verdict === "accepted"}
                onClick={() => void act(() => page.model.review(item.id, "accepted"))}
              >
                {messages.evidence.accept}
              </button>
              <button
                type="button"
                className="k-button k-button-small"
                data-testid="evidence-reject"
                aria-expanded={rejecting}
                onClick={() => setRejecting((r) => !r)}
              >
                {messages.evidence.reject}
              </button>
            </>
          )}
          {page.canEdit && (
            <button
              type="button"
              className="k-button k-button-small k-evidence-remove"
              onClick={() => {
                if (window.confirm(messages.evidence.removeConfirm(item.name)))
                  void act(() => page.model.remove(item.id));
              }}
            >
              {messages.evidence.remove}
            </button>
          )}
        </div>
      )}
      {rejecting && (
        <form
          className="k-evidence-reason"
          onSubmit={(event: FormEvent) => {
            event.preventDefault();
            void act(() => page.model.review(item.id, "rejected", reason.trim())).then((refused) => {
              if (!refused) setRejecting(false);
            });
          }}
        >
          <label>
            <span>{messages.evidence.rejectReason}</span>
            <textarea
              value={reason}
              required
              rows={2}
              maxLength={1000}
              placeholder={messages.evidence.rejectReasonPlaceholder}
              data-testid="evidence-reason"
              onChange={(event) => setReason(event.target.value)}
            />
          </label>
          <div className="k-evidence-buttons">
            <button type="submit" className="k-button k-button-primary" disabled={!reason.trim()}>
              {messages.evidence.rejectSubmit}
            </button>
            <button type="button" className="k-button" onClick={() => setRejecting(false)}>
              {messages.evidence.cancel}
            </button>
          </div>
        </form>
      )}
    </li>
  );
}

function PendingItem({ item }: { readonly item: PendingEvidence }) {
  return (
    <li className="k-evidence-item k-evidence-item-pending" data-testid="evidence-pending">
      <div className="k-evidence-name">{item.name}</div>
      <div className="k-evidence-meta">{messages.evidence.size(item.size)}</div>
      <div className="k-evidence-review">
        <span className="k-evidence-badge k-evidence-badge-pending">{messages.evidence.pending}</span>
      </div>
    </li>
  );
}

function LinkForm({
  onSubmit,
  onCancel,
}: {
  readonly onSubmit: (url: string, title: string) => Promise<void>;
  readonly onCancel: () => void;
}) {
  const [url, setUrl] = useState("");
  const [title, setTitle] = useState("");
  return (
    <form
      className="k-evidence-link-form"
      onSubmit={(event) => {
        event.preventDefault();
        void onSubmit(url.trim(), title.trim());
      }}
    >
      <label>
        <span>{messages.evidence.linkAddress}</span>
        <input
          type="url"
          required
          value={url}
          placeholder={messages.evidence.linkPlaceholder}
          onChange={(event) => setUrl(event.target.value)}
        />
      </label>
      <label>
        <span>{messages.evidence.linkTitle}</span>
        <input type="text" value={title} maxLength={200} onChange={(event) => setTitle(event.target.value)} />
      </label>
      <div className="k-evidence-buttons">
        <button type="submit" className="k-button k-button-primary">
          {messages.evidence.addLinkSubmit}
        </button>
        <button type="button" className="k-button" onClick={onCancel}>
          {messages.evidence.cancel}
        </button>
      </div>
    </form>
  );
}

/** «Строка 3: Анкетирование обучающихся…» — the row's number now and its measure, or that it was deleted. */
function rowPlace(page: EvidencePage, target: EvidenceTarget): string {
  const table = page.document?.template.tables.find((t) => t.id === target.table);
  if (!page.document || !table) return "";
  const rows = page.document.table(target.table).rows();
  const index = rows.findIndex((r) => r.id === target.rowId);
  const row = rows[index];
  const textColumn = table.columns.find((c) => c.required && (c.type.kind === "text" || c.type.kind === "longText"));
  const text = row && textColumn ? String(row.cells[textColumn.id] ?? "") : "";
  return messages.evidence.rowPlace(index >= 0 ? index + 1 : null, text.length > 90 ? `${text.slice(0, 90)}…` : text);
}
