import { MEASURE_STATUSES, SIGNIFICANCE_LEVELS } from "@karta/schema";
import { describe, expect, it } from "vitest";
import { fromLatinLayout, matchOption } from "./optionMatch.ts";

describe("matchOption", () => {
  it("picks the first option beginning with the typed letter", () => {
    expect(matchOption(SIGNIFICANCE_LEVELS, "с")).toBe("средняя");
    expect(matchOption(SIGNIFICANCE_LEVELS, "в")).toBe("высокая");
    expect(matchOption(SIGNIFICANCE_LEVELS, "н")).toBe("низкая");
    // «в работе» and «выполнено» both begin with «в»: the first in the list wins.
    expect(matchOption(MEASURE_STATUSES, "в")).toBe("в работе");
    expect(matchOption(MEASURE_STATUSES, "вы")).toBe("выполнено");
  });

  it("ignores case and reads ё as е", () => {
    expect(matchOption(SIGNIFICANCE_LEVELS, "С")).toBe("средняя");
    expect(matchOption(["ёмкий", "другой"], "е")).toBe("ёмкий");
    expect(matchOption(["емкий"], "Ё")).toBe("емкий");
  });

  it("reads a letter typed in the Latin layout as the Russian letter on the same key", () => {
    expect(fromLatinLayout("cht")).toBe("сре");
    expect(matchOption(SIGNIFICANCE_LEVELS, "c")).toBe("средняя");
    expect(matchOption(SIGNIFICANCE_LEVELS, "D")).toBe("высокая");
    expect(matchOption(["Ok", "other"], "o")).toBe("Ok");
  });

  it("picks nothing for a letter no option begins with, or for a space", () => {
    expect(matchOption(SIGNIFICANCE_LEVELS, "я")).toBeUndefined();
    expect(matchOption(SIGNIFICANCE_LEVELS, " ")).toBeUndefined();
    expect(matchOption(SIGNIFICANCE_LEVELS, "")).toBeUndefined();
    expect(matchOption([], "с")).toBeUndefined();
  });
});
