import { municipalRoadmap } from "@karta/schema";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { KartaDocument } from "./document.ts";

describe("KartaDocument", () => {
  it("shares one table model per Y.Doc and origin among the handles opened over it", () => {
    const ydoc = new Y.Doc();
    const first = KartaDocument.create(ydoc, municipalRoadmap);
    const rowId = first.table("measures").insertRow(0, { measure: "Мониторинг" });
    // The server opens a room's content again for every read: each read must not add an observer.
    const again = KartaDocument.open(ydoc);
    expect(again?.table("measures")).toBe(first.table("measures"));
    expect(KartaDocument.open(ydoc, { origin: "undo" })?.table("measures")).not.toBe(first.table("measures"));
    // Shared or not, every handle reads the table as it is now.
    again?.table("measures").setCell(rowId, "period", "Ежегодно");
    expect(KartaDocument.open(ydoc)?.table("measures").rows()[0]?.cells.period).toBe("Ежегодно");
    expect(KartaDocument.open(new Y.Doc())).toBeNull();
  });
});
