import { type ReactNode, useEffect } from "react";
import { messages } from "../messages.ts";
import type { PageName } from "../router/routes.ts";
import { AppHeader } from "../ui/AppHeader.tsx";
import "./admin.css";

/** A coordinator's page: the header with its section marked, a title, a line about it, and the content. */
export function AdminLayout({
  page,
  title,
  intro,
  actions,
  children,
}: {
  readonly page: PageName;
  readonly title: string;
  readonly intro: string;
  readonly actions?: ReactNode;
  readonly children: ReactNode;
}) {
  useEffect(() => {
    window.document.title = `${title} — ${messages.appName}`;
  }, [title]);
  return (
    <div className="k-list-page">
      <AppHeader current={page} />
      <main className="k-admin-main">
        <div className="k-admin-heading">
          <div>
            <h1 className="k-page-title">{title}</h1>
            <p className="k-muted k-admin-intro">{intro}</p>
          </div>
          {actions}
        </div>
        {children}
      </main>
    </div>
  );
}

/** Loading and failure of a page's data, said the same way on every coordinator page. */
export function LoadState({
  loading,
  error,
  onRetry,
}: {
  readonly loading: string;
  readonly error: string | null;
  readonly onRetry: () => void;
}) {
  if (error) {
    return (
      <div className="k-banner k-banner-error" role="alert">
        <span>{error}</span>
        <button type="button" className="k-button" onClick={onRetry}>
          {messages.documents.retry}
        </button>
      </div>
    );
  }
  return <p className="k-muted">{loading}</p>;
}
