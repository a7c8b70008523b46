import {
  type AuditEntry,
  auditEntry,
  type CreateSchoolRequest,
  type Organisation,
  organisation,
  type SchoolStatus,
  type SchoolType,
  type StatusesByYearResponse,
  statusesByYearResponse,
  type YearlyDocumentsResponse,
  yearlyDocumentsResponse,
} from "@karta/schema";
import { apiRequest } from "./http.ts";

const organisations = organisation.array();

/** The organisations this user sees: their part of region → municipality → schools, with statuses by year. */
export function fetchOrganisations(signal?: AbortSignal): Promise<Organisation[]> {
  return apiRequest("/api/organisations", organisations, { signal });
}

export function createSchool(request: CreateSchoolRequest): Promise<Organisation> {
  return apiRequest("/api/organisations", organisation, { method: "POST", body: request });
}

export function updateSchool(id: string, changes: { name?: string; schoolType?: SchoolType }): Promise<Organisation> {
  return apiRequest(`/api/organisations/${encodeURIComponent(id)}`, organisation, { method: "PATCH", body: changes });
}

/** Sets (or with null removes) a school's status for a year. */
export function setSchoolStatus(id: string, year: number, status: SchoolStatus | null): Promise<Organisation> {
  return apiRequest(`/api/organisations/${encodeURIComponent(id)}/status`, organisation, {
    method: "PUT",
    body: { year, status },
  });
}

/** The ШНОР list by year of a municipality, computed by the server from the registry. */
export function fetchStatusesByYear(organisationId: string, signal?: AbortSignal): Promise<StatusesByYearResponse> {
  return apiRequest(
    `/api/organisations/${encodeURIComponent(organisationId)}/statuses-by-year`,
    statusesByYearResponse,
    {
      signal,
    },
  );
}

/**
 * Creates the year's documents of a municipality (its own and its ШНОР schools') or of one school;
 * with `copyFrom`, each starts from that year's document of the same template and organisation.
 */
export function createYearlyDocuments(
  organisationId: string,
  year: number,
  copyFrom?: number,
): Promise<YearlyDocumentsResponse> {
  return apiRequest(
    `/api/organisations/${encodeURIComponent(organisationId)}/yearly-documents`,
    yearlyDocumentsResponse,
    {
      method: "POST",
      body: copyFrom === undefined ? { year } : { year, copyFrom },
    },
  );
}

const auditEntries = auditEntry.array();

/** The audit log of the coordinator's organisations, newest first; with `before`, the entries older than that id. */
export function fetchAudit(page: { limit: number; before?: number }, signal?: AbortSignal): Promise<AuditEntry[]> {
  const before = page.before === undefined ? "" : `&before=${page.before}`;
  return apiRequest(`/api/audit?limit=${page.limit}${before}`, auditEntries, { signal });
}
