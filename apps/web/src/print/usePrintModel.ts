import type { KartaDocument } from "@karta/doc";
import { type ExportDocument, type ExportInfo, exportModelOf } from "@karta/export/model";
import { useEffect, useRef, useState } from "react";
import { flushSync } from "react-dom";

/**
 * The document's print model while the browser prints, null otherwise: built
 * from the live document on `beforeprint` and rendered at once (flushSync),
 * so that Ctrl+P, the browser's menu and a PDF made by the browser all get
 * the whole document, not the grid's rows that happen to be drawn.
 */
export function usePrintModel(document: KartaDocument | null, info: ExportInfo | null): ExportDocument | null {
  const [model, setModel] = useState<ExportDocument | null>(null);
  const latest = useRef({ document, info });
  latest.current = { document, info };
  useEffect(() => {
    const before = () => {
      const { document: doc, info: facts } = latest.current;
      if (!doc || !facts) return;
      const built = exportModelOf(doc, facts);
      flushSync(() => setModel(built));
    };
    const after = () => setModel(null);
    window.addEventListener("beforeprint", before);
    window.addEventListener("afterprint", after);
    return () => {
      window.removeEventListener("beforeprint", before);
      window.removeEventListener("afterprint", after);
    };
  }, []);
  return model;
}
