import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

/** A body longer than the limit: nothing of it is kept. */
export class TooLargeError extends Error {
  override name = "TooLargeError";
}

/** A file received into a temporary place, hashed, not yet kept. */
export interface ReceivedFile {
  readonly tempPath: string;
  readonly sha256: string;
  readonly size: number;
}

const HASH = /^[0-9a-f]{64}$/;

/**
 * Evidence files on disk, by content: `<dir>/<aa>/<sha256>`, where `aa` is the
 * hash's first two hex digits (no directory grows past a few thousand files).
 * A file is received into `<dir>/tmp/` while it is hashed and counted, then
 * renamed into place (a rename within one file system is atomic, so a reader
 * never sees half a file); the same bytes uploaded twice are kept once. Files
 * are never deleted: removing evidence hides its record, and another record
 * may share the bytes.
 */
export class EvidenceFiles {
  private readonly tempDir: string;

  constructor(private readonly dir: string) {
    this.tempDir = path.join(dir, "tmp");
    fs.mkdirSync(this.tempDir, { recursive: true });
  }

  /**
   * Streams `body` into a temporary file, hashing it as it goes; more than
   * `maxBytes` stops reading at once, removes what was written and throws
   * TooLargeError (nothing beyond the limit is ever held or written).
   */
  async receive(body: AsyncIterable<Uint8Array> | Iterable<Uint8Array>, maxBytes: number): Promise<ReceivedFile> {
    const tempPath = path.join(this.tempDir, `${Date.now()}-${randomBytes(8).toString("hex")}`);
    const hash = createHash("sha256");
    const file = await fs.promises.open(tempPath, "wx");
    let size = 0;
    try {
      for await (const chunk of body) {
        size += chunk.byteLength;
        if (size > maxBytes) throw new TooLargeError(`more than ${maxBytes} bytes`);
        hash.update(chunk);
        await file.write(chunk);
      }
      await file.sync();
    } catch (error) {
      await file.close().catch(() => {});
      await fs.promises.rm(tempPath, { force: true });
      throw error;
    }
    await file.close();
    return { tempPath, sha256: hash.digest("hex"), size };
  }

  /** Moves a received file into its place by hash (or drops it when those bytes are kept already). */
  async keep(received: ReceivedFile): Promise<void> {
    const target = this.pathOf(received.sha256);
    await fs.promises.mkdir(path.dirname(target), { recursive: true });
    if (fs.existsSync(target)) {
      await this.discard(received);
      return;
    }
    await fs.promises.rename(received.tempPath, target);
  }

  async discard(received: ReceivedFile): Promise<void> {
    await fs.promises.rm(received.tempPath, { force: true });
  }

  /** Keeps bytes at hand (the demo's file): hashed, written to a temporary file and renamed into place. */
  async keepBytes(bytes: Uint8Array): Promise<ReceivedFile> {
    const received = await this.receive([bytes], Number.POSITIVE_INFINITY);
    await this.keep(received);
    return received;
  }

  /** Where the bytes of this hash are. */
  pathOf(sha256: string): string {
    if (!HASH.test(sha256)) throw new Error(`not a SHA-256: ${sha256}`);
    return path.join(this.dir, sha256.slice(0, 2), sha256);
  }

  /** The stored file's bytes as a stream (of a file opened already: no race with anything), or null when they are missing. */
  async open(sha256: string): Promise<{ stream: NodeJS.ReadableStream & { destroy(): void }; size: number } | null> {
    let handle: fs.promises.FileHandle;
    try {
      handle = await fs.promises.open(this.pathOf(sha256), "r");
    } catch {
      return null;
    }
    const { size } = await handle.stat();
    return { stream: handle.createReadStream(), size };
  }
}
