import { describe, expect, it } from "vitest";
import { type ConnectionFacts, syncStateOf } from "./syncState.ts";

const base: ConnectionFacts = { connected: false, synced: false, failedSinceConnected: false, browserOnline: true };

describe("syncStateOf", () => {
  it("says connecting while the first attempt is under way", () => {
    expect(syncStateOf(base)).toBe("connecting");
  });

  it("says saved only once the open socket has synced", () => {
    expect(syncStateOf({ ...base, connected: true })).toBe("connecting");
    expect(syncStateOf({ ...base, connected: true, synced: true })).toBe("saved");
  });

  it("says offline after a failed attempt or without network", () => {
    expect(syncStateOf({ ...base, failedSinceConnected: true })).toBe("offline");
    expect(syncStateOf({ ...base, browserOnline: false })).toBe("offline");
  });

  it("says connecting again while a reconnected socket catches up", () => {
    expect(syncStateOf({ ...base, connected: true, failedSinceConnected: false })).toBe("connecting");
  });
});
