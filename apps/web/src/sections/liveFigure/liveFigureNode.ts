import { mergeAttributes, Node } from "@tiptap/core";
import { figureDisplay, parseFigureAttrs } from "./figures.ts";
import type { FiguresStores } from "./figuresStore.ts";

export interface LiveFigureOptions {
  /** Where figures come from; null (tests, schema checks) shows every figure as loading. */
  readonly stores: FiguresStores | null;
}

declare module "@tiptap/core" {
  interface Commands<ReturnType> {
    liveFigure: {
      /** Inserts a live figure at the caret. */
      insertLiveFigure: (attrs: { figure: string; organisationId: string; year: number }) => ReturnType;
    };
  }
}

/**
 * A figure computed by the server (число ШНОР, доли), kept in the text as a
 * reference, never as a typed number: the view asks the municipality's
 * figures store and redraws when they change. Stored as an inline atom
 * `liveFigure` with `{ figure, organisationId, year }`.
 */
export const LiveFigure = Node.create<LiveFigureOptions>({
  name: "liveFigure",
  group: "inline",
  inline: true,
  atom: true,
  selectable: true,

  addOptions() {
    return { stores: null };
  },

  addAttributes() {
    return {
      figure: { default: null, parseHTML: (el) => el.getAttribute("data-figure") },
      organisationId: { default: null, parseHTML: (el) => el.getAttribute("data-organisation") },
      year: {
        default: null,
        parseHTML: (el) => {
          const year = Number(el.getAttribute("data-year"));
          return Number.isInteger(year) ? year : null;
        },
      },
    };
  },

  parseHTML() {
    return [{ tag: "span[data-live-figure]" }];
  },

  renderHTML({ node, HTMLAttributes }) {
    const { figure, organisationId, year } = node.attrs;
    return [
      "span",
      mergeAttributes(HTMLAttributes, {
        "data-live-figure": "",
        "data-figure": figure,
        "data-organisation": organisationId,
        "data-year": year,
        class: "k-figure",
      }),
    ];
  },

  renderText({ node }) {
    const attrs = parseFigureAttrs(node.attrs);
    const store = attrs ? this.options.stores?.of(attrs.organisationId) : undefined;
    return figureDisplay(attrs, store ? store.getState() : { status: "loading" }).text;
  },

  addCommands() {
    return {
      insertLiveFigure:
        (attrs) =>
        ({ commands }) =>
          commands.insertContent({ type: this.name, attrs }),
    };
  },

  addNodeView() {
    const stores = this.options.stores;
    return ({ node: initial }) => {
      const dom = document.createElement("span");
      dom.className = "k-figure";
      dom.setAttribute("data-live-figure", "");
      dom.contentEditable = "false";
      let attrs = parseFigureAttrs(initial.attrs);
      let unsubscribe: (() => void) | null = null;
      const paint = () => {
        const store = attrs ? stores?.of(attrs.organisationId) : undefined;
        const shown = figureDisplay(attrs, store ? store.getState() : { status: "loading" });
        dom.textContent = shown.text;
        dom.title = shown.title;
        dom.dataset.figure = attrs?.figure ?? "";
        dom.dataset.missing = shown.missing ? "true" : "false";
      };
      const listen = () => {
        unsubscribe?.();
        const store = attrs ? stores?.of(attrs.organisationId) : undefined;
        unsubscribe = store ? store.subscribe(paint) : null;
        paint();
      };
      listen();
      return {
        dom,
        update: (node) => {
          if (node.type.name !== "liveFigure") return false;
          const next = parseFigureAttrs(node.attrs);
          const moved = next?.organisationId !== attrs?.organisationId;
          attrs = next;
          if (moved) listen();
          else paint();
          return true;
        },
        destroy: () => unsubscribe?.(),
      };
    };
  },
});
