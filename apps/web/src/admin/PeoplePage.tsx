import type { Invitation, Organisation, Person, RegistryPerson } from "@karta/schema";
import { useCallback, useMemo, useState } from "react";
import { fetchPeople, fetchRegistryPeople } from "../api/peopleApi.ts";
import { fetchOrganisations } from "../api/registryApi.ts";
import { useResource } from "../api/useResource.ts";
import { messages } from "../messages.ts";
import { managedIds } from "../organisations/tree.ts";
import { useSignedInUser } from "../session/sessionStore.ts";
import { AdminLayout, LoadState } from "./AdminLayout.tsx";
import { InvitationNotice, type IssuedInvitation } from "./InvitationNotice.tsx";
import { InviteForm } from "./InviteForm.tsx";
import { PersonRow } from "./PersonRow.tsx";
import { managedSchools, pickableOrganisations, sortPeople, withPerson, withRegistryPerson } from "./people.ts";
import { RegistrySection } from "./RegistrySection.tsx";

interface Directory {
  readonly people: Person[];
  readonly organisations: Organisation[];
  /** People without accounts. */
  readonly registry: RegistryPerson[];
}

/** «Люди»: the coordinator's people, their roles and curated schools, and invitations. */
export function PeoplePage() {
  const user = useSignedInUser();
  const { state, reload, replace } = useResource(
    useCallback(async (signal: AbortSignal): Promise<Directory> => {
      const [people, organisations, registry] = await Promise.all([
        fetchPeople(signal),
        fetchOrganisations(signal),
        fetchRegistryPeople(signal),
      ]);
      return { people, organisations, registry };
    }, []),
  );
  const [issued, setIssued] = useState<IssuedInvitation | null>(null);

  const data = state.status === "ready" ? state.data : null;
  const managed = useMemo(
    () => (data && user ? managedIds(data.organisations, user) : new Set<string>()),
    [data, user],
  );
  const pickable = useMemo(() => (data ? pickableOrganisations(data.organisations, managed) : []), [data, managed]);
  const schools = useMemo(() => (data ? managedSchools(data.organisations, managed) : []), [data, managed]);
  const names = useMemo(() => new Map((data?.organisations ?? []).map((o) => [o.id, o.name])), [data]);
  const people = useMemo(() => (data ? sortPeople(data.people) : []), [data]);

  const changed = useCallback(
    (person: Person) => replace((d) => ({ ...d, people: withPerson(d.people, person) })),
    [replace],
  );
  const registryChanged = useCallback(
    (id: string, person: RegistryPerson | null) =>
      replace((d) => ({ ...d, registry: withRegistryPerson(d.registry, id, person) })),
    [replace],
  );
  const issue = useCallback((person: Person, invitation: Invitation) => {
    setIssued({ fullName: person.fullName, path: invitation.path, expiresAt: invitation.expiresAt });
    window.scrollTo({ top: 0, behavior: "smooth" });
  }, []);

  return (
    <AdminLayout page="people" title={messages.people.pageTitle} intro={messages.people.intro}>
      {issued && <InvitationNotice invitation={issued} onClose={() => setIssued(null)} />}
      {!data ? (
        <LoadState
          loading={messages.people.loading}
          error={state.status === "error" ? state.message : null}
          onRetry={reload}
        />
      ) : (
        <div className="k-admin-columns">
          <section className="k-card k-card-flush" data-testid="people-list">
            <div className="k-table-scroll">
              <table className="k-table k-people-table">
                <thead>
                  <tr>
                    <th>{messages.people.name}</th>
                    <th className="k-col-organisation">{messages.people.organisation}</th>
                    <th className="k-col-roles">{messages.people.roles}</th>
                    <th className="k-col-curated">{messages.people.curated}</th>
                    <th className="k-col-actions">
                      <span className="k-visually-hidden">{messages.people.actions}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {people.length === 0 && (
                    <tr>
                      <td colSpan={5} className="k-muted">
                        {messages.people.empty}
                      </td>
                    </tr>
                  )}
                  {people.map((person) => (
                    <PersonRow
                      key={person.id}
                      person={person}
                      names={names}
                      organisations={pickable}
                      schools={schools}
                      onChanged={changed}
                      onInvitation={issue}
                    />
                  ))}
                </tbody>
              </table>
            </div>
          </section>
          <aside>
            <InviteForm
              organisations={pickable}
              onInvited={({ person, invitation }) => {
                changed(person);
                issue(person, invitation);
              }}
            />
          </aside>
          <RegistrySection people={data.registry} names={names} organisations={pickable} onChanged={registryChanged} />
        </div>
      )}
    </AdminLayout>
  );
}
