import { KartaDocument, randomId } from "@karta/doc";
import { antiRiskProgramme, riskProgrammeTitle } from "@karta/schema";
import { readStoredDocument } from "../documents/storedDocument.ts";
import type { EvidenceFiles } from "../evidence/EvidenceFiles.ts";
import type { DocumentStore } from "../storage/DocumentStore.ts";
import type { EvidenceStore } from "../storage/EvidenceStore.ts";
import { demoAccountId, demoSchoolId } from "./demoDirectory.ts";

export interface DemoEvidenceStores {
  readonly store: EvidenceStore;
  readonly files: EvidenceFiles;
}

export const DEMO_EVIDENCE_FILE_NAME = "Аналитическая справка по итогам анкетирования.pdf";
export const DEMO_EVIDENCE_LINK = "https://sosh5-slavyansk.example.ru/news/anketirovanie-motivatsiya-2022";

/** The factor of МБОУ СОШ № 5's approved programme (school5Cycle.ts), whose measures done carry evidence. */
const APPROVED_PROGRAMME_FACTOR = "Недостаточная предметная и методическая компетентность педагогических работников";

/** What the school attached to its measures done there, in their order, and what the curator said. */
const EVIDENCE_OF_DONE_MEASURES = [
  {
    name: "Удостоверения о повышении квалификации учителей математики.pdf",
    lines: ["MBOU SOSH No 5: udostovereniya o povyshenii kvalifikatsii", "(demo file of Karta)"],
    verdict: "accepted" as const,
    reason: "",
  },
  {
    name: "Протокол заседания методического совета.pdf",
    lines: ["MBOU SOSH No 5: protokol zasedaniya metodicheskogo soveta", "(demo file of Karta)"],
    verdict: "rejected" as const,
    reason: "В протоколе нет подписи председателя методического совета: приложите подписанный скан.",
  },
];

/**
 * The demo's evidence: on the first measure of МБОУ СОШ № 5's draft anti-risk
 * programme (the survey, «в работе»; others' tests read that programme, so its
 * content stays as it is), the survey's report as a small PDF, accepted by the
 * demo curator, and a link to the school's news item about it, not yet
 * reviewed; on the measures «выполнено» of its approved programme, a file each,
 * one accepted and one not, with the curator's reason.
 */
export async function seedDemoEvidence(documents: DocumentStore, evidence: DemoEvidenceStores): Promise<void> {
  const programme = (await documents.listDocuments()).find(
    (d) => d.organisationId === demoSchoolId("МБОУ СОШ № 5") && d.templateId === antiRiskProgramme.id,
  );
  if (!programme) return;
  const { doc } = await readStoredDocument(documents, programme.id);
  const row = KartaDocument.open(doc)?.table("measures").rows()[0];
  doc.destroy();
  if (!row) return;
  const bytes = demoReportPdf();
  const kept = await evidence.files.keepBytes(bytes);
  const school = demoAccountId("school5");
  const base = { docId: programme.id, table: "measures", rowId: row.id, uploadedBy: school };
  const fileId = randomId(16);
  await evidence.store.add({
    ...base,
    id: fileId,
    kind: "file",
    name: DEMO_EVIDENCE_FILE_NAME,
    url: null,
    sha256: kept.sha256,
    size: kept.size,
    mediaType: "application/pdf",
    uploadedAt: "2022-02-07T09:12:00.000Z",
  });
  await evidence.store.review(programme.id, fileId, {
    verdict: "accepted",
    reason: "",
    by: demoAccountId("curator"),
    at: "2022-02-09T13:40:00.000Z",
  });
  await evidence.store.add({
    ...base,
    id: randomId(16),
    kind: "link",
    name: "Новость на сайте школы об анкетировании",
    url: DEMO_EVIDENCE_LINK,
    sha256: null,
    size: null,
    mediaType: null,
    uploadedAt: "2022-02-07T09:15:00.000Z",
  });
  await evidenceOfDoneMeasures(documents, evidence);
}

/** The approved programme's measures «выполнено», each with its file and the curator's verdict. */
async function evidenceOfDoneMeasures(documents: DocumentStore, evidence: DemoEvidenceStores): Promise<void> {
  const programme = (await documents.listDocuments()).find(
    (d) =>
      d.organisationId === demoSchoolId("МБОУ СОШ № 5") && d.title === riskProgrammeTitle(APPROVED_PROGRAMME_FACTOR),
  );
  if (!programme) return;
  const { doc } = await readStoredDocument(documents, programme.id);
  const done = (KartaDocument.open(doc)?.table("measures").rows() ?? []).filter((r) => r.cells.status === "выполнено");
  doc.destroy();
  for (const [index, item] of EVIDENCE_OF_DONE_MEASURES.entries()) {
    const row = done[index];
    if (!row) return;
    const kept = await evidence.files.keepBytes(demoReportPdf(item.lines));
    const id = randomId(16);
    await evidence.store.add({
      docId: programme.id,
      table: "measures",
      rowId: row.id,
      uploadedBy: demoAccountId("school5"),
      id,
      kind: "file",
      name: item.name,
      url: null,
      sha256: kept.sha256,
      size: kept.size,
      mediaType: "application/pdf",
      uploadedAt: `2022-0${4 + index}-1${index}T10:00:00.000Z`,
    });
    await evidence.store.review(programme.id, id, {
      verdict: item.verdict,
      reason: item.reason,
      by: demoAccountId("curator"),
      at: `2022-0${4 + index}-1${index + 2}T15:30:00.000Z`,
    });
  }
}

/**
 * A one-page PDF written by hand (header, catalog, page, content stream,
 * Helvetica, cross-reference table with the exact offsets), so that the demo
 * needs no PDF library at start. The standard fonts have no Cyrillic: the page
 * says in transliteration what the file is.
 */
export function demoReportPdf(
  lines: readonly string[] = [
    "MBOU SOSH No 5, Slavyanskiy rayon",
    "Analiticheskaya spravka po itogam anketirovaniya obuchayushchikhsya 5-9 klassov",
    "(demo file of Karta)",
  ],
): Uint8Array {
  const text = lines.map((line, i) => `BT /F1 12 Tf 56 ${780 - i * 20} Td (${line}) Tj ET`).join("\n");
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
    `<< /Length ${text.length} >>\nstream\n${text}\nendstream`,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
  ];
  let out = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) out += `${String(offset).padStart(10, "0")} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(out);
}
