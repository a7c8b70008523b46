import type { ReactNode } from "react";
import { messages } from "../messages.ts";
import { Link } from "../router/Link.tsx";
import { Logo } from "../ui/Logo.tsx";
import { UserBadge } from "../ui/UserBadge.tsx";
import "../ui/ui.css";

export interface DocumentHeaderProps {
  readonly title: string;
  /** Organisation, template, year: whatever is known. */
  readonly details: readonly string[];
  readonly status?: ReactNode;
  readonly people?: ReactNode;
  /** Buttons of the whole document (the discussion panel's). */
  readonly actions?: ReactNode;
}

/** The document's title bar: the way back, what this document is, its save state, who is here and who is signed in. */
export function DocumentHeader({ title, details, status, people, actions }: DocumentHeaderProps) {
  return (
    <header className="k-doc-header">
      <Link
        to="/"
        className="k-brand-mark"
        title={messages.document.backToList}
        aria-label={messages.document.backToList}
      >
        <Logo />
      </Link>
      <div className="k-doc-heading">
        <h1 className="k-doc-title" data-testid="document-title" title={title}>
          {title}
        </h1>
        <div className="k-doc-meta">
          {details.map((detail) => (
            <span key={detail} className="k-doc-meta-item">
              {detail}
            </span>
          ))}
          {status}
        </div>
      </div>
      {people}
      {actions}
      <UserBadge compact />
    </header>
  );
}
