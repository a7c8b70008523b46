import {
  type DocumentSummary,
  type Organisation,
  SCHOOL_STATUSES,
  SCHOOL_TYPES,
  type SchoolStatus,
  type SchoolType,
  WRITING_STATUSES,
} from "@karta/schema";
import { type FormEvent, useCallback, useMemo, useState } from "react";
import { fetchDocuments } from "../api/documentsApi.ts";
import { failureMessage } from "../api/http.ts";
import { createSchool, fetchOrganisations, setSchoolStatus, updateSchool } from "../api/registryApi.ts";
import { useResource } from "../api/useResource.ts";
import { messages } from "../messages.ts";
import { managedIds } from "../organisations/tree.ts";
import { useSignedInUser } from "../session/sessionStore.ts";
import { Field } from "../ui/Field.tsx";
import { showToast } from "../ui/toasts.ts";
import { AdminLayout, LoadState } from "./AdminLayout.tsx";
import {
  countWithStatus,
  type MunicipalityRegistry,
  registryOf,
  registryYears,
  withOrganisation,
} from "./schoolRegistry.ts";
import { DocumentLinks, useYearlyDocuments, YearlyDocumentsBar, YearlyDocumentsResult } from "./YearlyDocuments.tsx";
import "../documentList/documentList.css";
import "./admin.css";

/** «Школы»: the registry of the coordinator's schools, their type and their status in each year. */
export function SchoolsPage() {
  const user = useSignedInUser();
  const { state, reload, replace } = useResource(useCallback((signal: AbortSignal) => fetchOrganisations(signal), []));
  const years = useMemo(() => registryYears(), []);
  const registry = useMemo(
    () => (state.status === "ready" && user ? registryOf(state.data, managedIds(state.data, user)) : []),
    [state, user],
  );
  const save = useCallback((changed: Organisation) => replace((list) => withOrganisation(list, changed)), [replace]);
  // Every document the coordinator reads: which of a year exist, per school and municipality.
  const { state: docsState, reload: reloadDocuments } = useResource(
    useCallback((signal: AbortSignal) => fetchDocuments(signal), []),
  );
  const allDocuments = docsState.status === "ready" ? docsState.data : NO_DOCUMENTS;

  return (
    <AdminLayout page="schools" title={messages.schools.pageTitle} intro={messages.schools.intro}>
      {state.status !== "ready" ? (
        <LoadState
          loading={messages.schools.loading}
          error={state.status === "error" ? state.message : null}
          onRetry={reload}
        />
      ) : (
        registry.map((part) => (
          <MunicipalitySchools
            key={part.municipality.id}
            registry={part}
            years={years}
            onChanged={save}
            allDocuments={allDocuments}
            onDocumentsCreated={reloadDocuments}
          />
        ))
      )}
    </AdminLayout>
  );
}

const NO_DOCUMENTS: readonly DocumentSummary[] = [];

function MunicipalitySchools({
  registry,
  years,
  onChanged,
  allDocuments,
  onDocumentsCreated,
}: {
  readonly registry: MunicipalityRegistry;
  readonly years: readonly number[];
  readonly onChanged: (school: Organisation) => void;
  readonly allDocuments: readonly DocumentSummary[];
  readonly onDocumentsCreated: () => void;
}) {
  const { municipality, schools } = registry;
  const ofYear = (organisationId: string, year: number) =>
    allDocuments.filter((d) => d.organisationId === organisationId && d.year === year);
  const here = new Set([municipality.id, ...schools.map((s) => s.id)]);
  const documents = useYearlyDocuments(
    (year) => allDocuments.some((d) => d.year === year - 1 && here.has(d.organisationId)),
    onDocumentsCreated,
  );

  return (
    <section className="k-card k-registry" data-testid="school-registry" data-municipality={municipality.name}>
      <div className="k-registry-head">
        <h2 className="k-card-title">
          {municipality.name}
          <span className="k-doc-group-count">{messages.schools.schoolCount(schools.length)}</span>
        </h2>
        <YearlyDocumentsBar documents={documents} municipality={municipality} years={years} />
      </div>
      <YearlyDocumentsResult documents={documents} />
      <div className="k-table-scroll">
        <table className="k-table k-registry-table">
          <thead>
            <tr>
              <th className="k-col-name">{messages.schools.name}</th>
              <th className="k-col-type">{messages.schools.type}</th>
              {years.map((year) => (
                <th key={year} className="k-col-year">
                  {year}
                </th>
              ))}
              <th className="k-col-docs">{messages.schools.documentsColumn(documents.year)}</th>
            </tr>
          </thead>
          <tbody>
            {schools.length === 0 && (
              <tr>
                <td colSpan={years.length + 3} className="k-muted">
                  {messages.schools.empty}
                </td>
              </tr>
            )}
            {schools.map((school) => (
              <SchoolRow
                key={school.id}
                school={school}
                years={years}
                onChanged={onChanged}
                documents={{
                  year: documents.year,
                  existing: ofYear(school.id, documents.year),
                  creating: documents.creatingFor === school.id,
                  busy: documents.creatingFor !== null,
                  create: () => documents.create(school),
                }}
              />
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th colSpan={2}>{messages.schools.shnorTotal}</th>
              {years.map((year) => (
                <td key={year} className="k-col-year k-total" data-testid={`shnor-total-${year}`}>
                  {countWithStatus(schools, year, "shnor")}
                </td>
              ))}
              <td className="k-col-docs" data-testid="municipality-documents">
                <DocumentLinks
                  documents={ofYear(municipality.id, documents.year)}
                  label={messages.yearlyCycle.municipalityDocuments}
                />
              </td>
            </tr>
          </tfoot>
        </table>
      </div>
      <AddSchoolForm municipality={municipality} onAdded={onChanged} />
    </section>
  );
}

/** The «Создать документы на … год» button of one school row. */
interface RowDocumentsButton {
  readonly year: number;
  /** The school's documents of that year. */
  readonly existing: readonly DocumentSummary[];
  /** This school's documents are being created. */
  readonly creating: boolean;
  /** Some documents are being created: one request at a time. */
  readonly busy: boolean;
  readonly create: () => void;
}

function SchoolRow({
  school,
  years,
  onChanged,
  documents,
}: {
  readonly school: Organisation;
  readonly years: readonly number[];
  readonly onChanged: (school: Organisation) => void;
  readonly documents: RowDocumentsButton;
}) {
  const [busy, setBusy] = useState<string | null>(null);

  const run = async (what: string, action: () => Promise<Organisation>) => {
    setBusy(what);
    try {
      onChanged(await action());
    } catch (error) {
      showToast(failureMessage(error), "error");
    } finally {
      setBusy(null);
    }
  };

  return (
    <tr data-testid="school-row" data-school={school.name}>
      <th scope="row" className="k-col-name">
        {school.name}
      </th>
      <td className="k-col-type">
        <select
          className="k-select-inline"
          aria-label={messages.schools.typeFor(school.name)}
          value={school.schoolType ?? ""}
          disabled={busy !== null}
          onChange={(e) => run("type", () => updateSchool(school.id, { schoolType: e.target.value as SchoolType }))}
        >
          {school.schoolType === null && <option value="">{messages.schools.noStatus}</option>}
          {SCHOOL_TYPES.map((type) => (
            <option key={type} value={type}>
              {type}
            </option>
          ))}
        </select>
      </td>
      {years.map((year) => {
        const status = school.statuses[String(year)] ?? null;
        return (
          <td key={year} className="k-col-year">
            <StatusPicker
              label={messages.schools.statusFor(school.name, year)}
              status={status}
              busy={busy === String(year)}
              onChange={(next) => run(String(year), () => setSchoolStatus(school.id, year, next))}
            />
          </td>
        );
      })}
      <td className="k-col-docs" data-testid="school-documents">
        <DocumentLinks
          documents={documents.existing}
          label={messages.yearlyCycle.schoolDocumentsFor(school.name, documents.year)}
        />
        <button
          type="button"
          className="k-button k-button-small"
          aria-label={messages.schools.createDocumentsFor(school.name, documents.year)}
          title={
            WRITING_STATUSES.includes(school.statuses[String(documents.year)] as SchoolStatus)
              ? undefined
              : messages.yearlyCycle.createForSchoolWithoutStatus(documents.year)
          }
          disabled={documents.busy}
          onClick={documents.create}
        >
          {documents.creating ? messages.schools.creatingDocuments : messages.schools.createSchoolDocuments}
        </button>
      </td>
    </tr>
  );
}

/**
 * A year's status as a coloured label that wraps («постпроектное
 * сопровождение» fits a narrow column) with the native select laid over it:
 * the browser's own list, keyboard and screen-reader behaviour.
 */
function StatusPicker({
  label,
  status,
  busy,
  onChange,
}: {
  readonly label: string;
  readonly status: SchoolStatus | null;
  readonly busy: boolean;
  readonly onChange: (status: SchoolStatus | null) => void;
}) {
  return (
    <span className={`k-status k-status-${status ?? "none"}${busy ? " k-status-busy" : ""}`}>
      <span className="k-status-text" aria-hidden>
        {status ? messages.schoolStatuses[status] : messages.schools.noStatus}
      </span>
      <select
        className="k-status-select"
        aria-label={label}
        title={label}
        value={status ?? ""}
        disabled={busy}
        onChange={(e) => onChange(e.target.value === "" ? null : (e.target.value as SchoolStatus))}
      >
        <option value="">{messages.schools.noStatus}</option>
        {SCHOOL_STATUSES.map((s) => (
          <option key={s} value={s}>
            {messages.schoolStatuses[s]}
          </option>
        ))}
      </select>
    </span>
  );
}

function AddSchoolForm({
  municipality,
  onAdded,
}: {
  readonly municipality: Organisation;
  readonly onAdded: (school: Organisation) => void;
}) {
  const [name, setName] = useState("");
  const [type, setType] = useState<SchoolType>(SCHOOL_TYPES[0]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (name.trim().length < 2) {
      setError(messages.schools.nameRequired);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const created = await createSchool({ parentId: municipality.id, name: name.trim(), schoolType: type });
      onAdded(created);
      showToast(messages.schools.added(created.name));
      setName("");
    } catch (failure) {
      setError(failureMessage(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="k-inline-form" onSubmit={submit} data-testid="add-school">
      <span className="k-inline-form-title">{messages.schools.addHeading}</span>
      <Field label={messages.schools.addName} grow>
        <input
          value={name}
          onChange={(e) => setName(e.target.value)}
          placeholder={messages.schools.addNamePlaceholder}
          maxLength={300}
          disabled={busy}
        />
      </Field>
      <Field label={messages.schools.type}>
        <select value={type} onChange={(e) => setType(e.target.value as SchoolType)} disabled={busy}>
          {SCHOOL_TYPES.map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </select>
      </Field>
      <button type="submit" className="k-button k-button-primary" disabled={busy}>
        {busy ? messages.schools.adding : messages.schools.add}
      </button>
      {error && (
        <p className="k-form-error k-inline-form-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
