import { PRESENCE_COLORS } from "./identity.ts";

/**
 * The colour this client should show so that no two people in a document look
 * alike. Colleagues who joined the awareness with a lower client id keep their
 * colour; this client moves to the first free palette colour if its own is
 * taken by one of them. Every client applies the same rule, so the colours
 * settle without any coordination.
 */
export function distinctColor(
  own: string,
  ownClientId: number,
  peers: readonly { readonly clientId: number; readonly color: string }[],
): string {
  const taken = new Set(peers.filter((p) => p.clientId < ownClientId).map((p) => p.color));
  if (!taken.has(own)) return own;
  return PRESENCE_COLORS.find((c) => !taken.has(c)) ?? own;
}
