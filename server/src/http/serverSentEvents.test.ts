import { describe, expect, it } from "vitest";
import { sseComment, sseEvent, sseRetry } from "./serverSentEvents.ts";

describe("server-sent events format", () => {
  it("writes an event as its name, data lines and a blank line", () => {
    expect(sseEvent("summary", '{"status":"submitted"}')).toBe('event: summary\ndata: {"status":"submitted"}\n\n');
    expect(sseEvent("conflicts", "")).toBe("event: conflicts\ndata: \n\n");
  });

  it("splits data with line breaks into several data lines, so no line break ends the event early", () => {
    expect(sseEvent("summary", "a\n\nb\r\nc\rd")).toBe(
      "event: summary\ndata: a\ndata: \ndata: b\ndata: c\ndata: d\n\n",
    );
  });

  it("refuses an event name of two lines", () => {
    expect(() => sseEvent("summary\ndata: forged", "")).toThrow();
  });

  it("writes comments and the retry field on lines of their own", () => {
    expect(sseComment("heartbeat")).toBe(": heartbeat\n\n");
    expect(sseComment("two\nlines")).toBe(": two lines\n\n");
    expect(sseRetry(5000)).toBe("retry: 5000\n\n");
  });
});
