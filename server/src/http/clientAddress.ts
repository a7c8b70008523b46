import type { IncomingMessage } from "node:http";
import { isIP } from "node:net";

/**
 * The address a request came from. Without trusted proxies it is the socket's
 * peer, whatever the headers say (anyone can write X-Forwarded-For). When the
 * peer is a trusted proxy, the address it forwarded is taken instead: the
 * entries of X-Forwarded-For are read from the right (each proxy appends the
 * address it was reached from), past every trusted proxy, and the first one
 * that is not trusted is the client. An entry that is not an address stops
 * the walk at the proxy that sent it: the request counts as the proxy's.
 */
export function clientAddress(
  req: Pick<IncomingMessage, "headers" | "socket">,
  trustedProxies: ReadonlySet<string>,
): string | undefined {
  const peer = req.socket.remoteAddress;
  if (peer === undefined || trustedProxies.size === 0) return peer;
  const forwarded = forwardedFor(req.headers["x-forwarded-for"]);
  let current = peer;
  while (trustedProxies.has(plainAddress(current))) {
    const next = forwarded.pop();
    if (next === undefined || isIP(plainAddress(next)) === 0) break;
    current = next;
  }
  return current;
}

/** The header's entries in order; several headers are read as one list, as RFC 9110 says. */
function forwardedFor(header: string | string[] | undefined): string[] {
  const lines = Array.isArray(header) ? header : header === undefined ? [] : [header];
  return lines.flatMap((line) => line.split(",")).map((entry) => entry.trim());
}

/** An IPv4 address a dual-stack socket reports as IPv6 (`::ffff:10.0.0.1`) as the IPv4 address. */
function plainAddress(address: string): string {
  return /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1] ?? address;
}
