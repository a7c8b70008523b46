import type { AccessControl } from "./access/AccessControl.ts";
import type { AuditLog } from "./audit/AuditLog.ts";
import type { Sessions } from "./auth/Sessions.ts";
import type { CommentActivity } from "./comments/CommentActivity.ts";
import type { DocumentEvents } from "./documents/DocumentEvents.ts";
import type { Versions } from "./documents/versions.ts";
import type { EvidenceFiles } from "./evidence/EvidenceFiles.ts";
import type { Logger } from "./log.ts";
import type { MonitoringReadModel } from "./monitoring/MonitoringReadModel.ts";
import type { DirectoryStore } from "./storage/DirectoryStore.ts";
import type { DocumentStore } from "./storage/DocumentStore.ts";
import type { EvidenceStore } from "./storage/EvidenceStore.ts";
import type { LiveConnections } from "./sync/LiveConnections.ts";
import type { RoomRegistry } from "./sync/RoomRegistry.ts";

/** What the HTTP routes and the sync endpoint share, built once in createServer. */
export interface Services {
  readonly store: DocumentStore;
  readonly directory: DirectoryStore;
  readonly access: AccessControl;
  readonly sessions: Sessions;
  readonly audit: AuditLog;
  readonly live: LiveConnections;
  /** The loaded sync rooms, for changes made over HTTP (a comment posted by a script). */
  readonly rooms: RoomRegistry;
  /** What the comments rooms hold, kept for the documents list and the journal. */
  readonly commentActivity: CommentActivity;
  /** Versions of documents' content: the workflow's, named and daily ones. */
  readonly versions: Versions;
  /**
   * What happened to documents, for their open pages (GET /api/documents/:id/events):
   * whatever changes a document's summary or its cell conflicts publishes here.
   */
  readonly events: DocumentEvents;
  /** What «Мониторинг» reads of each document, kept as documents change (the dashboards' read model). */
  readonly monitoring: MonitoringReadModel;
  /** Evidence on measures: its records (SQL) and its files (by hash, under DATA_DIR/evidence). */
  readonly evidence: EvidenceStore;
  readonly evidenceFiles: EvidenceFiles;
  readonly log: Logger;
  /** Mark the session cookie Secure (when served over HTTPS). */
  readonly cookieSecure: boolean;
  /** The proxies whose X-Forwarded-For is believed (TRUST_PROXY): a request's source is read through them. */
  readonly trustedProxies: ReadonlySet<string>;
}
