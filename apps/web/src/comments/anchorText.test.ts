import { type Anchor, MAX_COMMENT_LENGTH, MAX_QUOTE_LENGTH } from "@karta/doc";
import { antiRiskProgramme } from "@karta/schema";
import { describe, expect, it } from "vitest";
import { messages } from "../messages.ts";
import { type AnchorContext, describeAnchor, mainColumn, rowQuote, shorten } from "./anchorText.ts";

const measures = antiRiskProgramme.tables[0];
if (!measures) throw new Error("the anti-risk programme has its measures table");

function context(overrides: Partial<AnchorContext> = {}): AnchorContext {
  return {
    tableTitle: () => null,
    columnTitle: (_table, column) => measures?.columns.find((c) => c.id === column)?.title ?? null,
    rowNumber: (_table, row) => (row === "r3" ? 3 : null),
    sectionTitle: (section) => (section === "goal" ? "Цель" : null),
    textGone: () => false,
    ...overrides,
  };
}

const cell: Anchor = { kind: "cell", table: "measures", rowId: "r3", columnId: "period", quote: "Анкетирование" };
const position = { type: { client: 1, clock: 0 }, assoc: 0 };
const text: Anchor = { kind: "text", section: "goal", start: position, end: position, quote: "учебной мотивации" };

describe("describeAnchor", () => {
  it("names a cell by its column and row №", () => {
    expect(describeAnchor(cell, context())).toEqual({
      label: "Сроки, строка 3",
      quote: "Анкетирование",
      gone: null,
      rowNumber: 3,
    });
  });

  it("says when a cell's row was deleted, keeping what it was about", () => {
    const place = describeAnchor({ ...cell, rowId: "gone" }, context());
    expect(place).toEqual({
      label: "Сроки",
      quote: "Анкетирование",
      gone: messages.comments.rowDeleted,
      rowNumber: null,
    });
    expect(place.gone).toBe("Строка удалена");
  });

  it("names the table too when the document has several", () => {
    expect(describeAnchor(cell, context({ tableTitle: () => "Мероприятия" })).label).toBe(
      "Мероприятия: Сроки, строка 3",
    );
  });

  it("quotes a phrase under its section's title, and says when its text was removed", () => {
    expect(describeAnchor(text, context())).toEqual({
      label: "Цель",
      quote: "учебной мотивации",
      gone: null,
      rowNumber: null,
    });
    expect(describeAnchor(text, context({ textGone: () => true })).gone).toBe("Текст удалён");
  });

  it("says «Документ целиком» for a comment on the whole document", () => {
    expect(describeAnchor({ kind: "document" }, context()).label).toBe("Документ целиком");
  });
});

describe("rowQuote", () => {
  it("takes the row's main text: the measure of an anti-risk programme", () => {
    expect(mainColumn(measures)?.id).toBe("measure");
    expect(rowQuote(measures, { task: "Задача", measure: "  Анкетирование\nобучающихся " })).toBe(
      "Анкетирование обучающихся",
    );
    expect(rowQuote(measures, {})).toBe("");
  });

  it("shortens long text to what an anchor keeps", () => {
    const long = "слово ".repeat(200);
    const cut = shorten(long);
    expect(cut.length).toBeLessThanOrEqual(MAX_QUOTE_LENGTH);
    expect(cut.endsWith("…")).toBe(true);
  });
});

describe("messages", () => {
  it("names the comment length limit the model enforces", () => {
    expect(messages.comments.errors["too-long"]).toContain(String(MAX_COMMENT_LENGTH));
  });
});
