import { sectionSummary } from "@karta/doc";
import { SECTION_PREVIEW_LENGTH } from "@karta/schema";
import { useEffect, useState } from "react";
import type * as Y from "yjs";
import { messages } from "../messages.ts";
import { ChevronIcon } from "../ui/icons.tsx";

export interface SectionHeadingProps {
  readonly headingId: string;
  readonly sectionId: string;
  readonly title: string;
  readonly fragment: Y.XmlFragment;
  /** Undefined: the section cannot be folded (a document that is this one section). */
  readonly folded?: boolean;
  readonly onToggleFold?: () => void;
}

/**
 * A section's title. Where sections fold, the title is the button that folds
 * and unfolds it (chevron and all); folded, the beginning of the text follows
 * it on the same line, and a click there unfolds it too.
 */
export function SectionHeading({ headingId, sectionId, title, fragment, folded, onToggleFold }: SectionHeadingProps) {
  const preview = useFoldedPreview(fragment, folded === true);
  if (folded === undefined || !onToggleFold) {
    return (
      <h2 className="k-section-title" id={headingId}>
        {title}
      </h2>
    );
  }
  return (
    <div className="k-section-head">
      <h2 className="k-section-title" id={headingId}>
        <button
          type="button"
          className="k-section-fold"
          aria-expanded={!folded}
          title={folded ? messages.sections.unfold(title) : messages.sections.fold(title)}
          data-testid={`section-fold-${sectionId}`}
          onClick={onToggleFold}
        >
          <span className="k-section-chevron">
            <ChevronIcon />
          </span>
          {title}
        </button>
      </h2>
      {folded && (
        // A mouse shortcut beside the title's button; the keyboard uses the button.
        // biome-ignore lint/a11y/useKeyWithClickEvents: the button before it does the same from the keyboard
        // biome-ignore lint/a11y/noStaticElementInteractions: see above
        <span
          className={preview ? "k-section-preview" : "k-section-preview k-section-preview-empty"}
          data-testid={`section-preview-${sectionId}`}
          onClick={onToggleFold}
        >
          {preview || messages.sections.foldedEmpty}
        </span>
      )}
    </div>
  );
}

/** The section's text in one line while it is folded, kept up with colleagues' edits. */
function useFoldedPreview(fragment: Y.XmlFragment, folded: boolean): string {
  const [text, setText] = useState("");
  useEffect(() => {
    if (!folded) return;
    const read = () => setText(sectionSummary(fragment).text.slice(0, SECTION_PREVIEW_LENGTH));
    read();
    fragment.observeDeep(read);
    return () => fragment.unobserveDeep(read);
  }, [fragment, folded]);
  return text;
}
