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
 * Opens a pool on the database of `url` and brings its schema up to date.
 * `schema`, if given, is the connection's search_path (it must exist): the
 * tests run each suite in a schema of its own. A URL may name it too, with
 * `?options=-c%20search_path%3D<schema>`.
 */
export async function openPostgres(url: string, options: { schema?: string; max?: number } = {}): Promise<pg.Pool> {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 10,
    types,
    ...(options.schema === undefined ? {} : { options: `-c search_path=${options.schema}` }),
  });
  // An idle client that loses its connection must not crash the process: the pool drops it.
  pool.on("error", () => {});
  try {
    await migratePostgres(pool);
  } catch (error) {
    await pool.end();
    throw error;
  }
  return pool;
}
