import { describe, expect, it } from "vitest";
import { decodePathSegment, parseRequestTarget } from "./requestTarget.ts";

describe("parseRequestTarget", () => {
  it("reads a path and its query", () => {
    const url = parseRequestTarget("/api/audit?limit=5");
    expect(url?.pathname).toBe("/api/audit");
    expect(url?.searchParams.get("limit")).toBe("5");
  });

  it("keeps a target that starts with two slashes a path on this host", () => {
    const url = parseRequestTarget("//evil.example/x");
    expect(url?.host).toBe("localhost");
    expect(url?.pathname).toBe("//evil.example/x");
    expect(parseRequestTarget("//")?.pathname).toBe("//");
  });

  it("reads the path of an absolute target", () => {
    expect(parseRequestTarget("http://other.example/api/health")?.pathname).toBe("/api/health");
  });

  it("refuses what is neither, instead of throwing", () => {
    expect(parseRequestTarget("*")).toBeNull();
    expect(parseRequestTarget("http://[bad")).toBeNull();
    expect(parseRequestTarget("javascript:alert(1)")).toBeNull();
  });
});

describe("decodePathSegment", () => {
  it("decodes percent-encoding and refuses a broken one", () => {
    expect(decodePathSegment("abc%3Acomments")).toBe("abc:comments");
    expect(decodePathSegment("%E0%A4%A")).toBeNull();
  });
});
