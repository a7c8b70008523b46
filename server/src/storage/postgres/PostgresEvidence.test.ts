import { describeEvidenceStoreContract } from "../contract/evidenceStoreContract.ts";
import { PostgresDocumentStore } from "./PostgresDocumentStore.ts";
import { PostgresEvidence } from "./PostgresEvidence.ts";
import { createTestSchema, describePostgres, openTestPool } from "./testPostgres.ts";

describePostgres("PostgresEvidence", () => {
  /** The EvidenceStore contract, each case in a schema of its own. */
  describeEvidenceStoreContract("PostgresEvidence", async () => {
    const { schema, drop } = await createTestSchema();
    const pool = await openTestPool(schema);
    const documents = new PostgresDocumentStore(pool);
    return {
      documents,
      evidence: new PostgresEvidence(pool),
      async dispose() {
        await documents.close();
        await drop();
      },
    };
  });
});
