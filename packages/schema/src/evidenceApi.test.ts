import { describe, expect, it } from "vitest";
import { evidenceLinkRequest, evidenceReviewRequest, hasEvidenceExtension } from "./evidenceApi.ts";

describe("evidence requests", () => {
  it("takes only web addresses as links", () => {
    const link = (url: string) => evidenceLinkRequest.safeParse({ table: "measures", rowId: "r1", url }).success;
    expect(link("https://school5.example.ru/news/1")).toBe(true);
    expect(link("  http://example.ru/a?b=c  ")).toBe(true);
    expect(link("javascript:alert(1)")).toBe(false);
    expect(link("data:text/html,<script>1</script>")).toBe(false);
    expect(link("file:///etc/passwd")).toBe(false);
    expect(link("школа5.рф")).toBe(false);
    const refused = evidenceLinkRequest.safeParse({ table: "measures", rowId: "r1", url: "ftp://x.ru/f" });
    expect(refused.error?.issues[0]?.message).toBe("Ссылка должна начинаться с http:// или https://.");
  });

  it("defaults a review's reason to empty and refuses unknown verdicts", () => {
    expect(evidenceReviewRequest.parse({ verdict: "accepted" })).toEqual({ verdict: "accepted", reason: "" });
    expect(evidenceReviewRequest.safeParse({ verdict: "maybe" }).success).toBe(false);
  });

  it("tells accepted extensions by the end of the name, in any case", () => {
    expect(hasEvidenceExtension("Справка.PDF")).toBe(true);
    expect(hasEvidenceExtension("фото.jpeg")).toBe(true);
    expect(hasEvidenceExtension("отчёт.odt")).toBe(true);
    expect(hasEvidenceExtension("setup.exe")).toBe(false);
    expect(hasEvidenceExtension("pdf")).toBe(false);
    expect(hasEvidenceExtension("архив.pdf.zip")).toBe(false);
  });
});
