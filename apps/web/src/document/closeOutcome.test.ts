import { CloseCode } from "@karta/schema";
import { describe, expect, it } from "vitest";
import { messages } from "../messages.ts";
import { closeOutcome, closeText, shouldReconnect } from "./closeOutcome.ts";

describe("closeOutcome", () => {
  it("sends the user to sign in when the session is over", () => {
    expect(closeOutcome(CloseCode.Unauthorized)).toEqual({ kind: "signIn" });
  });

  it("replaces the page for no access and no document", () => {
    expect(closeOutcome(CloseCode.Forbidden)).toEqual({ kind: "final", text: messages.document.closed[4403] });
    expect(closeOutcome(CloseCode.DocumentNotFound)).toEqual({ kind: "final", text: messages.document.closed[4404] });
  });

  it("reconnects silently when the rights changed", () => {
    expect(closeOutcome(CloseCode.AccessChanged)).toEqual({ kind: "silent" });
  });

  it("reconnects silently when the socket fell behind", () => {
    expect(closeOutcome(CloseCode.FellBehind)).toEqual({ kind: "silent" });
    expect(shouldReconnect({ code: CloseCode.FellBehind })).toBe(true);
    expect(shouldReconnect({ code: CloseCode.RateLimited })).toBe(false);
  });

  it("keeps the document on screen with a sentence for the other codes", () => {
    for (const code of [4400, 4413, 4429, 4500, 1001]) {
      const outcome = closeOutcome(code);
      expect(outcome.kind).toBe("banner");
      expect(outcome.kind === "banner" && /[А-Яа-я]/.test(outcome.text)).toBe(true);
    }
    expect(closeOutcome(4999)).toEqual({ kind: "banner", text: messages.document.closedOther(4999) });
  });

  it("says nothing about a dropped network (the sync status does)", () => {
    expect(closeOutcome(1006)).toEqual({ kind: "silent" });
  });

  it("has a Russian sentence for every close code of the schema", () => {
    for (const code of Object.values(CloseCode)) {
      expect(closeText(code)).not.toBe(messages.document.closedOther(code));
    }
  });
});

describe("shouldReconnect", () => {
  it("stops on decisions reconnecting cannot change, retries the rest and a change of rights", () => {
    expect(shouldReconnect({ code: CloseCode.Forbidden })).toBe(false);
    expect(shouldReconnect({ code: CloseCode.Unauthorized })).toBe(false);
    expect(shouldReconnect({ code: CloseCode.DocumentNotFound })).toBe(false);
    expect(shouldReconnect({ code: CloseCode.InvalidMessage })).toBe(false);
    expect(shouldReconnect({ code: CloseCode.AccessChanged })).toBe(true);
    expect(shouldReconnect({ code: CloseCode.DocumentUnavailable })).toBe(true);
    expect(shouldReconnect({ code: CloseCode.ServerShutdown })).toBe(true);
    expect(shouldReconnect({ code: 1006 })).toBe(true);
  });
});
