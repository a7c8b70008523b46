import { findTemplateViolation, KartaDocument, LINK_ATTRIBUTES, SECTION_MARKS, SECTION_NODES } from "@karta/doc";
import { municipalRoadmap } from "@karta/schema";
import { getSchema } from "@tiptap/core";
import { prosemirrorJSONToYXmlFragment, yXmlFragmentToProseMirrorRootNode } from "@tiptap/y-tiptap";
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

  it("keeps only the address of a link, and renders rel and target of its own", () => {
    expect(Object.keys(schema.marks.link?.spec.attrs ?? {}).sort()).toEqual([...LINK_ATTRIBUTES].sort());
    // A link as a hostile editor (or an older one) may have stored it.
    const ydoc = new Y.Doc();
    const paragraph = new Y.XmlElement("paragraph");
    const text = new Y.XmlText();
    text.insert(0, "ссылка", {
      link: { href: "https://example.ru", class: "overlay", style: "position:fixed", rel: "opener", target: "_self" },
    } as never);
    paragraph.insert(0, [text]);
    ydoc.getXmlFragment("section:preamble").insert(0, [paragraph]);
    const node = yXmlFragmentToProseMirrorRootNode(ydoc.getXmlFragment("section:preamble"), schema);
    const link = node.firstChild?.firstChild?.marks.find((m) => m.type.name === "link");
    if (!link) throw new Error("the link mark was lost");
    expect(link.attrs).toEqual({ href: "https://example.ru" });
    const toDOM = link.type.spec.toDOM;
    if (!toDOM) throw new Error("the link mark has no toDOM");
    const [tag, attributes] = toDOM(link, true) as [string, Record<string, unknown>];
    // ProseMirror's DOM serializer leaves out attributes that are null.
    const rendered = Object.fromEntries(Object.entries(attributes).filter(([, value]) => value != null));
    expect([tag, rendered]).toEqual([
      "a",
      { href: "https://example.ru", rel: "noopener noreferrer nofollow", target: "_blank" },
    ]);
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
