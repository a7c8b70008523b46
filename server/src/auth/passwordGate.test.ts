import { describe, expect, it } from "vitest";
import { GateFullError, OnePerKey, PasswordGate } from "./passwordGate.ts";

/** A task that ends when told to, recording when it started. */
function controlled(started: string[], name: string) {
  let finish: (value: string) => void = () => {};
  let fail: (error: Error) => void = () => {};
  const task = () =>
    new Promise<string>((resolve, reject) => {
      started.push(name);
      finish = resolve;
      fail = reject;
    });
  return { task, finish: () => finish(name), fail: (error: Error) => fail(error) };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe("PasswordGate", () => {
  it("runs at most `concurrency` tasks at once, the others in arrival order", async () => {
    const gate = new PasswordGate(2, 10);
    const started: string[] = [];
    const tasks = ["a", "b", "c", "d"].map((name) => controlled(started, name));
    const results = tasks.map((t) => gate.run(t.task));
    await settle();
    expect(started).toEqual(["a", "b"]);
    tasks[1]?.finish();
    await settle();
    expect(started).toEqual(["a", "b", "c"]);
    tasks[0]?.finish();
    await settle();
    expect(started).toEqual(["a", "b", "c", "d"]);
    tasks[2]?.finish();
    tasks[3]?.finish();
    expect(await Promise.all(results)).toEqual(["a", "b", "c", "d"]);
  });

  it("refuses at once when the queue is full, and takes tasks again once it drains", async () => {
    const gate = new PasswordGate(1, 1);
    const started: string[] = [];
    const first = controlled(started, "first");
    const second = controlled(started, "second");
    const running = gate.run(first.task);
    const queued = gate.run(second.task);
    await expect(gate.run(async () => "third")).rejects.toBeInstanceOf(GateFullError);
    first.finish();
    await settle();
    second.finish();
    expect([await running, await queued]).toEqual(["first", "second"]);
    expect(await gate.run(async () => "later")).toBe("later");
  });

  it("frees the slot of a task that fails", async () => {
    const gate = new PasswordGate(1, 0);
    const started: string[] = [];
    const failing = controlled(started, "failing");
    const result = gate.run(failing.task);
    await settle();
    failing.fail(new Error("scrypt failed"));
    await expect(result).rejects.toThrow("scrypt failed");
    expect(await gate.run(async () => "next")).toBe("next");
  });
});

describe("OnePerKey", () => {
  it("lets one holder per key in until it leaves", () => {
    const keys = new OnePerKey();
    const leave = keys.enter("127.0.0.2");
    expect(leave).not.toBeNull();
    expect(keys.enter("127.0.0.2")).toBeNull();
    expect(keys.enter("127.0.0.3")).not.toBeNull();
    leave?.();
    expect(keys.enter("127.0.0.2")).not.toBeNull();
  });
});
