import { CommentsModel, cellAnchorFor, KartaDocument } from "@karta/doc";
import {
  type ApprovingOrder,
  antiRiskProgramme,
  commentsDocumentId,
  developmentConcept,
  developmentProgramme,
  nextStatus,
  riskProfile,
  riskProgrammeTitle,
  type TransitionAction,
} from "@karta/schema";
import * as Y from "yjs";
import { digestOf } from "../comments/commentDigest.ts";
import { createDocument } from "../documents/createDocument.ts";
import type { DocumentRecord, DocumentStore } from "../storage/DocumentStore.ts";
import type { AntiRiskSeedRow } from "./antiRiskDrafts.ts";
import { DEMO_YEAR, demoAccountId, demoAccounts, demoSchoolId } from "./demoDirectory.ts";
import {
  type AntiRiskProgrammeContent,
  school5CompetenceProgramme,
  school5Concept,
  school5ConceptTitle,
  school5FailureRiskProgramme,
  school5ProgrammeTasks,
  school5ProgrammeText,
  school5ProgrammeTitle,
  school5ReturnReason,
  school5RiskProfile,
  school5RiskProfileTitle,
  school5SelfDiagnosis,
} from "./school5CycleContent.ts";
import { seedRows, writeSeedBlocks } from "./seedContent.ts";

export const SCHOOL5_NAME = "МБОУ СОШ № 5";
const SCHOOL5 = demoSchoolId(SCHOOL5_NAME);

const school = demoAccountId("school5");
const curator = demoAccountId("curator");
const coordinator = demoAccountId("coordinator");

/** The school's order approving its development programme and the anti-risk programme with it. */
export const school5ProgrammeOrder: ApprovingOrder = { number: "32-од", date: "2022-02-28" };
/** The school's order approving the risk profile and the results of the self-diagnosis. */
export const school5RiskProfileOrder: ApprovingOrder = { number: "17-од", date: "2022-01-31" };

interface Step {
  readonly action: TransitionAction;
  readonly by: string;
  /** ISO date of the step. */
  readonly on: string;
  readonly reason?: string;
  readonly order?: ApprovingOrder;
}

const agreedAndApproved = (submitted: string, agreed: string, order: ApprovingOrder): Step[] => [
  { action: "submit", by: school, on: submitted },
  { action: "agree", by: curator, on: agreed },
  { action: "approve", by: coordinator, on: order.date, order },
];

/**
 * The 2022 cycle of МБОУ СОШ № 5 (DOMAIN "The yearly cycle", steps 2–5), beside the draft
 * programme «Низкая учебная мотивация обучающихся» that `seedDemo` gives every ШНОР school:
 * the risk profile (approved, three factors chosen), the concept (agreed), the development
 * programme (approved by the school's order № 32-од), the programme of the factor
 * «Недостаточная предметная и методическая компетентность…» (approved with it, its measures
 * done, in progress, overdue and planned since) and that of «Высокая доля обучающихся с
 * рисками учебной неуспешности» (returned by the curator, with his two threads on it).
 * Call it after the drafts: the documents list orders a school's documents by creation, and
 * tests take the school's first anti-risk programme to be the draft.
 */
export async function seedSchool5Cycle(store: DocumentStore): Promise<void> {
  await afterLatestDocument(store);
  // Created as the template starts it (its ten factors), then answered, as a school fills it in.
  const profile = await create(store, riskProfile.id, school5RiskProfileTitle);
  await edit(store, profile.id, (doc) => {
    writeSeedBlocks(doc.section("selfDiagnosis"), school5SelfDiagnosis);
    const table = doc.table("factors");
    table.setCells(
      table.rows().flatMap((row) => {
        const answer = school5RiskProfile.find((a) => a.factor === row.cells.factor);
        if (!answer) throw new Error(`the demo risk profile has no answer for ${String(row.cells.factor)}`);
        const { relevant, significance, measures, chosen } = answer;
        return Object.entries({ relevant, significance, measures, chosen }).map(([columnId, value]) => ({
          rowId: row.id,
          columnId,
          value,
        }));
      }),
    );
  });
  await moveAlong(store, profile.id, agreedAndApproved("2022-01-27", "2022-01-28", school5RiskProfileOrder));

  const concept = await create(store, developmentConcept.id, school5ConceptTitle, (doc) => {
    for (const [sectionId, blocks] of Object.entries(school5Concept)) writeSeedBlocks(doc.section(sectionId), blocks);
  });
  await moveAlong(store, concept.id, [
    { action: "submit", by: school, on: "2022-02-14" },
    { action: "agree", by: curator, on: "2022-02-18" },
  ]);

  const programme = await create(store, developmentProgramme.id, school5ProgrammeTitle, (doc) => {
    writeSeedBlocks(doc.section("text"), school5ProgrammeText);
    seedRows("tasks", school5ProgrammeTasks)(doc);
  });
  await moveAlong(store, programme.id, agreedAndApproved("2022-02-21", "2022-02-25", school5ProgrammeOrder));

  // Agreed and approved as planned (every measure «запланировано»); what was done since is
  // marked afterwards, as the school marks it, so the changes since approval show as such.
  const competence = await create(
    store,
    antiRiskProgramme.id,
    riskProgrammeTitle(school5CompetenceProgramme.factor),
    (doc) => fillProgramme(doc, school5CompetenceProgramme, asPlanned),
  );
  await moveAlong(store, competence.id, agreedAndApproved("2022-02-21", "2022-02-25", school5ProgrammeOrder));
  await markProgress(store, competence.id, school5CompetenceProgramme.measures);
  await writeComments(store, competence.id, (doc, comments) => {
    comments
      .at("2022-03-01T10:00:00.000Z")
      .openThread(
        author("curator"),
        { kind: "document" },
        "Программа утверждена. Прошу по мере выполнения отмечать мероприятия и прикладывать подтверждающие документы: справку по диагностике и приказ об утверждении ИОМ — до 31.03.2022.",
      );
    const courses = doc.table("measures").rows()[2];
    if (!courses) throw new Error("the demo programme has no third measure");
    const { threadId } = comments
      .at("2022-12-05T09:30:00.000Z")
      .openThread(
        author("curator"),
        cellAnchorFor(doc, "measures", courses.id, "status"),
        "Срок курсов истёк в ноябре, а прошли их 9 педагогов из 14. Укажите, когда обучатся остальные, и перенесите срок.",
      );
    comments
      .at("2022-12-06T07:15:00.000Z")
      .reply(
        threadId,
        author("school5"),
        "Трое записаны на курсы ИРО в январе 2023 г., двое — на февраль. Внесём новый срок после зачисления.",
      );
  });

  const failureRisk = await create(
    store,
    antiRiskProgramme.id,
    riskProgrammeTitle(school5FailureRiskProgramme.factor),
    (doc) => fillProgramme(doc, school5FailureRiskProgramme, (row) => row),
  );
  await moveAlong(store, failureRisk.id, [
    { action: "submit", by: school, on: "2022-02-21" },
    { action: "return", by: curator, on: "2022-02-25", reason: school5ReturnReason },
  ]);
  await writeComments(store, failureRisk.id, (doc, comments) => {
    const trial = doc.table("measures").rows()[2];
    if (!trial) throw new Error("the demo programme has no third measure");
    const { threadId } = comments
      .at("2022-02-25T08:40:00.000Z")
      .openThread(
        author("curator"),
        cellAnchorFor(doc, "measures", trial.id, "period"),
        "В 2022 году ВПР перенесены на осень. Пробные работы в марте потеряют смысл: предлагаю провести их в сентябре, за две-три недели до ВПР.",
      );
    comments
      .at("2022-02-28T11:05:00.000Z")
      .reply(threadId, author("school5"), "Согласны, перенесём на сентябрь 2022 г. после выхода графика ВПР.");
  });
}

function create(store: DocumentStore, templateId: string, title: string, fill?: (doc: KartaDocument) => void) {
  return createDocument(store, {
    templateId,
    title,
    organisationId: SCHOOL5,
    organisation: SCHOOL5_NAME,
    year: DEMO_YEAR,
    ...(fill ? { fill } : {}),
  });
}

/** The measure as agreed: planned, nothing marked yet. */
const asPlanned = (row: AntiRiskSeedRow): AntiRiskSeedRow => ({ ...row, status: "запланировано", doneNote: "" });

function fillProgramme(
  doc: KartaDocument,
  content: AntiRiskProgrammeContent,
  measure: (row: AntiRiskSeedRow) => AntiRiskSeedRow,
): void {
  for (const [sectionId, blocks] of Object.entries(content.header)) writeSeedBlocks(doc.section(sectionId), blocks);
  seedRows("measures", content.measures.map(measure))(doc);
}

/**
 * Moves a fresh document along the agreement as `approveAsTheSeedSays` does, one step at a
 * time by the person who would take it, with the version each step keeps.
 */
async function moveAlong(store: DocumentStore, docId: string, steps: readonly Step[]): Promise<void> {
  let status: DocumentRecord["status"] = "draft";
  let order: ApprovingOrder | null = null;
  for (const step of steps) {
    const to = nextStatus(status, step.action);
    if (to === null) throw new Error(`demo document ${docId}: no ${step.action} from ${status}`);
    const at = `${step.on}T09:00:00.000Z`;
    order = step.order ?? order;
    const moved = await store.recordTransition({
      docId,
      action: step.action,
      from: status,
      to,
      actorId: step.by,
      reason: step.reason ?? null,
      order,
      at,
    });
    if (!moved) throw new Error(`demo document ${docId} is not ${status}`);
    if (step.action === "submit" || step.action === "agree" || step.action === "approve") {
      await store.addVersion(
        { docId, kind: step.action, name: "", createdBy: step.by, createdAt: at },
        await stateOf(store, docId),
      );
    }
    status = to;
  }
}

/** Marks the measures' status and «Отметка о выполнении» as `rows` say. */
function markProgress(store: DocumentStore, docId: string, rows: readonly AntiRiskSeedRow[]): Promise<void> {
  return edit(store, docId, (doc) => {
    const table = doc.table("measures");
    table.setCells(
      table.rows().flatMap((row, index) => {
        const marked = rows[index];
        if (!marked || marked.measure !== row.cells.measure) throw new Error(`demo document ${docId}: row ${index}`);
        // Only what changed: an empty note written again would count as a change since approval.
        return [
          ...(marked.status !== row.cells.status ? [{ rowId: row.id, columnId: "status", value: marked.status }] : []),
          ...(marked.doneNote ? [{ rowId: row.id, columnId: "doneNote", value: marked.doneNote }] : []),
        ];
      }),
    );
  });
}

/** A change of a stored document, stored as one update after what it holds (as an edit in the app would be). */
async function edit(store: DocumentStore, docId: string, change: (doc: KartaDocument) => void): Promise<void> {
  const ydoc = new Y.Doc();
  Y.applyUpdate(ydoc, await stateOf(store, docId));
  const before = Y.encodeStateVector(ydoc);
  const doc = KartaDocument.open(ydoc);
  if (!doc) throw new Error(`demo document ${docId} has no template`);
  change(doc);
  await store.appendUpdate(docId, Y.encodeStateAsUpdate(ydoc, before));
  ydoc.destroy();
}

interface DatedComments {
  at(iso: string): CommentsModel;
}

/** Writes threads into the document's comments companion and its digest, as the comments room would. */
async function writeComments(
  store: DocumentStore,
  docId: string,
  write: (doc: KartaDocument, comments: DatedComments) => void,
): Promise<void> {
  const content = new Y.Doc();
  Y.applyUpdate(content, await stateOf(store, docId));
  const doc = KartaDocument.open(content);
  if (!doc) throw new Error(`demo document ${docId} has no template`);
  const ydoc = new Y.Doc();
  let now = 0;
  const model = new CommentsModel(ydoc, { now: () => now });
  write(doc, {
    at(iso) {
      now = Date.parse(iso);
      return model;
    },
  });
  await store.appendUpdate(commentsDocumentId(docId), Y.encodeStateAsUpdate(ydoc));
  // Each comment reached the server when it was written.
  const written = new Map(model.threads().flatMap((t) => t.comments.map((c) => [c.id, c.createdAt] as const)));
  const digest = digestOf(model.threads(), null, "");
  for (const thread of digest.threads)
    for (const comment of thread.comments) comment.storedAt = new Date(written.get(comment.id) ?? 0).toISOString();
  await store.putCommentDigest(docId, JSON.stringify(digest));
  model.destroy();
  ydoc.destroy();
  content.destroy();
}

function author(login: string) {
  const account = demoAccounts.find((a) => a.login === login);
  if (!account) throw new Error(`no demo account ${login}`);
  return { accountId: demoAccountId(login), name: account.fullName };
}

async function stateOf(store: DocumentStore, docId: string): Promise<Uint8Array> {
  const { snapshot, updates } = await store.loadState(docId);
  return Y.mergeUpdates([...snapshot, ...updates]);
}

/**
 * Waits until the clock is past the creation time of every document so far (milliseconds):
 * the list orders a school's documents by it, and the draft must stay first.
 */
async function afterLatestDocument(store: DocumentStore): Promise<void> {
  const latest =
    (await store.listDocuments())
      .map((d) => d.createdAt)
      .sort()
      .at(-1) ?? "";
  while (new Date().toISOString() <= latest) await new Promise((resolve) => setTimeout(resolve, 1));
}
