import { municipalRoadmap, riskProfile } from "@karta/schema";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { KartaDocument } from "./document.ts";
import { ORDER_KEY } from "./roots.ts";
import { MAX_SECTION_DEPTH } from "./sectionContent.ts";
import { findTemplateViolation, templateChecker } from "./validation.ts";

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

describe("rich-text sections: what the editor's schema allows", () => {
  const preamble = (c: Y.Doc) => c.getXmlFragment("section:preamble");
  const element = (name: string, attributes: Record<string, unknown>, children: (Y.XmlElement | Y.XmlText)[] = []) => {
    const e = new Y.XmlElement(name);
    for (const [key, value] of Object.entries(attributes)) e.setAttribute(key, value as string);
    e.insert(0, children);
    return e;
  };
  const text = (value: string, marks?: Record<string, unknown>) => {
    const t = new Y.XmlText();
    t.insert(0, value, marks as Record<string, string> | undefined);
    return t;
  };

  it("accepts headings, lists, links, tables and a live figure as the editor writes them", () => {
    const { doc } = storedRoadmap();
    expect(
      serverVerdict(doc, (c) =>
        preamble(c).insert(0, [
          element("heading", { level: 3 }, [text("Цели")]),
          element("bulletList", {}, [
            element("listItem", {}, [element("paragraph", {}, [text("Первая", { bold: {} })])]),
          ]),
          element("orderedList", { start: 1, type: null }, [element("listItem", {}, [element("paragraph", {})])]),
          element("paragraph", {}, [
            text("Приказ", { link: { href: "https://example.ru/order" } }),
            // What every link of an editor built before LINK_ATTRIBUTES looked like.
            text(" от 21.01", {
              link: {
                href: "https://example.ru/order",
                target: "_blank",
                rel: "noopener noreferrer nofollow",
                class: null,
                title: null,
              },
            }),
            element("hardBreak", {}),
            element("liveFigure", { figure: "shnorShare", organisationId: "slavyansky-rayon", year: 2022 }),
          ]),
          element("table", {}, [
            element("tableRow", {}, [
              element("tableHeader", { colspan: 1, rowspan: 1, colwidth: null }, [element("paragraph", {})]),
              element("tableCell", { colspan: 1, rowspan: 1, colwidth: [120] }, [element("paragraph", {})]),
            ]),
          ]),
        ]),
      ),
    ).toBeNull();
  });

  it("refuses nodes, attributes and marks the editor does not have", () => {
    const { doc } = storedRoadmap();
    expect(serverVerdict(doc, (c) => preamble(c).insert(0, [element("script", {})]))).toMatch(/unknown rich-text node/);
    expect(
      serverVerdict(doc, (c) => preamble(c).insert(0, [element("paragraph", {}, [element("iframe", {})])])),
    ).toMatch(/unknown rich-text node "iframe"/);
    expect(serverVerdict(doc, (c) => preamble(c).insert(0, [element("paragraph", { onclick: "x" })]))).toMatch(
      /attribute "onclick"/,
    );
    expect(
      serverVerdict(doc, (c) => preamble(c).insert(0, [element("paragraph", {}, [text("x", { script: {} })])])),
    ).toMatch(/unknown mark "script"/);
    expect(serverVerdict(doc, (c) => preamble(c).insert(0, [text("text at the root")]))).toMatch(/text directly/);
  });

  it("refuses a link carrying a class, a style or any attribute the editor never writes", () => {
    const { doc } = storedRoadmap();
    const link = (attributes: Record<string, unknown>) => (c: Y.Doc) =>
      preamble(c).insert(0, [
        element("paragraph", {}, [text("ссылка", { link: { href: "https://example.ru", ...attributes } })]),
      ]);
    expect(serverVerdict(doc, link({ class: "ProseMirror-hideselection overlay" }))).toMatch(
      /attribute "class" is not allowed on a link/,
    );
    expect(serverVerdict(doc, link({ style: "position:fixed;inset:0" }))).toMatch(/attribute "style"/);
    expect(serverVerdict(doc, link({ onmouseover: "alert(1)" }))).toMatch(/attribute "onmouseover"/);
    expect(serverVerdict(doc, link({ target: "_self" }))).toMatch(/attribute "target"/);
    expect(serverVerdict(doc, link({ rel: "opener" }))).toMatch(/attribute "rel"/);
    expect(serverVerdict(doc, link({ title: "Войдите заново на evil.example" }))).toMatch(/attribute "title"/);
    expect(serverVerdict(doc, link({ constructor: "x" }))).toMatch(/attribute "constructor"/);
    expect(
      serverVerdict(doc, (c) =>
        preamble(c).insert(0, [element("paragraph", {}, [text("жирный", { bold: { class: "x" } })])]),
      ),
    ).toMatch(/mark "bold" has attributes/);
  });

  it("refuses a link to javascript: and a live figure of an unknown kind", () => {
    const { doc } = storedRoadmap();
    const link = (href: string) => (c: Y.Doc) =>
      preamble(c).insert(0, [element("paragraph", {}, [text("ссылка", { link: { href } })])]);
    expect(serverVerdict(doc, link("javascript:alert(1)"))).toMatch(/link/);
    expect(serverVerdict(doc, link("mailto:cmo@example.ru"))).toBeNull();
    expect(
      serverVerdict(doc, (c) =>
        preamble(c).insert(0, [element("liveFigure", { figure: "salary", organisationId: "x", year: 2022 })]),
      ),
    ).toMatch(/unknown kind/);
  });

  it("checks later changes too: an attribute set, a mark applied, an element added to an old paragraph", () => {
    const { doc } = storedRoadmap();
    const paragraph = element("paragraph", {}, [text("Текст")]);
    doc.getXmlFragment("section:preamble").insert(0, [paragraph]);
    const old = (c: Y.Doc) => preamble(c).get(0) as Y.XmlElement;
    expect(serverVerdict(doc, (c) => old(c).setAttribute("style", "x"))).toMatch(/attribute "style"/);
    expect(serverVerdict(doc, (c) => (old(c).get(0) as Y.XmlText).format(0, 2, { italic: {} }))).toBeNull();
    expect(serverVerdict(doc, (c) => (old(c).get(0) as Y.XmlText).format(0, 2, { color: "red" }))).toMatch(
      /unknown mark "color"/,
    );
    expect(serverVerdict(doc, (c) => (old(c).get(0) as Y.XmlText).insertEmbed(1, { image: "x" }))).toMatch(/embedded/);
    expect(serverVerdict(doc, (c) => old(c).insert(1, [element("heading", { level: 3 })]))).toBeNull();
    expect(serverVerdict(doc, (c) => old(c).insert(1, [new Y.XmlHook("h") as never]))).not.toBeNull();
  });
});

describe("nesting in a section", () => {
  /** Lists nested `levels` deep (bulletList > listItem > bulletList …), attached level by level in one transaction. */
  const nestLists = (client: Y.Doc, levels: number) =>
    client.transact(() => {
      let parent: Y.XmlFragment | Y.XmlElement = client.getXmlFragment("section:preamble");
      for (let i = 0; i < levels; i++) {
        const list = new Y.XmlElement("bulletList");
        parent.insert(parent.length, [list]);
        const item = new Y.XmlElement("listItem");
        list.insert(0, [item]);
        const paragraph = new Y.XmlElement("paragraph");
        paragraph.insert(0, [new Y.XmlText(`уровень ${i}`)]);
        item.insert(0, [paragraph]);
        parent = item;
      }
    });

  it("accepts lists nested as deep as real texts go", () => {
    expect(serverVerdict(storedRoadmap().doc, (c) => nestLists(c, 6))).toBeNull();
  });

  it(`refuses elements nested deeper than ${MAX_SECTION_DEPTH}, 5,000 deep too`, () => {
    expect(serverVerdict(storedRoadmap().doc, (c) => nestLists(c, MAX_SECTION_DEPTH))).toMatch(/nested deeper/);
    expect(serverVerdict(storedRoadmap().doc, (c) => nestLists(c, 5_000))).toMatch(/nested deeper/);
  });
});

describe("templateChecker, made once for a room", () => {
  it("gives every update of a session the verdict a fresh check gives, roots arriving late included", () => {
    const check = templateChecker(municipalRoadmap);
    // Two copies of the server's document, receiving the same updates: one checked by the
    // room's checker, one by a check made afresh for every update.
    const server = new Y.Doc();
    const control = new Y.Doc();
    const client = new Y.Doc();
    const verdicts: (string | null)[] = [];
    const fresh: (string | null)[] = [];
    server.on("afterTransaction", (tr: Y.Transaction) => verdicts.push(check(server, tr)));
    control.on("afterTransaction", (tr: Y.Transaction) =>
      fresh.push(findTemplateViolation(control, municipalRoadmap, tr)),
    );
    const send = (write: (doc: Y.Doc) => void) => {
      const before = Y.encodeStateVector(client);
      write(client);
      const update = Y.encodeStateAsUpdate(client, before);
      Y.applyUpdate(server, update);
      Y.applyUpdate(control, update);
    };
    const table = () => new KartaDocument(client, municipalRoadmap).table("measures");
    send((c) => KartaDocument.create(c, municipalRoadmap)); // the template stamp: written by the server only
    let rowId = "";
    send(() => {
      rowId = table().insertRow(0, { measure: "Мониторинг" });
    });
    send(() => table().setCell(rowId, "period", "Ежегодно"));
    send((c) => rowsOf(c).get(rowId)?.set("period", 42)); // an invalid value in a changed key
    send((c) => c.getMap("evil").set("x", 1)); // a root that appears later
    send((c) => rowsOf(c).get(rowId)?.delete(ORDER_KEY)); // an existing row loses its order
    expect(verdicts).toEqual(fresh);
    expect(verdicts.slice(1, 3)).toEqual([null, null]);
    expect(verdicts[3]).toMatch(/invalid value in column "period"/);
    expect(verdicts[4]).toMatch(/unknown root "evil"/);
    expect(verdicts[5]).toMatch(/missing or invalid order/);
  });
});
