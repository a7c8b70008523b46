import crypto from "node:crypto";
import { promisify } from "node:util";
import { PASSWORD_HASH_CONCURRENCY, PASSWORD_HASH_QUEUE } from "../limits.ts";
import { PasswordGate } from "./passwordGate.ts";

const scrypt = promisify(crypto.scrypt) as (
  password: string,
  salt: Buffer,
  keylen: number,
  options: crypto.ScryptOptions,
) => Promise<Buffer>;

/** scrypt cost (OWASP's minimum N=2^17 needs 128 MiB per hash; 2^15 with r=8 is 32 MiB and ~60 ms here). */
const PARAMS = { N: 2 ** 15, r: 8, p: 1 } as const;
const KEY_LENGTH = 32;
const MAX_MEMORY = 64 * 1024 * 1024;

/** Every scrypt of the process passes here: it throws GateFullError when too many wait. */
const gate = new PasswordGate(PASSWORD_HASH_CONCURRENCY, PASSWORD_HASH_QUEUE);

/** A self-describing hash: `scrypt$N$r$p$salt$key`, so the cost can rise later without breaking old hashes. */
export async function hashPassword(password: string): Promise<string> {
  const salt = crypto.randomBytes(16);
  const key = await gate.run(() =>
    scrypt(password.normalize("NFC"), salt, KEY_LENGTH, { ...PARAMS, maxmem: MAX_MEMORY }),
  );
  return ["scrypt", PARAMS.N, PARAMS.r, PARAMS.p, salt.toString("base64"), key.toString("base64")].join("$");
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split("$");
  if (scheme !== "scrypt" || !n || !r || !p || !salt || !key) return false;
  const expected = Buffer.from(key, "base64");
  const actual = await gate.run(() =>
    scrypt(password.normalize("NFC"), Buffer.from(salt, "base64"), expected.length, {
      N: Number(n),
      r: Number(r),
      p: Number(p),
      maxmem: MAX_MEMORY,
    }),
  );
  return crypto.timingSafeEqual(actual, expected);
}

/**
 * A hash to verify against when the login is unknown, so both cases take the
 * same time: verifying costs one scrypt at these parameters whatever the key,
 * so random bytes serve, and nothing is hashed (32 MiB) when the server starts.
 */
export const DUMMY_HASH = [
  "scrypt",
  PARAMS.N,
  PARAMS.r,
  PARAMS.p,
  crypto.randomBytes(16).toString("base64"),
  crypto.randomBytes(KEY_LENGTH).toString("base64"),
].join("$");
