import type { Editor } from "@tiptap/core";
import { useEditorState } from "@tiptap/react";
import type { ReactNode } from "react";
import { messages } from "../messages.ts";
import { Icon } from "../ui/icons.tsx";
import { linkFromInput } from "./linkInput.ts";
import { FigureMenu, type FigureTarget } from "./liveFigure/FigureMenu.tsx";
import { SECTION_HEADING_LEVELS } from "./sectionExtensions.ts";
import "../grid/grid.css";

const [HEADING, SUBHEADING] = SECTION_HEADING_LEVELS;

/**
 * Formatting of one section: text style, bold and italic, lists, a link, a
 * simple table, undo and redo of one's own edits, and (in the analytic
 * report) live figures. Buttons keep the caret where it was.
 */
export function SectionToolbar({
  editor,
  title,
  figures,
  comment,
}: {
  readonly editor: Editor;
  readonly title: string;
  readonly figures: FigureTarget | null;
  /** «Комментировать» the selected phrase, where comments are open (comments/SectionComments.tsx). */
  readonly comment?: ReactNode;
}) {
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      paragraph: e.isActive("paragraph") && !e.isActive("heading"),
      heading: e.isActive("heading", { level: HEADING }),
      subheading: e.isActive("heading", { level: SUBHEADING }),
      bold: e.isActive("bold"),
      italic: e.isActive("italic"),
      bulletList: e.isActive("bulletList"),
      orderedList: e.isActive("orderedList"),
      link: e.isActive("link"),
      inTable: e.isActive("table"),
      canUndo: e.can().undo(),
      canRedo: e.can().redo(),
    }),
  });
  const chain = () => editor.chain().focus();
  const editLink = () => {
    const current = editor.getAttributes("link").href as string | undefined;
    const input = window.prompt(messages.sections.linkPrompt, current ?? "");
    if (input === null) return;
    const href = linkFromInput(input);
    if (href === null) chain().extendMarkRange("link").unsetLink().run();
    else if (editor.state.selection.empty && !current) {
      // Nothing selected to turn into a link: the address itself becomes the link's text.
      chain()
        .insertContent({ type: "text", text: href, marks: [{ type: "link", attrs: { href } }] })
        .run();
    } else chain().extendMarkRange("link").setLink({ href }).run();
  };

  return (
    <div className="k-section-toolbar" role="toolbar" aria-label={messages.sections.toolbarLabel(title)}>
      <Tool label={messages.sections.paragraph} active={state.paragraph} onClick={() => chain().setParagraph().run()}>
        <span className="k-stool-text">{messages.sections.paragraph}</span>
      </Tool>
      <Tool
        label={messages.sections.heading}
        active={state.heading}
        onClick={() => chain().toggleHeading({ level: HEADING }).run()}
      >
        <span className="k-stool-text k-stool-heading">{messages.sections.heading}</span>
      </Tool>
      <Tool
        label={messages.sections.subheading}
        active={state.subheading}
        onClick={() => chain().toggleHeading({ level: SUBHEADING }).run()}
      >
        <span className="k-stool-text">{messages.sections.subheading}</span>
      </Tool>
      <span className="k-tool-separator" />
      <Tool label={messages.sections.bold} active={state.bold} onClick={() => chain().toggleBold().run()}>
        <BoldIcon />
      </Tool>
      <Tool label={messages.sections.italic} active={state.italic} onClick={() => chain().toggleItalic().run()}>
        <ItalicIcon />
      </Tool>
      <Tool label={messages.sections.link} active={state.link} onClick={editLink}>
        <LinkIcon />
      </Tool>
      <span className="k-tool-separator" />
      <Tool
        label={messages.sections.bulletList}
        active={state.bulletList}
        onClick={() => chain().toggleBulletList().run()}
      >
        <BulletListIcon />
      </Tool>
      <Tool
        label={messages.sections.orderedList}
        active={state.orderedList}
        onClick={() => chain().toggleOrderedList().run()}
      >
        <OrderedListIcon />
      </Tool>
      <Tool
        label={messages.sections.table}
        onClick={() => chain().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run()}
      >
        <TableIcon />
      </Tool>
      {state.inTable && (
        <>
          <Tool label={messages.sections.addRow} onClick={() => chain().addRowAfter().run()}>
            <span className="k-stool-text">{messages.sections.addRowShort}</span>
          </Tool>
          <Tool label={messages.sections.addColumn} onClick={() => chain().addColumnAfter().run()}>
            <span className="k-stool-text">{messages.sections.addColumnShort}</span>
          </Tool>
          <Tool label={messages.sections.deleteTable} onClick={() => chain().deleteTable().run()}>
            <span className="k-stool-text">{messages.sections.deleteTableShort}</span>
          </Tool>
        </>
      )}
      {figures && (
        <>
          <span className="k-tool-separator" />
          <FigureMenu target={figures} onPick={(attrs) => chain().insertLiveFigure(attrs).run()} />
        </>
      )}
      {comment && (
        <>
          <span className="k-tool-separator" />
          {comment}
        </>
      )}
      <span className="k-section-toolbar-end" />
      <Tool label={messages.sections.undo} disabled={!state.canUndo} onClick={() => editor.commands.undo()}>
        <UndoIcon />
      </Tool>
      <Tool label={messages.sections.redo} disabled={!state.canRedo} onClick={() => editor.commands.redo()}>
        <RedoIcon />
      </Tool>
    </div>
  );
}

function Tool({
  label,
  active,
  disabled,
  onClick,
  children,
}: {
  readonly label: string;
  readonly active?: boolean;
  readonly disabled?: boolean;
  readonly onClick: () => void;
  readonly children: ReactNode;
}) {
  return (
    <button
      type="button"
      className="k-stool"
      title={label}
      aria-label={label}
      aria-pressed={active === undefined ? undefined : active}
      disabled={disabled}
      // Keep the caret in the text: the command runs on the editor's selection.
      onMouseDown={(event) => event.preventDefault()}
      onClick={onClick}
    >
      {children}
    </button>
  );
}

const BoldIcon = () => (
  <Icon size={18}>
    <path d="M5 3.5h5a3 3 0 0 1 0 6H5zM5 9.5h6a3 3 0 0 1 0 6H5z" strokeWidth={2} />
  </Icon>
);
const ItalicIcon = () => (
  <Icon size={18}>
    <path d="M8 3.5h6M4 14.5h6M11 3.5l-4 11" />
  </Icon>
);
const LinkIcon = () => (
  <Icon size={18}>
    <path d="M7.5 10.5a3 3 0 0 0 4.2 0l2.3-2.3a3 3 0 0 0-4.2-4.2l-1 1M10.5 7.5a3 3 0 0 0-4.2 0L4 9.8A3 3 0 0 0 8.2 14l1-1" />
  </Icon>
);
const BulletListIcon = () => (
  <Icon size={18}>
    <path d="M7 4.5h8M7 9h8M7 13.5h8" />
    <circle cx={3.5} cy={4.5} r={0.9} fill="currentColor" />
    <circle cx={3.5} cy={9} r={0.9} fill="currentColor" />
    <circle cx={3.5} cy={13.5} r={0.9} fill="currentColor" />
  </Icon>
);
const OrderedListIcon = () => (
  <Icon size={18}>
    <path
      d="M8 4.5h7M8 9h7M8 13.5h7M3 3.5l1-.5v3M2.8 8.2c.4-.5 1.9-.5 1.9.4 0 .8-1.9 1.4-1.9 2h2M2.8 12.3h1.8l-.9 1 .2.1c.5 0 .8.3.8.7s-.4.8-1 .8H2.8"
      strokeWidth={1.2}
    />
  </Icon>
);
const TableIcon = () => (
  <Icon size={18}>
    <rect x={2.5} y={3.5} width={13} height={11} rx={1.2} />
    <path d="M2.5 7.5h13M2.5 11h13M7 7.5v7M11 7.5v7" />
  </Icon>
);
const UndoIcon = () => (
  <Icon size={18}>
    <path d="M6 4 3 7l3 3" />
    <path d="M3 7h7.5a4 4 0 0 1 0 8H8" />
  </Icon>
);
const RedoIcon = () => (
  <Icon size={18}>
    <path d="m12 4 3 3-3 3" />
    <path d="M15 7H7.5a4 4 0 0 0 0 8H10" />
  </Icon>
);
