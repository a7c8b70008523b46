import { useEffect, useRef, useState } from "react";
import { EXPORT_FORMATS, type ExportFormat, fetchExport } from "../api/exportsApi.ts";
import { ApiRequestError } from "../api/http.ts";
import { messages } from "../messages.ts";
import { showToast } from "../ui/toasts.ts";
import { saveFile } from "./saveFile.ts";
import "./exports.css";

/** A file ready in less than this shows no progress: a flash of «Готовим файл…» only distracts. */
const PROGRESS_AFTER_MS = 400;

/**
 * «Скачать» in the document's header: Excel, Word, PDF or CSV, laid out by
 * the server as the order's appendix. While the server prepares a big file
 * the button says so; a failure is a toast with the server's sentence.
 */
export function DownloadMenu({ docId }: { readonly docId: string }) {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState<ExportFormat | null>(null);
  const [showProgress, setShowProgress] = useState(false);
  const root = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const close = (event: Event) => {
      if (event instanceof KeyboardEvent && event.key !== "Escape") return;
      if (event instanceof MouseEvent && root.current?.contains(event.target as Node)) return;
      setOpen(false);
    };
    document.addEventListener("mousedown", close);
    document.addEventListener("keydown", close);
    return () => {
      document.removeEventListener("mousedown", close);
      document.removeEventListener("keydown", close);
    };
  }, [open]);

  const download = async (format: ExportFormat) => {
    setOpen(false);
    if (!navigator.onLine) {
      showToast(messages.exports.offline, "error");
      return;
    }
    setBusy(format);
    const timer = setTimeout(() => setShowProgress(true), PROGRESS_AFTER_MS);
    try {
      const file = await fetchExport(docId, format);
      saveFile(file);
      showToast(messages.exports.saved(file.fileName));
    } catch (error) {
      showToast(error instanceof ApiRequestError ? error.message : messages.exports.failed, "error");
    } finally {
      clearTimeout(timer);
      setBusy(null);
      setShowProgress(false);
    }
  };

  return (
    <div className="k-download" ref={root}>
      <button
        type="button"
        className="k-discussion-toggle"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-busy={busy !== null}
        disabled={busy !== null}
        title={messages.exports.buttonHint}
        data-testid="download-toggle"
        onClick={() => setOpen((o) => !o)}
      >
        {showProgress ? (
          <span className="k-download-progress" role="status">
            <span className="k-spinner" aria-hidden />
            {messages.exports.preparing}
          </span>
        ) : (
          messages.exports.button
        )}
      </button>
      {open && (
        <div
          className="k-download-menu"
          role="menu"
          aria-label={messages.exports.menuLabel}
          data-testid="download-menu"
        >
          {EXPORT_FORMATS.map((format) => (
            <button
              key={format}
              type="button"
              role="menuitem"
              className="k-download-item"
              data-format={format}
              onClick={() => void download(format)}
            >
              <span className="k-download-format">{messages.exports.format[format]}</span>
              <span className="k-download-hint">{messages.exports.formatHint[format]}</span>
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
