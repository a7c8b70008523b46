import type { Organisation, RegistryPerson } from "@karta/schema";
import { type FormEvent, useState } from "react";
import { failureMessage } from "../api/http.ts";
import { addRegistryPerson, removeRegistryPerson, updateRegistryPerson } from "../api/peopleApi.ts";
import { messages } from "../messages.ts";
import { Field } from "../ui/Field.tsx";
import { showToast } from "../ui/toasts.ts";

export interface RegistrySectionProps {
  readonly people: readonly RegistryPerson[];
  readonly names: ReadonlyMap<string, string>;
  /** Where such a person can belong: the organisations this coordinator manages. */
  readonly organisations: readonly Organisation[];
  /** After an addition or a change (the person), or a removal (null). */
  readonly onChanged: (id: string, person: RegistryPerson | null) => void;
}

/**
 * «Без учётной записи»: people named in «Ответственные» who never sign in
 * (a director of a municipal institution), offered in the picker like accounts.
 */
export function RegistrySection({ people, names, organisations, onChanged }: RegistrySectionProps) {
  const [editing, setEditing] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const t = messages.people.registry;

  const remove = async (person: RegistryPerson) => {
    if (!window.confirm(t.removeConfirm(person.label))) return;
    setBusy(true);
    try {
      await removeRegistryPerson(person.id);
      onChanged(person.id, null);
      showToast(t.removed);
    } catch (error) {
      showToast(failureMessage(error), "error");
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="k-card k-registry k-registry-people" data-testid="registry-people">
      <div className="k-registry-head">
        <h2 className="k-card-title">{t.heading}</h2>
        <p className="k-muted k-registry-intro">{t.intro}</p>
      </div>
      <div className="k-table-scroll">
        <table className="k-table k-people-table">
          <thead>
            <tr>
              <th>{messages.people.name}</th>
              <th>{messages.people.position}</th>
              <th className="k-col-organisation">{messages.people.organisation}</th>
              <th className="k-col-actions">
                <span className="k-visually-hidden">{messages.people.actions}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {people.length === 0 && (
              <tr>
                <td colSpan={4} className="k-muted">
                  {t.empty}
                </td>
              </tr>
            )}
            {people.map((person) =>
              editing === person.id ? (
                <tr key={person.id} data-testid="registry-row">
                  <td colSpan={4}>
                    <RegistryForm
                      person={person}
                      organisations={organisations}
                      onCancel={() => setEditing(null)}
                      onSaved={(saved) => {
                        onChanged(saved.id, saved);
                        setEditing(null);
                        showToast(t.saved);
                      }}
                    />
                  </td>
                </tr>
              ) : (
                <tr key={person.id} data-testid="registry-row">
                  <th scope="row">
                    <div className="k-person">
                      <span className="k-person-name">{person.fullName}</span>
                      <span className="k-muted k-person-position">{t.shownAs(person.label)}</span>
                    </div>
                  </th>
                  <td>{person.position}</td>
                  <td className="k-col-organisation">{names.get(person.organisationId) ?? ""}</td>
                  <td className="k-col-actions">
                    <div className="k-row-form-actions">
                      <button
                        type="button"
                        className="k-button k-button-small"
                        disabled={busy}
                        onClick={() => setEditing(person.id)}
                      >
                        {t.edit}
                      </button>
                      <button
                        type="button"
                        className="k-button k-button-small"
                        disabled={busy}
                        onClick={() => void remove(person)}
                      >
                        {t.remove}
                      </button>
                    </div>
                  </td>
                </tr>
              ),
            )}
          </tbody>
        </table>
      </div>
      <RegistryForm organisations={organisations} onSaved={(saved) => onChanged(saved.id, saved)} />
    </section>
  );
}

/** Adds a person (no `person`) or changes one: ФИО, должность, организация. */
function RegistryForm({
  person,
  organisations,
  onSaved,
  onCancel,
}: {
  readonly person?: RegistryPerson;
  readonly organisations: readonly Organisation[];
  readonly onSaved: (person: RegistryPerson) => void;
  readonly onCancel?: () => void;
}) {
  const t = messages.people.registry;
  const [fullName, setFullName] = useState(person?.fullName ?? "");
  const [position, setPosition] = useState(person?.position ?? "");
  const [organisationId, setOrganisationId] = useState(person?.organisationId ?? organisations[0]?.id ?? "");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const chosen = organisations.find((o) => o.id === organisationId) ?? (person ? undefined : organisations[0]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (fullName.trim().length < 3) return setError(messages.people.fullNameRequired);
    const request = {
      fullName: fullName.trim(),
      position: position.trim(),
      organisationId: chosen?.id ?? organisationId,
    };
    setBusy(true);
    setError(null);
    try {
      const saved = person ? await updateRegistryPerson(person.id, request) : await addRegistryPerson(request);
      onSaved(saved);
      if (!person) {
        setFullName("");
        setPosition("");
        showToast(t.added);
      }
    } catch (failure) {
      setError(failureMessage(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="k-inline-form"
      onSubmit={submit}
      data-testid={person ? "registry-edit" : "registry-add"}
      noValidate
    >
      {!person && <span className="k-inline-form-title">{t.addHeading}</span>}
      <Field label={messages.people.fullName} grow>
        <input
          value={fullName}
          onChange={(e) => setFullName(e.target.value)}
          placeholder={t.fullNamePlaceholder}
          maxLength={200}
          disabled={busy}
        />
      </Field>
      <Field label={messages.people.position} grow>
        <input
          value={position}
          onChange={(e) => setPosition(e.target.value)}
          placeholder={t.positionPlaceholder}
          maxLength={200}
          disabled={busy}
        />
      </Field>
      <Field label={messages.people.organisation}>
        <select value={organisationId} onChange={(e) => setOrganisationId(e.target.value)} disabled={busy}>
          {organisations.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </select>
      </Field>
      <button type="submit" className="k-button k-button-primary" disabled={busy || organisations.length === 0}>
        {person ? t.save : t.add}
      </button>
      {onCancel && (
        <button type="button" className="k-button" onClick={onCancel} disabled={busy}>
          {messages.people.cancel}
        </button>
      )}
      {error && (
        <p className="k-form-error k-inline-form-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
