import { type InvitePersonResponse, login as loginSchema, type Organisation, type Role, rolesFor } from "@karta/schema";
import { type FormEvent, useState } from "react";
import { failureMessage } from "../api/http.ts";
import { invitePerson } from "../api/peopleApi.ts";
import { messages } from "../messages.ts";
import { Field } from "../ui/Field.tsx";

/** «Пригласить человека»: ФИО, должность, организация, логин, роль → a person and a one-time link. */
export function InviteForm({
  organisations,
  onInvited,
}: {
  readonly organisations: readonly Organisation[];
  readonly onInvited: (result: InvitePersonResponse) => void;
}) {
  const [fullName, setFullName] = useState("");
  const [position, setPosition] = useState("");
  const [organisationId, setOrganisationId] = useState(organisations[0]?.id ?? "");
  const [login, setLogin] = useState("");
  const [role, setRole] = useState<Role>("school_team");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const chosen = organisations.find((o) => o.id === organisationId) ?? organisations[0];
  // The role is granted on the person's organisation: only the roles that fit its kind.
  const roles = chosen ? rolesFor(chosen.kind) : [];
  const chosenRole = roles.includes(role) ? role : roles[0];

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (fullName.trim().length < 3) return setError(messages.people.fullNameRequired);
    const parsedLogin = loginSchema.safeParse(login);
    if (!parsedLogin.success) return setError(messages.people.loginInvalid);
    if (!chosen || !chosenRole) return;
    setBusy(true);
    setError(null);
    try {
      const result = await invitePerson({
        fullName: fullName.trim(),
        position: position.trim(),
        organisationId: chosen.id,
        login: parsedLogin.data,
        role: chosenRole,
      });
      onInvited(result);
      setFullName("");
      setPosition("");
      setLogin("");
    } catch (failure) {
      setError(failureMessage(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="k-card k-create" onSubmit={submit} data-testid="invite-form" noValidate>
      <h2 className="k-card-title">{messages.people.inviteHeading}</h2>
      <Field label={messages.people.fullName}>
        <input
          value={fullName}
          onChange={(e) => setFullName(e.target.value)}
          placeholder={messages.people.fullNamePlaceholder}
          maxLength={200}
          disabled={busy}
        />
      </Field>
      <Field label={messages.people.position}>
        <input
          value={position}
          onChange={(e) => setPosition(e.target.value)}
          placeholder={messages.people.positionPlaceholder}
          maxLength={200}
          disabled={busy}
        />
      </Field>
      <Field label={messages.people.inviteOrganisation}>
        <select value={chosen?.id ?? ""} onChange={(e) => setOrganisationId(e.target.value)} disabled={busy}>
          {organisations.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </select>
      </Field>
      <Field label={messages.people.loginField} hint={messages.people.loginHint}>
        <input
          value={login}
          onChange={(e) => setLogin(e.target.value)}
          placeholder={messages.people.loginPlaceholder}
          autoCapitalize="none"
          autoComplete="off"
          spellCheck={false}
          maxLength={64}
          disabled={busy}
        />
      </Field>
      <Field label={messages.people.role}>
        <select value={chosenRole} onChange={(e) => setRole(e.target.value as Role)} disabled={busy}>
          {roles.map((r) => (
            <option key={r} value={r}>
              {messages.roles[r]}
            </option>
          ))}
        </select>
      </Field>
      {error && (
        <p className="k-form-error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" className="k-button k-button-primary" disabled={busy || !chosen}>
        {busy ? messages.people.inviting : messages.people.inviteSubmit}
      </button>
    </form>
  );
}
