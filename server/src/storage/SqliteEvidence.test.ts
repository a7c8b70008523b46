import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describeEvidenceStoreContract } from "./contract/evidenceStoreContract.ts";
import { openSqlite } from "./openSqlite.ts";
import { SqliteEvidence } from "./SqliteEvidence.ts";
import { SqliteStore } from "./SqliteStore.ts";

/** The EvidenceStore contract, run against the embedded store (each case in a new data directory). */
describeEvidenceStoreContract("SqliteEvidence", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "karta-evidence-"));
  const db = openSqlite(dir);
  const documents = new SqliteStore(db);
  return {
    documents,
    evidence: new SqliteEvidence(db),
    async dispose() {
      await documents.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
});
