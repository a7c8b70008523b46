import type { FiguresResponse } from "@karta/schema";
import { describe, expect, it } from "vitest";
import { liveFigureText } from "./liveFigureText.ts";

const labinsk: FiguresResponse = {
  schools: 29,
  shnorByYear: { "2020": 8, "2021": 16 },
  shnorShare: { year: 2021, percent: 55.2 },
  deficitsAB: { year: 2021, percent: 62.1, documentId: "d" },
};
const at = (figure: string, year = 2021) => ({ figure, organisationId: "labinsky", year });

describe("liveFigureText", () => {
  it("prints the figures as the editor shows them (DOMAIN §10: 16 of 29 is 55,2 %)", () => {
    expect(liveFigureText(at("shnorCount"), labinsk)).toBe("16");
    expect(liveFigureText(at("shnorCount", 2020), labinsk)).toBe("8");
    expect(liveFigureText(at("shnorShare"), labinsk)).toBe("55,2\u00a0%");
    expect(liveFigureText(at("deficitsABShare"), labinsk)).toBe("62,1\u00a0%");
  });

  it("prints «—» for a year without data, no monitoring, an unknown figure or figures one may not read", () => {
    expect(liveFigureText(at("shnorCount", 2019), labinsk)).toBe("—");
    expect(liveFigureText(at("shnorShare", 2019), labinsk)).toBe("—");
    expect(liveFigureText(at("deficitsABShare"), { ...labinsk, deficitsAB: null })).toBe("—");
    expect(liveFigureText(at("salary"), labinsk)).toBe("—");
    expect(liveFigureText(at("shnorCount"), null)).toBe("—");
  });
});
