import { messages } from "../messages.ts";
import { mayMonitor } from "../monitoring/monitoringQuery.ts";
import { isCoordinator } from "../router/guard.ts";
import { Link } from "../router/Link.tsx";
import { PATHS, type PageName } from "../router/routes.ts";
import { useSession } from "../session/sessionStore.ts";
import { Logo } from "./Logo.tsx";
import { UserBadge } from "./UserBadge.tsx";
import "./ui.css";

const COORDINATOR_LINKS = [
  { page: "schools", to: PATHS.schools, label: messages.nav.schools },
  { page: "people", to: PATHS.people, label: messages.nav.people },
  { page: "audit", to: PATHS.audit, label: messages.nav.audit },
] as const;

/** For coordinators, methodists and viewers (the server decides which municipalities). */
const MONITORING_LINK = { page: "monitoring", to: PATHS.monitoring, label: messages.nav.monitoring } as const;

/** The bar above every page but a document: the product, its sections, and who is signed in. */
export function AppHeader({ current }: { readonly current?: PageName }) {
  const session = useSession();
  const signedIn = session.status === "signedIn" ? session.info : null;
  const links = [
    { page: "documents", to: PATHS.documents, label: messages.nav.documents },
    ...(signedIn && mayMonitor(signedIn.user) ? [MONITORING_LINK] : []),
    ...(signedIn && isCoordinator(signedIn) ? COORDINATOR_LINKS : []),
  ];
  return (
    <header className="k-app-header">
      <Link to={PATHS.documents} className="k-brand-mark" aria-label={messages.nav.documents}>
        <Logo />
      </Link>
      <span className="k-app-name">{messages.appName}</span>
      {signedIn ? (
        <nav className="k-nav" aria-label={messages.nav.label}>
          {links.map((link) => (
            <Link
              key={link.page}
              to={link.to}
              className={link.page === current ? "k-nav-link k-nav-link-current" : "k-nav-link"}
              aria-current={link.page === current ? "page" : undefined}
            >
              {link.label}
            </Link>
          ))}
        </nav>
      ) : (
        <span className="k-app-tagline">{messages.appTagline}</span>
      )}
      <span className="k-header-spacer" />
      {session.status === "signedIn" && session.offline && (
        <span className="k-header-offline">{messages.session.offline}</span>
      )}
      <UserBadge />
    </header>
  );
}
