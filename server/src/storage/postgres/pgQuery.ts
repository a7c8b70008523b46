import type pg from "pg";

/**
 * Small typed helpers over `pg`: a query that returns typed rows, and a
 * transaction that commits what the callback did or rolls it all back.
 */

/** What runs a query: the pool (one statement, autocommit) or a client inside a transaction. */
export type Queryable = Pick<pg.Pool | pg.PoolClient, "query">;

/** The rows of a query, typed by the caller (the SQL decides what they are). */
export async function rows<R extends object>(
  db: Queryable,
  text: string,
  params: readonly unknown[] = [],
): Promise<R[]> {
  const result = await db.query<R & pg.QueryResultRow>(text, params as unknown[]);
  return result.rows;
}

/** The first row of a query, or null. */
export async function row<R extends object>(
  db: Queryable,
  text: string,
  params: readonly unknown[] = [],
): Promise<R | null> {
  return (await rows<R>(db, text, params))[0] ?? null;
}

/** How many rows a statement changed. */
export async function changes(db: Queryable, text: string, params: readonly unknown[] = []): Promise<number> {
  return (await db.query(text, params as unknown[])).rowCount ?? 0;
}

export type Isolation = "READ COMMITTED" | "REPEATABLE READ" | "SERIALIZABLE";

/** Runs `fn` in one transaction on one client of the pool: COMMIT if it resolves, ROLLBACK if it throws. */
export async function transaction<T>(
  pool: pg.Pool,
  fn: (client: pg.PoolClient) => Promise<T>,
  options: { isolation?: Isolation; readOnly?: boolean } = {},
): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query(
      `BEGIN ISOLATION LEVEL ${options.isolation ?? "READ COMMITTED"}${options.readOnly ? " READ ONLY" : ""}`,
    );
    const result = await fn(client);
    await client.query("COMMIT");
    client.release();
    return result;
  } catch (error) {
    // A client whose ROLLBACK fails is broken: release it with the error, so the pool drops it.
    try {
      await client.query("ROLLBACK");
      client.release();
    } catch (rollbackError) {
      client.release(rollbackError as Error);
    }
    throw error;
  }
}

/** A Buffer over the same bytes (no copy): what `pg` sends as bytea, also inside arrays. */
export const toBuffer = (bytes: Uint8Array): Buffer => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/** The bytes of a bytea as read, as a plain Uint8Array over the same memory (no copy). */
export const bytesOf = (buffer: Buffer): Uint8Array =>
  new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);

/**
 * Runs `work` while holding a session advisory lock named `name` in the
 * current schema: of several instances on one database, one at a time (the
 * others wait for it, then find its work done). The lock is released even if
 * `work` throws; a client that cannot release it is dropped (which releases it).
 */
export async function exclusively<T>(pool: pg.Pool, name: string, work: () => Promise<T>): Promise<T> {
  const client = await pool.connect();
  const key = [`karta:${name}:`];
  try {
    await client.query("SELECT pg_advisory_lock(hashtext($1 || current_schema()))", key);
  } catch (error) {
    client.release(error as Error);
    throw error;
  }
  try {
    return await work();
  } finally {
    try {
      await client.query("SELECT pg_advisory_unlock(hashtext($1 || current_schema()))", key);
      client.release();
    } catch (error) {
      client.release(error as Error);
    }
  }
}
