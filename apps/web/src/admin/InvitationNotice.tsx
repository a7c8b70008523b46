import { useRef } from "react";
import { messages } from "../messages.ts";
import { showToast } from "../ui/toasts.ts";
import { invitationUrl } from "./people.ts";

export interface IssuedInvitation {
  readonly fullName: string;
  readonly path: string;
  readonly expiresAt: string;
}

const dateFormat = new Intl.DateTimeFormat("ru-RU", { day: "numeric", month: "long", year: "numeric" });

/**
 * The one-time link just issued, to copy and send: it is shown here once and
 * nowhere else (the server keeps only its hash).
 */
export function InvitationNotice({
  invitation,
  onClose,
}: {
  readonly invitation: IssuedInvitation;
  readonly onClose: () => void;
}) {
  const input = useRef<HTMLInputElement>(null);
  const url = invitationUrl(invitation.path, window.location.origin);
  const expires = new Date(invitation.expiresAt);
  const copy = async () => {
    input.current?.select();
    try {
      await navigator.clipboard.writeText(url);
      showToast(messages.people.copied);
    } catch {
      // No clipboard permission: the link is selected, Ctrl+C copies it.
    }
  };
  return (
    <section className="k-card k-invitation" role="status" data-testid="invitation-notice">
      <div className="k-invitation-text">
        <strong>{messages.people.linkFor(invitation.fullName)}</strong>
        <span className="k-muted">
          {messages.people.linkHint(
            Number.isNaN(expires.getTime()) ? invitation.expiresAt : dateFormat.format(expires),
          )}
        </span>
      </div>
      <div className="k-invitation-link">
        <input
          ref={input}
          readOnly
          value={url}
          data-testid="invitation-link"
          aria-label={messages.people.linkFor(invitation.fullName)}
          onFocus={(e) => e.target.select()}
        />
        <button type="button" className="k-button k-button-primary" onClick={copy}>
          {messages.people.copy}
        </button>
        <button type="button" className="k-button" onClick={onClose}>
          {messages.people.close}
        </button>
      </div>
    </section>
  );
}
