import { antiRiskProgramme } from "@karta/schema";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { KartaDocument } from "./document.ts";
import { restoreVersion } from "./restoreVersion.ts";
import { sectionRootName, tableRootName } from "./roots.ts";

/** What a reader sees of the content: every table's rows by id and every section's text. */
function contentJson(doc: KartaDocument) {
  return {
    tables: Object.fromEntries(doc.template.tables.map((t) => [t.id, doc.ydoc.getMap(tableRootName(t.id)).toJSON()])),
    sections: Object.fromEntries(
      doc.template.sections.map((s) => [s.id, doc.ydoc.getXmlFragment(sectionRootName(s.id)).toString()]),
    ),
  };
}

function writeGoal(doc: KartaDocument, text: string) {
  const fragment = doc.section("goal");
  doc.ydoc.transact(() => {
    if (fragment.length > 0) fragment.delete(0, fragment.length);
    const paragraph = new Y.XmlElement("paragraph");
    paragraph.insert(0, [new Y.XmlText(text)]);
    fragment.insert(0, [paragraph]);
  });
}

describe("restoreVersion", () => {
  it("makes the content equal the version, as one change another replica receives", () => {
    const doc = KartaDocument.create(new Y.Doc(), antiRiskProgramme);
    const measures = doc.table("measures");
    const kept = measures.insertRow(0, { measure: "Диагностика", period: "Март 2023" });
    const removedLater = measures.insertRow(1, { measure: "Семинар" });
    writeGoal(doc, "Снизить долю обучающихся с рисками");
    const version = new Y.Doc();
    Y.applyUpdate(version, Y.encodeStateAsUpdate(doc.ydoc));
    const expected = contentJson(doc);

    measures.setCell(kept, "period", "Апрель 2023");
    measures.deleteRow(removedLater);
    measures.insertRow(0, { measure: "Новая строка" });
    measures.moveRow(kept, 1);
    writeGoal(doc, "Другая цель");
    expect(contentJson(doc)).not.toEqual(expected);

    const peer = new Y.Doc();
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(doc.ydoc));
    doc.ydoc.on("update", (update: Uint8Array) => Y.applyUpdate(peer, update));
    restoreVersion(doc, version);

    expect(contentJson(doc)).toEqual(expected);
    const peerDoc = KartaDocument.open(peer);
    expect(peerDoc && contentJson(peerDoc)).toEqual(expected);
    expect(measures.rows().map((r) => r.id)).toEqual([kept, removedLater]);
  });

  it("changes nothing when the content already is the version", () => {
    const doc = KartaDocument.create(new Y.Doc(), antiRiskProgramme);
    doc.table("measures").insertRow(0, { measure: "Диагностика" });
    writeGoal(doc, "Цель");
    const version = new Y.Doc();
    Y.applyUpdate(version, Y.encodeStateAsUpdate(doc.ydoc));
    const updates: Uint8Array[] = [];
    doc.ydoc.on("update", (u: Uint8Array) => updates.push(u));
    restoreVersion(doc, version);
    expect(updates).toEqual([]);
  });
});
