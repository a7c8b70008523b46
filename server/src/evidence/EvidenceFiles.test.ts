import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { EvidenceFiles, TooLargeError } from "./EvidenceFiles.ts";

describe("EvidenceFiles", () => {
  let dir: string;
  let files: EvidenceFiles;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "karta-files-"));
    files = new EvidenceFiles(dir);
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const chunks = async function* (...parts: string[]) {
    for (const part of parts) yield new TextEncoder().encode(part);
  };
  const sha = (text: string) => createHash("sha256").update(text).digest("hex");

  it("keeps a file under its SHA-256, once for the same bytes", async () => {
    const first = await files.receive(chunks("hello ", "world"), 100);
    expect(first).toMatchObject({ sha256: sha("hello world"), size: 11 });
    await files.keep(first);
    const target = path.join(dir, sha("hello world").slice(0, 2), sha("hello world"));
    expect(fs.readFileSync(target, "utf8")).toBe("hello world");
    expect(fs.existsSync(first.tempPath)).toBe(false);

    const again = await files.receive(chunks("hello world"), 100);
    await files.keep(again);
    expect(fs.existsSync(again.tempPath)).toBe(false);
    expect(fs.readdirSync(path.dirname(target))).toEqual([sha("hello world")]);
    const opened = await files.open(sha("hello world"));
    expect(opened?.size).toBe(11);
    opened?.stream.destroy();
  });

  it("stops at the limit and leaves nothing behind, without reading further", async () => {
    let pulled = 0;
    async function* endless() {
      for (;;) {
        pulled++;
        yield new Uint8Array(1000);
      }
    }
    await expect(files.receive(endless(), 2500)).rejects.toBeInstanceOf(TooLargeError);
    expect(pulled).toBe(3);
    expect(fs.readdirSync(path.join(dir, "tmp"))).toEqual([]);
    // Exactly the limit is accepted.
    expect((await files.receive(chunks("x".repeat(2500)), 2500)).size).toBe(2500);
  });

  it("answers null for bytes it does not hold and refuses a path that is not a hash", async () => {
    expect(await files.open(sha("nothing"))).toBeNull();
    expect(() => files.pathOf("../../etc/passwd")).toThrow();
  });
});
