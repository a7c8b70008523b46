import * as encoding from "lib0/encoding";
import * as Y from "yjs";

/**
 * The work of one part of a stored state, in structs. Yjs integrates a plain
 * struct (a cell's value, a character run) in a few µs here, and one that
 * creates a shared type (a row's map) in some ten times that (TYPE_WEIGHT),
 * so a part holds the event loop for about 10 ms; a 10,000-row roadmap
 * (60,000 structs, 300 ms to apply at once) loads in some 50 steps, with
 * other rooms' messages and requests served between them.
 */
export const STRUCTS_PER_PART = 2000;
const TYPE_WEIGHT = 10;

type Struct = Y.Item | Y.GC;
type DeleteSet = ReturnType<typeof Y.createDeleteSetFromStructStore>;

/**
 * The whole state of a document as a list of Yjs updates that, applied in
 * order, rebuild it exactly: each part holds only structs whose
 * dependencies (left and right origin, parent) are in it or in an earlier
 * part, so every part integrates at once (nothing waits as "pending"),
 * and the deletions come with the last. A document of up to `structsPerPart`
 * structs is one part: Yjs' own encoding of its state.
 */
export function encodeStateInParts(doc: Y.Doc, structsPerPart = STRUCTS_PER_PART): Uint8Array[] {
  let total = 0;
  for (const structs of doc.store.clients.values()) total += structs.length;
  if (total <= structsPerPart) return [Y.encodeStateAsUpdate(doc)];
  const ordered = causalOrder(doc);
  const deletions = Y.createDeleteSetFromStructStore(doc.store);
  const parts: Uint8Array[] = [];
  let start = 0;
  let work = 0;
  for (const [index, struct] of ordered.entries()) {
    work += struct instanceof Y.Item && struct.content instanceof Y.ContentType ? TYPE_WEIGHT : 1;
    if (work < structsPerPart && index < ordered.length - 1) continue;
    const last = index === ordered.length - 1;
    parts.push(encodePart(ordered.slice(start, index + 1), last ? deletions : null));
    start = index + 1;
    work = 0;
  }
  return parts;
}

/**
 * Every struct of the store, each after the structs it depends on, and each
 * client's structs in clock order (Yjs' own integration order, made once).
 */
function causalOrder(doc: Y.Doc): Struct[] {
  const clients = doc.store.clients as Map<number, Struct[]>;
  const next = new Map<number, number>();
  const order: Struct[] = [];
  /** The first clock of `client` not yet in the order. */
  const doneUpTo = (client: number): number => {
    const structs = clients.get(client) ?? [];
    const index = next.get(client) ?? 0;
    return index < structs.length ? (structs[index] as Struct).id.clock : Number.POSITIVE_INFINITY;
  };
  const missing = (id: Y.ID | null): Y.ID | null => (id !== null && id.clock >= doneUpTo(id.client) ? id : null);
  const firstMissing = (struct: Struct): Y.ID | null => {
    if (!(struct instanceof Y.Item)) return null;
    const parent = struct.parent as Y.AbstractType<unknown> | null;
    const parentItem = parent instanceof Y.AbstractType ? parent._item : null;
    return missing(struct.origin) ?? missing(struct.rightOrigin) ?? missing(parentItem?.id ?? null);
  };

  let steps = 0;
  const limit = 4 * [...clients.values()].reduce((sum, s) => sum + s.length, 0) + 16;
  for (const [client, structs] of clients) {
    const lastClock = (structs.at(-1) as Struct).id.clock;
    const stack: Y.ID[] = [Y.createID(client, lastClock)];
    while (stack.length > 0) {
      if (++steps > limit) throw new Error("the document's structs do not form a causal order");
      const target = stack.at(-1) as Y.ID;
      if (target.clock < doneUpTo(target.client)) {
        stack.pop();
        continue;
      }
      const index = next.get(target.client) ?? 0;
      const struct = (clients.get(target.client) ?? [])[index];
      if (!struct) throw new Error(`a dependency on client ${target.client} is not in the document`);
      const dependency = firstMissing(struct);
      if (dependency) {
        stack.push(dependency);
        continue;
      }
      order.push(struct);
      next.set(target.client, index + 1);
    }
  }
  return order;
}

/** One update of `structs` (each client's a run of consecutive structs), with the deletions or none. */
function encodePart(structs: readonly Struct[], deletions: DeleteSet | null): Uint8Array {
  const byClient = new Map<number, Struct[]>();
  for (const struct of structs) {
    const run = byClient.get(struct.id.client);
    if (run) run.push(struct);
    else byClient.set(struct.id.client, [struct]);
  }
  const encoder = new Y.UpdateEncoderV1();
  encoding.writeVarUint(encoder.restEncoder, byClient.size);
  for (const [client, run] of byClient) {
    encoding.writeVarUint(encoder.restEncoder, run.length);
    encoder.writeClient(client);
    encoding.writeVarUint(encoder.restEncoder, (run[0] as Struct).id.clock);
    for (const struct of run) struct.write(encoder, 0);
  }
  const clients = deletions?.clients ?? new Map<number, { clock: number; len: number }[]>();
  encoding.writeVarUint(encoder.restEncoder, clients.size);
  for (const [client, ranges] of clients) {
    encoder.resetDsCurVal();
    encoding.writeVarUint(encoder.restEncoder, client);
    encoding.writeVarUint(encoder.restEncoder, ranges.length);
    for (const range of ranges) {
      encoder.writeDsClock(range.clock);
      encoder.writeDsLen(range.len);
    }
  }
  return encoder.toUint8Array();
}
