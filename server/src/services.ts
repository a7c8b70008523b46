import type { AccessControl } from "./access/AccessControl.ts";
import type { AuditLog } from "./audit/AuditLog.ts";
import type { Sessions } from "./auth/Sessions.ts";
import type { Logger } from "./log.ts";
import type { DirectoryStore } from "./storage/DirectoryStore.ts";
import type { DocumentStore } from "./storage/DocumentStore.ts";
import type { LiveConnections } from "./sync/LiveConnections.ts";

/** What the HTTP routes and the sync endpoint share, built once in createServer. */
export interface Services {
  readonly store: DocumentStore;
  readonly directory: DirectoryStore;
  readonly access: AccessControl;
  readonly sessions: Sessions;
  readonly audit: AuditLog;
  readonly live: LiveConnections;
  readonly log: Logger;
  /** Mark the session cookie Secure (when served over HTTPS). */
  readonly cookieSecure: boolean;
}
