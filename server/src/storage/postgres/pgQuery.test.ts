import type pg from "pg";
import { afterAll, beforeAll, expect, it } from "vitest";
import { exclusively } from "./pgQuery.ts";
import { createTestSchema, describePostgres, openTestPool } from "./testPostgres.ts";

describePostgres("exclusively", () => {
  let schema: { schema: string; drop(): Promise<void> };
  let pools: pg.Pool[];
  beforeAll(async () => {
    schema = await createTestSchema();
    // Two instances: a pool each.
    pools = [await openTestPool(schema.schema), await openTestPool(schema.schema)];
  });
  afterAll(async () => {
    for (const pool of pools ?? []) await pool.end();
    await schema?.drop();
  });

  it("lets one instance at a time run work of one name; work of another name runs meanwhile", async () => {
    const [a, b] = pools as [pg.Pool, pg.Pool];
    const order: string[] = [];
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const first = exclusively(a, "seed", async () => {
      order.push("a starts");
      await held;
      order.push("a ends");
    });
    await expect.poll(() => order).toEqual(["a starts"]);
    const second = exclusively(b, "seed", async () => {
      order.push("b runs");
    });
    await exclusively(b, "other", async () => {
      order.push("other runs");
    });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(order).toEqual(["a starts", "other runs"]);
    release();
    await Promise.all([first, second]);
    expect(order).toEqual(["a starts", "other runs", "a ends", "b runs"]);
  });

  it("releases the lock when the work throws", async () => {
    const [a, b] = pools as [pg.Pool, pg.Pool];
    await expect(exclusively(a, "fails", () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    await expect(exclusively(b, "fails", async () => "ran")).resolves.toBe("ran");
  });
});
