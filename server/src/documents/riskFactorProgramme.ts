import { copyContent, KartaDocument } from "@karta/doc";
import { antiRiskProgramme, riskProfile, riskProgrammeTitle } from "@karta/schema";
import * as Y from "yjs";
import type { DocumentRecord, DocumentStore } from "../storage/DocumentStore.ts";
import type { NewDocument } from "./createDocument.ts";
import { readStoredDocument } from "./storedDocument.ts";
import { THIS_YEAR_COLUMNS } from "./yearlySet.ts";

export class RiskFactorError extends Error {
  override name = "RiskFactorError";
}

/**
 * The anti-risk programme of one factor of a risk profile (DOMAIN §1 → §4):
 * same school and year, titled with the factor, its goal and the measures
 * the team sketched in the profile already written in.
 */
export async function programmeForRiskFactor(
  store: DocumentStore,
  profile: DocumentRecord,
  rowId: string,
  /** Last year's programme of the factor, to start from (its state, read by the caller). */
  previous?: Y.Doc,
): Promise<Omit<NewDocument, "organisation">> {
  if (profile.templateId !== riskProfile.id) throw new RiskFactorError("not a risk profile");
  const { doc: ydoc } = await readStoredDocument(store, profile.id);
  const row = KartaDocument.open(ydoc)
    ?.table("factors")
    .rows()
    .find((r) => r.id === rowId);
  ydoc.destroy();
  const factor = row?.cells.factor;
  if (typeof factor !== "string") throw new RiskFactorError("no such factor");
  const sketch = typeof row?.cells.measures === "string" ? row.cells.measures : "";
  return {
    templateId: antiRiskProgramme.id,
    title: riskProgrammeTitle(factor),
    organisationId: profile.organisationId ?? "",
    year: profile.year,
    fill: (doc) => {
      // Last year's measures and texts first; the factor's goal and this year's sketch where they left a gap.
      if (previous) copyContent(doc, previous, { omitColumns: THIS_YEAR_COLUMNS[antiRiskProgramme.id] });
      if (doc.section("goal").length === 0) {
        writeParagraphs(doc.section("goal"), [`Снижение влияния фактора риска «${factor}».`]);
      }
      if (sketch && doc.section("tasks").length === 0) writeParagraphs(doc.section("tasks"), [sketch]);
    },
  };
}

/**
 * The programme already made for that factor (same school, year and title),
 * which a second «Создать антирисковую программу» opens instead of doubling it.
 */
export function existingProgramme(
  documents: readonly DocumentRecord[],
  programme: Omit<NewDocument, "organisation">,
): DocumentRecord | undefined {
  return documents
    .filter(
      (d) =>
        d.templateId === programme.templateId &&
        d.organisationId === programme.organisationId &&
        d.year === programme.year &&
        d.title === programme.title,
    )
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt))[0];
}

/** Plain paragraphs in the node names of Tiptap's StarterKit, so the editor shows them as written. */
export function writeParagraphs(fragment: Y.XmlFragment, texts: readonly string[]): void {
  fragment.insert(
    fragment.length,
    texts.map((text) => {
      const paragraph = new Y.XmlElement("paragraph");
      paragraph.insert(0, [new Y.XmlText(text)]);
      return paragraph;
    }),
  );
}
