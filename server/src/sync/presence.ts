/**
 * Presence (y-protocols awareness) as the server accepts it from a client.
 * y-protocols' own `applyAwarenessUpdate` trusts its input: it stores each
 * entry as it reads it, so a message whose second entry is not JSON leaves the
 * first stored and owned by nobody, and a state nested 20,000 deep (which
 * JSON.parse accepts) makes JSON.stringify throw for every later joiner. Here
 * the whole message is read and checked first, and only then applied.
 */
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import { MAX_AWARENESS_ENTRIES, MAX_PRESENCE_DEPTH, MAX_PRESENCE_STATE_BYTES } from "../limits.ts";
import { ProtocolError } from "./protocol.ts";

export interface PresenceEntry {
  readonly clientId: number;
  readonly clock: number;
  /** null: the client leaves (its presence is removed). */
  readonly state: Readonly<Record<string, unknown>> | null;
}

const utf8 = new TextDecoder("utf-8", { fatal: true });

/** Decodes a client's awareness update, refusing (ProtocolError) anything a peer could be harmed by. */
export function readPresenceUpdate(update: Uint8Array): PresenceEntry[] {
  try {
    const decoder = decoding.createDecoder(update);
    const count = decoding.readVarUint(decoder);
    if (count > MAX_AWARENESS_ENTRIES) throw new ProtocolError(`awareness update of ${count} entries`);
    const entries: PresenceEntry[] = [];
    for (let i = 0; i < count; i++) {
      const clientId = decoding.readVarUint(decoder);
      const clock = decoding.readVarUint(decoder);
      const json = decoding.readVarUint8Array(decoder);
      if (json.byteLength > MAX_PRESENCE_STATE_BYTES) {
        throw new ProtocolError(`presence state of ${json.byteLength} bytes is over ${MAX_PRESENCE_STATE_BYTES}`);
      }
      entries.push({ clientId, clock, state: parseState(utf8.decode(json)) });
    }
    if (decoding.hasContent(decoder)) throw new ProtocolError("bytes after the awareness entries");
    return entries;
  } catch (error) {
    if (error instanceof ProtocolError) throw error;
    throw new ProtocolError(`malformed awareness update: ${(error as Error).message}`);
  }
}

/** The entries as an awareness update, for y-protocols to apply. */
export function encodePresenceUpdate(entries: readonly PresenceEntry[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const { clientId, clock, state } of entries) {
    encoding.writeVarUint(encoder, clientId);
    encoding.writeVarUint(encoder, clock);
    encoding.writeVarString(encoder, JSON.stringify(state));
  }
  return encoding.toUint8Array(encoder);
}

const HEX_COLOR = /^#[0-9a-f]{6}$/i;
const DEFAULT_COLOR = "#795548";

/**
 * The name peers see is the account's, whatever the client wrote: nobody
 * appears under a colleague's name. The colour stays the client's choice if it
 * is one; initials are left to each reader to derive from the name.
 */
export function stampIdentity(state: PresenceEntry["state"], accountName: string): PresenceEntry["state"] {
  if (state === null) return null;
  const user = state.user;
  const color = typeof user === "object" && user !== null ? (user as Record<string, unknown>).color : undefined;
  return {
    ...state,
    user: { name: accountName, color: typeof color === "string" && HEX_COLOR.test(color) ? color : DEFAULT_COLOR },
  };
}

function parseState(json: string): PresenceEntry["state"] {
  if (jsonNestsDeeper(json, MAX_PRESENCE_DEPTH)) {
    throw new ProtocolError(`presence state nested deeper than ${MAX_PRESENCE_DEPTH}`);
  }
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw new ProtocolError("presence state is not JSON");
  }
  if (value === null) return null;
  if (typeof value !== "object" || Array.isArray(value)) throw new ProtocolError("presence state is not an object");
  return value as Record<string, unknown>;
}

/** Whether JSON text nests objects and arrays deeper than `max`, found without parsing it. */
export function jsonNestsDeeper(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // a backslash: the next character is escaped
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > max) return true;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return false;
}
