import { describe, expect, it } from "vitest";
import { LogPosition } from "./LogPosition.ts";

describe("LogPosition", () => {
  it("advances over entries added in order, and holds a gap until it is filled", () => {
    const position = new LogPosition(3);
    position.add(4);
    expect([position.contiguous, position.hasGap]).toEqual([4, false]);
    position.add(6);
    position.add(7);
    expect([position.contiguous, position.hasGap, position.has(6), position.has(5)]).toEqual([4, true, true, false]);
    position.add(5);
    expect([position.contiguous, position.hasGap]).toEqual([7, false]);
    position.add(2);
    expect(position.contiguous).toBe(7);
  });

  it("jumps to what a snapshot covers, keeping what it held beyond it", () => {
    const position = new LogPosition(1);
    position.add(5);
    position.add(9);
    position.holdsUpTo(4);
    expect([position.contiguous, position.hasGap, position.has(9)]).toEqual([5, true, true]);
    position.holdsUpTo(9);
    expect([position.contiguous, position.hasGap]).toEqual([9, false]);
    position.holdsUpTo(3);
    expect(position.contiguous).toBe(9);
  });
});
