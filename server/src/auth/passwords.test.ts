import { describe, expect, it } from "vitest";
import { DUMMY_HASH, hashPassword, verifyPassword } from "./passwords.ts";

describe("passwords", () => {
  it("verifies the right password and refuses others", async () => {
    const hash = await hashPassword("Пароль-2024");
    expect(hash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(hash).not.toContain("Пароль");
    expect(await verifyPassword("Пароль-2024", hash)).toBe(true);
    expect(await verifyPassword("пароль-2024", hash)).toBe(false);
    expect(await verifyPassword("Пароль-2024", "not a hash")).toBe(false);
  });

  it("salts: the same password hashes differently", async () => {
    expect(await hashPassword("demo")).not.toBe(await hashPassword("demo"));
  });

  it("has a stand-in hash for unknown logins that costs one real verification and matches nothing", async () => {
    const real = await hashPassword("demo");
    const [scheme, n, r, p] = real.split("$");
    expect(DUMMY_HASH.split("$").slice(0, 4)).toEqual([scheme, n, r, p]);
    expect(Buffer.from(DUMMY_HASH.split("$")[5] ?? "", "base64")).toHaveLength(32);
    expect(await verifyPassword("demo", DUMMY_HASH)).toBe(false);
    expect(await verifyPassword("", DUMMY_HASH)).toBe(false);
  });
});
