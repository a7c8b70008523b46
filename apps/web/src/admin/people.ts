import type { Organisation, Person, RegistryPerson, Role } from "@karta/schema";
import { byName } from "../organisations/tree.ts";

/** People sorted for the list: by ФИО, the not-yet-active ones among the rest. */
export function sortPeople(list: readonly Person[]): Person[] {
  return [...list].sort((a, b) => byName({ name: a.fullName }, { name: b.fullName }));
}

/** Organisations a coordinator can pick (where a person works, where a role is granted): municipalities first. */
export function pickableOrganisations(list: readonly Organisation[], managed: ReadonlySet<string>): Organisation[] {
  const rank = { region: 0, municipality: 1, school: 2 } as const;
  return list.filter((o) => managed.has(o.id)).sort((a, b) => rank[a.kind] - rank[b.kind] || byName(a, b));
}

/** The managed schools, for a curator's assignment. */
export function managedSchools(list: readonly Organisation[], managed: ReadonlySet<string>): Organisation[] {
  return list.filter((o) => o.kind === "school" && managed.has(o.id)).sort(byName);
}

/** Whether a person holds a role anywhere. */
export function hasRole(person: Person, role: Role): boolean {
  return person.roles.some((g) => g.role === role);
}

/** The full address of an invitation link for copying: the server gives a path of this site. */
export function invitationUrl(path: string, origin: string): string {
  return new URL(path, origin).toString();
}

/** A list with one person replaced by their newer copy (or added first). */
export function withPerson(list: readonly Person[], changed: Person): Person[] {
  return list.some((p) => p.id === changed.id)
    ? list.map((p) => (p.id === changed.id ? changed : p))
    : [changed, ...list];
}

/** The registry of people without accounts after one was added or changed (kept by ФИО) or removed (`null`). */
export function withRegistryPerson(
  list: readonly RegistryPerson[],
  id: string,
  changed: RegistryPerson | null,
): RegistryPerson[] {
  const rest = list.filter((p) => p.id !== id);
  return (changed ? [...rest, changed] : rest).sort((a, b) => byName({ name: a.fullName }, { name: b.fullName }));
}
