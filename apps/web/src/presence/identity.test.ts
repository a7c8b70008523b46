import { describe, expect, it } from "vitest";
import { colorFor, identityOf, initialsOf, PRESENCE_COLORS, readPeerIdentity } from "./identity.ts";

describe("initialsOf", () => {
  it("takes the first letters of the first two words", () => {
    expect(initialsOf("Анна Петрова")).toBe("АП");
    expect(initialsOf("  ольга   викторовна плесецкая ")).toBe("ОВ");
  });

  it("keeps a number whole", () => {
    expect(initialsOf("Гость 42")).toBe("Г42");
  });

  it("handles one word and nothing", () => {
    expect(initialsOf("Методист")).toBe("М");
    expect(initialsOf("   ")).toBe("?");
  });
});

describe("colorFor", () => {
  it("always picks a palette colour", () => {
    for (const seed of [0, 1, 7, 123456, -5]) expect(PRESENCE_COLORS).toContain(colorFor(seed));
  });
});

describe("identityOf", () => {
  it("shows a signed-in person by ФИО, in the same colour on every device", () => {
    const user = { id: "demo-methodist", fullName: "Белова Наталья Сергеевна" };
    expect(identityOf(user)).toEqual(identityOf({ ...user }));
    expect(identityOf(user).initials).toBe("БН");
    expect(PRESENCE_COLORS).toContain(identityOf(user).color);
  });
});

describe("readPeerIdentity", () => {
  it("accepts a well-formed identity", () => {
    expect(readPeerIdentity({ name: "Борис Иванов", color: "#188038", initials: "БИ" })).toEqual({
      name: "Борис Иванов",
      color: "#188038",
      initials: "БИ",
    });
  });

  it("refuses a colour that could smuggle CSS", () => {
    expect(readPeerIdentity({ name: "x", color: "red; background: url(x)" })).toBeNull();
  });

  it("refuses missing names and non-objects", () => {
    expect(readPeerIdentity({ name: "  ", color: "#188038" })).toBeNull();
    expect(readPeerIdentity("Борис")).toBeNull();
    expect(readPeerIdentity(null)).toBeNull();
  });
});
