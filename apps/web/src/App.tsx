import { useEffect } from "react";
import { AuditPage } from "./admin/AuditPage.tsx";
import { PeoplePage } from "./admin/PeoplePage.tsx";
import { SchoolsPage } from "./admin/SchoolsPage.tsx";
import { InvitePage } from "./auth/InvitePage.tsx";
import { LoginPage } from "./auth/LoginPage.tsx";
import { DocumentPage } from "./document/DocumentPage.tsx";
import { PageMessage } from "./document/PageMessage.tsx";
import { DocumentsPage } from "./documentList/DocumentsPage.tsx";
import { dropFirstScreen } from "./firstScreen/firstScreen.ts";
import { messages } from "./messages.ts";
import { MonitoringPage } from "./monitoring/MonitoringPage.tsx";
import { guardRoute } from "./router/guard.ts";
import { navigate, useLocation } from "./router/navigation.ts";
import { matchRoute, type Route } from "./router/routes.ts";
import { useSession } from "./session/sessionStore.ts";
import { Toasts } from "./ui/Toasts.tsx";

export function App() {
  const location = useLocation();
  const session = useSession();
  const route = matchRoute(location.split(/[?#]/)[0] ?? "/");
  const decision = guardRoute(route, location, session);
  const redirect = decision.kind === "redirect" ? decision.to : null;

  useEffect(() => {
    if (redirect !== null) navigate(redirect, { replace: true });
  }, [redirect]);
  // A document's first screen stays only while its page is on its way (or on).
  const documentOnItsWay = decision.kind === "wait" || (decision.kind === "show" && route.page === "document");
  useEffect(() => {
    if (!documentOnItsWay) dropFirstScreen();
  }, [documentOnItsWay]);

  return (
    <>
      {decision.kind === "show" && <Page route={route} />}
      {decision.kind === "coordinatorOnly" && <PageMessage text={messages.coordinatorOnly} />}
      {decision.kind === "wait" && (
        <p className="k-page-loading" aria-busy>
          {messages.session.checking}
        </p>
      )}
      <Toasts />
    </>
  );
}

function Page({ route }: { readonly route: Route }) {
  switch (route.page) {
    case "documents":
      return <DocumentsPage />;
    case "document":
      return <DocumentPage key={route.docId} docId={route.docId} />;
    case "login":
      return <LoginPage />;
    case "invite":
      return <InvitePage key={route.token} token={route.token} />;
    case "schools":
      return <SchoolsPage />;
    case "people":
      return <PeoplePage />;
    case "audit":
      return <AuditPage />;
    case "monitoring":
      return <MonitoringPage />;
    case "notFound":
      return <PageMessage text={messages.pageNotFound} />;
  }
}
