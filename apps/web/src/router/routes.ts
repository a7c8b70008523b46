/** The pages of the app, as the address bar names them. */
export type Route =
  | { readonly page: "documents" }
  | { readonly page: "document"; readonly docId: string }
  | { readonly page: "login" }
  | { readonly page: "invite"; readonly token: string }
  | { readonly page: "schools" }
  | { readonly page: "people" }
  | { readonly page: "audit" }
  | { readonly page: "monitoring" }
  | { readonly page: "notFound" };

export type PageName = Route["page"];

const DOCUMENT_PATH = /^\/d\/([A-Za-z0-9_-]{1,64})\/?$/;
const INVITE_PATH = /^\/invite\/([A-Za-z0-9_-]{8,200})\/?$/;

const FIXED: Readonly<Record<string, Route>> = {
  "/": { page: "documents" },
  "/login": { page: "login" },
  "/schools": { page: "schools" },
  "/people": { page: "people" },
  "/audit": { page: "audit" },
  "/monitoring": { page: "monitoring" },
};

export const PATHS = {
  documents: "/",
  login: "/login",
  schools: "/schools",
  people: "/people",
  audit: "/audit",
  monitoring: "/monitoring",
} as const;

/** The route for a pathname; unknown paths are "notFound", never an exception. */
export function matchRoute(pathname: string): Route {
  const path = pathname === "" ? "/" : pathname.length > 1 ? pathname.replace(/\/$/, "") : pathname;
  const fixed = FIXED[path];
  if (fixed) return fixed;
  const doc = DOCUMENT_PATH.exec(pathname);
  if (doc?.[1]) return { page: "document", docId: doc[1] };
  const invite = INVITE_PATH.exec(pathname);
  if (invite?.[1]) return { page: "invite", token: invite[1] };
  return { page: "notFound" };
}

export function documentPath(docId: string): string {
  return `/d/${encodeURIComponent(docId)}`;
}
