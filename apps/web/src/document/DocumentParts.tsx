import type { KartaDocument } from "@karta/doc";
import type { ExportInfo } from "@karta/export/model";
import { analyticReport, type DocumentTemplate } from "@karta/schema";
import { useMemo } from "react";
import type { Awareness } from "y-protocols/awareness";
import { TableEditor } from "../grid/TableEditor.tsx";
import type { UserIdentity } from "../presence/identity.ts";
import type { PresenceStore } from "../presence/presenceStore.ts";
import { PrintView } from "../print/PrintView.tsx";
import { usePrintModel } from "../print/usePrintModel.ts";
import { RegistryViewPart } from "../registryView/RegistryViewPart.tsx";
import { figureDisplay, parseFigureAttrs } from "../sections/liveFigure/figures.ts";
import { FiguresStores } from "../sections/liveFigure/figuresStore.ts";
import { SectionEditor } from "../sections/SectionEditor.tsx";
import { useSectionFolds } from "../sections/useSectionFolds.ts";
import type { AgreedChanges } from "./agreedChanges.ts";
import type { LocalOrigin } from "./localOrigin.ts";
import "../sections/sections.css";

export interface DocumentPartsProps {
  readonly document: KartaDocument;
  readonly origin: LocalOrigin;
  readonly awareness: Awareness;
  readonly presence: PresenceStore;
  readonly identity: UserIdentity;
  /** Every part is read-only: the server has not (yet) said this person may edit. */
  readonly readOnly: boolean;
  /** The document's organisation and year, once the server has said them (live figures need them). */
  readonly organisationId: string | null;
  readonly year: number | null;
  /** What differs from the agreed version (marks on cells, rows and sections). */
  readonly changes?: AgreedChanges;
  /** «конфликт правок» sentences by table, then by cellKey. */
  readonly conflicts?: ReadonlyMap<string, ReadonlyMap<string, string>>;
  /** «Только изменённые строки»: tables show only rows that differ from the agreed version. */
  readonly onlyChanged?: boolean;
  /** What a printout says besides the content (title, whose order, which order); null: not known yet. */
  readonly print?: PrintFacts | null;
}

/** The facts of a printout that the document itself does not hold. */
export type PrintFacts = Omit<ExportInfo, "figure">;

/** Templates whose text may hold live figures (DOMAIN §10). */
const FIGURE_TEMPLATES: ReadonlySet<string> = new Set([analyticReport.id]);

type Part =
  | { readonly kind: "section"; readonly id: string }
  | { readonly kind: "table"; readonly id: string; readonly title: string };

/** The template's parts in reading order: sections, then tables (registry views come with their own component). */
export function partsOf(template: DocumentTemplate): readonly Part[] {
  return [
    ...template.sections.map((s) => ({ kind: "section" as const, id: s.id })),
    ...template.tables.map((t) => ({ kind: "table" as const, id: t.id, title: t.title })),
  ];
}

/**
 * Everything the document is made of, one part after another: rich-text
 * sections in a page-wide column, then the tables, each with its title when
 * there is more than one part. A document that is one table keeps the
 * spreadsheet layout, the table filling the window. Sections fold to their
 * title (sections/sectionFolds.ts says which start folded), so that a table
 * under them is on the first screen; a document that is one section does not fold.
 */
export function DocumentParts(props: DocumentPartsProps) {
  const { document, origin, presence, readOnly, organisationId, year } = props;
  const template = document.template;
  const parts = useMemo(() => partsOf(template), [template]);
  const figures = useMemo(() => new FiguresStores(), []);
  const figureTarget = useMemo(
    () =>
      FIGURE_TEMPLATES.has(template.id) && organisationId !== null && year !== null ? { organisationId, year } : null,
    [template.id, organisationId, year],
  );
  const folds = useSectionFolds(origin.docId, document);
  const printInfo = useMemo<ExportInfo | null>(
    () =>
      props.print
        ? {
            ...props.print,
            // A figure prints what the page shows now.
            figure: (ref) => figureDisplay(parseFigureAttrs(ref), figures.of(ref.organisationId).getState()).text,
          }
        : null,
    [props.print, figures],
  );
  const printModel = usePrintModel(document, printInfo);
  const printout = printModel && <PrintView model={printModel} />;
  const foldable = parts.length > 1 || (template.views?.length ?? 0) > 0;

  const tableEditor = (tableId: string) => (
    <TableEditor
      document={document}
      tableId={tableId}
      origin={origin}
      presence={presence}
      readOnly={readOnly}
      year={year}
      changes={props.changes?.tables.get(tableId) ?? null}
      conflicts={props.conflicts?.get(tableId) ?? null}
      onlyChanged={props.onlyChanged ?? false}
    />
  );
  const only = parts.length === 1 ? parts[0] : undefined;
  if (only?.kind === "table") {
    return (
      <>
        {tableEditor(only.id)}
        {printout}
      </>
    );
  }
  return (
    <div className="k-doc-parts" data-testid="document-parts">
      {printout}
      {organisationId !== null &&
        year !== null &&
        template.views?.map((view) => (
          <RegistryViewPart key={`view:${view.id}`} view={view} organisationId={organisationId} year={year} />
        ))}
      {parts.map((part) => {
        if (part.kind === "table") {
          return (
            <section key={`table:${part.id}`} className="k-part-table" data-table={part.id}>
              <h2 className="k-part-title">{part.title}</h2>
              <div className="k-part-table-frame">{tableEditor(part.id)}</div>
            </section>
          );
        }
        const section = template.sections.find((s) => s.id === part.id);
        if (!section) return null;
        return (
          <SectionEditor
            key={`section:${part.id}`}
            document={document}
            section={section}
            awareness={props.awareness}
            identity={props.identity}
            readOnly={readOnly}
            figures={figures}
            figureTarget={figureTarget}
            folded={foldable ? folds.folded[part.id] === true : undefined}
            onToggleFold={foldable ? () => folds.toggle(part.id) : undefined}
            agreedParagraphs={props.changes?.sections.get(part.id) ?? null}
          />
        );
      })}
    </div>
  );
}
