import { afterEach, describe, expect, it } from "vitest";
import type { DocumentStore } from "../DocumentStore.ts";
import type { EvidenceStore } from "../EvidenceStore.ts";

/** An evidence store beside a document store on fresh, empty storage. */
export interface OpenedEvidenceStore {
  readonly documents: DocumentStore;
  readonly evidence: EvidenceStore;
  /** Closes what is still open and deletes the data. */
  dispose(): Promise<void>;
}

/**
 * The EvidenceStore contract: every implementation (SQLite, PostgreSQL) runs
 * these same cases, from its own *.test.ts.
 */
export function describeEvidenceStoreContract(name: string, openStore: () => Promise<OpenedEvidenceStore>): void {
  describe(`${name}: the EvidenceStore contract`, () => {
    let opened: OpenedEvidenceStore | undefined;
    let evidence: EvidenceStore;
    const open = async () => {
      opened = await openStore();
      evidence = opened.evidence;
      for (const id of ["doc-aaaaaaaa", "doc-bbbbbbbb"]) {
        await opened.documents.createDocument(
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
    };
    afterEach(async () => {
      await opened?.dispose();
      opened = undefined;
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
      await open();
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
      expect(await evidence.get("doc-aaaaaaaa", "e1")).toEqual({
        ...file("e1"),
        verdict: null,
        reason: "",
        reviewedBy: null,
        reviewedAt: null,
        removed: false,
      });

      const review = { verdict: "rejected" as const, reason: "Нет подписи", by: "demo-curator", at: "2022-02-04" };
      expect(await evidence.review("doc-aaaaaaaa", "e1", review)).toBe(true);
      expect(await evidence.get("doc-aaaaaaaa", "e1")).toMatchObject({
        verdict: "rejected",
        reason: "Нет подписи",
        reviewedBy: "demo-curator",
        reviewedAt: "2022-02-04",
        removed: false,
      });
      // A later verdict replaces the earlier one.
      expect(await evidence.review("doc-aaaaaaaa", "e1", { ...review, verdict: "accepted", reason: "" })).toBe(true);
      expect(await evidence.get("doc-aaaaaaaa", "e1")).toMatchObject({ verdict: "accepted", reason: "" });
      // Another document's id does not reach it.
      expect(await evidence.review("doc-bbbbbbbb", "e1", review)).toBe(false);
      expect(await evidence.get("doc-bbbbbbbb", "e1")).toBeNull();
      expect(await evidence.remove("doc-bbbbbbbb", "e1")).toBe(false);

      expect(await evidence.remove("doc-aaaaaaaa", "e1")).toBe(true);
      expect(await evidence.remove("doc-aaaaaaaa", "e1")).toBe(false);
      expect(await evidence.review("doc-aaaaaaaa", "e1", review)).toBe(false);
      expect((await evidence.list("doc-aaaaaaaa")).map((e) => e.id)).toEqual(["e2", "link"]);
      expect((await evidence.get("doc-aaaaaaaa", "e1"))?.removed).toBe(true);
      expect(await evidence.remove("doc-aaaaaaaa", "missing")).toBe(false);
    });

    it("lists evidence uploaded at the same moment in the order it was added", async () => {
      await open();
      for (const id of ["z", "a", "m"]) await evidence.add(file(id));
      expect((await evidence.list("doc-aaaaaaaa")).map((e) => e.id)).toEqual(["z", "a", "m"]);
    });

    it("refuses a file without its hash, a link without its address, and an unknown document", async () => {
      await open();
      await expect(evidence.add({ ...file("bad"), sha256: null })).rejects.toThrow(/check/i);
      await expect(evidence.add({ ...file("bad2"), kind: "link" })).rejects.toThrow(/check/i);
      await expect(evidence.add(file("bad3", "doc-missing"))).rejects.toThrow(/foreign key/i);
      await evidence.add(file("e1"));
      await expect(evidence.add(file("e1"))).rejects.toThrow();
      expect(await evidence.list("doc-aaaaaaaa")).toHaveLength(1);
    });
  });
}
