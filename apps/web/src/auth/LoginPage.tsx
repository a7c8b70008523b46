import { type FormEvent, useEffect, useState } from "react";
import { messages } from "../messages.ts";
import { signIn, useSession } from "../session/sessionStore.ts";
import { Field } from "../ui/Field.tsx";
import { Logo } from "../ui/Logo.tsx";
import { loginErrorMessage } from "./loginError.ts";
import "../ui/ui.css";
import "./auth.css";

/**
 * «Вход»: login and password. Where to go afterwards is the guard's business
 * (the `next` of this page's address); this page only signs in.
 */
export function LoginPage() {
  const session = useSession();
  const [login, setLogin] = useState("");
  const [password, setPassword] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const ended = session.status === "signedOut" && session.ended === true;

  useEffect(() => {
    window.document.title = `${messages.login.pageTitle} — ${messages.appName}`;
  }, []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (login.trim() === "" || password === "") {
      setError(messages.login.required);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await signIn(login.trim(), password);
    } catch (failure) {
      setError(loginErrorMessage(failure));
      setPassword("");
      setBusy(false);
    }
  };

  return (
    <div className="k-auth-page">
      <form className="k-card k-auth-card" onSubmit={submit} data-testid="login-form" noValidate>
        <div className="k-auth-brand">
          <Logo size={36} />
          <div>
            <div className="k-app-name">{messages.appName}</div>
            <div className="k-muted k-auth-tagline">{messages.appTagline}</div>
          </div>
        </div>
        <h1 className="k-auth-title">{messages.login.heading}</h1>
        {ended && !error && (
          <p className="k-banner k-banner-info" role="status">
            {messages.login.sessionEnded}
          </p>
        )}
        <p className="k-muted k-auth-intro">{messages.login.intro}</p>
        <Field label={messages.login.login}>
          <input
            name="username"
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            value={login}
            onChange={(e) => setLogin(e.target.value)}
            disabled={busy}
            // biome-ignore lint/a11y/noAutofocus: the page exists only to take this answer
            autoFocus
          />
        </Field>
        <Field label={messages.login.password}>
          <input
            type="password"
            name="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            disabled={busy}
          />
        </Field>
        {error && (
          <p className="k-form-error" role="alert" data-testid="login-error">
            {error}
          </p>
        )}
        <button type="submit" className="k-button k-button-primary k-button-wide" disabled={busy}>
          {busy ? messages.login.submitting : messages.login.submit}
        </button>
        <p className="k-muted k-auth-note">{messages.login.forgot}</p>
      </form>
    </div>
  );
}
