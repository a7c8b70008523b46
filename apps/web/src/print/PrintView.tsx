import type { ExportDocument, ExportTable, TextBlock, TextRun } from "@karta/export/model";
import { appendixLines, isLandscape, printedValue } from "@karta/export/model";
import { createPortal } from "react-dom";
import "./print.css";

/**
 * The document as Ctrl+P prints it: the order's appendix laid out like the
 * PDF export (the block top right, the bold centred title, the sections, each
 * table whole with its header row repeated on every page by `<thead>`),
 * rendered into its own root beside the app, which print.css hides on
 * screen while hiding everything else on paper.
 */
export function PrintView({ model }: { readonly model: ExportDocument }) {
  const [first, second, third] = appendixLines(model);
  return createPortal(
    <div className={isLandscape(model) ? "k-print-root k-print-landscape" : "k-print-root"} data-testid="print-view">
      <div className="k-print-appendix">
        <div>{first}</div>
        <div>{second}</div>
        <div>{third}</div>
      </div>
      <h1 className="k-print-title">{model.title}</h1>
      {model.sections.map((section) => (
        <section key={section.id} className="k-print-section">
          {section.titleInPrint && <h2 className="k-print-section-title">{section.title}</h2>}
          <Blocks blocks={section.blocks} />
        </section>
      ))}
      {model.tables.map((table) => (
        <PrintTable key={table.id} table={table} titled={model.tables.length > 1 || model.sections.length > 0} />
      ))}
    </div>,
    document.body,
  );
}

function PrintTable({ table, titled }: { readonly table: ExportTable; readonly titled: boolean }) {
  const total = table.columns.reduce((sum, c) => sum + c.width, 0) || 1;
  return (
    <section className="k-print-part">
      {titled && <h2 className="k-print-table-title">{table.title}</h2>}
      <table className="k-print-table">
        <colgroup>
          {table.columns.map((c) => (
            <col key={c.id} style={{ width: `${((c.width / total) * 100).toFixed(2)}%` }} />
          ))}
        </colgroup>
        <thead>
          <tr>
            {table.columns.map((c) => (
              <th key={c.id} scope="col">
                {c.title}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, r) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a printout's rows are fixed while it prints
            <tr key={r}>
              {table.columns.map((c, i) => (
                <td key={c.id} className={numeric(c.kind) ? "k-print-number" : undefined}>
                  {printedValue(row[i] ?? null, c.kind)}
                </td>
              ))}
            </tr>
          ))}
          {table.total && (
            <tr className="k-print-total">
              {table.columns.map((c, i) => (
                <td key={c.id} className={numeric(c.kind) ? "k-print-number" : undefined}>
                  {printedValue(table.total?.[i] ?? null, c.kind)}
                </td>
              ))}
            </tr>
          )}
        </tbody>
      </table>
    </section>
  );
}

function numeric(kind: string): boolean {
  return kind === "rowNumber" || kind === "integer" || kind === "number" || kind === "share";
}

function Blocks({ blocks }: { readonly blocks: readonly TextBlock[] }) {
  return (
    <>
      {blocks.map((block, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a printout's blocks are fixed while it prints
        <Block key={i} block={block} />
      ))}
    </>
  );
}

function Block({ block }: { readonly block: TextBlock }) {
  switch (block.kind) {
    case "paragraph":
      return (
        <p>
          <Runs runs={block.runs} />
        </p>
      );
    case "heading":
      return (
        <h3 className={`k-print-heading-${Math.min(Math.max(block.level, 1), 4)}`}>
          <Runs runs={block.runs} />
        </h3>
      );
    case "list": {
      const items = block.items.map((item, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a printout's items are fixed while it prints
        <li key={i}>
          <Blocks blocks={item} />
        </li>
      ));
      return block.ordered ? <ol start={block.start}>{items}</ol> : <ul>{items}</ul>;
    }
    case "table":
      return (
        <table className="k-print-text-table">
          <tbody>
            {block.rows.map((row, r) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a printout's rows are fixed while it prints
              <tr key={r}>
                {row.map((cell, c) =>
                  cell.header ? (
                    // biome-ignore lint/suspicious/noArrayIndexKey: as above
                    <th key={c}>
                      <Blocks blocks={cell.blocks} />
                    </th>
                  ) : (
                    // biome-ignore lint/suspicious/noArrayIndexKey: as above
                    <td key={c}>
                      <Blocks blocks={cell.blocks} />
                    </td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      );
  }
}

function Runs({ runs }: { readonly runs: readonly TextRun[] }) {
  return (
    <>
      {runs.map((run, i) => {
        let node: React.ReactNode = run.text;
        if (run.italic) node = <em>{node}</em>;
        if (run.bold) node = <strong>{node}</strong>;
        if (run.href) node = <a href={run.href}>{node}</a>;
        // biome-ignore lint/suspicious/noArrayIndexKey: a printout's runs are fixed while it prints
        return <span key={i}>{node}</span>;
      })}
    </>
  );
}
