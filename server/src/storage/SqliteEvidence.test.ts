import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openSqlite } from "./openSqlite.ts";
import { SqliteEvidence } from "./SqliteEvidence.ts";
import { SqliteStore } from "./SqliteStore.ts";

describe("SqliteEvidence", () => {
  let dir: string;
  let store: SqliteStore;
  let evidence: SqliteEvidence;
  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "karta-evidence-"));
    const db = openSqlite(dir);
    store = new SqliteStore(db);
    evidence = new SqliteEvidence(db);
    for (const id of ["doc-aaaaaaaa", "doc-bbbbbbbb"]) {
      await store.createDocument(
        {
          id,
          title: "Антирисковая программа",
          templateId: "anti-risk-programme",
          templateVersion: 2,
          organisationId: null,
          organisation: "МБОУ СОШ № 5",
          year: 2022,
          createdAt: "2022-01-01T00:00:00.000Z",
          updatedAt: "2022-01-01T00:00:00.000Z",
          status: "draft",
          order: null,
        },
        new Uint8Array([0, 0]),
      );
    }
  });
  afterEach(async () => {
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const file = (id: string, docId = "doc-aaaaaaaa", uploadedAt = "2022-02-01T10:00:00.000Z") => ({
    id,
    docId,
    table: "measures",
    rowId: "row1",
    kind: "file" as const,
    name: "Справка.pdf",
    url: null,
    sha256: "a".repeat(64),
    size: 1234,
    mediaType: "application/pdf",
    uploadedBy: "demo-school5",
    uploadedAt,
  });

  it("lists a document's evidence oldest first, reviews it and hides what was removed", async () => {
    await evidence.add(file("e2", "doc-aaaaaaaa", "2022-02-02T10:00:00.000Z"));
    await evidence.add(file("e1"));
    await evidence.add(file("other", "doc-bbbbbbbb"));
    await evidence.add({
      ...file("link", "doc-aaaaaaaa", "2022-02-03T10:00:00.000Z"),
      kind: "link",
      url: "https://example.ru",
      sha256: null,
      size: null,
      mediaType: null,
    });
    expect((await evidence.list("doc-aaaaaaaa")).map((e) => e.id)).toEqual(["e1", "e2", "link"]);

    const review = { verdict: "rejected" as const, reason: "Нет подписи", by: "demo-curator", at: "2022-02-04" };
    expect(await evidence.review("doc-aaaaaaaa", "e1", review)).toBe(true);
    expect(await evidence.get("doc-aaaaaaaa", "e1")).toMatchObject({
      verdict: "rejected",
      reason: "Нет подписи",
      reviewedBy: "demo-curator",
      removed: false,
    });
    // Another document's id does not reach it.
    expect(await evidence.review("doc-bbbbbbbb", "e1", review)).toBe(false);
    expect(await evidence.get("doc-bbbbbbbb", "e1")).toBeNull();

    expect(await evidence.remove("doc-aaaaaaaa", "e1")).toBe(true);
    expect(await evidence.remove("doc-aaaaaaaa", "e1")).toBe(false);
    expect(await evidence.review("doc-aaaaaaaa", "e1", review)).toBe(false);
    expect((await evidence.list("doc-aaaaaaaa")).map((e) => e.id)).toEqual(["e2", "link"]);
    expect((await evidence.get("doc-aaaaaaaa", "e1"))?.removed).toBe(true);
  });

  it("refuses a file without its hash or a link without its address", async () => {
    await expect(evidence.add({ ...file("bad"), sha256: null })).rejects.toThrow(/CHECK/);
    await expect(evidence.add({ ...file("bad2"), kind: "link" })).rejects.toThrow(/CHECK/);
  });
});
