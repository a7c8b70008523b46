import { type RefObject, useEffect, useRef, useState } from "react";

export interface Placement {
  readonly left: number;
  readonly top: number;
}

const GAP = 8;
const MARGIN = 8;

/**
 * Where a floating box of this size goes beside `target` (viewport
 * coordinates): to its right if it fits, else to its left, else below it
 * (above if there is no room below); always inside the window. A phrase in a
 * text (`prefer` "below") gets it under its line, the text's sides being
 * where one reads.
 */
export function placeBeside(
  target: Pick<DOMRect, "left" | "right" | "top" | "bottom">,
  box: { readonly width: number; readonly height: number },
  viewport: { readonly width: number; readonly height: number },
  prefer: "side" | "below" = "side",
): Placement {
  const clampTop = (top: number) => Math.max(MARGIN, Math.min(top, viewport.height - box.height - MARGIN));
  const clampLeft = (left: number) => Math.max(MARGIN, Math.min(left, viewport.width - box.width - MARGIN));
  if (prefer === "below") {
    const below = target.bottom + GAP;
    const top = below + box.height + MARGIN <= viewport.height ? below : target.top - GAP - box.height;
    return { left: clampLeft(target.left), top: clampTop(top) };
  }
  if (target.right + GAP + box.width + MARGIN <= viewport.width) {
    return { left: target.right + GAP, top: clampTop(target.top) };
  }
  if (target.left - GAP - box.width >= MARGIN) {
    return { left: target.left - GAP - box.width, top: clampTop(target.top) };
  }
  return { left: clampLeft(target.left), top: clampTop(target.bottom + GAP) };
}

/**
 * Keeps a floating box beside what `locate` finds, following it while the
 * page or the grid scrolls and rows move (measured once a frame). The last
 * place found is kept when the target goes out of view.
 */
export function useFloatingPlacement(
  box: RefObject<HTMLElement | null>,
  locate: () => DOMRect | null,
  prefer: "side" | "below" = "side",
): Placement | null {
  const [placement, setPlacement] = useState<Placement | null>(null);
  const locateRef = useRef(locate);
  locateRef.current = locate;
  useEffect(() => {
    let frame = 0;
    let last = "";
    const measure = () => {
      const target = locateRef.current();
      const element = box.current;
      if (target && element) {
        const next = placeBeside(
          target,
          { width: element.offsetWidth, height: element.offsetHeight },
          { width: window.innerWidth, height: window.innerHeight },
          prefer,
        );
        const key = `${Math.round(next.left)}:${Math.round(next.top)}`;
        if (key !== last) {
          last = key;
          setPlacement(next);
        }
      }
      frame = requestAnimationFrame(measure);
    };
    measure();
    return () => cancelAnimationFrame(frame);
  }, [box, prefer]);
  return placement;
}
