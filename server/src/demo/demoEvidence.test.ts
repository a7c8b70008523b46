import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { KartaDocument } from "@karta/doc";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readStoredDocument } from "../documents/storedDocument.ts";
import { EvidenceFiles } from "../evidence/EvidenceFiles.ts";
import { sniffEvidence } from "../evidence/sniffEvidence.ts";
import { openSqlite } from "../storage/openSqlite.ts";
import { SqliteDirectory } from "../storage/SqliteDirectory.ts";
import { SqliteEvidence } from "../storage/SqliteEvidence.ts";
import { SqliteStore } from "../storage/SqliteStore.ts";
import { DEMO_EVIDENCE_FILE_NAME, DEMO_EVIDENCE_LINK, demoReportPdf } from "./demoEvidence.ts";
import { seedDemo } from "./seedDemo.ts";

describe("the demo's evidence", () => {
  let dir: string;
  let store: SqliteStore;
  let evidence: SqliteEvidence;
  let files: EvidenceFiles;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "karta-demo-evidence-"));
    const db = openSqlite(dir);
    store = new SqliteStore(db);
    evidence = new SqliteEvidence(db);
    files = new EvidenceFiles(path.join(dir, "evidence"));
    expect(await seedDemo(store, new SqliteDirectory(db), { store: evidence, files })).toBe(true);
  });
  afterAll(async () => {
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("puts a PDF accepted by the curator and a link on the first measure of МБОУ СОШ № 5's programme", async () => {
    const programme = (await store.listDocuments()).find(
      (d) => d.organisationId === "slav-sosh-5" && d.templateId === "anti-risk-programme",
    );
    if (!programme) throw new Error("no programme of МБОУ СОШ № 5");
    const { doc } = await readStoredDocument(store, programme.id);
    const first = KartaDocument.open(doc)?.table("measures").rows()[0];
    doc.destroy();

    const items = await evidence.list(programme.id);
    expect(items.map((e) => [e.kind, e.name, e.rowId, e.verdict])).toEqual([
      ["file", DEMO_EVIDENCE_FILE_NAME, first?.id, "accepted"],
      ["link", "Новость на сайте школы об анкетировании", first?.id, null],
    ]);
    expect(items[0]?.reviewedBy).toBe("demo-curator");
    expect(items[1]?.url).toBe(DEMO_EVIDENCE_LINK);

    // The file is where its hash says, and it reads as a PDF by its bytes.
    const pdf = demoReportPdf();
    const sha256 = createHash("sha256").update(pdf).digest("hex");
    expect(items[0]).toMatchObject({ sha256, size: pdf.byteLength, mediaType: "application/pdf" });
    expect(await sniffEvidence(files.pathOf(sha256))).toBe("application/pdf");
  });

  it("puts a file on the approved programme's measures done, one accepted and one not, with the curator's reason", async () => {
    const programme = (await store.listDocuments()).find(
      (d) =>
        d.organisationId === "slav-sosh-5" &&
        d.title ===
          "Антирисковая программа «Недостаточная предметная и методическая компетентность педагогических работников»",
    );
    if (!programme) throw new Error("no approved programme of МБОУ СОШ № 5");
    const { doc } = await readStoredDocument(store, programme.id);
    const done = (KartaDocument.open(doc)?.table("measures").rows() ?? []).filter(
      (r) => r.cells.status === "выполнено",
    );
    doc.destroy();
    const items = await evidence.list(programme.id);
    expect(items.map((e) => [e.rowId, e.verdict])).toEqual([
      [done[0]?.id, "accepted"],
      [done[1]?.id, "rejected"],
    ]);
    expect(items[1]?.reason).toMatch(/подписи/);
    for (const item of items) expect(await sniffEvidence(files.pathOf(item.sha256 as string))).toBe("application/pdf");
  });
});
