import { describe, expect, it } from "vitest";
import { fileNameOf } from "./exportsApi.ts";

describe("fileNameOf", () => {
  it("prefers the UTF-8 name, percent-decoded", () => {
    const russian = "Дорожная карта 2022.xlsx";
    expect(
      fileNameOf(`attachment; filename="roadmap-2022.xlsx"; filename*=UTF-8''${encodeURIComponent(russian)}`),
    ).toBe(russian);
  });

  it("falls back to the plain name, quoted or not, and to nothing", () => {
    expect(fileNameOf('attachment; filename="plan.csv"')).toBe("plan.csv");
    expect(fileNameOf("attachment; filename=plan.pdf")).toBe("plan.pdf");
    expect(fileNameOf("attachment; filename*=UTF-8''%E0%A4%A; filename=\"x.docx\"")).toBe("x.docx");
    expect(fileNameOf(null)).toBeNull();
    expect(fileNameOf("attachment")).toBeNull();
  });
});
