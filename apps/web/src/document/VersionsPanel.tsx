import { KartaDocument } from "@karta/doc";
import { formatCell } from "@karta/domain";
import type { VersionJson } from "@karta/schema";
import { type FormEvent, useCallback, useEffect, useState } from "react";
import * as Y from "yjs";
import { ApiRequestError } from "../api/http.ts";
import { fetchVersions, fetchVersionUpdate, restoreVersion, saveVersion } from "../api/workflowApi.ts";
import { messages } from "../messages.ts";
import { showToast } from "../ui/toasts.ts";
import "./workflow.css";

const dateTime = new Intl.DateTimeFormat("ru-RU", {
  day: "2-digit",
  month: "2-digit",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
});

function formatAt(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateTime.format(date);
}

/** What a version is called in the list: its name, or what stored it. */
export function versionLabel(version: Pick<VersionJson, "kind" | "name">): string {
  return version.name || (messages.versions.kind[version.kind] ?? version.kind);
}

/** «Версии» in the header. */
export function VersionsToggle({ open, onToggle }: { readonly open: boolean; readonly onToggle: () => void }) {
  return (
    <button
      type="button"
      className="k-discussion-toggle"
      aria-pressed={open}
      title={messages.versions.buttonHint}
      data-testid="versions-toggle"
      onClick={onToggle}
    >
      {messages.versions.button}
    </button>
  );
}

/**
 * The document's versions, newest first: what stored each, its name, who and
 * when; «Сохранить версию» for those who may comment; opening one shows its
 * main table read-only, with «Восстановить» for editors.
 */
export function VersionsPanel({
  docId,
  canSave,
  canRestore,
  onClose,
}: {
  readonly docId: string;
  readonly canSave: boolean;
  readonly canRestore: boolean;
  readonly onClose: () => void;
}) {
  const [versions, setVersions] = useState<VersionJson[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [name, setName] = useState("");
  const [busy, setBusy] = useState(false);
  const [opened, setOpened] = useState<VersionJson | null>(null);
  const [reloads, setReloads] = useState(0);

  useEffect(() => {
    void reloads;
    const abort = new AbortController();
    fetchVersions(docId, abort.signal)
      .then((list) => {
        setVersions(list);
        setError(null);
      })
      .catch((e: unknown) => {
        if (!abort.signal.aborted) setError(e instanceof ApiRequestError ? e.message : messages.versions.failed);
      });
    return () => abort.abort();
  }, [docId, reloads]);

  const save = (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) return;
    setBusy(true);
    saveVersion(docId, name.trim())
      .then(() => {
        setName("");
        showToast(messages.versions.saved);
        setReloads((n) => n + 1);
      })
      .catch((e: unknown) => showToast(e instanceof ApiRequestError ? e.message : messages.versions.failed, "error"))
      .finally(() => setBusy(false));
  };

  return (
    <aside className="k-versions-panel" data-testid="versions-panel" aria-label={messages.versions.title}>
      <div className="k-versions-head">
        <h2>{messages.versions.title}</h2>
        <button type="button" className="k-button k-button-small k-button-quiet" onClick={onClose}>
          {messages.versions.close}
        </button>
      </div>
      {canSave && (
        <form className="k-versions-save" onSubmit={save}>
          <input
            aria-label={messages.versions.nameLabel}
            placeholder={messages.versions.namePlaceholder}
            value={name}
            maxLength={200}
            onChange={(e) => setName(e.target.value)}
          />
          <button type="submit" className="k-button k-button-small k-button-primary" disabled={busy || !name.trim()}>
            {messages.versions.save}
          </button>
        </form>
      )}
      {error && <p className="k-form-error">{error}</p>}
      {!versions && !error && <p className="k-muted">{messages.versions.loading}</p>}
      {versions?.length === 0 && <p className="k-muted">{messages.versions.empty}</p>}
      <ul className="k-versions-list">
        {versions?.map((version) => (
          <li key={version.id} className="k-version" data-testid="version-item" data-kind={version.kind}>
            <div className="k-version-title">{versionLabel(version)}</div>
            <div className="k-version-meta">
              {version.name && <span>{messages.versions.kind[version.kind]}</span>}
              <span>{version.createdBy?.name ?? messages.versions.system}</span>
              <span>{formatAt(version.createdAt)}</span>
            </div>
            <button type="button" className="k-button k-button-small" onClick={() => setOpened(version)}>
              {messages.versions.open}
            </button>
          </li>
        ))}
      </ul>
      {opened && (
        <VersionView
          docId={docId}
          version={opened}
          canRestore={canRestore}
          onClose={() => setOpened(null)}
          onRestored={() => {
            setOpened(null);
            setReloads((n) => n + 1);
          }}
        />
      )}
    </aside>
  );
}

interface ShownTable {
  readonly title: string;
  readonly columns: readonly { id: string; title: string }[];
  readonly rows: readonly string[][];
}

/** The version's main table as text, decoded in a Y.Doc of its own. */
function readVersion(update: Uint8Array): ShownTable | null {
  const ydoc = new Y.Doc();
  try {
    Y.applyUpdate(ydoc, update);
    const doc = KartaDocument.open(ydoc);
    const table = doc?.template.tables[0];
    if (!doc || !table) return null;
    const rows = doc
      .table(table.id)
      .rows()
      .map((row) =>
        table.columns.map((column) =>
          column.type.kind === "rowNumber" ? String(row.number) : formatCell(row.cells[column.id], column.type),
        ),
      );
    return { title: table.title, columns: table.columns.map((c) => ({ id: c.id, title: c.title })), rows };
  } finally {
    ydoc.destroy();
  }
}

function VersionView({
  docId,
  version,
  canRestore,
  onClose,
  onRestored,
}: {
  readonly docId: string;
  readonly version: VersionJson;
  readonly canRestore: boolean;
  readonly onClose: () => void;
  readonly onRestored: () => void;
}) {
  const [shown, setShown] = useState<ShownTable | null | "failed">(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    const abort = new AbortController();
    fetchVersionUpdate(docId, version.id, abort.signal)
      .then((update) => setShown(readVersion(update) ?? "failed"))
      .catch(() => {
        if (!abort.signal.aborted) setShown("failed");
      });
    return () => abort.abort();
  }, [docId, version.id]);

  const restore = useCallback(() => {
    if (!window.confirm(messages.versions.restoreConfirm)) return;
    setBusy(true);
    restoreVersion(docId, version.id)
      .then(() => {
        showToast(messages.versions.restored);
        onRestored();
      })
      .catch((e: unknown) => showToast(e instanceof ApiRequestError ? e.message : messages.versions.failed, "error"))
      .finally(() => setBusy(false));
  }, [docId, version.id, onRestored]);

  return (
    <div className="k-version-view" data-testid="version-view" role="dialog" aria-modal>
      <div className="k-version-view-head">
        <strong>{messages.versions.viewing(versionLabel(version), formatAt(version.createdAt))}</strong>
        {canRestore && (
          <button type="button" className="k-button k-button-small k-button-primary" disabled={busy} onClick={restore}>
            {messages.versions.restore}
          </button>
        )}
        <button type="button" className="k-button k-button-small" onClick={onClose}>
          {messages.versions.close}
        </button>
      </div>
      <div className="k-version-view-body">
        {shown === null && <p className="k-muted">{messages.versions.loading}</p>}
        {shown === "failed" && <p className="k-form-error">{messages.versions.openFailed}</p>}
        {shown && shown !== "failed" && (
          <table className="k-version-table" data-testid="version-table">
            <caption>{shown.title}</caption>
            <thead>
              <tr>
                {shown.columns.map((c) => (
                  <th key={c.id}>{c.title}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {shown.rows.map((cells, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: a version never changes, its rows stay in place
                <tr key={i}>
                  {cells.map((text, j) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: columns of the template, in order
                    <td key={j}>{text}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </div>
  );
}
