import type { LiveFigureKind } from "@karta/doc";
import { useEffect, useId, useRef, useState } from "react";
import { messages } from "../../messages.ts";
import { figureMenu } from "./figures.ts";

/** Whose figures a section offers: the document's municipality and year. */
export interface FigureTarget {
  readonly organisationId: string;
  readonly year: number;
}

/** «Вставить показатель»: a small menu of the figures the server computes. */
export function FigureMenu({
  target,
  onPick,
}: {
  readonly target: FigureTarget;
  readonly onPick: (attrs: { figure: LiveFigureKind; organisationId: string; year: number }) => void;
}) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const menuId = useId();
  useEffect(() => {
    if (!open) return;
    const close = (event: Event) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    window.addEventListener("mousedown", close);
    return () => window.removeEventListener("mousedown", close);
  }, [open]);

  return (
    <div className="k-figure-menu" ref={root}>
      <button
        type="button"
        className="k-stool k-stool-text"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={menuId}
        onMouseDown={(event) => event.preventDefault()}
        onClick={() => setOpen((o) => !o)}
      >
        {messages.figures.insert}
      </button>
      {open && (
        <div className="k-figure-menu-list" role="menu" id={menuId} aria-label={messages.figures.menuLabel}>
          {figureMenu(target.year).map(({ figure, label }) => (
            <button
              key={figure}
              type="button"
              role="menuitem"
              className="k-figure-menu-item"
              onMouseDown={(event) => event.preventDefault()}
              onKeyDown={(event) => {
                if (event.key === "Escape") setOpen(false);
              }}
              onClick={() => {
                setOpen(false);
                onPick({ figure, organisationId: target.organisationId, year: target.year });
              }}
            >
              {label}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
