import { antiRiskProgramme, templates } from "@karta/schema";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { KartaDocument } from "./document.ts";
import { readMeta } from "./meta.ts";
import { upgradeDocument } from "./migrations.ts";

describe("upgradeDocument", () => {
  it("brings a v1 anti-risk programme to the current version, keeping its rows", () => {
    const ydoc = new Y.Doc();
    const doc = KartaDocument.create(ydoc, antiRiskProgramme);
    doc.table("measures").insertRow(0, { measure: "Анкетирование" });
    ydoc.getMap("meta").set("templateVersion", 1);
    expect(upgradeDocument(ydoc)).toEqual({
      templateId: "anti-risk-programme",
      from: 1,
      to: antiRiskProgramme.version,
    });
    expect(readMeta(ydoc)?.templateVersion).toBe(antiRiskProgramme.version);
    expect(doc.table("measures").rows()[0]?.cells.measure).toBe("Анкетирование");
    expect(upgradeDocument(ydoc)).toBeNull();
  });

  it("has a path from version 1 for every template", () => {
    for (const template of templates) {
      const ydoc = new Y.Doc();
      KartaDocument.create(ydoc, template);
      ydoc.getMap("meta").set("templateVersion", 1);
      expect(() => upgradeDocument(ydoc), template.id).not.toThrow();
      expect(readMeta(ydoc)?.templateVersion).toBe(template.version);
    }
  });

  it("refuses a document newer than the code", () => {
    const ydoc = new Y.Doc();
    KartaDocument.create(ydoc, antiRiskProgramme);
    ydoc.getMap("meta").set("templateVersion", 99);
    expect(() => upgradeDocument(ydoc)).toThrow(/newer/);
  });
});
