import { useState } from "react";
import { fetchYearWorkbook } from "../api/exportsApi.ts";
import { failureMessage } from "../api/http.ts";
import { messages } from "../messages.ts";
import { showToast } from "../ui/toasts.ts";
import { saveFile } from "./saveFile.ts";
import "./exports.css";

/** A coordinator's «Скачать документы … года (Excel)»: one workbook, a sheet per document of the year. */
export function YearWorkbookButton({
  organisationId,
  year,
}: {
  readonly organisationId: string;
  readonly year: number;
}) {
  const [busy, setBusy] = useState(false);
  const download = async () => {
    setBusy(true);
    try {
      const file = await fetchYearWorkbook(organisationId, year);
      saveFile(file);
      showToast(messages.exports.saved(file.fileName));
    } catch (error) {
      showToast(failureMessage(error), "error");
    } finally {
      setBusy(false);
    }
  };
  return (
    <button
      type="button"
      className="k-button"
      title={messages.exports.workbookHint}
      data-testid="year-workbook"
      aria-busy={busy}
      disabled={busy}
      onClick={() => void download()}
    >
      {busy ? (
        <span className="k-download-progress" role="status">
          <span className="k-spinner" aria-hidden />
          {messages.exports.preparing}
        </span>
      ) : (
        messages.exports.workbook(year)
      )}
    </button>
  );
}
