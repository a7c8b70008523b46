import { formatNumber, sheetValueText } from "@karta/domain";
import {
  type CsvSheet,
  fileColumns,
  type ImportMode,
  type ImportPlan,
  importableColumns,
  importUpdateBytes,
  MAX_IMPORT_BYTES,
  planImport,
  readSpreadsheet,
  type Sheet,
  UnreadableFileError,
} from "@karta/export";
import { type CellValue, MAX_SYNC_MESSAGE_BYTES, type TableTemplate } from "@karta/schema";
import { type ChangeEvent, type ReactNode, useEffect, useId, useMemo, useRef, useState } from "react";
import { messages } from "../messages.ts";
import { Field } from "../ui/Field.tsx";
import { bestSheet, initialLayout, layoutFor, type SheetLayout } from "./importLayout.ts";
import "./import.css";

export type ImportedRows = readonly Readonly<Record<string, CellValue>>[];

export interface ImportDialogProps {
  /** The table the rows go into. */
  readonly table: TableTemplate;
  /** Rows the table holds now: with any, «Заменить строки таблицы» is offered. */
  readonly existingRows: number;
  /** The final button's words for n rows. */
  readonly submitLabel: (n: number) => string;
  /** Writes the checked rows; a thrown error is shown in the dialog. */
  readonly onImport: (rows: ImportedRows, mode: ImportMode) => Promise<void> | void;
  readonly onClose: () => void;
}

/** Rows of the file shown under the mapping. */
const PREVIEW_ROWS = 5;
/** Errors listed; the rest are counted. */
const LISTED_ISSUES = 50;
/** Rows offered as the header. */
const HEADER_CHOICES = 30;

interface ChosenFile {
  readonly name: string;
  readonly sheets: readonly Sheet[];
}

/**
 * «Загрузить из Excel»: a file (.xlsx or .csv) → the first rows under the
 * table's columns, each with the file column it is read from (prefilled by
 * title, changeable) → the check of every cell by its column's type, wrong
 * rows and columns named → the rows written in one transaction. Nothing is
 * written while the check finds errors.
 */
export default function ImportDialog({ table, existingRows, submitLabel, onImport, onClose }: ImportDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const fileInput = useId();
  const [file, setFile] = useState<ChosenFile | null>(null);
  const [sheetIndex, setSheetIndex] = useState(0);
  const [layout, setLayout] = useState<SheetLayout | null>(null);
  const [mode, setMode] = useState<ImportMode>("append");
  const [reading, setReading] = useState(false);
  const [writing, setWriting] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    // The dialog opens to choose a file: Enter or Space on its button opens the picker.
    element?.querySelector<HTMLInputElement>("input[type=file]")?.focus();
    return () => element?.close();
  }, []);

  const sheet = file?.sheets[sheetIndex] ?? null;
  const columns = useMemo(() => importableColumns(table), [table]);
  const sources = useMemo(() => (sheet ? fileColumns(sheet.rows, layout?.headerRow ?? null) : []), [sheet, layout]);
  const plan = useMemo(
    () => (sheet && layout ? planImport(table, sheet.rows, layout.headerRow, layout.mapping) : null),
    [table, sheet, layout],
  );
  const mappedCount = layout ? Object.values(layout.mapping).filter((v) => v !== null).length : 0;
  const blocked = !plan || plan.issues.length > 0 || plan.rows.length === 0 || mappedCount === 0;

  const choose = async (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = event.target.files?.[0];
    if (!chosen) return;
    setReading(true);
    setError(null);
    try {
      const sheets = await readSpreadsheet(chosen.name, new Uint8Array(await chosen.arrayBuffer()));
      const index = bestSheet(table, sheets);
      setFile({ name: chosen.name, sheets });
      setSheetIndex(index);
      setLayout(sheets[index] ? initialLayout(table, sheets[index].rows) : null);
    } catch (failure) {
      setFile(null);
      setLayout(null);
      setError(unreadableMessage(failure));
    } finally {
      setReading(false);
      // The same file chosen again (after fixing it) is a new choice.
      event.target.value = "";
    }
  };

  const chooseSheet = (index: number) => {
    const rows = file?.sheets[index]?.rows;
    if (!rows) return;
    setSheetIndex(index);
    setLayout(initialLayout(table, rows));
  };

  const submit = async () => {
    if (!plan || blocked) return;
    const bytes = importUpdateBytes(table, plan.rows);
    if (bytes > MAX_IMPORT_BYTES) {
      const megabytes = (n: number) => formatNumber(Math.round((n / (1024 * 1024)) * 10) / 10);
      setError(messages.import.tooLarge(megabytes(bytes), megabytes(MAX_SYNC_MESSAGE_BYTES)));
      return;
    }
    setWriting(true);
    setError(null);
    try {
      await onImport(plan.rows, mode);
    } catch {
      setError(messages.import.failed);
      setWriting(false);
    }
  };

  return (
    <dialog
      ref={dialog}
      className="k-import"
      data-testid="import-dialog"
      aria-labelledby={`${fileInput}-title`}
      onCancel={(event) => {
        event.preventDefault();
        if (!writing) onClose();
      }}
    >
      <div className="k-import-head">
        <div>
          <h2 id={`${fileInput}-title`}>{messages.import.heading}</h2>
          <p className="k-muted">{messages.import.into(table.title)}</p>
        </div>
        <button
          type="button"
          className="k-button k-button-small k-button-quiet"
          onClick={onClose}
          disabled={writing}
          aria-label={messages.import.close}
        >
          ✕
        </button>
      </div>

      <div className="k-import-body">
        <div className="k-import-file">
          <input
            id={fileInput}
            className="k-import-file-input"
            type="file"
            accept=".xlsx,.csv,.txt,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onChange={choose}
            disabled={reading || writing}
            data-testid="import-file"
          />
          <label className="k-button" htmlFor={fileInput}>
            {messages.import.chooseFile}
          </label>
          <div className="k-import-file-name">
            <strong data-testid="import-file-name">
              {reading ? messages.import.reading : (file?.name ?? messages.import.noFile)}
            </strong>
            <span className="k-muted">{file ? fileDetails(file) : messages.import.fileHint}</span>
          </div>
        </div>

        {file && sheet?.rows.length === 0 && <p className="k-import-note">{messages.import.emptyFile}</p>}
        {file && sheet && layout && sheet.rows.length > 0 && (
          <>
            <div className="k-import-options">
              {file.sheets.length > 1 && (
                <Field label={messages.import.sheet}>
                  <select value={sheetIndex} onChange={(e) => chooseSheet(Number(e.target.value))}>
                    {file.sheets.map((s, i) => (
                      <option key={s.name} value={i}>
                        {s.name}
                      </option>
                    ))}
                  </select>
                </Field>
              )}
              <Field label={messages.import.headerRow}>
                <select
                  value={layout.headerRow ?? -1}
                  data-testid="import-header-row"
                  onChange={(e) => {
                    const row = Number(e.target.value);
                    setLayout(layoutFor(table, sheet.rows, row < 0 ? null : row));
                  }}
                >
                  <option value={-1}>{messages.import.noHeaderRow}</option>
                  {sheet.rows.slice(0, HEADER_CHOICES).map((row, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: rows of a file have no identity but their place
                    <option key={i} value={i}>
                      {headerChoice(i, row)}
                    </option>
                  ))}
                </select>
              </Field>
            </div>
            {layout.headerRow === null && <p className="k-import-note">{messages.import.headerNotFound}</p>}

            <section className="k-import-section" aria-label={messages.import.mapping}>
              <h3>{messages.import.mapping}</h3>
              <p className="k-muted k-import-hint">{messages.import.mappingHint}</p>
              <div className="k-import-preview k-table-scroll" data-testid="import-preview">
                <table className="k-table">
                  <thead>
                    <tr>
                      {columns.map((column) => (
                        <th key={column.id} scope="col">
                          <span className="k-import-column-title">{column.title}</span>
                          <select
                            aria-label={column.title}
                            data-testid={`import-map-${column.id}`}
                            value={layout.mapping[column.id] ?? -1}
                            onChange={(e) => {
                              const index = Number(e.target.value);
                              setLayout({
                                ...layout,
                                mapping: { ...layout.mapping, [column.id]: index < 0 ? null : index },
                              });
                            }}
                          >
                            <option value={-1}>{messages.import.notImported}</option>
                            {sources.map((source) => (
                              <option key={source.index} value={source.index}>
                                {messages.import.fileColumn(source.letter, source.label)}
                              </option>
                            ))}
                          </select>
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {plan?.sourceRows.slice(0, PREVIEW_ROWS).map((rowNumber) => (
                      <tr key={rowNumber}>
                        {columns.map((column) => {
                          const source = layout.mapping[column.id];
                          const raw =
                            source === null || source === undefined ? null : sheet.rows[rowNumber - 1]?.[source];
                          const wrong = plan.issues.some((i) => i.row === rowNumber && i.columnId === column.id);
                          return (
                            <td key={column.id} className={wrong ? "k-import-wrong" : undefined}>
                              {sheetValueText(raw ?? null)}
                            </td>
                          );
                        })}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              {plan && plan.sourceRows.length > 0 && (
                <p className="k-muted k-import-hint">
                  {messages.import.preview(Math.min(PREVIEW_ROWS, plan.sourceRows.length), plan.sourceRows.length)}
                </p>
              )}
            </section>

            {plan && <CheckReport plan={plan} mapped={mappedCount} />}

            {existingRows > 0 && (
              <fieldset className="k-import-mode">
                <label>
                  <input
                    type="radio"
                    name={`${fileInput}-mode`}
                    checked={mode === "append"}
                    onChange={() => setMode("append")}
                  />
                  {messages.import.append}
                </label>
                <label>
                  <input
                    type="radio"
                    name={`${fileInput}-mode`}
                    checked={mode === "replace"}
                    onChange={() => setMode("replace")}
                    data-testid="import-replace"
                  />
                  {messages.import.replace}
                </label>
                {mode === "replace" && (
                  <span className="k-muted k-import-hint">{messages.import.replaceHint(existingRows)}</span>
                )}
              </fieldset>
            )}
          </>
        )}

        {error && (
          <p className="k-form-error" role="alert" data-testid="import-error">
            {error}
          </p>
        )}
      </div>

      <div className="k-import-actions">
        <button type="button" className="k-button" onClick={onClose} disabled={writing}>
          {messages.import.cancel}
        </button>
        <button
          type="button"
          className="k-button k-button-primary"
          onClick={submit}
          disabled={blocked || writing || reading}
          data-testid="import-submit"
        >
          {writing ? messages.import.writing : submitLabel(plan?.rows.length ?? 0)}
        </button>
      </div>
    </dialog>
  );
}

/** The result of the check: the errors (blocking), or how many rows are ready and what was skipped. */
function CheckReport({ plan, mapped }: { readonly plan: ImportPlan; readonly mapped: number }) {
  const { issues } = plan;
  const notes = (
    <>
      {plan.totalRows.length > 0 && <li>{messages.import.skippedTotals(plan.totalRows)}</li>}
      {plan.emptyRows > 0 && <li>{messages.import.skippedEmpty(plan.emptyRows)}</li>}
    </>
  );
  let verdict: ReactNode;
  if (mapped === 0) verdict = <p className="k-import-verdict k-import-bad">{messages.import.nothingMapped}</p>;
  else if (issues.length > 0)
    verdict = (
      <>
        <p className="k-import-verdict k-import-bad">{messages.import.issuesHeading(issues.length)}</p>
        <ul className="k-import-issues" data-testid="import-issues">
          {issues.slice(0, LISTED_ISSUES).map((issue) => (
            <li key={`${issue.row}:${issue.columnId}`}>
              {messages.import.issue(issue.row, issue.column, issue.text, issue.refusal)}
            </li>
          ))}
          {issues.length > LISTED_ISSUES && <li>{messages.import.moreIssues(issues.length - LISTED_ISSUES)}</li>}
        </ul>
      </>
    );
  else if (plan.rows.length === 0) verdict = <p className="k-import-verdict k-import-bad">{messages.import.noRows}</p>;
  else verdict = <p className="k-import-verdict k-import-good">{messages.import.ready(plan.rows.length)}</p>;
  return (
    <section
      className="k-import-section k-import-check"
      aria-label={messages.import.check}
      data-testid="import-check"
      data-state={issues.length > 0 || mapped === 0 || plan.rows.length === 0 ? "blocked" : "ready"}
    >
      <h3>{messages.import.check}</h3>
      {verdict}
      {(plan.totalRows.length > 0 || plan.emptyRows > 0) && <ul className="k-import-notes">{notes}</ul>}
    </section>
  );
}

function fileDetails(file: ChosenFile): string {
  const first = file.sheets[0];
  if (file.sheets.length === 1 && first && isCsv(first))
    return messages.import.csvDetails(first.encoding, first.delimiter);
  return messages.import.xlsxDetails(file.sheets.length);
}

function isCsv(sheet: Sheet): sheet is CsvSheet {
  return "encoding" in sheet;
}

/** «строка 3: Предмет · Численность педагогов · …» in the header row's list. */
function headerChoice(index: number, row: readonly (string | number | boolean | Date | null)[]): string {
  const text = row
    .map((v) => sheetValueText(v).replace(/\s+/g, " ").trim())
    .filter((t) => t !== "")
    .join(" · ");
  const label = messages.import.rowNumber(index + 1);
  return text ? `${label}: ${text.length > 70 ? `${text.slice(0, 69)}…` : text}` : label;
}

function unreadableMessage(failure: unknown): string {
  if (failure instanceof UnreadableFileError) {
    if (failure.kind === "xlsx") return messages.import.unreadableXlsx;
    if (failure.kind === "csv") return messages.import.unreadableCsv;
    return messages.import.unreadableFormat;
  }
  return messages.import.unreadableFormat;
}
