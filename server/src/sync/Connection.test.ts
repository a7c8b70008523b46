import { describe, expect, it } from "vitest";
import { truncateUtf8 } from "./Connection.ts";

describe("truncateUtf8", () => {
  it("keeps a reason that fits", () => {
    expect(truncateUtf8("access revoked", 123)).toBe("access revoked");
  });

  it("cuts by bytes, never inside a character", () => {
    const cyrillic = "д".repeat(100); // 2 bytes each
    expect(Buffer.byteLength(truncateUtf8(cyrillic, 123))).toBe(122);
    const emoji = "invalid row 😀😀😀";
    expect(truncateUtf8(emoji, 14)).toBe("invalid row ");
    expect(truncateUtf8(emoji, 16)).toBe("invalid row 😀");
  });
});
