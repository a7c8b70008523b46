import type { ImportMode } from "@karta/export";
import { type Organisation, templates } from "@karta/schema";
import { type FormEvent, lazy, Suspense, useMemo, useState } from "react";
import { rememberDocument } from "../api/documentCache.ts";
import { createDocument } from "../api/documentsApi.ts";
import { failureMessage } from "../api/http.ts";
import type { ImportedRows } from "../import/ImportDialog.tsx";
import { holdImport } from "../import/pendingImport.ts";
import { messages } from "../messages.ts";
import { fitsScope } from "../organisations/tree.ts";
import { navigate } from "../router/navigation.ts";
import { documentPath } from "../router/routes.ts";
import { Field } from "../ui/Field.tsx";

const FIRST_YEAR = 2020;

/** The import dialog and its readers load when «Новый документ из файла» is first pressed. */
const ImportDialog = lazy(() => import("../import/ImportDialog.tsx"));

/** Years a document can be for: from the programme's start to next year, newest first. */
function yearChoices(now: Date = new Date()): number[] {
  const last = now.getFullYear() + 1;
  return Array.from({ length: last - FIRST_YEAR + 1 }, (_, i) => last - i);
}

/**
 * «Новый документ»: a template, the organisation it belongs to (only those
 * where this user may create one, and of the template's kind), the year and
 * a title; the new document opens at once. «Новый документ из файла» checks a
 * file against the template's table first, then creates the document (titled
 * by the template and year when no title was typed) and opens it with the
 * rows waiting to be written (pendingImport).
 */
export function CreateDocumentForm({ organisations }: { readonly organisations: readonly Organisation[] }) {
  const usable = useMemo(
    () => templates.filter((t) => organisations.some((o) => fitsScope(o, t.scope))),
    [organisations],
  );
  const [templateId, setTemplateId] = useState(usable[0]?.id ?? "");
  const template = usable.find((t) => t.id === templateId) ?? usable[0];
  const choices = useMemo(
    () => (template ? organisations.filter((o) => fitsScope(o, template.scope)) : []),
    [organisations, template],
  );
  const [organisationId, setOrganisationId] = useState(choices[0]?.id ?? "");
  const chosen = choices.find((o) => o.id === organisationId) ?? choices[0];
  const years = useMemo(() => yearChoices(), []);
  const [year, setYear] = useState(new Date().getFullYear());
  const [title, setTitle] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const [importing, setImporting] = useState(false);
  const importTable = template?.tables[0];

  const create = async (documentTitle: string, rows?: ImportedRows) => {
    if (!template || !chosen) return;
    setBusy(true);
    setError(null);
    try {
      const created = await createDocument({
        template: template.id,
        title: documentTitle,
        organisationId: chosen.id,
        year,
      });
      rememberDocument(created);
      if (rows && importTable) holdImport(created.id, { tableId: importTable.id, rows });
      navigate(documentPath(created.id));
    } catch (failure) {
      setError(failureMessage(failure, messages.createDocument.failed));
      setBusy(false);
      throw failure;
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (title.trim() === "") {
      setError(messages.createDocument.titleRequired);
      return;
    }
    create(title.trim()).catch(() => {
      // Said in the form already.
    });
  };

  const importRows = async (rows: ImportedRows, _mode: ImportMode) => {
    if (!template) return;
    await create(title.trim() || messages.import.defaultTitle(template.title, year), rows);
  };

  const form = (
    <form className="k-card k-create" onSubmit={submit} data-testid="create-document">
      <h2 className="k-card-title">{messages.createDocument.heading}</h2>
      <Field label={messages.createDocument.template}>
        <select value={template?.id ?? ""} onChange={(e) => setTemplateId(e.target.value)} disabled={busy}>
          {usable.map((t) => (
            <option key={t.id} value={t.id}>
              {t.title}
            </option>
          ))}
        </select>
      </Field>
      <Field label={messages.createDocument.organisation}>
        <select value={chosen?.id ?? ""} onChange={(e) => setOrganisationId(e.target.value)} disabled={busy}>
          {choices.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </select>
      </Field>
      {choices.length === 0 && <p className="k-muted">{messages.createDocument.noOrganisationForTemplate}</p>}
      <Field label={messages.createDocument.year}>
        <select value={year} onChange={(e) => setYear(Number(e.target.value))} disabled={busy}>
          {years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
      </Field>
      <Field label={messages.createDocument.title}>
        <input
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          placeholder={messages.createDocument.titlePlaceholder}
          maxLength={300}
          disabled={busy}
        />
      </Field>
      {error && (
        <p className="k-form-error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" className="k-button k-button-primary" disabled={busy || !chosen}>
        {busy ? messages.createDocument.submitting : messages.createDocument.submit}
      </button>
      <button
        type="button"
        className="k-button"
        disabled={busy || !chosen || !importTable}
        title={importTable ? messages.import.newFromFileHint : messages.import.noTable}
        onClick={() => setImporting(true)}
        data-testid="create-from-file"
      >
        {messages.import.newFromFile}
      </button>
    </form>
  );

  return (
    <>
      {form}
      {importing && importTable && (
        <Suspense fallback={null}>
          <ImportDialog
            table={importTable}
            existingRows={0}
            submitLabel={messages.import.submitNew}
            onImport={importRows}
            onClose={() => setImporting(false)}
          />
        </Suspense>
      )}
    </>
  );
}
