import type { DocumentSummary, Organisation } from "@karta/schema";
import { type ReactNode, useCallback, useEffect, useMemo, useRef } from "react";
import { LoadState } from "../admin/AdminLayout.tsx";
import { fetchDocuments } from "../api/documentsApi.ts";
import { fetchOrganisations } from "../api/registryApi.ts";
import { useResource } from "../api/useResource.ts";
import { messages } from "../messages.ts";
import { isCoordinator } from "../router/guard.ts";
import { navigate, useLocation } from "../router/navigation.ts";
import { useSession } from "../session/sessionStore.ts";
import { AppHeader } from "../ui/AppHeader.tsx";
import { scrollToAnchor } from "./jump.ts";
import {
  DeficitsSection,
  MatrixSection,
  MunicipalitySection,
  OverdueSection,
  RiskFactorsSection,
  SchoolProgressSection,
  ShnorSection,
  TotalsSection,
} from "./MonitoringSections.tsx";
import { formatDate } from "./monitoringModel.ts";
import {
  defaultYear,
  monitoredMunicipalities,
  monitoringPath,
  parseMonitoringQuery,
  rememberChoice,
  rememberedChoice,
  yearChoices,
  yearsWithDocuments,
} from "./monitoringQuery.ts";
import { useDashboard } from "./useDashboard.ts";
import "../admin/admin.css";
import "../document/workflow.css";
import "./monitoring.css";

const text = messages.monitoring;
const NO_ORGANISATIONS: readonly Organisation[] = [];
const NO_DOCUMENTS: readonly DocumentSummary[] = [];

/**
 * «Мониторинг»: one municipality's year across its schools, for its
 * coordinators, methodists and viewers (the server decides: 403 otherwise).
 * The address holds the municipality, the year and the filters; an address
 * without them is completed from this device's last choice or the latest
 * year with documents, so that it can be shared as it stands.
 */
export function MonitoringPage() {
  const session = useSession();
  const info = session.status === "signedIn" ? session.info : null;
  const location = useLocation();
  const search = location.includes("?") ? location.slice(location.indexOf("?")) : "";
  const query = useMemo(() => parseMonitoringQuery(search), [search]);

  const organisationsResource = useResource(useCallback((signal: AbortSignal) => fetchOrganisations(signal), []));
  const documentsResource = useResource(useCallback((signal: AbortSignal) => fetchDocuments(signal), []));
  const organisations =
    organisationsResource.state.status === "ready" ? organisationsResource.state.data : NO_ORGANISATIONS;
  const documents = documentsResource.state.status === "ready" ? documentsResource.state.data : NO_DOCUMENTS;
  const municipalities = useMemo(
    () => (info ? monitoredMunicipalities(organisations, info.user) : []),
    [organisations, info],
  );

  // Which municipality: the address's; else the one chosen last here, if still offered; else the first.
  const remembered = rememberedChoice(query.organisation);
  const listsReady = organisationsResource.state.status !== "loading";
  const organisationId =
    query.organisation ??
    (listsReady
      ? (municipalities.find((m) => m.id === remembered.organisation)?.id ?? municipalities[0]?.id ?? null)
      : null);
  const years = useMemo(
    () => (organisationId ? yearsWithDocuments(documents, organisations, organisationId) : []),
    [documents, organisations, organisationId],
  );
  const documentsSettled = documentsResource.state.status !== "loading" && listsReady;
  const rememberedYear = organisationId ? rememberedChoice(organisationId).year : null;
  const year = query.year ?? (documentsSettled && organisationId ? defaultYear(years, rememberedYear) : null);

  // The address says what is shown, so that it can be shared.
  useEffect(() => {
    if (organisationId === null || year === null) return;
    rememberChoice(organisationId, year);
    if (query.organisation !== organisationId || query.year !== year) {
      navigate(monitoringPath({ ...query, organisation: organisationId, year }) + window.location.hash, {
        replace: true,
      });
    }
  }, [organisationId, year, query]);

  const { state, live } = useDashboard(organisationId, year);
  useEffect(() => {
    const name = state.status === "ready" ? ` — ${state.data.organisation.name}` : "";
    window.document.title = `${text.pageTitle}${name} — ${messages.appName}`;
  }, [state]);
  useScrollToAnchorOnce(state.status === "ready");

  const shownName =
    state.status === "ready"
      ? state.data.organisation.name
      : (municipalities.find((m) => m.id === organisationId)?.name ?? null);
  const choices = year === null ? years : yearChoices(years, year);
  const pickers = organisationId !== null && year !== null && (
    <div className="k-mon-pickers">
      {municipalities.length > 1 || (municipalities.length === 1 && municipalities[0]?.id !== organisationId) ? (
        <label className="k-field">
          <span className="k-field-label">{text.municipality}</span>
          <select
            value={organisationId}
            data-testid="monitoring-municipality"
            onChange={(e) => navigate(monitoringPath({ organisation: e.target.value }))}
          >
            {!municipalities.some((m) => m.id === organisationId) && (
              <option value={organisationId}>{shownName ?? organisationId}</option>
            )}
            {municipalities.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      <label className="k-field">
        <span className="k-field-label">{text.year}</span>
        <select
          value={year}
          data-testid="monitoring-year"
          onChange={(e) => navigate(monitoringPath({ organisation: organisationId, year: Number(e.target.value) }))}
        >
          {choices.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
      </label>
    </div>
  );

  let body: ReactNode;
  if (organisationsResource.state.status === "error" && query.organisation === null) {
    body = (
      <LoadState
        loading={text.loading}
        error={organisationsResource.state.message}
        onRetry={organisationsResource.reload}
      />
    );
  } else if (listsReady && organisationId === null) {
    body = (
      <p className="k-empty" role="alert" data-testid="monitoring-error">
        {text.noMunicipality}
      </p>
    );
  } else if (state.status === "error") {
    body = (
      <div className="k-banner k-banner-error" role="alert" data-testid="monitoring-error">
        <span>
          {state.httpStatus === 403 ? text.forbidden : state.httpStatus === 404 ? text.notFound : state.message}
        </span>
      </div>
    );
  } else if (state.status === "loading") {
    body = (
      <p className="k-muted" aria-busy>
        {text.loading}
      </p>
    );
  } else {
    const { data } = state;
    body = (
      <>
        {state.stale && (
          <div className="k-banner k-banner-error" role="status">
            <span>{text.refreshFailed}</span>
          </div>
        )}
        <TotalsSection data={data} query={query} />
        <MatrixSection data={data} query={query} />
        <SchoolProgressSection data={data} query={query} />
        <MunicipalitySection data={data} />
        <div className="k-mon-pair">
          <RiskFactorsSection data={data} query={query} />
          <div className="k-mon-column">
            <DeficitsSection data={data} />
            <ShnorSection data={data} coordinator={info !== null && isCoordinator(info)} />
          </div>
        </div>
        <OverdueSection data={data} query={query} />
      </>
    );
  }

  return (
    <div className="k-list-page">
      <AppHeader current="monitoring" />
      <main className="k-admin-main k-mon-main" data-testid="monitoring-page">
        <div className="k-admin-heading">
          <div>
            <h1 className="k-page-title">
              {text.pageTitle}
              {shownName && <span className="k-mon-title-place">{` · ${shownName}, ${year ?? ""}`}</span>}
            </h1>
            <p className="k-muted k-admin-intro">{text.intro}</p>
            {state.status === "ready" && (
              <p className="k-mon-freshness" data-testid="monitoring-freshness" data-live={live ? "yes" : "no"}>
                <span className={live ? "k-mon-live-dot k-mon-live-dot-on" : "k-mon-live-dot"} aria-hidden="true" />
                {text.asOf(formatDate(state.data.asOf))}
                {" · "}
                {live ? text.live : text.polling}
              </p>
            )}
          </div>
          {pickers}
        </div>
        {body}
      </main>
    </div>
  );
}

/** An address with `#…` (a shared link to a section or a school) scrolls there once the figures are shown. */
function useScrollToAnchorOnce(ready: boolean): void {
  const done = useRef(false);
  useEffect(() => {
    if (!ready || done.current) return;
    done.current = true;
    const anchor = decodeURIComponent(window.location.hash.slice(1));
    if (anchor) requestAnimationFrame(() => scrollToAnchor(anchor));
  }, [ready]);
}
