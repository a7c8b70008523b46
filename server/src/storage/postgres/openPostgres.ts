import pg from "pg";
import { migratePostgres } from "./postgresMigrations.ts";

/** bigint (int8) columns hold sequence numbers, client ids and millisecond times: all safe integers. */
const types = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    oid === pg.types.builtins.INT8
      ? (value: string) => Number(value)
      : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

/**
 * PostgreSQL's text cannot hold U+0000 (SQLite's can), and a query that sends
 * it fails: a hostile login "a\0b" would answer 500 instead of 401. Strings
 * are sent with it replaced by U+FFFD, so such a value is looked up (finding
 * nothing) or stored like any other.
 */
const withoutNul = (value: unknown): unknown => {
  if (typeof value === "string") return value.includes("\u0000") ? value.replaceAll("\u0000", "\uFFFD") : value;
  return Array.isArray(value) ? value.map(withoutNul) : value;
};

/** A client of the pool whose query parameters never hold U+0000 (see withoutNul). */
class NulSafeClient extends pg.Client {
  // biome-ignore lint/suspicious/noExplicitAny: passes pg's overloaded query through unchanged but for its values
  override query(...args: any[]): any {
    const [config, values] = args;
    if (Array.isArray(values)) args[1] = values.map(withoutNul);
    else if (config !== null && typeof config === "object" && Array.isArray(config.values))
      args[0] = { ...config, values: config.values.map(withoutNul) };
    return (super.query as (...a: unknown[]) => unknown)(...args);
  }
}

/**
 * Opens a pool on the database of `url` and brings its schema up to date.
 * `schema`, if given, is the connection's search_path (it must exist): the
 * tests run each suite in a schema of its own. A URL may name it too, with
 * `?options=-c%20search_path%3D<schema>`.
 */
export async function openPostgres(
  url: string,
  options: { schema?: string; max?: number; onIdleError?: (error: Error) => void } = {},
): Promise<pg.Pool> {
  const pool = new pg.Pool({
    connectionString: url,
    Client: NulSafeClient,
    max: options.max ?? 10,
    types,
    ...(options.schema === undefined ? {} : { options: `-c search_path=${options.schema}` }),
  });
  // An idle client that loses its connection must not crash the process: the pool drops it.
  pool.on("error", (error) => options.onIdleError?.(error));
  try {
    await migratePostgres(pool);
  } catch (error) {
    await pool.end();
    throw error;
  }
  return pool;
}
