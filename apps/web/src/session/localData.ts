import { forgetDocuments } from "../api/documentCache.ts";
import { EVIDENCE_QUEUE_DATABASE } from "../evidence/evidenceQueue.ts";
import { forgetSession } from "./sessionCache.ts";

/**
 * Document ids are the names of y-indexeddb's databases (see documentConnection.ts),
 * and `<docId>:comments` those of their comments (comments/commentsConnection.ts).
 */
const DOCUMENT_DATABASE = /^[A-Za-z0-9_-]{8,64}(:comments)?$/;

/**
 * Forgets what this device keeps for the signed-in person: the remembered
 * session, the list of documents, the offline copies of the documents they
 * opened and the evidence files waiting to be sent, so that the next person at
 * this computer sees none of it.
 */
export async function clearLocalData(): Promise<void> {
  forgetSession();
  forgetDocuments();
  try {
    const databases = (await indexedDB.databases?.()) ?? [];
    for (const { name } of databases) {
      if (name && (DOCUMENT_DATABASE.test(name) || name === EVIDENCE_QUEUE_DATABASE)) indexedDB.deleteDatabase(name);
    }
  } catch {
    // No IndexedDB (private mode): nothing was stored.
  }
}
