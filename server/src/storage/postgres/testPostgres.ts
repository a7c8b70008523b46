import { randomBytes } from "node:crypto";
import pg from "pg";
import { describe, it } from "vitest";
import { openPostgres } from "./openPostgres.ts";

/**
 * For the tests: the PostgreSQL they run against, and a schema of their own
 * on it. Not imported by the server.
 */

export const TEST_DATABASE_URL = process.env.KARTA_TEST_DATABASE_URL || "postgres://postgres@127.0.0.1:5432/test";

/** CI_REQUIRE_POSTGRES=1: a PostgreSQL that cannot be reached fails the suites instead of skipping them. */
export const postgresRequired = process.env.CI_REQUIRE_POSTGRES === "1";

/** Why PostgreSQL cannot be used (null: it can): asked once per test file. */
export const postgresUnavailable: string | null = await (async () => {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return null;
  } catch (error) {
    return (error as Error).message || String(error);
  } finally {
    await client.end().catch(() => {});
  }
})();

/** The URL without its password, for messages. */
const shownUrl = TEST_DATABASE_URL.replace(/\/\/([^:@/]*):[^@/]*@/, "//$1:***@");

/**
 * A describe block that needs PostgreSQL. If it cannot be reached: with
 * CI_REQUIRE_POSTGRES=1 one failing test says why; otherwise the block is
 * skipped and a warning says so (never silently).
 */
export function describePostgres(name: string, body: () => void): void {
  if (postgresUnavailable === null) {
    describe(name, body);
    return;
  }
  const why = `PostgreSQL not reachable at ${shownUrl} (${postgresUnavailable})`;
  if (postgresRequired) {
    describe(name, () => {
      it("needs PostgreSQL (CI_REQUIRE_POSTGRES=1)", () => {
        throw new Error(`${why}: set KARTA_TEST_DATABASE_URL or start PostgreSQL`);
      });
    });
    return;
  }
  console.warn(`${why}: PostgreSQL suite "${name}" skipped (set CI_REQUIRE_POSTGRES=1 to fail instead)`);
  describe.skip(name, body);
}

/** A new empty schema, named so that runs never meet: karta_t_<random>. */
export async function createTestSchema(): Promise<{ schema: string; drop(): Promise<void> }> {
  const schema = `karta_t_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await admin.connect();
  try {
    await admin.query(`CREATE SCHEMA ${schema}`);
  } finally {
    await admin.end();
  }
  return {
    schema,
    async drop() {
      const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await client.connect();
      try {
        await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      } finally {
        await client.end();
      }
    },
  };
}

/** A pool on the test database whose search_path is `schema`, migrated. */
export function openTestPool(schema: string, max = 4): Promise<pg.Pool> {
  return openPostgres(TEST_DATABASE_URL, { schema, max });
}

/** The URL of the test database with `schema` as its search_path (for a server process's DATABASE_URL). */
export function testDatabaseUrlFor(schema: string): string {
  const url = new URL(TEST_DATABASE_URL);
  url.searchParams.set("options", `-c search_path=${schema}`);
  return url.toString();
}

/** Runs one query in `schema` on its own connection: for tests that look at what a server process stored. */
export async function queryTestSchema<R extends object>(
  schema: string,
  text: string,
  params: readonly unknown[] = [],
): Promise<R[]> {
  const client = new pg.Client({ connectionString: testDatabaseUrlFor(schema) });
  await client.connect();
  try {
    return (await client.query<R & pg.QueryResultRow>(text, params as unknown[])).rows;
  } finally {
    await client.end();
  }
}
