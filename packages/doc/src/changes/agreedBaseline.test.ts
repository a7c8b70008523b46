import { antiRiskProgramme } from "@karta/schema";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { KartaDocument } from "../document.ts";
import { AgreedBaseline, paragraphDiff } from "./agreedBaseline.ts";

function writeGoal(doc: KartaDocument, paragraphs: string[]) {
  const fragment = doc.section("goal");
  doc.ydoc.transact(() => {
    if (fragment.length > 0) fragment.delete(0, fragment.length);
    fragment.insert(
      0,
      paragraphs.map((text) => {
        const p = new Y.XmlElement("paragraph");
        p.insert(0, [new Y.XmlText(text)]);
        return p;
      }),
    );
  });
}

describe("AgreedBaseline", () => {
  it("finds a changed cell, an added, a deleted and a moved row, and a changed paragraph", () => {
    const doc = KartaDocument.create(new Y.Doc(), antiRiskProgramme);
    const measures = doc.table("measures");
    const [a, b, c] = measures.insertRows(0, [
      { measure: "Диагностика", period: "Март 2023" },
      { measure: "Семинар" },
      { measure: "Совещание" },
    ]) as [string, string, string];
    writeGoal(doc, ["Снизить долю обучающихся с рисками", "Второй абзац"]);
    const baseline = new AgreedBaseline(antiRiskProgramme, Y.encodeStateAsUpdate(doc.ydoc));
    expect(baseline.changes(doc)).toEqual([]);

    measures.setCell(a, "period", "Апрель 2023");
    const added = measures.insertRow(3, { measure: "Новое" });
    measures.deleteRow(b);
    measures.moveRow(c, 0);
    writeGoal(doc, ["Снизить долю обучающихся с учебными рисками", "Второй абзац"]);

    const changes = baseline.changes(doc);
    expect(changes).toEqual(
      expect.arrayContaining([
        { kind: "cell", table: "measures", rowId: a, columnId: "period", agreed: "Март 2023", current: "Апрель 2023" },
        { kind: "rowAdded", table: "measures", rowId: added },
        { kind: "rowDeleted", table: "measures", rowId: b, agreed: { measure: "Семинар" } },
        { kind: "rowMoved", table: "measures", rowId: c },
        {
          kind: "paragraph",
          section: "goal",
          index: 0,
          agreed: "<paragraph>Снизить долю обучающихся с рисками</paragraph>",
          current: "<paragraph>Снизить долю обучающихся с учебными рисками</paragraph>",
        },
      ]),
    );
    expect(changes).toHaveLength(5);
    expect(baseline.rowChanges(doc, "measures", a)).toHaveLength(1);
  });

  it("does not count an empty paragraph the editor adds after a closing list", () => {
    const doc = KartaDocument.create(new Y.Doc(), antiRiskProgramme);
    writeGoal(doc, ["Повысить мотивацию"]);
    const baseline = new AgreedBaseline(antiRiskProgramme, Y.encodeStateAsUpdate(doc.ydoc));
    const fragment = doc.section("goal");
    fragment.insert(fragment.length, [new Y.XmlElement("paragraph")]);
    expect(baseline.changes(doc)).toEqual([]);
    writeGoal(doc, ["Повысить мотивацию", "Новый абзац"]);
    expect(baseline.changes(doc)).toEqual([
      { kind: "paragraph", section: "goal", index: 1, agreed: null, current: "<paragraph>Новый абзац</paragraph>" },
    ]);
  });

  it("pairs paragraphs by their longest common run: changed, added and removed", () => {
    expect(paragraphDiff(["a", "b", "c"], ["a", "B", "c"])).toEqual([{ index: 1, agreed: "b", current: "B" }]);
    expect(paragraphDiff(["a", "c"], ["a", "b", "c"])).toEqual([{ index: 1, agreed: null, current: "b" }]);
    expect(paragraphDiff(["a", "b", "c"], ["a", "c"])).toEqual([{ index: 1, agreed: "b", current: null }]);
    expect(paragraphDiff([], [])).toEqual([]);
  });
});
