import { describe, expect, it } from "vitest";
import type { AccessControl } from "../access/AccessControl.ts";
import { createLogger } from "../log.ts";
import { LiveConnections, type LiveWatcher } from "./LiveConnections.ts";

function watcher(accountId: string, credentialId: string, expiresAt: string | null) {
  const calls: string[] = [];
  const w: LiveWatcher = {
    accountId,
    credentialId,
    expiresAt,
    recheck: () => calls.push("recheck"),
    end: () => calls.push("end"),
  };
  return { w, calls };
}

describe("LiveConnections and watchers (events streams)", () => {
  const live = () => new LiveConnections({} as AccessControl, createLogger("silent"));

  it("re-checks the watchers of an account whose rights changed, and only theirs", async () => {
    const connections = live();
    const a = watcher("anna", "s1", null);
    const b = watcher("boris", "s2", null);
    connections.watch(a.w);
    connections.watch(b.w);
    await connections.recheckAccount("anna");
    expect(a.calls).toEqual(["recheck"]);
    expect(b.calls).toEqual([]);
  });

  it("ends the watchers of an ended session and of expired ones; forgets those that stopped watching", () => {
    const connections = live();
    const ended = watcher("anna", "s1", null);
    const expired = watcher("anna", "s2", "2026-01-01T00:00:00.000Z");
    const current = watcher("anna", "s3", "2026-12-31T00:00:00.000Z");
    const gone = watcher("anna", "s1", null);
    connections.watch(ended.w);
    connections.watch(expired.w);
    connections.watch(current.w);
    const stop = connections.watch(gone.w);
    stop();
    connections.endCredential("s1");
    connections.closeExpired(new Date("2026-06-01T00:00:00.000Z"));
    expect(ended.calls).toEqual(["end"]);
    expect(expired.calls).toEqual(["end"]);
    expect(current.calls).toEqual([]);
    expect(gone.calls).toEqual([]);
  });
});
