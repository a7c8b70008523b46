import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describeDocumentStoreContract } from "./contract/documentStoreContract.ts";
import type { DocumentStore } from "./DocumentStore.ts";
import { SqliteStore } from "./SqliteStore.ts";

/** The DocumentStore contract, run against the embedded store (each case in a new data directory). */
describeDocumentStoreContract("SqliteStore", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "karta-store-"));
  const stores: DocumentStore[] = [new SqliteStore(dir)];
  return {
    store: stores[0] as DocumentStore,
    async reopen() {
      const store = new SqliteStore(dir);
      stores.push(store);
      return store;
    },
    async dispose() {
      for (const s of stores) await s.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
});
