import { describe, expect, it } from "vitest";
import { wrapWords } from "./wrapWords.ts";

describe("wrapWords", () => {
  it("breaks a long factor's name at spaces", () => {
    expect(
      wrapWords("Недостаточная предметная и методическая компетентность педагогических работников", 38, 3),
    ).toEqual(["Недостаточная предметная и", "методическая компетентность", "педагогических работников"]);
  });

  it("keeps a short label on one line and a long word whole", () => {
    expect(wrapWords("МБОУ СОШ № 5", 24, 3)).toEqual(["МБОУ СОШ № 5"]);
    expect(wrapWords("Сверхдлинноесловобезпробелов да", 10, 3)).toEqual(["Сверхдлинноесловобезпробелов", "да"]);
  });

  it("never breaks at a no-break space", () => {
    expect(wrapWords("МКОУ СОШ №\u00a012 ст.\u00a0Петровской", 12, 3)).toEqual([
      "МКОУ СОШ",
      "№\u00a012",
      "ст.\u00a0Петровской",
    ]);
  });

  it("says with «…» that it cut the text", () => {
    expect(wrapWords("раз два три четыре пять", 4, 2)).toEqual(["раз", "два…"]);
    expect(wrapWords("", 10, 2)).toEqual([]);
  });
});
