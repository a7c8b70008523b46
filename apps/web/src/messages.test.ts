import { describe, expect, it } from "vitest";
import { editErrorMessage, messages, plural, refusalText } from "./messages.ts";

const sources = import.meta.glob(["./**/*.ts", "./**/*.tsx", "!./**/*.test.ts", "!./messages.ts"], {
  query: "?raw",
  import: "default",
  eager: true,
}) as Record<string, string>;

describe("messages", () => {
  it("is the only source file with Russian text outside comments", () => {
    const offenders = Object.entries(sources)
      .filter(([, text]) => /[А-Яа-яЁё]/.test(withoutComments(text)))
      .map(([path]) => path);
    expect(Object.keys(sources).length).toBeGreaterThan(20);
    expect(offenders).toEqual([]);
  });

  it("says why a column refused a value, naming the column and quoting the text", () => {
    expect(messages.cells.refused("Численность педагогов", "2,5", { kind: "integer" })).toBe(
      "«Численность педагогов»: «2,5» — нужно целое число.",
    );
    expect(refusalText({ kind: "max", max: 100_000 })).toBe("нужно число не больше 100\u00a0000");
    expect(refusalText({ kind: "option", options: ["да", "нет"] })).toBe("нужно одно из значений: «да», «нет»");
    expect(messages.paste.refused(2, "«Дата»: «вчера» — нужна дата в виде ДД.ММ.ГГГГ.")).toBe(
      "Не вставлено: 2 ячейки. «Дата»: «вчера» — нужна дата в виде ДД.ММ.ГГГГ.",
    );
  });

  it("picks the Russian plural form by the last digits", () => {
    const forms = ["строка", "строки", "строк"] as const;
    expect([1, 2, 5, 11, 12, 21, 22, 25, 101, 111].map((n) => plural(n, forms))).toEqual([
      "строка",
      "строки",
      "строк",
      "строк",
      "строк",
      "строка",
      "строки",
      "строк",
      "строка",
      "строк",
    ]);
  });

  it("agrees the verb with the count of added rows: 1 строка добавлена, 2 строки добавлены, 5 строк добавлено", () => {
    expect([1, 2, 4, 5, 11, 12, 21, 22, 25, 101].map((n) => messages.paste.addedRows(n))).toEqual([
      "Добавлена 1 строка в конец таблицы.",
      "Добавлены 2 строки в конец таблицы.",
      "Добавлены 4 строки в конец таблицы.",
      "Добавлено 5 строк в конец таблицы.",
      "Добавлено 11 строк в конец таблицы.",
      "Добавлено 12 строк в конец таблицы.",
      "Добавлена 21 строка в конец таблицы.",
      "Добавлены 22 строки в конец таблицы.",
      "Добавлено 25 строк в конец таблицы.",
      "Добавлена 101 строка в конец таблицы.",
    ]);
  });

  it("agrees «создан» with the count of created documents", () => {
    expect(messages.schools.documentsCreated("МБОУ СОШ № 7", 2024, 1, 0)).toBe(
      "МБОУ СОШ № 7, 2024 год: создан 1 документ.",
    );
    expect(messages.schools.documentsCreated("МБОУ СОШ № 7", 2024, 3, 0)).toBe(
      "МБОУ СОШ № 7, 2024 год: создано 3 документа.",
    );
    expect(messages.schools.documentsCreated("Район", 2024, 21, 2)).toBe(
      "Район, 2024 год: создан 21 документ, ещё 2 уже были.",
    );
  });

  it("has a sentence for every cell-write error and a fallback", () => {
    for (const code of ["invalid-value", "derived-column", "unknown-row", "unknown-column"]) {
      expect(editErrorMessage(code)).not.toBe(messages.editErrors.generic);
    }
    expect(editErrorMessage("something-new")).toBe(messages.editErrors.generic);
  });
});

/** Drops block comments and `// …` comments (a `//` after a space or at line start, so URLs survive). */
function withoutComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|\s)\/\/.*$/gm, "$1");
}
