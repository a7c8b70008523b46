import { afterEach, describe, expect, it, vi } from "vitest";
import { CoalescedPublisher, type DocumentEvent, InProcessDocumentEvents } from "./DocumentEvents.ts";

const summary: DocumentEvent = { type: "summary" };
const conflicts: DocumentEvent = { type: "conflicts" };

describe("InProcessDocumentEvents", () => {
  it("delivers a document's events to its listeners only, until they unsubscribe", () => {
    const events = new InProcessDocumentEvents();
    const a: DocumentEvent[] = [];
    const b: DocumentEvent[] = [];
    const stopA = events.subscribe("doc-1", (e) => a.push(e));
    events.subscribe("doc-2", (e) => b.push(e));
    events.publish("doc-1", summary);
    events.publish("doc-2", conflicts);
    expect(a).toEqual([summary]);
    expect(b).toEqual([conflicts]);
    stopA();
    events.publish("doc-1", summary);
    expect(a).toEqual([summary]);
    expect(events.subscribedDocuments).toBe(1);
  });

  it("keeps calling the others when a listener throws or unsubscribes while called", () => {
    const errors: unknown[] = [];
    const events = new InProcessDocumentEvents((error) => errors.push(error));
    const heard: string[] = [];
    const stopFirst = events.subscribe("doc", () => {
      heard.push("first");
      stopFirst();
    });
    events.subscribe("doc", () => {
      throw new Error("broken listener");
    });
    events.subscribe("doc", () => heard.push("third"));
    events.publish("doc", summary);
    events.publish("doc", summary);
    expect(heard).toEqual(["first", "third", "third"]);
    expect(errors).toHaveLength(2);
  });

  it("counts one listener subscribed twice as two subscriptions", () => {
    const events = new InProcessDocumentEvents();
    let calls = 0;
    const listener = () => calls++;
    const stop = events.subscribe("doc", listener);
    events.subscribe("doc", listener);
    stop();
    events.publish("doc", summary);
    expect(calls).toBe(1);
  });
});

describe("CoalescedPublisher", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("publishes one event per document and kind per delay, however many changes came", () => {
    vi.useFakeTimers();
    const events = new InProcessDocumentEvents();
    const heard: string[] = [];
    events.subscribe("doc-1", (e) => heard.push(`doc-1 ${e.type}`));
    events.subscribe("doc-2", (e) => heard.push(`doc-2 ${e.type}`));
    const soon = new CoalescedPublisher(events, 1_000);
    for (let i = 0; i < 10; i++) soon.soon("doc-1", summary);
    soon.soon("doc-1", conflicts);
    soon.soon("doc-2", summary);
    expect(heard).toEqual([]);
    vi.advanceTimersByTime(999);
    expect(heard).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(heard.sort()).toEqual(["doc-1 conflicts", "doc-1 summary", "doc-2 summary"]);
    soon.soon("doc-1", summary);
    vi.advanceTimersByTime(1_000);
    expect(heard.filter((h) => h === "doc-1 summary")).toHaveLength(2);
  });

  it("drops what is pending when closed", () => {
    vi.useFakeTimers();
    const events = new InProcessDocumentEvents();
    const heard: DocumentEvent[] = [];
    events.subscribe("doc", (e) => heard.push(e));
    const soon = new CoalescedPublisher(events, 1_000);
    soon.soon("doc", summary);
    soon.close();
    vi.advanceTimersByTime(5_000);
    expect(heard).toEqual([]);
  });
});
