import {
  type CreateRegistryPersonRequest,
  type GrantRoleRequest,
  type Invitation,
  type InvitePersonRequest,
  type InvitePersonResponse,
  invitation,
  invitePersonResponse,
  type Person,
  person,
  type RegistryPerson,
  registryPerson,
  type UpdateRegistryPersonRequest,
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

const registryUrl = (id: string) => `/api/people/registry/${encodeURIComponent(id)}`;

/** People without accounts (named in «Ответственные», never signing in) that this coordinator keeps. */
export function fetchRegistryPeople(signal?: AbortSignal): Promise<RegistryPerson[]> {
  return apiRequest("/api/people/registry", registryPerson.array(), { signal });
}

export function addRegistryPerson(request: CreateRegistryPersonRequest): Promise<RegistryPerson> {
  return apiRequest("/api/people/registry", registryPerson, { method: "POST", body: request });
}

export function updateRegistryPerson(id: string, request: UpdateRegistryPersonRequest): Promise<RegistryPerson> {
  return apiRequest(registryUrl(id), registryPerson, { method: "PATCH", body: request });
}

export function removeRegistryPerson(id: string): Promise<void> {
  return apiRequest(registryUrl(id), null, { method: "DELETE" });
}
