/**
 * The value every simulated client writes to its own row's `measure` cell:
 * `<Yjs client id>|<send time in ms>`. Receivers read these values straight
 * from the bytes of the Yjs updates the server relays, without applying them
 * to a Y.Doc: a peer needs only "whose cell, sent when", and a Y.Doc per
 * simulated client is what made the old generator the bottleneck.
 */

/** lib0's `writeAny` tag of a string: a map value set to a string is encoded as this byte, a varuint length, UTF-8. */
const ANY_STRING_TAG = 119;
/** `4294967295|1764781234567.891` is 28 bytes; anything longer is not ours. */
const MAX_VALUE_BYTES = 40;
const PIPE = 0x7c;
const DOT = 0x2e;
const ZERO = 0x30;
const NINE = 0x39;

export interface CellValue {
  /** Yjs client id of the owner: each client edits only its own row, so this names the row. */
  readonly clientId: number;
  /** When the owner sent it, on the generator's clock; 0 for the row's first value. */
  readonly sentAt: number;
}

export const encodeCellValue = (clientId: number, sentAt: number): string => `${clientId}|${sentAt}`;

/**
 * Calls `found` for every cell value in a Yjs v1 update (or a sync step 2,
 * which is one). A candidate must be a whole lib0 string, tag and length
 * included, of the form `digits|digits[.digits]`, whose client id `isOwner`
 * knows: the order keys and template strings of the document never match,
 * and a stray byte 119 inside other data would also need a length that ends
 * exactly on such a string of a client of this room.
 */
export function scanCellValues(
  bytes: Uint8Array,
  isOwner: (clientId: number) => boolean,
  found: (value: CellValue) => void,
): void {
  for (
    let i = bytes.indexOf(ANY_STRING_TAG);
    i >= 0 && i + 2 < bytes.length;
    i = bytes.indexOf(ANY_STRING_TAG, i + 1)
  ) {
    const length = bytes[i + 1] as number; // < 128: a one-byte varuint, as every value of ours is
    const start = i + 2;
    const end = start + length;
    if (length < 3 || length > MAX_VALUE_BYTES || end > bytes.length) continue;
    const value = parseValue(bytes, start, end);
    if (value && isOwner(value.clientId)) found(value);
  }
}

/** `digits|digits[.digits]` between start and end, or null. */
function parseValue(bytes: Uint8Array, start: number, end: number): CellValue | null {
  let clientId = 0;
  let i = start;
  for (; i < end && isDigit(bytes[i] as number); i++) clientId = clientId * 10 + (bytes[i] as number) - ZERO;
  if (i === start || i >= end || bytes[i] !== PIPE) return null;
  const timeStart = ++i;
  let dots = 0;
  for (; i < end; i++) {
    const byte = bytes[i] as number;
    if (byte === DOT) dots++;
    else if (!isDigit(byte)) return null;
  }
  if (timeStart === end || dots > 1 || bytes[timeStart] === DOT || bytes[end - 1] === DOT) return null;
  const sentAt = Number(String.fromCharCode(...bytes.subarray(timeStart, end)));
  return { clientId, sentAt };
}

const isDigit = (byte: number) => byte >= ZERO && byte <= NINE;
