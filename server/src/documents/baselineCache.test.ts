import { KartaDocument } from "@karta/doc";
import { antiRiskProgramme } from "@karta/schema";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { BaselineCache } from "./baselineCache.ts";

function agreedState(): Uint8Array {
  const doc = new Y.Doc();
  const document = KartaDocument.create(doc, antiRiskProgramme);
  document.table("measures").insertRow(0, { measure: "Анкетирование" });
  return Y.encodeStateAsUpdate(doc);
}

describe("BaselineCache", () => {
  it("decodes a version once and hands back the same baseline", async () => {
    const cache = new BaselineCache();
    let loads = 0;
    const load = async () => {
      loads += 1;
      return agreedState();
    };
    const first = await cache.get("d1", 1, antiRiskProgramme, load);
    const again = await cache.get("d1", 1, antiRiskProgramme, load);
    expect(first).not.toBeNull();
    expect(again).toBe(first);
    expect(loads).toBe(1);
  });

  it("drops a document's older agreement and the least recently used beyond the limit", async () => {
    const cache = new BaselineCache(2);
    let loads = 0;
    const load = async () => {
      loads += 1;
      return agreedState();
    };
    await cache.get("d1", 1, antiRiskProgramme, load);
    await cache.get("d1", 2, antiRiskProgramme, load);
    await cache.get("d2", 1, antiRiskProgramme, load);
    await cache.get("d3", 1, antiRiskProgramme, load);
    expect(loads).toBe(4);
    // d1@2 was the least recently used of the two kept: it is decoded again; d3 is still there.
    await cache.get("d3", 1, antiRiskProgramme, load);
    expect(loads).toBe(4);
    await cache.get("d1", 2, antiRiskProgramme, load);
    expect(loads).toBe(5);
  });

  it("answers null when the version's state is gone", async () => {
    expect(await new BaselineCache().get("d1", 1, antiRiskProgramme, async () => null)).toBeNull();
  });
});
