import type { FirstRowsColumn, FirstRowsResponse, FirstRowsSectionPreview, FirstRowsTable } from "@karta/schema";
import { headerDetails } from "../document/headerDetails.ts";
import { DEFAULT_COLUMN_WIDTH, NUMBER_COLUMN_WIDTH } from "../grid/columnWidths.ts";
import { messages } from "../messages.ts";
import { openingFolds, readFolds } from "../sections/sectionFolds.ts";
// The page's header, its folded sections and the grid's pills and checkboxes, as the page draws
// them: their stylesheets come with the entry.
import "../document/document.css";
import "../grid/grid.css";
import "../sections/sections.css";

/** The two pieces of a first screen: the page's header, and the parts under it (which the page adopts). */
export interface FirstScreenElements {
  readonly page: HTMLElement;
  readonly body: HTMLElement;
}

/**
 * Draws a document's first screen with plain DOM (this runs in the page's entry
 * module, before React and AG Grid have loaded): the header as the page has it,
 * the titles of the sections above the table, and the table's first rows laid
 * out as the grid lays them out (the same widths, wrapping, pills), read-only.
 * Text only goes in through textContent.
 */
export function drawFirstScreen(
  screen: FirstRowsResponse & { table: FirstRowsTable },
  docId: string,
): FirstScreenElements {
  const page = element("div", "k-first-screen");
  page.setAttribute("aria-busy", "true");
  page.setAttribute("aria-label", messages.document.loading);
  const header = element("header", "k-doc-header");
  const heading = element("div", "k-doc-heading");
  heading.append(element("h1", "k-doc-title", screen.title));
  const meta = element("div", "k-doc-meta");
  for (const detail of headerDetails(screen)) meta.append(element("span", "k-doc-meta-item", detail));
  heading.append(meta);
  header.append(heading);
  const body = element("div", "k-first-screen-body");
  // Folded as the page will open them: it takes their place without moving the rows.
  const folded = openingFolds(readFolds(docId), true, screen.sectionPreviews);
  screen.sectionsAbove.forEach((title, i) => {
    const preview = screen.sectionPreviews[i];
    body.append(
      preview && folded[preview.id] ? drawFoldedSection(title, preview) : element("h2", "k-first-screen-title", title),
    );
  });
  if (screen.table.title !== null)
    body.append(element("h2", "k-first-screen-title k-first-screen-table-title", screen.table.title));
  // Blank where the grid's toolbar will be, so that the rows do not jump when the grid comes.
  body.append(element("div", "k-first-screen-toolbar"));
  body.append(drawTable(screen.table));
  page.append(header, body);
  return { page, body };
}

/**
 * A section as the page first shows it above a table, folded to one line
 * (SectionHeading): the title after its chevron, then the beginning of the
 * text. Drawn with the page's own classes, so it takes the same room.
 */
function drawFoldedSection(title: string, preview: FirstRowsSectionPreview): HTMLElement {
  const section = element("section", "k-section");
  section.dataset.folded = "true";
  const head = element("div", "k-section-head");
  const heading = element("h2", "k-section-title");
  const fold = element("span", "k-section-fold");
  const chevron = element("span", "k-section-chevron");
  chevron.append(chevronIcon());
  fold.append(chevron, title);
  heading.append(fold);
  const text = preview.text === "" ? messages.sections.foldedEmpty : preview.text;
  const className = preview.text === "" ? "k-section-preview k-section-preview-empty" : "k-section-preview";
  head.append(heading, element("span", className, text));
  section.append(head);
  return section;
}

/** ui/icons.tsx's ChevronIcon, without React. */
function chevronIcon(): SVGSVGElement {
  const ns = "http://www.w3.org/2000/svg";
  const svg = document.createElementNS(ns, "svg");
  for (const [name, value] of Object.entries({
    "aria-hidden": "true",
    width: "16",
    height: "16",
    viewBox: "0 0 16 16",
    fill: "none",
    stroke: "currentColor",
    "stroke-width": "1.6",
    "stroke-linecap": "round",
    "stroke-linejoin": "round",
  }))
    svg.setAttribute(name, value);
  const path = document.createElementNS(ns, "path");
  path.setAttribute("d", "M6 3.5 10.5 8 6 12.5");
  svg.append(path);
  return svg;
}

function drawTable(table: FirstRowsTable): HTMLElement {
  const grid = element("div", "k-first-screen-grid");
  grid.setAttribute("role", "table");
  grid.style.setProperty("--k-first-screen-columns", table.columns.map(track).join(" "));
  const header = element("div", "k-first-screen-row k-first-screen-header");
  header.setAttribute("role", "row");
  for (const column of table.columns) {
    const cell = element("div", "k-first-screen-cell", column.title);
    cell.setAttribute("role", "columnheader");
    header.append(cell);
  }
  grid.append(header);
  for (const row of table.rows) {
    const line = element("div", "k-first-screen-row");
    line.setAttribute("role", "row");
    row.cells.forEach((cell, i) => {
      const kind = table.columns[i]?.kind ?? "text";
      const box = element("div", `k-first-screen-cell k-first-screen-${kind}`);
      box.setAttribute("role", "cell");
      if (kind === "boolean") {
        const check = element("input", "k-cell-checkbox");
        check.type = "checkbox";
        check.disabled = true;
        check.checked = cell.checked === true;
        box.append(check);
      } else if (cell.tone !== undefined && cell.text !== "") {
        box.append(element("span", `k-pill k-pill-${cell.tone}`, cell.text));
      } else {
        box.textContent = cell.text;
      }
      line.append(box);
    });
    grid.append(line);
  }
  return grid;
}

/**
 * A column's track, as the grid sizes it (grid/columnDefs.ts): № and the other
 * pinned column keep their preferred width, the others grow from theirs in
 * proportion to it, as the grid's flex columns do.
 */
function track(column: FirstRowsColumn): string {
  if (column.kind === "rowNumber") return `${Math.max(column.width ?? 0, NUMBER_COLUMN_WIDTH)}px`;
  const width = column.width ?? DEFAULT_COLUMN_WIDTH;
  return column.pinned ? `${width}px` : `minmax(${width}px, ${width}fr)`;
}

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}
