import { municipalRoadmap } from "@karta/schema";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { KartaDocument } from "./document.ts";
import { MAX_SECTION_DEPTH } from "./sectionContent.ts";
import { findTemplateViolation } from "./validation.ts";

/** The server's verdict on what a client writes into a roadmap's preamble, in one transaction. */
function verdictOn(write: (preamble: Y.XmlFragment) => void): string | null {
  const stored = new Y.Doc();
  KartaDocument.create(stored, municipalRoadmap);
  const server = new Y.Doc();
  Y.applyUpdate(server, Y.encodeStateAsUpdate(stored));
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(stored));
  const before = Y.encodeStateVector(client);
  client.transact(() => write(client.getXmlFragment("section:preamble")));
  let verdict: string | null = "no transaction";
  server.once("afterTransaction", (tr: Y.Transaction) => {
    verdict = findTemplateViolation(server, municipalRoadmap, tr);
  });
  Y.applyUpdate(server, Y.encodeStateAsUpdate(client, before));
  return verdict;
}

/** Lists nested `depth` deep (bulletList > listItem > bulletList …), attached level by level. */
function nestLists(preamble: Y.XmlFragment, levels: number): void {
  let parent: Y.XmlFragment | Y.XmlElement = preamble;
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
}

describe("nesting in a section", () => {
  it("accepts lists nested as deep as real texts go", () => {
    expect(verdictOn((p) => nestLists(p, 6))).toBeNull();
  });

  it(`refuses elements nested deeper than ${MAX_SECTION_DEPTH}, 5,000 deep too`, () => {
    expect(verdictOn((p) => nestLists(p, MAX_SECTION_DEPTH))).toMatch(/nested deeper/);
    expect(verdictOn((p) => nestLists(p, 5_000))).toMatch(/nested deeper/);
  });
});
