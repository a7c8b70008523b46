import type { AuditEntry } from "@karta/schema";
import { useCallback, useState } from "react";
import { failureMessage } from "../api/http.ts";
import { fetchAudit } from "../api/registryApi.ts";
import { useResource } from "../api/useResource.ts";
import { messages } from "../messages.ts";
import { AdminLayout, LoadState } from "./AdminLayout.tsx";
import { AuditTable } from "./AuditTable.tsx";

const AUDIT_PAGE = 200;

interface Journal {
  readonly entries: readonly AuditEntry[];
  /** The last page came back short: there is nothing older. */
  readonly complete: boolean;
}

async function loadPage(before: number | undefined, signal?: AbortSignal): Promise<Journal> {
  const entries = await fetchAudit({ limit: AUDIT_PAGE, before }, signal);
  return { entries, complete: entries.length < AUDIT_PAGE };
}

/** «Журнал»: the audit log of the coordinator's organisations, newest first, a page at a time. */
export function AuditPage() {
  const { state, reload, replace } = useResource(useCallback((signal: AbortSignal) => loadPage(undefined, signal), []));
  const [more, setMore] = useState<{ loading: boolean; error: string | null }>({ loading: false, error: null });

  const showMore = async (after: Journal) => {
    const last = after.entries.at(-1)?.id;
    setMore({ loading: true, error: null });
    try {
      const next = await loadPage(last);
      // Appended only to the list it continues: after «Обновить» meanwhile, it would leave a gap.
      replace((current) =>
        current.entries.at(-1)?.id === last
          ? { entries: [...current.entries, ...next.entries], complete: next.complete }
          : current,
      );
      setMore({ loading: false, error: null });
    } catch (error) {
      setMore({ loading: false, error: failureMessage(error) });
    }
  };

  return (
    <AdminLayout
      page="audit"
      title={messages.audit.pageTitle}
      intro={messages.audit.intro}
      actions={
        <button type="button" className="k-button" onClick={reload}>
          {messages.audit.refresh}
        </button>
      }
    >
      {state.status !== "ready" ? (
        <LoadState
          loading={messages.audit.loading}
          error={state.status === "error" ? state.message : null}
          onRetry={reload}
        />
      ) : (
        <section className="k-card k-card-flush" data-testid="audit-log">
          <AuditTable entries={state.data.entries} />
          {state.data.complete && state.data.entries.length >= AUDIT_PAGE && (
            <p className="k-muted k-audit-more">{messages.audit.end}</p>
          )}
          {!state.data.complete && (
            <div className="k-audit-more">
              <button
                type="button"
                className="k-button"
                disabled={more.loading}
                onClick={() => void showMore(state.data)}
                data-testid="audit-more"
              >
                {more.loading ? messages.audit.loadingMore : messages.audit.showMore}
              </button>
              {more.error && (
                <span className="k-form-error" role="alert">
                  {more.error}
                </span>
              )}
            </div>
          )}
        </section>
      )}
    </AdminLayout>
  );
}
