import type { KartaDocument } from "@karta/doc";
import type { AccessLevel } from "@karta/schema";
import { createContext, useContext, useEffect, useMemo, useState, useSyncExternalStore } from "react";
import type { DocumentEventStream } from "../document/documentEventStream.ts";
import { showToast } from "../ui/toasts.ts";
import { EvidenceModel, type EvidenceState } from "./evidenceModel.ts";

/** The evidence of one open document, for its cells and its panel. */
export interface EvidencePage {
  readonly model: EvidenceModel;
  readonly document: KartaDocument | null;
  /** May attach and remove: the document's editors, while it is not on agreement (a hint: the server decides). */
  readonly canEdit: boolean;
  /** Edits the document, but it is on agreement. */
  readonly locked: boolean;
  /** May mark «принято» / «не принято»: those who comment on a school's document (a hint: the server decides). */
  readonly canReview: boolean;
}

export const EvidencePageContext = createContext<EvidencePage | null>(null);

export function useEvidencePage(): EvidencePage | null {
  return useContext(EvidencePageContext);
}

export function useEvidenceState(model: EvidenceModel): EvidenceState {
  return useSyncExternalStore(model.subscribe, model.getState);
}

export interface EvidenceSetup {
  readonly docId: string;
  readonly document: KartaDocument | null;
  readonly access: AccessLevel | "unknown" | null;
  readonly locked: boolean;
  readonly schoolDocument: boolean;
  readonly events: DocumentEventStream | null;
  /** The document's socket is open; `reconnects` counts its new connections. */
  readonly connected: boolean;
  readonly reconnects: number;
}

/**
 * The page's evidence: the list read when the document may be read, again on
 * each `evidence` event and when the window comes back; the files waiting on
 * this device sent when the browser is online again and whenever the
 * document's socket connects.
 */
export function useEvidenceSetup(setup: EvidenceSetup): EvidencePage | null {
  const { docId, document, access, locked, schoolDocument, events, connected, reconnects } = setup;
  const hasEvidence = document?.template.tables.some((t) => t.columns.some((c) => c.evidence)) ?? false;
  const [model, setModel] = useState<EvidenceModel | null>(null);
  useEffect(() => {
    if (!hasEvidence) return;
    const created = new EvidenceModel(docId, showToast);
    setModel(created);
    void created.loadPending();
    return () => {
      created.dispose();
      setModel(null);
    };
  }, [docId, hasEvidence]);

  const mayRead = access !== null && access !== "unknown";
  useEffect(() => {
    if (!model || !mayRead) return;
    void model.reload();
    const again = () => void model.reload();
    window.addEventListener("focus", again);
    const stopEvents = events?.on("evidence", again);
    const stopState = events?.subscribe(() => {
      if (events.state === "open") again();
    });
    return () => {
      window.removeEventListener("focus", again);
      stopEvents?.();
      stopState?.();
    };
  }, [model, mayRead, events]);

  useEffect(() => {
    if (!model) return;
    const send = () => void model.flush();
    window.addEventListener("online", send);
    return () => window.removeEventListener("online", send);
  }, [model]);
  useEffect(() => {
    void reconnects;
    if (model && connected) void model.flush();
  }, [model, connected, reconnects]);

  const canEdit = access === "edit" && !locked;
  const canReview = access === "comment" && schoolDocument;
  return useMemo(
    () => (model ? { model, document, canEdit, locked: access === "edit" && locked, canReview } : null),
    [model, document, canEdit, locked, access, canReview],
  );
}
