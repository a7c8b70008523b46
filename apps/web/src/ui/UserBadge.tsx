import { useState } from "react";
import { messages } from "../messages.ts";
import { signOut, useSession } from "../session/sessionStore.ts";
import "./ui.css";

/** Who is signed in (ФИО and должность) and «Выйти». */
export function UserBadge({ compact = false }: { readonly compact?: boolean }) {
  const session = useSession();
  const [leaving, setLeaving] = useState(false);
  if (session.status !== "signedIn") return null;
  const { fullName, position, organisationName } = session.info.user;
  const details = [position, organisationName].filter(Boolean).join(", ");
  return (
    <div className={compact ? "k-user k-user-compact" : "k-user"} data-testid="user-badge">
      <div className="k-user-text" title={details ? `${fullName}\n${details}` : fullName}>
        <span className="k-user-name" data-testid="user-name">
          {fullName}
        </span>
        {position && <span className="k-user-position">{position}</span>}
      </div>
      <button
        type="button"
        className="k-button k-button-quiet"
        disabled={leaving}
        onClick={() => {
          setLeaving(true);
          void signOut();
        }}
      >
        {leaving ? messages.session.signingOut : messages.session.signOut}
      </button>
    </div>
  );
}
