import { type DocumentSummary, getTemplate, isContentLocked, LOCKED_FOR_AGREEMENT_REASON } from "@karta/schema";
import { useEffect, useMemo, useRef, useState } from "react";
import { CommentsLayer } from "../comments/CommentsLayer.tsx";
import { CommentsPageContext, useCommentsSetup } from "../comments/commentsPage.ts";
import { DiscussionPanelSlot, DiscussionToggle } from "../comments/DiscussionPanel.tsx";
import { EvidencePanelSlot } from "../evidence/EvidencePanel.tsx";
import { EvidencePageContext, useEvidenceSetup } from "../evidence/evidencePage.ts";
import { DownloadMenu } from "../exports/DownloadMenu.tsx";
import { FirstScreenSlot } from "../firstScreen/FirstScreenSlot.tsx";
import { messages } from "../messages.ts";
import { identityOf } from "../presence/identity.ts";
import { PresenceAvatars } from "../presence/PresenceAvatars.tsx";
import { PresenceStore } from "../presence/presenceStore.ts";
import { usePresenceIdentity } from "../presence/usePresenceIdentity.ts";
import { sessionEnded, useSignedInUser } from "../session/sessionStore.ts";
import { LockIcon } from "../ui/icons.tsx";
import { showToast } from "../ui/toasts.ts";
import { ChangesCounter } from "./ChangesCounter.tsx";
import { ConflictsBanner, conflictMarksOf } from "./ConflictsBanner.tsx";
import { closeOutcome } from "./closeOutcome.ts";
import { DocumentHeader } from "./DocumentHeader.tsx";
import { DocumentParts } from "./DocumentParts.tsx";
import { headerDetails } from "./headerDetails.ts";
import { PageMessage } from "./PageMessage.tsx";
import { printFactsOf } from "./printFacts.ts";
import { type PageAccess, readOnlyReason } from "./readOnlyReason.ts";
import { SyncStatus } from "./SyncStatus.tsx";
import { useAgreedChanges } from "./useAgreedChanges.ts";
import { useCellLink } from "./useCellLink.ts";
import { useConflicts } from "./useConflicts.ts";
import { useDocumentAccess } from "./useDocumentAccess.ts";
import { useConnectionSnapshot, useDocumentConnection } from "./useDocumentConnection.ts";
import { useDocumentEvents } from "./useDocumentEvents.ts";
import { VersionsPanel, VersionsToggle } from "./VersionsPanel.tsx";
import { WorkflowActions, WorkflowStatus } from "./WorkflowControls.tsx";
import { lastReturn } from "./workflow.ts";
import "./document.css";

/**
 * A document opened to work on together: header, then its sections and tables.
 * The server's answer about access decides whether they can be edited; a
 * read-only document still shows colleagues' edits as they happen.
 */
export function DocumentPage({ docId }: { readonly docId: string }) {
  const connection = useDocumentConnection(docId);
  const { document, sync, closed, lastClose, reconnects, refusals, refusalReason, unknownTemplate, localLoaded } =
    useConnectionSnapshot(connection);
  // A step of the agreement taken here re-reads the summary; others' steps are pushed on the events stream.
  const [stepsTaken, setStepsTaken] = useState(0);
  const events = useDocumentEvents(docId, reconnects);
  const accessState = useDocumentAccess(docId, reconnects + stepsTaken, events);
  const user = useSignedInUser();
  const summary = accessState.status === "notFound" ? null : accessState.summary;
  const onStepTaken = (_next: DocumentSummary) => setStepsTaken((n) => n + 1);
  const [versionsOpen, setVersionsOpen] = useState(false);
  const changes = useAgreedChanges(docId, summary?.status ?? null, connection?.ydoc ?? null);
  const [onlyChangedChosen, setOnlyChanged] = useState(false);
  // Nothing left to show apart: the filter lets go by itself.
  const onlyChanged = onlyChangedChosen && changes.count > 0;
  const conflicts = useConflicts(docId, connection?.ydoc ?? null, sync !== "connecting" && sync !== "offline", events);
  const conflictMarks = useMemo(
    () => (document ? conflictMarksOf(document, conflicts.conflicts) : undefined),
    [document, conflicts.conflicts],
  );

  const presence = useMemo(() => (connection ? new PresenceStore(connection.awareness) : null), [connection]);
  useEffect(() => () => presence?.destroy(), [presence]);
  const identity = useMemo(() => identityOf(user ?? { id: "", fullName: "?" }), [user]);
  const shownIdentity = usePresenceIdentity(presence, identity);

  const template = document?.template ?? (summary ? getTemplate(summary.template) : undefined);
  const printFacts = useMemo(() => (summary && template ? printFactsOf(summary, template) : null), [summary, template]);
  const title = summary?.title ?? template?.title ?? messages.document.loading;
  useEffect(() => {
    window.document.title = `${title} — ${messages.appName}`;
  }, [title]);

  const access: PageAccess | null = summary?.access ?? (accessState.status === "unreachable" ? "unknown" : null);
  useAccessChangeToast(access);
  useRefusalToast(refusals, refusalReason);
  const comments = useCommentsSetup({ docId, document, access, user });
  const evidence = useEvidenceSetup({
    docId,
    document,
    access,
    locked: summary ? isContentLocked(summary.status) : false,
    schoolDocument: template?.scope === "school",
    events,
    connected: sync !== "connecting" && sync !== "offline",
    reconnects,
  });
  // A link to a cell (from «Мониторинг»): selected once the rows are there; a deleted row is said in a toast.
  useCellLink(comments, docId, sync === "saved" || sync === "saving" || sync === "refused");

  const close = closed ?? lastClose;
  const outcome = close ? closeOutcome(close.code) : null;
  useEffect(() => {
    if (outcome?.kind === "signIn") sessionEnded();
  }, [outcome?.kind]);

  if (accessState.status === "notFound") return <PageMessage text={accessState.message} />;
  // No access, no document: there is nothing to show or to edit, only the way back.
  if (outcome?.kind === "final") return <PageMessage text={outcome.text} />;
  if (closed && !document && outcome?.kind === "banner") return <PageMessage text={outcome.text} />;
  if (unknownTemplate) return <PageMessage text={messages.document.unknownTemplate} />;

  // Until the server has said what this person may do, the table is shown read-only, without a banner.
  // While на согласовании nobody changes the content, whatever their rights.
  const locked = summary ? isContentLocked(summary.status) : false;
  const editable = access === "edit" && !locked;
  const reason = locked
    ? messages.workflow.lockedBanner
    : access === null
      ? null
      : readOnlyReason(access, user, summary);
  const returned = summary ? lastReturn(summary) : null;
  const details = headerDetails({
    title,
    organisation: summary?.organisation,
    templateTitle: template?.title,
    year: summary?.year,
  });

  return (
    <CommentsPageContext.Provider value={comments}>
      <EvidencePageContext.Provider value={evidence}>
        <div className="k-doc-page" data-access={access ?? "loading"}>
          <DocumentHeader
            title={title}
            details={details}
            status={
              <>
                {summary && <WorkflowStatus summary={summary} changed={changes.count > 0} />}
                <ChangesCounter count={changes.count} onlyChanged={onlyChanged} onToggle={setOnlyChanged} />
                <SyncStatus state={sync} readOnly={!editable} />
              </>
            }
            people={presence ? <PresenceAvatars presence={presence} self={shownIdentity} /> : null}
            actions={
              <>
                {summary && accessState.status === "ready" && (
                  <WorkflowActions docId={docId} summary={summary} user={user} onChanged={onStepTaken} />
                )}
                {summary && <DownloadMenu docId={docId} />}
                {summary && <VersionsToggle open={versionsOpen} onToggle={() => setVersionsOpen((open) => !open)} />}
                {comments ? <DiscussionToggle page={comments} /> : null}
              </>
            }
          />
          {outcome?.kind === "banner" && (
            <div className="k-banner k-banner-error" role="alert" data-testid="close-banner">
              {outcome.text}
            </div>
          )}
          {returned && (
            <div className="k-banner k-banner-returned" role="note" data-testid="return-banner">
              <span>
                {returned.reason
                  ? messages.workflow.returnedBanner(returned.by.name, returned.reason)
                  : messages.workflow.returnedBannerNoReason(returned.by.name)}
              </span>
            </div>
          )}
          {document && (
            <ConflictsBanner
              docId={docId}
              document={document}
              conflicts={conflicts.conflicts}
              canResolve={editable}
              onResolved={conflicts.reload}
            />
          )}
          {reason && (
            <div className="k-banner k-banner-readonly" role="note" data-testid="read-only-banner">
              <LockIcon />
              <span>{reason}</span>
            </div>
          )}
          <div className="k-doc-body">
            <div className="k-doc-main">
              <FirstScreenSlot docId={docId} loaded={document !== null} />
              {document && connection && presence ? (
                <DocumentParts
                  document={document}
                  origin={connection.origin}
                  awareness={connection.awareness}
                  presence={presence}
                  identity={shownIdentity}
                  readOnly={!editable}
                  organisationId={summary?.organisationId ?? null}
                  year={summary?.year ?? null}
                  changes={changes}
                  conflicts={conflictMarks}
                  onlyChanged={onlyChanged}
                  print={printFacts}
                />
              ) : (
                <p className="k-page-loading" aria-busy>
                  {localLoaded && sync === "offline" ? messages.document.notOnThisDevice : messages.document.loading}
                </p>
              )}
            </div>
            {versionsOpen && summary && (
              <VersionsPanel
                docId={docId}
                canSave={access === "edit" || access === "comment"}
                canRestore={editable}
                onClose={() => setVersionsOpen(false)}
              />
            )}
            {comments && <DiscussionPanelSlot page={comments} />}
            {evidence && <EvidencePanelSlot page={evidence} />}
          </div>
          {comments && <CommentsLayer page={comments} />}
        </div>
      </EvidencePageContext.Provider>
    </CommentsPageContext.Provider>
  );
}

/** After the rights changed (4409 and a new answer), one toast saying what they are now. */
function useAccessChangeToast(access: PageAccess | null): void {
  const previous = useRef<PageAccess | null>(null);
  useEffect(() => {
    if (access === null || access === "unknown") return;
    const before = previous.current;
    previous.current = access;
    if (before !== null && before !== "unknown" && before !== access) {
      const label = messages.document.accessNowLabel[access];
      if (label) showToast(messages.document.accessNow(label));
    }
  }, [access]);
}

/** The server refused a change ("permission denied"): say so, once per refusal, with its reason. */
function useRefusalToast(refusals: number, reason: string | null): void {
  useEffect(() => {
    if (refusals === 0) return;
    showToast(
      reason === LOCKED_FOR_AGREEMENT_REASON ? messages.workflow.lockedRefused : messages.document.refused,
      "error",
    );
  }, [refusals, reason]);
}
