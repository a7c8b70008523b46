import type { AuditAction } from "@karta/schema";
import { AUDIT_REPEAT_WINDOW_MS } from "../limits.ts";
import type { Logger } from "../log.ts";
import type { DirectoryStore } from "../storage/DirectoryStore.ts";

export interface AuditEvent {
  readonly action: AuditAction;
  /** Who did it; null for an anonymous attempt (a failed login of an unknown login). */
  readonly actorId: string | null;
  /** The organisation whose coordinators may read the entry. */
  readonly scopeOrganisationId: string | null;
  readonly subject: string;
  readonly details?: string;
}

/**
 * What a stranger can make happen over and over: failed and refused logins,
 * refused access. Repeats of one of these are counted on one entry, so a flood
 * cannot push the rest out of the journal.
 */
const REPEATABLE: ReadonlySet<AuditAction> = new Set(["login-failed", "access-refused"]);

/**
 * Logins, role changes, document creation and refusals, for the coordinator.
 * Never given a password or a secret: callers pass only what may be shown.
 */
export class AuditLog {
  constructor(
    private readonly directory: DirectoryStore,
    private readonly log: Logger,
  ) {}

  async record(event: AuditEvent): Promise<void> {
    try {
      const repeatSince = REPEATABLE.has(event.action)
        ? new Date(Date.now() - AUDIT_REPEAT_WINDOW_MS).toISOString()
        : undefined;
      await this.directory.appendAudit({ ...event, details: event.details ?? "" }, repeatSince);
    } catch (error) {
      // An audit write must not fail the action it describes; it is logged instead.
      this.log.error({ err: error, action: event.action }, "could not write the audit log");
    }
  }
}
