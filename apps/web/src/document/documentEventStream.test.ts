import type { DocumentSummary } from "@karta/schema";
import { describe, expect, it } from "vitest";
import {
  DocumentEventStream,
  documentEventsUrl,
  type EventSourceLike,
  parsePushedSummary,
} from "./documentEventStream.ts";

/** An EventSource driven by hand: the test says when it opens, errs or receives an event. */
class FakeSource implements EventSourceLike {
  readyState = 0;
  closed = false;
  private readonly listeners = new Map<string, ((event: Event) => void)[]>();

  constructor(readonly url: string) {}

  addEventListener(type: string, listener: (event: Event) => void): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }

  close(): void {
    this.closed = true;
    this.readyState = 2;
  }

  emit(type: string, data?: string): void {
    const event = data === undefined ? new Event(type) : new MessageEvent(type, { data });
    for (const listener of this.listeners.get(type) ?? []) listener(event);
  }
}

function streamWithFakes() {
  const sources: FakeSource[] = [];
  const stream = new DocumentEventStream(documentEventsUrl("doc 1"), (url) => {
    const source = new FakeSource(url);
    sources.push(source);
    return source;
  });
  const states: string[] = [];
  stream.subscribe(() => states.push(stream.state));
  return { stream, sources, states, last: () => sources.at(-1) as FakeSource };
}

describe("DocumentEventStream", () => {
  it("opens the document's events URL and hands each event's data to its handlers", () => {
    const { stream, last, states } = streamWithFakes();
    const summaries: string[] = [];
    const conflicts: string[] = [];
    stream.on("summary", (data) => summaries.push(data));
    stream.on("conflicts", (data) => conflicts.push(data));
    stream.resume();
    expect(last().url).toBe("/api/documents/doc%201/events");
    last().emit("open");
    last().emit("summary", '{"status":"submitted"}');
    last().emit("conflicts", "{}");
    expect(summaries).toEqual(['{"status":"submitted"}']);
    expect(conflicts).toEqual(["{}"]);
    expect(states).toEqual(["connecting", "open"]);
  });

  it("is connecting while the browser reconnects, failed when the browser gave up, and revives then only", () => {
    const { stream, sources, last } = streamWithFakes();
    stream.resume();
    last().emit("open");
    last().readyState = 0; // the browser reconnects by itself
    last().emit("error");
    expect(stream.state).toBe("connecting");
    last().emit("open");
    expect(stream.state).toBe("open");
    stream.revive(); // nothing to revive
    expect(sources).toHaveLength(1);
    last().readyState = 2; // an error answer: no more tries
    last().emit("error");
    expect(stream.state).toBe("failed");
    stream.revive();
    expect(sources).toHaveLength(2);
    expect(stream.state).toBe("connecting");
  });

  it("closes the source when paused, ignores what the old one still says, and opens a new one on resume", () => {
    const { stream, sources } = streamWithFakes();
    const summaries: string[] = [];
    stream.on("summary", (data) => summaries.push(data));
    stream.resume();
    stream.resume(); // already opening: no second source
    expect(sources).toHaveLength(1);
    const first = sources[0] as FakeSource;
    stream.pause();
    expect(first.closed).toBe(true);
    expect(stream.state).toBe("paused");
    first.emit("summary", "late");
    first.emit("open");
    expect(summaries).toEqual([]);
    expect(stream.state).toBe("paused");
    stream.resume();
    expect(sources).toHaveLength(2);
  });

  it("stops handlers that unsubscribed, and does nothing once disposed", () => {
    const { stream, sources, last } = streamWithFakes();
    const heard: string[] = [];
    const stop = stream.on("summary", (data) => heard.push(data));
    stream.resume();
    last().emit("summary", "one");
    stop();
    last().emit("summary", "two");
    expect(heard).toEqual(["one"]);
    stream.dispose();
    expect(last().closed).toBe(true);
    stream.resume();
    expect(sources).toHaveLength(1);
  });
});

describe("parsePushedSummary", () => {
  const summary: DocumentSummary = {
    id: "programme-doc-1",
    title: "Программа",
    template: "anti-risk-programme",
    templateVersion: 1,
    organisationId: "s5",
    organisation: "МБОУ СОШ № 5",
    year: 2022,
    createdAt: "2022-01-10T08:00:00.000Z",
    updatedAt: "2022-01-11T08:00:00.000Z",
    access: "comment",
    comments: { open: 1, unread: 0, mentions: 0 },
    status: "submitted",
    order: null,
    history: [],
  };

  it("reads a summary as the API answers it", () => {
    expect(parsePushedSummary(JSON.stringify(summary))).toEqual(summary);
  });

  it("gives null for broken JSON or anything that is not a summary", () => {
    expect(parsePushedSummary("{")).toBeNull();
    expect(parsePushedSummary("{}")).toBeNull();
    expect(parsePushedSummary(JSON.stringify({ ...summary, status: "lost" }))).toBeNull();
  });
});
