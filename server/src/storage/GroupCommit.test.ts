import { describe, expect, it } from "vitest";
import { GroupCommit } from "./GroupCommit.ts";

describe("GroupCommit", () => {
  it("commits the writes of one turn together and resolves each after the commit", async () => {
    const commits: number[][] = [];
    const group = new GroupCommit<number, string>((writes) => {
      commits.push([...writes]);
      return writes.map((w) => `stored ${w}`);
    });
    const results = await Promise.all([group.submit(1), group.submit(2), group.submit(3)]);
    expect(results).toEqual(["stored 1", "stored 2", "stored 3"]);
    expect(commits).toEqual([[1, 2, 3]]);
  });

  it("resolves nothing before the commit ran", async () => {
    let committed = false;
    const group = new GroupCommit<number, boolean>((writes) => {
      committed = true;
      return writes.map(() => committed);
    });
    const seen: boolean[] = [];
    const done = group.submit(1).then(() => seen.push(committed));
    expect(committed).toBe(false);
    await done;
    expect(seen).toEqual([true]);
  });

  it("gathers writes that arrive during an asynchronous commit into the next one", async () => {
    const commits: number[][] = [];
    let release: () => void = () => {};
    const group = new GroupCommit<number, number>(async (writes) => {
      commits.push([...writes]);
      if (commits.length === 1) await new Promise<void>((resolve) => (release = resolve));
      return writes;
    });
    const first = group.submit(1);
    await new Promise((resolve) => setImmediate(resolve));
    const later = [group.submit(2), group.submit(3)];
    await new Promise((resolve) => setImmediate(resolve));
    expect(commits).toEqual([[1]]); // one commit at a time
    release();
    expect(await Promise.all([first, ...later])).toEqual([1, 2, 3]);
    expect(commits).toEqual([[1], [2, 3]]);
  });

  it("when a batch fails, commits its writes one by one so that only the bad one fails", async () => {
    const failed: number[][] = [];
    const group = new GroupCommit<number, number>(
      (writes) => {
        if (writes.includes(2)) throw new Error("cannot store 2");
        return writes;
      },
      (writes) => failed.push([...writes]),
    );
    const outcomes = await Promise.allSettled([group.submit(1), group.submit(2), group.submit(3)]);
    expect(outcomes.map((o) => o.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    expect(failed).toEqual([[2]]);
  });

  it("drains: every write submitted is settled afterwards", async () => {
    const stored: number[] = [];
    const group = new GroupCommit<number, number>((writes) => {
      stored.push(...writes);
      return writes;
    });
    void group.submit(1);
    void group.submit(2);
    await group.drain();
    expect(stored).toEqual([1, 2]);
  });

  it("with a delay, gathers the writes of several turns into one commit", async () => {
    const commits: number[][] = [];
    const group = new GroupCommit<number, number>(
      (writes) => {
        commits.push([...writes]);
        return writes;
      },
      () => {},
      30,
    );
    const first = group.submit(1);
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setImmediate(resolve));
    const second = group.submit(2);
    expect(await Promise.all([first, second])).toEqual([1, 2]);
    expect(commits).toEqual([[1, 2]]);
  });
});
