import { describe, expect, it } from "vitest";
import { type ConnectionFacts, type SyncState, syncMessage, syncStateOf } from "./syncState.ts";

const base: ConnectionFacts = {
  connected: false,
  synced: false,
  failedSinceConnected: false,
  browserOnline: true,
  acknowledged: false,
  slow: false,
  refused: false,
};
const open: ConnectionFacts = { ...base, connected: true, synced: true };

describe("syncStateOf", () => {
  it("says connecting while the first attempt is under way", () => {
    expect(syncStateOf(base)).toBe("connecting");
  });

  it("says saved only once the open socket has synced and the server acknowledged everything", () => {
    expect(syncStateOf({ ...base, connected: true }, "connecting")).toBe("connecting");
    expect(syncStateOf(open, "connecting")).toBe("connecting");
    expect(syncStateOf({ ...open, acknowledged: true }, "connecting")).toBe("saved");
    // An acknowledgement alone, without a synced socket, is not enough.
    expect(syncStateOf({ ...base, connected: true, acknowledged: true })).toBe("connecting");
  });

  it("keeps saying saved for a moment while an edit waits for its receipt, then says saving", () => {
    expect(syncStateOf(open, "saved")).toBe("saved");
    expect(syncStateOf({ ...open, slow: true }, "saved")).toBe("saving");
    expect(syncStateOf({ ...open, slow: true }, "connecting")).toBe("saving");
    expect(syncStateOf({ ...open, slow: true, acknowledged: true }, "saving")).toBe("saved");
  });

  it("says saving at once when edits made offline are being sent", () => {
    expect(syncStateOf(open, "offline")).toBe("saving");
    expect(syncStateOf(open)).toBe("saving");
  });

  it("says refused when the server refused a change, whatever else it acknowledged", () => {
    expect(syncStateOf({ ...open, refused: true, acknowledged: true }, "saved")).toBe("refused");
  });

  it("says offline after a failed attempt or without network", () => {
    expect(syncStateOf({ ...base, failedSinceConnected: true })).toBe("offline");
    expect(syncStateOf({ ...base, browserOnline: false })).toBe("offline");
    expect(syncStateOf({ ...base, failedSinceConnected: true, acknowledged: true }, "saved")).toBe("offline");
  });

  it("says connecting again while a reconnected socket catches up", () => {
    expect(syncStateOf({ ...base, connected: true, failedSinceConnected: false })).toBe("connecting");
  });
});

describe("syncMessage", () => {
  const states: SyncState[] = ["saved", "saving", "refused", "connecting", "offline"];

  it("tells an editor that their changes are saved on the server", () => {
    expect(syncMessage("saved", false)).toBe("Все изменения сохранены на сервере");
    expect(syncMessage("offline", false)).toContain("будут отправлены при подключении");
  });

  it("never tells a read-only person about saving changes they cannot make", () => {
    expect(syncMessage("saved", true)).toBe("Документ синхронизирован с сервером");
    expect(syncMessage("offline", true)).toBe(
      "Нет связи с сервером: показана копия с этого устройства, она может быть устаревшей",
    );
    for (const state of states.filter((s) => s !== "refused")) {
      expect(syncMessage(state, true)).not.toMatch(/сохран|отправлен/i);
    }
  });

  it("has a sentence for every state in both wordings", () => {
    for (const state of states) {
      expect(syncMessage(state, false)).not.toBe("");
      expect(syncMessage(state, true)).not.toBe("");
    }
  });
});
