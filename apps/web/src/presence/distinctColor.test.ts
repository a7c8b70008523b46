import { describe, expect, it } from "vitest";
import { distinctColor } from "./distinctColor.ts";
import { PRESENCE_COLORS } from "./identity.ts";

const [red, green, orange] = PRESENCE_COLORS;

describe("distinctColor", () => {
  it("keeps one's colour when nobody earlier has it", () => {
    expect(distinctColor(red, 5, [{ clientId: 3, color: green }])).toBe(red);
  });

  it("gives way to an earlier colleague with the same colour", () => {
    expect(distinctColor(red, 5, [{ clientId: 3, color: red }])).toBe(green);
    expect(
      distinctColor(red, 5, [
        { clientId: 3, color: red },
        { clientId: 4, color: green },
      ]),
    ).toBe(orange);
  });

  it("leaves it to a later colleague to give way", () => {
    expect(distinctColor(red, 5, [{ clientId: 9, color: red }])).toBe(red);
  });
});
