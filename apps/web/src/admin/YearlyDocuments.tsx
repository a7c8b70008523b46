import type { DocumentSummary, Organisation, YearlyDocumentsResponse } from "@karta/schema";
import { useState } from "react";
import { failureMessage } from "../api/http.ts";
import { createYearlyDocuments } from "../api/registryApi.ts";
import { YearWorkbookButton } from "../exports/YearWorkbookButton.tsx";
import { messages } from "../messages.ts";
import { Link } from "../router/Link.tsx";
import { documentPath } from "../router/routes.ts";
import { Field } from "../ui/Field.tsx";
import { showToast } from "../ui/toasts.ts";

export interface YearlyDocuments {
  readonly year: number;
  readonly setYear: (year: number) => void;
  /** «Перенести строки и тексты из документов {year − 1} года»: on by default where that year has documents. */
  readonly copy: boolean;
  readonly setCopy: (copy: boolean) => void;
  /** The organisation whose documents are being created: one request at a time. */
  readonly creatingFor: string | null;
  readonly result: { readonly text: string; readonly answer: YearlyDocumentsResponse } | null;
  readonly clearResult: () => void;
  /** The year's documents of a municipality (with its ШНОР schools') or of one school. */
  readonly create: (organisation: Organisation) => Promise<void>;
}

/**
 * «Создать документы на … год» of one municipality's registry card.
 * `previousExists(year)`: whether the year before has documents to carry;
 * `onCreated`: after a request that created some (the card's lists reload).
 */
export function useYearlyDocuments(
  previousExists: (year: number) => boolean,
  onCreated: () => void = () => {},
): YearlyDocuments {
  const [year, setYear] = useState(() => new Date().getFullYear());
  const [copyChoice, setCopyChoice] = useState<{ year: number; copy: boolean } | null>(null);
  const [creatingFor, setCreatingFor] = useState<string | null>(null);
  const [result, setResult] = useState<YearlyDocuments["result"]>(null);
  const copy = copyChoice?.year === year ? copyChoice.copy : previousExists(year);

  const create = async (organisation: Organisation) => {
    setCreatingFor(organisation.id);
    try {
      const answer = await createYearlyDocuments(organisation.id, year, copy ? year - 1 : undefined);
      const text =
        messages.schools.documentsCreated(organisation.name, year, answer.created.length, answer.existing) +
        messages.yearlyCycle.copiedCount(answer.copied.length);
      setResult({ text, answer });
      showToast(text);
      if (answer.created.length > 0) onCreated();
    } catch (error) {
      showToast(failureMessage(error), "error");
    } finally {
      setCreatingFor(null);
    }
  };
  return {
    year,
    setYear,
    copy,
    setCopy: (next) => setCopyChoice({ year, copy: next }),
    creatingFor,
    result,
    clearResult: () => setResult(null),
    create,
  };
}

/** The year picker and the municipality's button, in the card's head. */
export function YearlyDocumentsBar({
  documents,
  municipality,
  years,
}: {
  readonly documents: YearlyDocuments;
  readonly municipality: Organisation;
  readonly years: readonly number[];
}) {
  const { year, setYear, creatingFor, create } = documents;
  return (
    <div className="k-yearly-bar">
      <Field label={messages.schools.documentsYear}>
        <select value={year} onChange={(e) => setYear(Number(e.target.value))} disabled={creatingFor !== null}>
          {[...years, (years.at(-1) ?? year) + 1].map((option) => (
            <option key={option} value={option}>
              {option}
            </option>
          ))}
        </select>
      </Field>
      <button
        type="button"
        className="k-button k-button-primary"
        data-testid="create-yearly-documents"
        aria-label={messages.schools.createDocumentsFor(municipality.name, year)}
        disabled={creatingFor !== null}
        onClick={() => create(municipality)}
      >
        {creatingFor === municipality.id ? messages.schools.creatingDocuments : messages.schools.createDocuments(year)}
      </button>
      <label className="k-check k-yearly-copy" title={messages.yearlyCycle.copyHint}>
        <input
          type="checkbox"
          data-testid="yearly-copy"
          checked={documents.copy}
          disabled={creatingFor !== null}
          onChange={(e) => documents.setCopy(e.target.checked)}
        />{" "}
        {messages.yearlyCycle.copyFrom(year - 1)}
      </label>
      <YearWorkbookButton organisationId={municipality.id} year={year} />
    </div>
  );
}

/**
 * The year's documents of one organisation (the «Документы … года» column):
 * their count, which opens to their titles as links.
 */
export function DocumentLinks({
  documents,
  label,
}: {
  readonly documents: readonly DocumentSummary[];
  readonly label: string;
}) {
  if (documents.length === 0) return <span className="k-muted k-year-docs-none">{messages.yearlyCycle.none}</span>;
  return (
    <details className="k-year-docs">
      <summary title={label}>{messages.yearlyCycle.documentCount(documents.length)}</summary>
      <ul aria-label={label}>
        {documents.map((doc) => (
          <li key={doc.id}>
            <Link to={documentPath(doc.id)}>{doc.title}</Link>
          </li>
        ))}
      </ul>
    </details>
  );
}

/** What the last request created, with links to the new documents. */
export function YearlyDocumentsResult({ documents }: { readonly documents: YearlyDocuments }) {
  const { result, clearResult } = documents;
  if (!result) return null;
  return (
    <div className="k-yearly-result" data-testid="yearly-result" role="status">
      {result.text}{" "}
      <button type="button" className="k-button k-button-quiet k-button-small" onClick={clearResult}>
        {messages.schools.closeResult}
      </button>
      {result.answer.created.length > 0 && (
        <ul aria-label={messages.schools.documentsCreatedList}>
          {result.answer.created.map((doc) => (
            <li key={doc.id}>
              <Link to={documentPath(doc.id)}>{doc.title}</Link> — {doc.organisation}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
