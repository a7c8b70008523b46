import { findTemplateViolation, KartaDocument, SECTION_MARKS, SECTION_NODES } from "@karta/doc";
import { municipalRoadmap } from "@karta/schema";
import { getSchema } from "@tiptap/core";
import { prosemirrorJSONToYXmlFragment } from "@tiptap/y-tiptap";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { schemaExtensions } from "./sectionExtensions.ts";

const schema = getSchema(schemaExtensions(null));

describe("the section editor's schema", () => {
  it("has exactly the nodes and attributes the server accepts", () => {
    const nodes = Object.fromEntries(
      Object.entries(schema.nodes)
        .filter(([name]) => name !== "doc" && name !== "text")
        .map(([name, type]) => [name, Object.keys(type.spec.attrs ?? {}).sort()]),
    );
    const accepted = Object.fromEntries(
      Object.entries(SECTION_NODES).map(([name, attrs]) => [name, [...attrs].sort()]),
    );
    expect(nodes).toEqual(accepted);
  });

  it("has exactly the marks the server accepts", () => {
    expect(Object.keys(schema.marks).sort()).toEqual([...SECTION_MARKS].sort());
  });

  it("writes what the server's validation accepts: a document using every node and mark", () => {
    const stored = new Y.Doc();
    KartaDocument.create(stored, municipalRoadmap);
    const server = new Y.Doc();
    Y.applyUpdate(server, Y.encodeStateAsUpdate(stored));
    const client = new Y.Doc();
    Y.applyUpdate(client, Y.encodeStateAsUpdate(stored));
    const before = Y.encodeStateVector(client);
    const text = (t: string, marks?: object[]) => ({ type: "text", text: t, ...(marks ? { marks } : {}) });
    const paragraph = (...content: object[]) => ({ type: "paragraph", content });
    const cell = (type: string, t: string) => ({ type, content: [paragraph(text(t))] });
    prosemirrorJSONToYXmlFragment(
      schema,
      {
        type: "doc",
        content: [
          { type: "heading", attrs: { level: 3 }, content: [text("Цели")] },
          paragraph(
            text("Приказ", [{ type: "bold" }, { type: "italic" }]),
            { type: "hardBreak" },
            text("ссылка", [{ type: "link", attrs: { href: "https://example.ru" } }]),
            { type: "liveFigure", attrs: { figure: "shnorShare", organisationId: "m", year: 2022 } },
          ),
          { type: "bulletList", content: [{ type: "listItem", content: [paragraph(text("пункт"))] }] },
          { type: "orderedList", content: [{ type: "listItem", content: [paragraph(text("первый"))] }] },
          {
            type: "table",
            content: [
              { type: "tableRow", content: [cell("tableHeader", "Показатель"), cell("tableHeader", "Значение")] },
              { type: "tableRow", content: [cell("tableCell", "ШНОР"), cell("tableCell", "16")] },
            ],
          },
        ],
      },
      client.getXmlFragment("section:preamble"),
    );
    let verdict: string | null = "no transaction";
    server.once("afterTransaction", (tr: Y.Transaction) => {
      verdict = findTemplateViolation(server, municipalRoadmap, tr);
    });
    Y.applyUpdate(server, Y.encodeStateAsUpdate(client, before));
    expect(verdict).toBeNull();
    expect(server.getXmlFragment("section:preamble").toString()).toContain("<livefigure");
  });
});
