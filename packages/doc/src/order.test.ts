import { municipalRoadmap } from "@karta/schema";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { KartaDocument } from "./document.ts";
import { keyBetween, keysBetween } from "./order.ts";
import type { RowSnapshot } from "./rowSnapshot.ts";
import { findTemplateViolation, MAX_ORDER_KEY_LENGTH } from "./validation.ts";

/**
 * The server's view (as in validation.test.ts): a roadmap stored with `stored`
 * rows, then one update from a client that wrote `write`; what the validator says.
 */
function serverVerdict(
  stored: readonly string[],
  write: (table: ReturnType<KartaDocument["table"]>) => void,
): { verdict: string | null; rows: readonly RowSnapshot[] } {
  const original = new Y.Doc();
  KartaDocument.create(original, municipalRoadmap)
    .table("measures")
    .insertRows(
      0,
      stored.map((measure) => ({ measure })),
    );
  const server = new Y.Doc();
  Y.applyUpdate(server, Y.encodeStateAsUpdate(original));
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(original));
  const before = Y.encodeStateVector(client);
  const table = new KartaDocument(client, municipalRoadmap).table("measures");
  write(table);
  let verdict: string | null = "no transaction";
  server.once("afterTransaction", (tr: Y.Transaction) => {
    verdict = findTemplateViolation(server, municipalRoadmap, tr);
  });
  Y.applyUpdate(server, Y.encodeStateAsUpdate(client, before));
  return { verdict, rows: table.rows() };
}

describe("keysBetween", () => {
  it("gives n keys in order strictly between the neighbours", () => {
    const keys = keysBetween("a0", "a1", 50);
    expect(keys).toHaveLength(50);
    expect([...keys].sort()).toEqual(keys);
    expect(new Set(keys).size).toBe(50);
    expect((keys[0] ?? "") > "a0" && (keys.at(-1) ?? "") < "a1").toBe(true);
  });

  it("goes past a tie to the next greater key, as keyBetween does", () => {
    const keys = keysBetween("a1", "a1", 3, ["a1", "a2"]);
    expect(keys.every((k) => k > "a1" && k < "a2")).toBe(true);
    expect(keysBetween("a1", "a1", 1, ["a1", "a2"])[0]).toBe(keyBetween("a1", "a1", ["a1", "a2"]));
  });

  it("still gives ordered keys after keys that are not fractional indices", () => {
    const keys = keysBetween("not a key", null, 3);
    expect(keys).toHaveLength(3);
    expect([...keys].sort()).toEqual(keys);
    expect((keys[0] ?? "") > "not a key").toBe(true);
  });

  it("gives none for no rows", () => {
    expect(keysBetween(null, null, 0)).toEqual([]);
  });
});

describe("inserting many rows at one place", () => {
  it("keeps 10,000 rows inserted between two rows within MAX_ORDER_KEY_LENGTH, and the server accepts them", () => {
    const cells = Array.from({ length: 10_000 }, (_, i) => ({ measure: `Мероприятие ${i + 1}` }));
    const { verdict, rows } = serverVerdict(["первая", "последняя"], (table) => table.insertRows(1, cells));
    expect(rows).toHaveLength(10_002);
    expect(rows[0]?.cells.measure).toBe("первая");
    expect(rows[1]?.cells.measure).toBe("Мероприятие 1");
    expect(rows[10_000]?.cells.measure).toBe("Мероприятие 10000");
    expect(rows[10_001]?.cells.measure).toBe("последняя");
    const longest = Math.max(...rows.map((r) => r.order.length));
    expect(longest).toBeLessThanOrEqual(MAX_ORDER_KEY_LENGTH);
    // Halving the gap: a handful of characters, not hundreds.
    expect(longest).toBeLessThanOrEqual(8);
    expect(verdict).toBeNull();
    // 10,000 rows through the server's check: well under 5 s alone, not always beside other test runs.
  }, 30_000);

  it("keeps keys short when a second batch goes between rows of the first", () => {
    const { verdict, rows } = serverVerdict([], (table) => {
      table.insertRows(
        0,
        Array.from({ length: 2_000 }, (_, i) => ({ measure: `a${i}` })),
      );
      table.insertRows(
        1_000,
        Array.from({ length: 2_000 }, (_, i) => ({ measure: `b${i}` })),
      );
    });
    expect(rows[1_000]?.cells.measure).toBe("b0");
    expect(rows[2_999]?.cells.measure).toBe("b1999");
    expect(rows[3_000]?.cells.measure).toBe("a1000");
    expect(Math.max(...rows.map((r) => r.order.length))).toBeLessThanOrEqual(12);
    expect(verdict).toBeNull();
  });
});
