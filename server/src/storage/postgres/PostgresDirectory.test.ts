import type pg from "pg";
import { describeDirectoryStoreContract } from "../contract/directoryStoreContract.ts";
import { PostgresDirectory } from "./PostgresDirectory.ts";
import { createTestSchema, describePostgres, openTestPool } from "./testPostgres.ts";

describePostgres("PostgresDirectory", () => {
  /** The DirectoryStore contract, each case in a schema of its own; a reopen is another pool on it. */
  describeDirectoryStoreContract("PostgresDirectory", async () => {
    const { schema, drop } = await createTestSchema();
    const pools: pg.Pool[] = [await openTestPool(schema)];
    return {
      directory: new PostgresDirectory(pools[0] as pg.Pool),
      async reopen() {
        const pool = await openTestPool(schema);
        pools.push(pool);
        return new PostgresDirectory(pool);
      },
      async dispose() {
        for (const pool of pools) await pool.end();
        await drop();
      },
    };
  });
});
