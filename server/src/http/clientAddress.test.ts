import { describe, expect, it } from "vitest";
import { clientAddress } from "./clientAddress.ts";

const request = (peer: string | undefined, forwarded?: string | string[]) => ({
  socket: { remoteAddress: peer } as never,
  headers: forwarded === undefined ? {} : { "x-forwarded-for": forwarded as string },
});

describe("clientAddress", () => {
  it("is the socket's peer when no proxy is trusted, whatever the header says", () => {
    expect(clientAddress(request("203.0.113.7", "198.51.100.1"), new Set())).toBe("203.0.113.7");
    expect(clientAddress(request(undefined), new Set(["127.0.0.1"]))).toBeUndefined();
  });

  it("takes the address a trusted proxy forwarded, from the right, past every trusted proxy", () => {
    const trusted = new Set(["127.0.0.1", "10.0.0.2"]);
    // The client wrote a false first entry itself; nginx appended the address it saw.
    expect(clientAddress(request("127.0.0.1", "1.2.3.4, 198.51.100.9"), trusted)).toBe("198.51.100.9");
    expect(clientAddress(request("::ffff:127.0.0.1", "198.51.100.9, 10.0.0.2"), trusted)).toBe("198.51.100.9");
    expect(clientAddress(request("127.0.0.1", ["198.51.100.9", "10.0.0.2"]), trusted)).toBe("198.51.100.9");
    expect(clientAddress(request("127.0.0.1", "2001:db8::5"), trusted)).toBe("2001:db8::5");
  });

  it("ignores the header of a peer that is not a trusted proxy", () => {
    expect(clientAddress(request("198.51.100.9", "127.0.0.1"), new Set(["127.0.0.1"]))).toBe("198.51.100.9");
  });

  it("counts the request as the proxy's when the header is missing or not an address", () => {
    const trusted = new Set(["127.0.0.1"]);
    expect(clientAddress(request("127.0.0.1"), trusted)).toBe("127.0.0.1");
    expect(clientAddress(request("127.0.0.1", "unknown"), trusted)).toBe("127.0.0.1");
    expect(clientAddress(request("127.0.0.1", "198.51.100.9, garbage"), trusted)).toBe("127.0.0.1");
  });
});
