import { type EvidenceMediaType, isEvidenceMediaType } from "@karta/schema";
import { fileTypeFromFile } from "file-type";

/**
 * What a stored file is, read from its bytes by `file-type` (never from its
 * name or the Content-Type its sender claimed): one of the accepted evidence
 * types, or null for anything else (an executable renamed `.pdf`, a plain ZIP,
 * HTML, an SVG…). DOCX and XLSX are ZIPs whose `[Content_Types].xml` names a
 * WordprocessingML or SpreadsheetML main part; ODT is a ZIP whose `mimetype`
 * entry says `application/vnd.oasis.opendocument.text`. A file the library
 * cannot parse is null too.
 */
export async function sniffEvidence(filePath: string): Promise<EvidenceMediaType | null> {
  try {
    const type = await fileTypeFromFile(filePath);
    return type && isEvidenceMediaType(type.mime) ? type.mime : null;
  } catch {
    return null;
  }
}
