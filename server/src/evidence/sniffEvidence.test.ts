import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { evidenceSamples } from "./evidenceSamples.ts";
import { sniffEvidence } from "./sniffEvidence.ts";

describe("sniffEvidence", () => {
  let dir: string;
  let samples: Record<string, Uint8Array>;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "karta-sniff-"));
    samples = await evidenceSamples();
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  /** Written under a name that lies (everything is called .pdf): only the bytes count. */
  async function sniff(kind: string): Promise<string | null> {
    const file = path.join(dir, `${kind}.pdf`);
    fs.writeFileSync(file, samples[kind] as Uint8Array);
    return sniffEvidence(file);
  }

  it("reads each accepted type from the bytes, telling DOCX, XLSX and ODT inside their ZIPs", async () => {
    expect(await sniff("pdf")).toBe("application/pdf");
    expect(await sniff("docx")).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    expect(await sniff("xlsx")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(await sniff("odt")).toBe("application/vnd.oasis.opendocument.text");
    expect(await sniff("jpg")).toBe("image/jpeg");
    expect(await sniff("png")).toBe("image/png");
  });

  it("refuses executables renamed .pdf, a plain ZIP, HTML, an empty file and garbage", async () => {
    expect(await sniff("elf")).toBeNull();
    expect(await sniff("exe")).toBeNull();
    expect(await sniff("zip")).toBeNull();
    expect(await sniff("html")).toBeNull();
    samples.empty = new Uint8Array(0);
    expect(await sniff("empty")).toBeNull();
    samples.garbage = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]);
    expect(await sniff("garbage")).toBeNull();
  });
});
