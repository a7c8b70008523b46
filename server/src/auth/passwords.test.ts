import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "./passwords.ts";

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
});
