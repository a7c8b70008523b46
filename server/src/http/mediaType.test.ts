import { describe, expect, it } from "vitest";
import { isJsonMediaType } from "./mediaType.ts";

describe("isJsonMediaType", () => {
  it("accepts application/json, with charset=utf-8 at most", () => {
    for (const header of [
      "application/json",
      "Application/JSON",
      "application/json; charset=utf-8",
      "application/json;charset=UTF-8",
      'application/json; charset="utf-8"',
    ]) {
      expect(isJsonMediaType(header), header).toBe(true);
    }
  });

  it("refuses a type that merely contains it, another charset or parameter, and no header", () => {
    for (const header of [
      undefined,
      "",
      "text/plain; a=application/json",
      "text/plain;application/json",
      "application/json-patch+json",
      "application/jsonx",
      "application/json; charset=latin1",
      "application/json; charset = utf-8",
      "application/json; boundary=x",
      "application/json;",
      "multipart/form-data; boundary=application/json",
    ]) {
      expect(isJsonMediaType(header), String(header)).toBe(false);
    }
  });
});
