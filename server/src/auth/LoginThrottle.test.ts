import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { LOGIN_THROTTLE_WINDOW_MS } from "../limits.ts";
import { openSqlite } from "../storage/openSqlite.ts";
import { SqliteDirectory } from "../storage/SqliteDirectory.ts";
import { LoginThrottle } from "./LoginThrottle.ts";

describe("LoginThrottle", () => {
  let dir: string;
  let db: ReturnType<typeof openSqlite>;
  let now: number;
  let throttle: LoginThrottle;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "karta-throttle-"));
    db = openSqlite(dir);
    now = 1_000_000_000;
    throttle = new LoginThrottle(new SqliteDirectory(db), () => now);
  });
  afterEach(() => {
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const fail = async (login: string, source: string, times: number) => {
    for (let i = 0; i < times; i++) {
      await throttle.recordFailure(login, source);
      now += 1000;
    }
  };

  it("locks a login from the source that failed five times, not from another source", async () => {
    await fail("methodist", "127.0.0.2", 4);
    expect(await throttle.lockOf("methodist", "127.0.0.2")).toBeNull();
    await fail("methodist", "127.0.0.2", 1);
    expect(await throttle.lockOf("methodist", "127.0.0.2")).toEqual({ scope: "login", retryAfterSeconds: 895 });
    expect(await throttle.lockOf("methodist", "127.0.0.3")).toBeNull();
    expect(await throttle.lockOf("viewer", "127.0.0.2")).toBeNull();
  });

  it("locks a source that failed twenty times over any logins, for every login", async () => {
    for (let i = 0; i < 20; i++) await fail(`guess-${i}`, "127.0.0.4", 1);
    expect(await throttle.lockOf("someone-else", "127.0.0.4")).toMatchObject({ scope: "source" });
    expect(await throttle.lockOf("someone-else", "127.0.0.5")).toBeNull();
  });

  it("lifts a lock when the oldest counted failure leaves the window, and forgets on a right password", async () => {
    await fail("methodist", "127.0.0.2", 5);
    now += LOGIN_THROTTLE_WINDOW_MS - 5000;
    expect(await throttle.lockOf("methodist", "127.0.0.2")).toEqual({ scope: "login", retryAfterSeconds: 1 });
    now += 1000;
    expect(await throttle.lockOf("methodist", "127.0.0.2")).toBeNull();
    await fail("viewer", "127.0.0.2", 4);
    await throttle.clear("viewer", "127.0.0.2");
    await fail("viewer", "127.0.0.2", 1);
    expect(await throttle.lockOf("viewer", "127.0.0.2")).toBeNull();
  });
});
