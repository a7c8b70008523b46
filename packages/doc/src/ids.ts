const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/**
 * A random id of base62 characters. 16 characters carry ~95 bits, so rows
 * created offline by different people never collide.
 */
export function randomId(length = 16): string {
  const bytes = new Uint8Array(length);
  // Web Crypto exists in browsers and Node 20; the lib typings here are neither.
  (globalThis as unknown as { crypto: { getRandomValues(a: Uint8Array): void } }).crypto.getRandomValues(bytes);
  let id = "";
  // 256 % 62 skews a few characters slightly; irrelevant for uniqueness.
  for (const byte of bytes) id += ALPHABET[byte % ALPHABET.length];
  return id;
}
