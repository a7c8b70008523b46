import { type Invitation, type Organisation, type Person, ROLE_PLACES, ROLES, type Role } from "@karta/schema";
import { type FormEvent, useState } from "react";
import { failureMessage } from "../api/http.ts";
import { grantRole, newInvitation, revokeRole, setCuratedSchools } from "../api/peopleApi.ts";
import { messages } from "../messages.ts";
import { showToast } from "../ui/toasts.ts";
import { hasRole } from "./people.ts";

export interface PersonRowProps {
  readonly person: Person;
  readonly names: ReadonlyMap<string, string>;
  /** Where a role can be granted. */
  readonly organisations: readonly Organisation[];
  /** What a curator can be assigned. */
  readonly schools: readonly Organisation[];
  readonly onChanged: (person: Person) => void;
  readonly onInvitation: (person: Person, invitation: Invitation) => void;
}

type Editing = "none" | "grant" | "curated";

/** One person: who they are, their roles (grant, revoke), a curator's schools, a new link. */
export function PersonRow({ person, names, organisations, schools, onChanged, onInvitation }: PersonRowProps) {
  const [editing, setEditing] = useState<Editing>("none");
  const [busy, setBusy] = useState(false);
  const nameOf = (id: string) => names.get(id) ?? messages.people.otherOrganisation;

  const run = async <T,>(action: () => Promise<T>, done: (result: T) => void) => {
    setBusy(true);
    try {
      done(await action());
    } catch (error) {
      showToast(failureMessage(error), "error");
    } finally {
      setBusy(false);
    }
  };

  const revoke = (grantId: string, role: string) => {
    if (!window.confirm(messages.people.revokeConfirm(role, person.fullName))) return;
    void run(
      () => revokeRole(person.id, grantId),
      (changed) => {
        onChanged(changed);
        showToast(messages.people.revoked);
      },
    );
  };

  const isCurator = hasRole(person, "curator");
  return (
    <tr data-testid="person-row" data-login={person.login}>
      <th scope="row">
        <div className="k-person">
          <span className="k-person-name">{person.fullName}</span>
          <span className="k-person-login">{person.login}</span>
          {person.position && <span className="k-muted k-person-position">{person.position}</span>}
          {!person.active && <span className="k-badge-pending">{messages.people.notActive}</span>}
        </div>
      </th>
      <td className="k-col-organisation">{nameOf(person.organisationId)}</td>
      <td>
        <ul className="k-role-list">
          {person.roles.length === 0 && <li className="k-muted">{messages.people.noRoles}</li>}
          {person.roles.map((grant) => {
            const role = messages.roles[grant.role] ?? grant.role;
            return (
              <li key={grant.id} className="k-role-chip">
                <span>{messages.people.roleAt(role, nameOf(grant.organisationId))}</span>
                <button
                  type="button"
                  className="k-chip-remove"
                  title={messages.people.revokeHint(role)}
                  aria-label={messages.people.revokeHint(role)}
                  disabled={busy}
                  onClick={() => revoke(grant.id, role)}
                >
                  ×
                </button>
              </li>
            );
          })}
        </ul>
        {editing === "grant" ? (
          <GrantForm
            organisations={organisations}
            busy={busy}
            onCancel={() => setEditing("none")}
            onGrant={(role, organisationId) =>
              run(
                () => grantRole(person.id, { role, organisationId }),
                (changed) => {
                  onChanged(changed);
                  setEditing("none");
                  showToast(messages.people.granted);
                },
              )
            }
          />
        ) : (
          <button type="button" className="k-link-button" onClick={() => setEditing("grant")} disabled={busy}>
            {messages.people.grant}
          </button>
        )}
      </td>
      <td>
        {editing === "curated" ? (
          <CuratedForm
            schools={schools}
            initial={person.curatedSchoolIds}
            busy={busy}
            onCancel={() => setEditing("none")}
            onSave={(ids) =>
              run(
                () => setCuratedSchools(person.id, ids),
                (changed) => {
                  onChanged(changed);
                  setEditing("none");
                  showToast(messages.people.curatedSaved);
                },
              )
            }
          />
        ) : (
          <>
            {person.curatedSchoolIds.length > 0 ? (
              <ul className="k-plain-list">
                {person.curatedSchoolIds.map((id) => (
                  <li key={id}>{nameOf(id)}</li>
                ))}
              </ul>
            ) : (
              isCurator && <span className="k-muted">{messages.people.noCurated}</span>
            )}
            {isCurator && (
              <button type="button" className="k-link-button" onClick={() => setEditing("curated")} disabled={busy}>
                {messages.people.editCurated}
              </button>
            )}
          </>
        )}
      </td>
      <td className="k-col-actions">
        <button
          type="button"
          className="k-button k-button-small"
          title={messages.people.newLinkHint}
          disabled={busy}
          onClick={() => {
            // For someone who already signs in, the link replaces their password once used.
            if (person.active && !window.confirm(messages.people.newLinkConfirm(person.fullName))) return;
            run(
              () => newInvitation(person.id),
              (invitation) => onInvitation(person, invitation),
            );
          }}
        >
          {messages.people.newLink}
        </button>
      </td>
    </tr>
  );
}

function GrantForm({
  organisations,
  busy,
  onCancel,
  onGrant,
}: {
  readonly organisations: readonly Organisation[];
  readonly busy: boolean;
  readonly onCancel: () => void;
  readonly onGrant: (role: Role, organisationId: string) => void;
}) {
  const [role, setRole] = useState<Role>("viewer");
  const [organisationId, setOrganisationId] = useState(organisations[0]?.id ?? "");
  // Only the places where the chosen role may be granted (a school team: schools).
  const places = organisations.filter((o) => ROLE_PLACES[role].includes(o.kind));
  const where = places.find((o) => o.id === organisationId) ?? places[0];
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (where) onGrant(role, where.id);
  };
  return (
    <form className="k-row-form" onSubmit={submit} data-testid="grant-form">
      <select aria-label={messages.people.grantRole} value={role} onChange={(e) => setRole(e.target.value as Role)}>
        {ROLES.map((r) => (
          <option key={r} value={r}>
            {messages.roles[r]}
          </option>
        ))}
      </select>
      <select
        aria-label={messages.people.grantWhere}
        value={where?.id ?? ""}
        onChange={(e) => setOrganisationId(e.target.value)}
      >
        {places.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </select>
      <div className="k-row-form-actions">
        <button type="submit" className="k-button k-button-small k-button-primary" disabled={busy}>
          {messages.people.grantSubmit}
        </button>
        <button type="button" className="k-button k-button-small" onClick={onCancel}>
          {messages.people.cancel}
        </button>
      </div>
    </form>
  );
}

function CuratedForm({
  schools,
  initial,
  busy,
  onCancel,
  onSave,
}: {
  readonly schools: readonly Organisation[];
  readonly initial: readonly string[];
  readonly busy: boolean;
  readonly onCancel: () => void;
  readonly onSave: (ids: string[]) => void;
}) {
  const [chosen, setChosen] = useState(() => new Set(initial));
  const toggle = (id: string) =>
    setChosen((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSave(schools.filter((s) => chosen.has(s.id)).map((s) => s.id));
  };
  return (
    <form className="k-row-form" onSubmit={submit} data-testid="curated-form">
      <div className="k-check-list">
        {schools.map((school) => (
          <label key={school.id} className="k-check">
            <input type="checkbox" checked={chosen.has(school.id)} onChange={() => toggle(school.id)} />
            {school.name}
          </label>
        ))}
      </div>
      <div className="k-row-form-actions">
        <button type="submit" className="k-button k-button-small k-button-primary" disabled={busy}>
          {messages.people.saveCurated}
        </button>
        <button type="button" className="k-button k-button-small" onClick={onCancel}>
          {messages.people.cancel}
        </button>
      </div>
    </form>
  );
}
