import { describe, expect, it } from "vitest";
import { OneAtATime } from "./oneAtATime.ts";

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe("OneAtATime", () => {
  it("runs a key's tasks one after another, so a find-or-create never interleaves", async () => {
    const queue = new OneAtATime();
    const made: string[] = [];
    const findOrCreate = () =>
      queue.run("profile/row", async () => {
        const found = made.length > 0;
        await tick(); // the store's read and write take a while
        if (!found) made.push("programme");
        return found ? "opened" : "created";
      });
    expect(await Promise.all([findOrCreate(), findOrCreate(), findOrCreate()])).toEqual([
      "created",
      "opened",
      "opened",
    ]);
    expect(made).toEqual(["programme"]);
    expect(queue.busyKeys).toBe(0);
  });

  it("lets other keys run meanwhile and goes on after a task failed", async () => {
    const queue = new OneAtATime();
    const order: string[] = [];
    const slow = queue.run("a", async () => {
      await tick();
      order.push("a1");
      throw new Error("refused");
    });
    const other = queue.run("b", async () => {
      order.push("b1");
    });
    const next = queue.run("a", async () => {
      order.push("a2");
    });
    await expect(slow).rejects.toThrow("refused");
    await Promise.all([other, next]);
    expect(order).toEqual(["b1", "a1", "a2"]);
  });
});
