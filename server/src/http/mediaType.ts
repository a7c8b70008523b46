/**
 * Whether a Content-Type header is exactly JSON: the media type
 * `application/json` (case-insensitive), with no parameter but
 * `charset=utf-8`. Anything looser lets a cross-site `no-cors` fetch, which
 * may only send `text/plain`, form or multipart types, smuggle the word in
 * (`text/plain; a=application/json`).
 */
export function isJsonMediaType(header: string | undefined): boolean {
  if (header === undefined) return false;
  const [type = "", ...parameters] = header.split(";");
  if (type.trim().toLowerCase() !== "application/json") return false;
  // RFC 9110 §8.3.1: no whitespace around "=", the value a token or a quoted string.
  return parameters.every((p) => /^[ \t]*charset=(utf-8|"utf-8")[ \t]*$/i.test(p));
}
