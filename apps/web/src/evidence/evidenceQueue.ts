/**
 * Files chosen while there was no connection, kept on this device (IndexedDB,
 * Blobs and all) with the row they belong to until they are sent. Logout
 * deletes the database with the other local copies (session/localData.ts).
 */

export const EVIDENCE_QUEUE_DATABASE = "karta-evidence-queue";
const STORE = "pending";

export interface PendingEvidence {
  readonly id: string;
  readonly docId: string;
  readonly table: string;
  readonly rowId: string;
  readonly name: string;
  readonly size: number;
  readonly file: Blob;
  /** When it was chosen (ms). */
  readonly at: number;
}

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(EVIDENCE_QUEUE_DATABASE, 1);
    request.onupgradeneeded = () => {
      const store = request.result.createObjectStore(STORE, { keyPath: "id" });
      store.createIndex("docId", "docId");
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

async function run<T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await open();
  try {
    return await new Promise<T>((resolve, reject) => {
      const transaction = db.transaction(STORE, mode);
      const request = work(transaction.objectStore(STORE));
      transaction.oncomplete = () => resolve(request.result);
      transaction.onerror = () => reject(transaction.error);
      transaction.onabort = () => reject(transaction.error);
    });
  } finally {
    db.close();
  }
}

export function enqueueEvidence(item: PendingEvidence): Promise<unknown> {
  return run("readwrite", (store) => store.put(item));
}

/** The document's waiting files, in the order they were chosen. */
export async function pendingEvidence(docId: string): Promise<PendingEvidence[]> {
  const items = await run<PendingEvidence[]>("readonly", (store) => store.index("docId").getAll(docId));
  return items.sort((a, b) => a.at - b.at);
}

export function dropPendingEvidence(id: string): Promise<unknown> {
  return run("readwrite", (store) => store.delete(id));
}
