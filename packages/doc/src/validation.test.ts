import { municipalRoadmap, riskProfile } from "@karta/schema";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { KartaDocument } from "./document.ts";
import { findCommentsViolation, findTemplateViolation } from "./validation.ts";

/**
 * The server's view: a document loaded from stored updates (roots untyped),
 * receiving one update from a client; returns what the validator says.
 */
function serverVerdict(stored: Y.Doc, clientWrites: (client: Y.Doc) => void): string | null {
  const server = new Y.Doc();
  Y.applyUpdate(server, Y.encodeStateAsUpdate(stored));
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(stored));
  const before = Y.encodeStateVector(client);
  clientWrites(client);
  const update = Y.encodeStateAsUpdate(client, before);
  let verdict: string | null = "no transaction";
  server.once("afterTransaction", (tr: Y.Transaction) => {
    verdict = findTemplateViolation(server, municipalRoadmap, tr);
  });
  Y.applyUpdate(server, update);
  return verdict;
}

function storedRoadmap(): { doc: Y.Doc; rowId: string } {
  const doc = new Y.Doc();
  const rowId = KartaDocument.create(doc, municipalRoadmap).table("measures").insertRow(0, { measure: "Мониторинг" });
  return { doc, rowId };
}

const rowsOf = (doc: Y.Doc) => doc.getMap<Y.Map<unknown>>("table:measures");

describe("findTemplateViolation", () => {
  it("accepts what the table model writes: rows inserted, moved, edited, deleted", () => {
    const { doc, rowId } = storedRoadmap();
    expect(
      serverVerdict(doc, (c) => {
        const t = new KartaDocument(c, municipalRoadmap).table("measures");
        t.insertRow(1, { measure: "Семинар", period: "Ежегодно", responsible: "ЦОКО" });
        t.setCell(rowId, "document", "Приказ");
      }),
    ).toBeNull();
    expect(
      serverVerdict(doc, (c) => new KartaDocument(c, municipalRoadmap).table("measures").moveRow(rowId, 0)),
    ).toBeNull();
    expect(
      serverVerdict(doc, (c) => new KartaDocument(c, municipalRoadmap).table("measures").deleteRow(rowId)),
    ).toBeNull();
    expect(serverVerdict(doc, (c) => rowsOf(c).get(rowId)?.delete("document"))).toBeNull();
  });

  it("refuses an unknown root", () => {
    const { doc } = storedRoadmap();
    expect(serverVerdict(doc, (c) => c.getMap("evil").set("x", 1))).toMatch(/unknown root "evil"/);
    expect(serverVerdict(doc, (c) => c.getText("table:other").insert(0, "x"))).toMatch(/unknown root/);
  });

  it("refuses a non-primitive value in a cell", () => {
    const { doc, rowId } = storedRoadmap();
    expect(serverVerdict(doc, (c) => rowsOf(c).get(rowId)?.set("measure", new Y.Map()))).toMatch(/shared type/);
    expect(serverVerdict(doc, (c) => rowsOf(c).get(rowId)?.set("measure", { html: "<b>" }))).toMatch(/invalid value/);
    expect(serverVerdict(doc, (c) => rowsOf(c).get(rowId)?.set("measure", [1, 2]))).toMatch(/invalid value/);
  });

  it("refuses unknown columns, the derived № and a row without order", () => {
    const { doc, rowId } = storedRoadmap();
    expect(serverVerdict(doc, (c) => rowsOf(c).get(rowId)?.set("salary", "1"))).toMatch(/unknown column/);
    expect(serverVerdict(doc, (c) => rowsOf(c).get(rowId)?.set("n", 7))).toMatch(/derived/);
    expect(serverVerdict(doc, (c) => rowsOf(c).get(rowId)?.delete("order"))).toMatch(/order/);
    expect(serverVerdict(doc, (c) => rowsOf(c).set("r2", new Y.Map([["measure", "x"]])))).toMatch(/order/);
  });

  it("refuses a row that is not a map, list content in a table, and writes to the template stamp", () => {
    const { doc } = storedRoadmap();
    expect(serverVerdict(doc, (c) => rowsOf(c).set("r3", "text" as never))).toMatch(/not a map/);
    expect(serverVerdict(doc, (c) => c.getMap("meta").set("templateId", "other"))).toMatch(/meta/);
  });

  it("refuses content nested below a row", () => {
    const { doc, rowId } = storedRoadmap();
    expect(
      serverVerdict(doc, (c) => {
        const nested = new Y.Map<unknown>();
        rowsOf(c).get(rowId)?.set("measure", nested);
        nested.set("deep", "x");
      }),
    ).not.toBeNull();
  });
});

describe("locked columns", () => {
  it("refuses a change to a column the template fills, and a new row carrying one", () => {
    const doc = new Y.Doc();
    KartaDocument.create(doc, riskProfile);
    const rowId = [...doc.getMap("table:factors").keys()][0] as string;
    const verdict = (write: (c: Y.Doc) => void) => {
      const server = new Y.Doc();
      Y.applyUpdate(server, Y.encodeStateAsUpdate(doc));
      const client = new Y.Doc();
      Y.applyUpdate(client, Y.encodeStateAsUpdate(doc));
      const sv = Y.encodeStateVector(client);
      write(client);
      let result: string | null = "none";
      server.once("afterTransaction", (tr: Y.Transaction) => {
        result = findTemplateViolation(server, riskProfile, tr);
      });
      Y.applyUpdate(server, Y.encodeStateAsUpdate(client, sv));
      return result;
    };
    const factors = (c: Y.Doc) => c.getMap<Y.Map<unknown>>("table:factors");
    expect(verdict((c) => factors(c).get(rowId)?.set("relevant", true))).toBeNull();
    expect(verdict((c) => factors(c).get(rowId)?.set("factor", "Другой фактор"))).toMatch(/set by the template/);
    expect(
      verdict((c) =>
        factors(c).set(
          "new",
          new Y.Map<unknown>([
            ["order", "z"],
            ["factor", "Свой фактор"],
          ]),
        ),
      ),
    ).toMatch(/set by the template/);
  });
});

describe("rich-text sections", () => {
  it("accepts paragraphs and marks written into a section of the template", () => {
    const { doc } = storedRoadmap();
    expect(
      serverVerdict(doc, (c) => {
        const paragraph = new Y.XmlElement("paragraph");
        const text = new Y.XmlText();
        paragraph.insert(0, [text]);
        c.getXmlFragment("section:preamble").insert(0, [paragraph]);
        text.insert(0, "Приказ № 156 от 21.01.2022", { bold: true });
      }),
    ).toBeNull();
  });

  it("refuses a section the template does not have, and a section used as a map", () => {
    const { doc } = storedRoadmap();
    expect(serverVerdict(doc, (c) => c.getXmlFragment("section:secret").insert(0, [new Y.XmlText("x")]))).toMatch(
      /unknown root "section:secret"/,
    );
    expect(serverVerdict(doc, (c) => c.getMap("section:preamble").set("x", 1))).not.toBeNull();
  });
});

describe("findCommentsViolation", () => {
  it("accepts threads and refuses any other root", () => {
    const server = new Y.Doc();
    const verdicts: (string | null)[] = [];
    server.on("afterTransaction", (tr: Y.Transaction) => verdicts.push(findCommentsViolation(server, tr)));
    const client = new Y.Doc();
    client.on("update", (u: Uint8Array) => Y.applyUpdate(server, u));
    client.getMap("threads").set("t1", new Y.Map([["text", "Уточните сроки"]]));
    client.getMap("other").set("x", 1);
    expect(verdicts).toEqual([null, 'unknown root "other"']);
  });
});
