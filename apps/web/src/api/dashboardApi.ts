import { type DashboardResponse, dashboardResponse } from "@karta/schema";
import { apiRequest } from "./http.ts";

function dashboardUrl(organisationId: string): string {
  return `/api/organisations/${encodeURIComponent(organisationId)}/dashboard`;
}

/** «Мониторинг» of a municipality for a year (403: not this person's to monitor; 404: no such municipality). */
export function fetchDashboard(organisationId: string, year: number, signal?: AbortSignal): Promise<DashboardResponse> {
  return apiRequest(
    `${dashboardUrl(organisationId)}?${new URLSearchParams({ year: String(year) })}`,
    dashboardResponse,
    {
      signal,
    },
  );
}

/** The Server-Sent Events stream that says `changed` whenever the municipality's figures may have changed. */
export function dashboardEventsUrl(organisationId: string): string {
  return `${dashboardUrl(organisationId)}/events`;
}
