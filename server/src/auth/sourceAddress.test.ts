import { describe, expect, it } from "vitest";
import { loginSource } from "./sourceAddress.ts";

describe("loginSource", () => {
  it("keeps an IPv4 address, also when it arrives mapped into IPv6", () => {
    expect(loginSource("127.0.0.2")).toBe("127.0.0.2");
    expect(loginSource("::ffff:192.0.2.7")).toBe("192.0.2.7");
  });

  it("counts an IPv6 address by its /64", () => {
    expect(loginSource("2001:db8:1:2:3:4:5:6")).toBe("2001:db8:1:2::/64");
    expect(loginSource("2001:0db8:0001:0002:ffff::1")).toBe("2001:db8:1:2::/64");
    expect(loginSource("2001:db8::1")).toBe("2001:db8:0:0::/64");
    expect(loginSource("fe80::1%eth0")).toBe("fe80:0:0:0::/64");
    expect(loginSource("::1")).toBe("0:0:0:0::/64");
    expect(loginSource("64:ff9b::192.0.2.1")).toBe("64:ff9b:0:0::/64");
  });

  it("has one source for a socket without an address", () => {
    expect(loginSource(undefined)).toBe("unknown");
  });
});
