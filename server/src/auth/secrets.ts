import crypto from "node:crypto";

/** 256 random bits, URL-safe: session cookies, API tokens, invitation links. */
export function newSecret(): string {
  return crypto.randomBytes(32).toString("base64url");
}

/**
 * Only this hash is stored, so a leaked database does not leak live
 * sessions. SHA-256 suffices: the secret has 256 bits of entropy, nothing
 * to brute-force (passwords use scrypt).
 */
export function hashSecret(secret: string): string {
  return crypto.createHash("sha256").update(secret).digest("hex");
}
