import {
  type GrantRoleRequest,
  type Invitation,
  type InvitePersonRequest,
  type InvitePersonResponse,
  invitation,
  invitePersonResponse,
  type Person,
  person,
} from "@karta/schema";
import { apiRequest } from "./http.ts";

const people = person.array();
const personUrl = (id: string) => `/api/people/${encodeURIComponent(id)}`;

/** The people of the coordinator's organisations. */
export function fetchPeople(signal?: AbortSignal): Promise<Person[]> {
  return apiRequest("/api/people", people, { signal });
}

/** Creates the account with one role and returns its one-time invitation link. */
export function invitePerson(request: InvitePersonRequest): Promise<InvitePersonResponse> {
  return apiRequest("/api/people", invitePersonResponse, { method: "POST", body: request });
}

export function grantRole(personId: string, request: GrantRoleRequest): Promise<Person> {
  return apiRequest(`${personUrl(personId)}/roles`, person, { method: "POST", body: request });
}

export function revokeRole(personId: string, grantId: string): Promise<Person> {
  return apiRequest(`${personUrl(personId)}/roles/${encodeURIComponent(grantId)}`, person, { method: "DELETE" });
}

export function setCuratedSchools(personId: string, schoolIds: readonly string[]): Promise<Person> {
  return apiRequest(`${personUrl(personId)}/curated-schools`, person, {
    method: "PUT",
    body: { schoolIds: [...schoolIds] },
  });
}

/** A new one-time link for the person (a forgotten password, an expired invitation). */
export function newInvitation(personId: string): Promise<Invitation> {
  return apiRequest(`${personUrl(personId)}/invitation`, invitation, { method: "POST" });
}
