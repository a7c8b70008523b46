import { useCallback, useEffect, useMemo } from "react";
import { fetchOrganisations } from "../api/registryApi.ts";
import { useResource } from "../api/useResource.ts";
import { MentionsList } from "../comments/MentionsList.tsx";
import { messages } from "../messages.ts";
import { creatableOrganisations } from "../organisations/tree.ts";
import { useSignedInUser } from "../session/sessionStore.ts";
import { AppHeader } from "../ui/AppHeader.tsx";
import { CreateDocumentForm } from "./CreateDocumentForm.tsx";
import { DocumentList } from "./DocumentList.tsx";
import { useDocumentList } from "./useDocumentList.ts";

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
          {state.status === "ready" && <DocumentList documents={state.documents} canCreate={canCreate} />}
          {state.status === "remembered" && <DocumentList documents={state.documents} canCreate={false} />}
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
