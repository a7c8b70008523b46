import { type InvitationInfo, MIN_PASSWORD_LENGTH } from "@karta/schema";
import { type FormEvent, useEffect, useState } from "react";
import { ApiRequestError, failureMessage } from "../api/http.ts";
import { acceptInvitation, getInvitation } from "../api/sessionApi.ts";
import { messages } from "../messages.ts";
import { Link } from "../router/Link.tsx";
import { navigate } from "../router/navigation.ts";
import { PATHS } from "../router/routes.ts";
import { signedIn } from "../session/sessionStore.ts";
import { Field } from "../ui/Field.tsx";
import { Logo } from "../ui/Logo.tsx";
import { passwordProblem } from "./passwordRules.ts";
import "../ui/ui.css";
import "./auth.css";

type LinkState =
  | { readonly status: "loading" }
  | { readonly status: "ready"; readonly info: InvitationInfo }
  | { readonly status: "failed"; readonly message: string };

/**
 * /invite/<token>: whom the link is for, a new password twice, and then the
 * person is signed in and lands on the documents list.
 */
export function InvitePage({ token }: { readonly token: string }) {
  const [link, setLink] = useState<LinkState>({ status: "loading" });
  const [password, setPassword] = useState("");
  const [repeat, setRepeat] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    window.document.title = `${messages.invite.pageTitle} — ${messages.appName}`;
    const abort = new AbortController();
    getInvitation(token, abort.signal)
      .then((info) => setLink({ status: "ready", info }))
      .catch((failure: unknown) => {
        if (!abort.signal.aborted) setLink({ status: "failed", message: invitationProblem(failure) });
      });
    return () => abort.abort();
  }, [token]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problem = passwordProblem(password, repeat);
    if (problem) {
      setError(problem);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      signedIn(await acceptInvitation(token, password));
      navigate(PATHS.documents, { replace: true });
    } catch (failure) {
      if (failure instanceof ApiRequestError && (failure.status === 404 || failure.status === 410)) {
        setLink({ status: "failed", message: invitationProblem(failure) });
      } else setError(failureMessage(failure));
      setBusy(false);
    }
  };

  return (
    <div className="k-auth-page">
      <div className="k-card k-auth-card" data-testid="invite-page">
        <div className="k-auth-brand">
          <Logo size={36} />
          <div>
            <div className="k-app-name">{messages.appName}</div>
            <div className="k-muted k-auth-tagline">{messages.appTagline}</div>
          </div>
        </div>
        {link.status === "loading" && <p className="k-muted">{messages.invite.loading}</p>}
        {link.status === "failed" && (
          <>
            <p className="k-banner k-banner-error" role="alert" data-testid="invite-error">
              {link.message}
            </p>
            <Link to={PATHS.login}>{messages.invite.toLogin}</Link>
          </>
        )}
        {link.status === "ready" && (
          <form className="k-auth-form" onSubmit={submit} noValidate>
            <h1 className="k-auth-title">{messages.invite.greeting(link.info.fullName)}</h1>
            <p className="k-auth-login">
              {messages.invite.yourLogin} <strong data-testid="invite-login">{link.info.login}</strong>
            </p>
            <p className="k-muted k-auth-intro">{messages.invite.intro}</p>
            {/* For the browser's password manager: which account this password belongs to. */}
            <input type="hidden" name="username" autoComplete="username" value={link.info.login} />
            <Field label={messages.invite.password}>
              <input
                type="password"
                autoComplete="new-password"
                minLength={MIN_PASSWORD_LENGTH}
                value={password}
                onChange={(e) => setPassword(e.target.value)}
                disabled={busy}
                // biome-ignore lint/a11y/noAutofocus: the page exists only to take this answer
                autoFocus
              />
            </Field>
            <Field label={messages.invite.repeat}>
              <input
                type="password"
                autoComplete="new-password"
                value={repeat}
                onChange={(e) => setRepeat(e.target.value)}
                disabled={busy}
              />
            </Field>
            {error && (
              <p className="k-form-error" role="alert" data-testid="invite-form-error">
                {error}
              </p>
            )}
            <button type="submit" className="k-button k-button-primary k-button-wide" disabled={busy}>
              {busy ? messages.invite.submitting : messages.invite.submit}
            </button>
          </form>
        )}
      </div>
    </div>
  );
}

function invitationProblem(failure: unknown): string {
  if (failure instanceof ApiRequestError) {
    if (failure.status === 404) return messages.invite.notFound;
    if (failure.status === 410) return failure.message || messages.invite.gone;
  }
  return failureMessage(failure);
}
