import { DOCUMENT_STATUSES, type DocumentStatus, type DocumentSummary } from "@karta/schema";
import { useCallback, useEffect, useMemo, useState } from "react";
import { fetchOrganisations } from "../api/registryApi.ts";
import { useResource } from "../api/useResource.ts";
import { MentionsList } from "../comments/MentionsList.tsx";
import { messages } from "../messages.ts";
import { creatableOrganisations } from "../organisations/tree.ts";
import { useSignedInUser } from "../session/sessionStore.ts";
import { AppHeader } from "../ui/AppHeader.tsx";
import { CreateDocumentForm } from "./CreateDocumentForm.tsx";
import { DocumentList } from "./DocumentList.tsx";
import { type DocumentFilter, filterDocuments, NO_FILTER, yearsOf } from "./documentFilter.ts";
import { useDocumentList } from "./useDocumentList.ts";
import "../document/workflow.css";
import "../ui/ui.css";
import "./documentList.css";

/** The start page: the documents this user may read, by organisation, and a form to create one where they may. */
export function DocumentsPage() {
  const { state, reload } = useDocumentList();
  const user = useSignedInUser();
  const organisations = useResource(useCallback((signal: AbortSignal) => fetchOrganisations(signal), []));
  const creatable = useMemo(
    () =>
      organisations.state.status === "ready" && user ? creatableOrganisations(organisations.state.data, user) : [],
    [organisations.state, user],
  );
  const canCreate = creatable.length > 0;
  useEffect(() => {
    window.document.title = `${messages.documents.pageTitle} — ${messages.appName}`;
  }, []);
  return (
    <div className="k-list-page">
      <AppHeader current="documents" />
      <main className={canCreate ? "k-list-main" : "k-list-main k-list-main-single"}>
        <section className="k-list-documents" aria-busy={state.status === "loading"}>
          <h1 className="k-page-title">{messages.documents.pageTitle}</h1>
          <MentionsList />
          {state.status === "loading" && <p className="k-muted">{messages.documents.loading}</p>}
          {(state.status === "error" || state.status === "remembered") && (
            <div
              className={`k-banner ${state.status === "remembered" ? "k-banner-readonly" : "k-banner-error"}`}
              role="alert"
              data-testid="list-error"
            >
              <span>{state.message}</span>
              <button type="button" className="k-button" onClick={reload}>
                {messages.documents.retry}
              </button>
            </div>
          )}
          {(state.status === "ready" || state.status === "remembered") && (
            <FilteredList documents={state.documents} canCreate={state.status === "ready" && canCreate} />
          )}
        </section>
        {canCreate && (
          <aside className="k-list-aside">
            <CreateDocumentForm organisations={creatable} />
          </aside>
        )}
      </main>
    </div>
  );
}

/** Filters by status and year and a search by title above the list. */
function FilteredList({
  documents,
  canCreate,
}: {
  readonly documents: readonly DocumentSummary[];
  readonly canCreate: boolean;
}) {
  const [filter, setFilter] = useState<DocumentFilter>(NO_FILTER);
  const shown = useMemo(() => filterDocuments(documents, filter), [documents, filter]);
  const years = useMemo(() => yearsOf(documents), [documents]);
  const filtered = filter !== NO_FILTER && (filter.status !== "" || filter.year !== null || filter.query.trim() !== "");
  return (
    <>
      {documents.length > 0 && (
        <div className="k-list-filters" data-testid="list-filters">
          <label className="k-field">
            <span className="k-field-label">{messages.workflow.filterStatus}</span>
            <select
              value={filter.status}
              onChange={(e) => setFilter({ ...filter, status: e.target.value as DocumentStatus | "" })}
            >
              <option value="">{messages.workflow.filterAll}</option>
              {DOCUMENT_STATUSES.map((status) => (
                <option key={status} value={status}>
                  {messages.workflow.status[status]}
                </option>
              ))}
            </select>
          </label>
          <label className="k-field">
            <span className="k-field-label">{messages.workflow.filterYear}</span>
            <select
              value={filter.year ?? ""}
              onChange={(e) => setFilter({ ...filter, year: e.target.value ? Number(e.target.value) : null })}
            >
              <option value="">{messages.workflow.filterAll}</option>
              {years.map((year) => (
                <option key={year} value={year}>
                  {year}
                </option>
              ))}
            </select>
          </label>
          <label className="k-field k-field-grow">
            <span className="k-field-label">{messages.workflow.search}</span>
            <input
              type="search"
              value={filter.query}
              placeholder={messages.workflow.searchPlaceholder}
              onChange={(e) => setFilter({ ...filter, query: e.target.value })}
            />
          </label>
        </div>
      )}
      {filtered && shown.length === 0 ? (
        <p className="k-empty">{messages.workflow.nothingFound}</p>
      ) : (
        <DocumentList documents={shown} canCreate={canCreate} />
      )}
    </>
  );
}
