import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

/** The programs that read exports back: LibreOffice (headless) and poppler's tools. Nobody here wrote them. */
const POPPLER = ["pdftotext", "pdffonts"] as const;
/** LibreOffice as the PATH finds it (Debian's is /usr/bin/soffice). */
export const SOFFICE = whereOnPath("soffice") ?? "/usr/bin/soffice";

/**
 * Fails with what to install when a reader is missing: the export tests never
 * pass, nor skip, without reading the files back.
 */
export function requireReaders(): void {
  const missing = [
    ...(fs.existsSync(SOFFICE)
      ? []
      : [`${SOFFICE} (apt-get install -y libreoffice-calc-nogui libreoffice-writer-nogui)`]),
    ...POPPLER.filter((tool) => !whereOnPath(tool)).map((tool) => `${tool} (apt-get install -y poppler-utils)`),
  ];
  if (missing.length)
    throw new Error(
      `The export tests read the files back with LibreOffice and poppler, and these are missing: ${missing.join(", ")}. ` +
        "`npm test` installs them with scripts/ensure-office-tools.sh when run as root.",
    );
}

function whereOnPath(tool: string): string | undefined {
  return (process.env.PATH ?? "")
    .split(path.delimiter)
    .map((dir) => path.join(dir, tool))
    .find((file) => fs.existsSync(file));
}

/** One LibreOffice profile per test file, so that parallel runs elsewhere never share it. */
export function libreOfficeProfile(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), "lo-karta-"));
}

/**
 * `soffice --headless --convert-to <target> --outdir <dir> <file>`; returns the
 * converted file's path. `infilter` reads a CSV in a given dialect.
 */
export async function convert(
  profile: string,
  file: string,
  target: string,
  options: { infilter?: string; outDir?: string } = {},
): Promise<string> {
  const outDir = options.outDir ?? fs.mkdtempSync(path.join(os.tmpdir(), "lo-out-"));
  const args = [
    "--headless",
    `-env:UserInstallation=file://${profile}`,
    ...(options.infilter ? [`--infilter=${options.infilter}`] : []),
    "--convert-to",
    target,
    "--outdir",
    outDir,
    file,
  ];
  await run(SOFFICE, args, { timeout: 180_000 });
  const extension = target.split(":")[0] ?? target;
  const converted = path.join(outDir, `${path.parse(file).name}.${extension}`);
  if (!fs.existsSync(converted)) throw new Error(`LibreOffice did not convert ${file} to ${target}`);
  return converted;
}

export async function pdfText(file: string, ...options: string[]): Promise<string> {
  return (await run("pdftotext", [...options, file, "-"], { maxBuffer: 64 * 1024 * 1024 })).stdout;
}

export async function pdfFonts(file: string): Promise<string> {
  return (await run("pdffonts", [file])).stdout;
}

/** Records of a CSV (RFC 4180 quoting, fields may hold line breaks), each field with whether it was quoted. */
export function parseCsv(text: string, separator = ","): { value: string; quoted: boolean }[][] {
  const records: { value: string; quoted: boolean }[][] = [];
  let record: { value: string; quoted: boolean }[] = [];
  let field = "";
  let quoted = false;
  let inQuotes = false;
  const body = text.replace(/^\uFEFF/, "");
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (inQuotes) {
      if (c === '"' && body[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') inQuotes = false;
      else field += c;
    } else if (c === '"') {
      inQuotes = true;
      quoted = true;
    } else if (c === separator) {
      record.push({ value: field, quoted });
      field = "";
      quoted = false;
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && body[i + 1] === "\n") i++;
      record.push({ value: field, quoted });
      records.push(record);
      record = [];
      field = "";
      quoted = false;
    } else field += c;
  }
  if (field !== "" || record.length) {
    record.push({ value: field, quoted });
    records.push(record);
  }
  return records;
}
