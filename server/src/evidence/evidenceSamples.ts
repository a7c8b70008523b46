import { crc32, deflateSync } from "node:zlib";
import { type ExportDocument, toDocx, toXlsx } from "@karta/export";
import { demoReportPdf } from "../demo/demoEvidence.ts";

/**
 * Files of every kind for the tests of evidence: real ones written by the
 * libraries the exports use (DOCX, XLSX), a PDF and a PNG made by hand to the
 * letter of their formats, an ODT as LibreOffice lays it out (`mimetype` first,
 * stored), and what must be refused: executables, a plain ZIP, HTML.
 */
export async function evidenceSamples(): Promise<Record<string, Uint8Array>> {
  const document: ExportDocument = {
    title: "Справка",
    authority: "",
    order: null,
    sections: [
      { id: "s", title: "", titleInPrint: false, blocks: [{ kind: "paragraph", runs: [{ text: "Проверено." }] }] },
    ],
    tables: [
      {
        id: "t",
        title: "Таблица",
        columns: [{ id: "a", title: "А", kind: "text", width: 100 }],
        rows: [["1"]],
        total: null,
      },
    ],
  };
  return {
    pdf: demoReportPdf(),
    docx: await toDocx(document),
    xlsx: await toXlsx(document),
    odt: storedZip([
      ["mimetype", "application/vnd.oasis.opendocument.text"],
      ["content.xml", '<?xml version="1.0" encoding="UTF-8"?><office:document-content/>'],
      ["META-INF/manifest.xml", '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest/>'],
    ]),
    jpg: jpeg(),
    png: png(),
    elf: executable([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00]),
    exe: executable([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00]),
    zip: storedZip([["readme.txt", "просто архив"]]),
    html: new TextEncoder().encode("<!doctype html><html><script>alert(1)</script></html>"),
  };
}

/** An executable's first bytes (ELF or PE's MZ) and zeros after them. */
function executable(magic: number[]): Uint8Array {
  const bytes = new Uint8Array(4096);
  bytes.set(magic);
  return bytes;
}

/** A 1×1 white PNG: signature, IHDR, IDAT, IEND, each with its CRC. */
function png(): Uint8Array {
  const chunk = (type: string, data: Uint8Array) => {
    const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
    const out = Buffer.alloc(8 + data.length + 4);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), 8 + data.length);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(1, 0);
  header.writeUInt32BE(1, 4);
  header.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(Buffer.from([0, 255, 255, 255]))),
    chunk("IEND", new Uint8Array(0)),
  ]);
}

/** A JPEG's start (SOI, a JFIF APP0 segment) and end: what a reader of types looks at. */
function jpeg(): Uint8Array {
  return Buffer.concat([
    Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]),
    Buffer.from("JFIF\0", "ascii"),
    Buffer.from([0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00]),
    Buffer.from([0xff, 0xd9]),
  ]);
}

/** A ZIP of stored (uncompressed) entries, in order, with a central directory. */
function storedZip(entries: [name: string, text: string][]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of entries) {
    const nameBytes = Buffer.from(name, "utf8");
    const data = Buffer.from(text, "utf8");
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(10, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(10, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
