import { describe, expect, it } from "vitest";
import { changesState, isSameOrigin } from "./sameOrigin.ts";

const from = (headers: Record<string, string>) => isSameOrigin({ headers: { host: "karta.test:8080", ...headers } });

describe("isSameOrigin", () => {
  it("accepts the app's own pages and clients that are no browser", () => {
    expect(from({ origin: "http://karta.test:8080" })).toBe(true);
    expect(from({ origin: "http://karta.test:8080", "sec-fetch-site": "same-origin" })).toBe(true);
    expect(from({ "sec-fetch-site": "none" })).toBe(true);
    expect(from({})).toBe(true);
  });

  it("refuses another port of the same host, another site, null and nonsense", () => {
    expect(from({ origin: "http://karta.test:8081" })).toBe(false);
    expect(from({ origin: "https://karta.test:8080.evil.example" })).toBe(false);
    expect(from({ origin: "null" })).toBe(false);
    expect(from({ origin: "not a url" })).toBe(false);
    expect(from({ "sec-fetch-site": "same-site" })).toBe(false);
    expect(from({ "sec-fetch-site": "cross-site" })).toBe(false);
    expect(from({ origin: "http://karta.test:8080", "sec-fetch-site": "cross-site" })).toBe(false);
    expect(isSameOrigin({ headers: { origin: "http://karta.test:8080" } })).toBe(false);
  });

  it("applies to the methods that change state", () => {
    expect(["POST", "PUT", "PATCH", "DELETE"].every(changesState)).toBe(true);
    expect(["GET", "HEAD", "OPTIONS", undefined].some(changesState)).toBe(false);
  });
});
