import { MAX_EVIDENCE_BYTES } from "@karta/schema";
import { describe, expect, it } from "vitest";
import { messages } from "../messages.ts";
import { evidenceFileProblem } from "./evidenceModel.ts";

describe("evidenceFileProblem", () => {
  it("refuses before sending what the server would refuse, in its words", () => {
    expect(evidenceFileProblem({ name: "Справка.pdf", size: 1000 })).toBeNull();
    expect(evidenceFileProblem({ name: "Фото.JPG", size: MAX_EVIDENCE_BYTES })).toBeNull();
    expect(evidenceFileProblem({ name: "Сканы.pdf", size: MAX_EVIDENCE_BYTES + 1 })).toBe(
      "Файл больше 20 МБ и не может быть прикреплён. Сожмите его или разделите на части.",
    );
    expect(evidenceFileProblem({ name: "setup.exe", size: 10 })).toBe(messages.evidence.wrongType);
    expect(evidenceFileProblem({ name: "без расширения", size: 10 })).toBe(messages.evidence.wrongType);
  });

  it("words sizes the Russian way", () => {
    expect(messages.evidence.size(799)).toBe("799 Б");
    expect(messages.evidence.size(34 * 1024)).toBe("34 КБ");
    expect(messages.evidence.size(1.5 * 1024 * 1024)).toBe("1,5 МБ");
  });
});
