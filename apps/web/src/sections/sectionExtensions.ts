import type { AnyExtension } from "@tiptap/core";
import Collaboration from "@tiptap/extension-collaboration";
import Link from "@tiptap/extension-link";
import { TableKit } from "@tiptap/extension-table";
import { Placeholder } from "@tiptap/extensions";
import StarterKit from "@tiptap/starter-kit";
import type * as Y from "yjs";
import type { FiguresStores } from "./liveFigure/figuresStore.ts";
import { LiveFigure } from "./liveFigure/liveFigureNode.ts";
import type { SectionAwareness } from "./sectionAwareness.ts";
import { SectionCaret } from "./sectionCaret.ts";

/** Heading levels inside a section: the page's title is h1 and each section's title h2. */
export const SECTION_HEADING_LEVELS = [3, 4] as const;

/**
 * The editor's schema: headings, lists, bold, italic, links, simple tables and
 * live figures. The server accepts exactly these nodes and marks (`SECTION_NODES`
 * in @karta/doc); `sectionExtensions.test.ts` keeps the two in step.
 */
export function schemaExtensions(figures: FiguresStores | null): AnyExtension[] {
  return [
    StarterKit.configure({
      // The collaboration extension brings its own undo, of this person's edits only.
      undoRedo: false,
      blockquote: false,
      code: false,
      codeBlock: false,
      horizontalRule: false,
      strike: false,
      underline: false,
      heading: { levels: [...SECTION_HEADING_LEVELS] },
      link: false,
    }),
    SectionLink.configure({
      openOnClick: false,
      autolink: true,
      defaultProtocol: "https",
      isAllowedUri: (url, ctx) => /^(https?:\/\/|mailto:|tel:)/i.test(url) && ctx.defaultValidate(url),
      HTMLAttributes: { rel: "noopener noreferrer nofollow", target: "_blank" },
    }),
    TableKit.configure({ table: { resizable: false } }),
    LiveFigure.configure({ stores: figures }),
  ];
}

/**
 * Tiptap's link with one attribute, the address (`LINK_ATTRIBUTES` in @karta/doc).
 * Stock Tiptap also keeps `target`, `rel`, `class` and `title` in the document and
 * renders them: a hostile editor's `class` would then reach every reader's page.
 * Here `rel` and `target` come from `HTMLAttributes` above, whatever a document
 * or a pasted page says, and anything else a link carries is dropped.
 */
const SectionLink = Link.extend({
  addAttributes() {
    return { href: { default: null, parseHTML: (element: HTMLElement) => element.getAttribute("href") } };
  },
});

export interface SectionEditorSetup {
  readonly fragment: Y.XmlFragment;
  readonly awareness: SectionAwareness;
  readonly user: { readonly name: string; readonly color: string };
  readonly placeholder: string;
  readonly emptyReadOnly: string;
  readonly figures: FiguresStores | null;
}

/** Everything a section's editor runs with: the schema, the shared fragment, carets and the placeholder. */
export function sectionExtensions(setup: SectionEditorSetup): AnyExtension[] {
  return [
    ...schemaExtensions(setup.figures),
    Collaboration.configure({ fragment: setup.fragment }),
    SectionCaret.configure({ provider: { awareness: setup.awareness }, user: setup.user }),
    Placeholder.configure({
      // Read-only readers of an empty section see that it is empty, not a hint about what to write.
      placeholder: ({ editor }) => (editor.isEditable ? setup.placeholder : setup.emptyReadOnly),
      showOnlyWhenEditable: false,
    }),
  ];
}
