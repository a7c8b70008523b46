import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { AgreedBaseline, findTemplateViolation, KartaDocument, META_ROOT, readThreads } from "@karta/doc";
import { describePeriod, isOverdue, overdueRowIds, parsePeriod } from "@karta/domain";
import {
  antiRiskProgramme,
  commentsDocumentId,
  getTemplate,
  type MeasureProgress,
  RISK_FACTORS,
  riskProgrammeTitle,
} from "@karta/schema";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import type { DocumentRecord } from "../storage/DocumentStore.ts";
import { openSqlite } from "../storage/openSqlite.ts";
import { SqliteDirectory } from "../storage/SqliteDirectory.ts";
import { SqliteStore } from "../storage/SqliteStore.ts";
import { antiRiskDraftFactor } from "./antiRiskDrafts.ts";
import { DEMO_YEAR } from "./demoDirectory.ts";
import { school5ProgrammeOrder, school5RiskProfileOrder } from "./school5Cycle.ts";
import { school5CompetenceProgramme, school5FailureRiskProgramme, school5ReturnReason } from "./school5CycleContent.ts";
import { seedDemo } from "./seedDemo.ts";

/** «Мониторинг»'s day in these tests: every 2022 deadline has passed. */
const TODAY = "2026-12-03";
const context = { year: DEMO_YEAR };

const COMPETENCE = riskProgrammeTitle(school5CompetenceProgramme.factor);
const FAILURE_RISK = riskProgrammeTitle(school5FailureRiskProgramme.factor);
const MOTIVATION = riskProgrammeTitle(antiRiskDraftFactor);

/** Where a measure stands, as the dashboard's contract says (`MEASURE_PROGRESS` in @karta/schema). */
function progressOf(cells: Readonly<Record<string, unknown>>): MeasureProgress {
  const done = cells.status === "выполнено";
  if (done) return "done";
  if (isOverdue(parsePeriod(String(cells.period ?? ""), context), false, TODAY)) return "overdue";
  return cells.status === "в работе" ? "inProgress" : "planned";
}

describe("МБОУ СОШ № 5's 2022 cycle in the demo", () => {
  let dir: string;
  let store: SqliteStore;
  let school5: DocumentRecord[];
  const docs = new Map<string, KartaDocument>();

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "karta-school5-"));
    const db = openSqlite(dir);
    store = new SqliteStore(db);
    expect(await seedDemo(store, new SqliteDirectory(db))).toBe(true);
    school5 = (await store.listDocuments()).filter((d) => d.organisationId === "slav-sosh-5");
    for (const record of school5) {
      const { snapshot, updates } = await store.loadState(record.id);
      const ydoc = new Y.Doc();
      for (const update of [...snapshot, ...updates]) Y.applyUpdate(ydoc, update);
      const doc = KartaDocument.open(ydoc);
      if (!doc) throw new Error(record.title);
      docs.set(record.title, doc);
    }
  });
  afterAll(async () => {
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const byTitle = (title: string) => {
    const record = school5.find((d) => d.title === title);
    if (!record) throw new Error(`no «${title}»`);
    return record;
  };
  const doc = (title: string) => docs.get(title) as KartaDocument;
  const measures = (title: string) => doc(title).table("measures").rows();

  it("has the five documents of the cycle besides the draft, each in its status, the draft listed first", () => {
    expect(school5.map((d) => [d.templateId, d.title, d.status, d.order?.number ?? null])).toEqual([
      ["anti-risk-programme", MOTIVATION, "draft", null],
      ["risk-profile", "Рисковый профиль и самодиагностика МБОУ СОШ № 5 на 2022 год", "approved", "17-од"],
      ["development-concept", "Концепция программы развития МБОУ СОШ № 5 на 2022–2024 годы", "agreed", null],
      ["development-programme", "Среднесрочная программа развития МБОУ СОШ № 5 на 2022–2024 годы", "approved", "32-од"],
      ["anti-risk-programme", COMPETENCE, "approved", "32-од"],
      ["anti-risk-programme", FAILURE_RISK, "returned", null],
    ]);
    expect(school5.every((d) => d.year === DEMO_YEAR && d.organisation === "МБОУ СОШ № 5")).toBe(true);
    expect(byTitle(COMPETENCE).order).toEqual(school5ProgrammeOrder);
    expect(school5[1]?.order).toEqual(school5RiskProfileOrder);
  });

  it("moved each document along the agreement step by step, by the people who would", async () => {
    const steps = async (title: string) =>
      (await store.listTransitions([byTitle(title).id])).map((t) => `${t.at.slice(0, 10)} ${t.action} ${t.actorId}`);
    expect(await steps(COMPETENCE)).toEqual([
      "2022-02-21 submit demo-school5",
      "2022-02-25 agree demo-curator",
      "2022-02-28 approve demo-coordinator",
    ]);
    const returned = await store.listTransitions([byTitle(FAILURE_RISK).id]);
    expect(returned.map((t) => [t.action, t.actorId, t.reason])).toEqual([
      ["submit", "demo-school5", null],
      ["return", "demo-curator", school5ReturnReason],
    ]);
    expect((await store.listVersions(byTitle(COMPETENCE).id)).map((v) => v.kind)).toEqual([
      "approve",
      "agree",
      "submit",
    ]);
  });

  it("keeps content the server's own checks accept", async () => {
    for (const record of school5) {
      const { snapshot, updates } = await store.loadState(record.id);
      const template = getTemplate(record.templateId);
      if (!template) throw new Error(record.templateId);
      const ydoc = new Y.Doc();
      let problem: string | null = null;
      const meta: unknown = ydoc.getMap(META_ROOT);
      ydoc.on("afterTransaction", (transaction: Y.Transaction) => {
        if (transaction.origin === "creation") return;
        const changed = new Map([...transaction.changed].filter(([type]) => type !== meta));
        problem ??= findTemplateViolation(ydoc, template, { ...transaction, changed } as Y.Transaction);
      });
      // A risk profile starts with the template's factors (written at creation only), then is answered.
      const created = record.templateId === "risk-profile";
      for (const part of created ? snapshot : []) Y.applyUpdate(ydoc, part, "creation");
      for (const update of created ? updates : [...snapshot, ...updates]) Y.applyUpdate(ydoc, update);
      expect(problem, record.title).toBeNull();
    }
  });

  it("answers every factor of the risk profile and chooses three, each with its programme", () => {
    const profile = doc("Рисковый профиль и самодиагностика МБОУ СОШ № 5 на 2022 год");
    const rows = profile.table("factors").rows();
    expect(rows.map((r) => r.cells.factor)).toEqual([...RISK_FACTORS]);
    for (const row of rows) {
      expect(typeof row.cells.relevant, String(row.cells.factor)).toBe("boolean");
      expect(row.cells.significance).toMatch(/^(высокая|средняя|низкая)$/);
      expect(String(row.cells.measures).length).toBeGreaterThan(40);
    }
    const chosen = rows.filter((r) => r.cells.chosen === true).map((r) => String(r.cells.factor));
    expect(chosen).toEqual([
      "Недостаточная предметная и методическая компетентность педагогических работников",
      "Низкая учебная мотивация обучающихся",
      "Высокая доля обучающихся с рисками учебной неуспешности",
    ]);
    for (const factor of chosen) expect(docs.has(riskProgrammeTitle(factor)), factor).toBe(true);
    expect(profile.section("selfDiagnosis").toString()).toContain("протокол от 27.01.2022 № 5");
  });

  it("writes the concept's four sections and the programme's text and tasks", () => {
    const concept = doc("Концепция программы развития МБОУ СОШ № 5 на 2022–2024 годы");
    for (const section of ["analysis", "goal", "tasks", "results"])
      expect(concept.section(section).length, section).toBeGreaterThan(0);
    const programme = doc("Среднесрочная программа развития МБОУ СОШ № 5 на 2022–2024 годы");
    expect(programme.section("text").toString()).toContain("Паспорт программы");
    expect(programme.table("tasks").rows()).toHaveLength(5);
    for (const title of [COMPETENCE, FAILURE_RISK])
      for (const section of antiRiskProgramme.sections)
        expect(doc(title).section(section.id).length, `${title} ${section.id}`).toBeGreaterThan(0);
  });

  it("reads every «Сроки» of the new programmes as meant", () => {
    const said = [...measures(COMPETENCE), ...measures(FAILURE_RISK)].map((r) =>
      describePeriod(parsePeriod(String(r.cells.period), context)),
    );
    expect(said).toEqual([
      "до 28.02.2022",
      "до 31.03.2022",
      "с 01.04.2022 по 30.11.2022",
      "каждую четверть",
      "без даты: по графику МКУО ЦОКО",
      "до 30.11.2022",
      "по мере необходимости",
      "до 31.01.2022",
      "до 28.02.2022",
      "до 31.03.2022",
      "каждую четверть",
      "по мере необходимости",
      "до 31.05.2022",
    ]);
  });

  it(`has measures done, in progress, overdue and planned on ${TODAY}`, () => {
    const count = (title: string) => {
      const counts: Record<MeasureProgress, number> = { done: 0, inProgress: 0, overdue: 0, planned: 0 };
      for (const row of measures(title)) counts[progressOf(row.cells)]++;
      return counts;
    };
    expect(count(COMPETENCE)).toEqual({ done: 2, inProgress: 2, overdue: 2, planned: 1 });
    expect(count(FAILURE_RISK)).toEqual({ done: 1, inProgress: 1, overdue: 3, planned: 1 });
    expect(count(MOTIVATION)).toEqual({ done: 0, inProgress: 0, overdue: 3, planned: 2 });

    // The grid's overdue marks agree: in progress and planned past the deadline alike.
    const overdue = overdueRowIds(
      antiRiskProgramme.tables[0] as (typeof antiRiskProgramme.tables)[0],
      measures(COMPETENCE),
      context,
      TODAY,
    );
    expect(measures(COMPETENCE).flatMap((r) => (overdue.has(r.id) ? [r.cells.status] : []))).toEqual([
      "в работе",
      "запланировано",
    ]);
    // Done measures carry their «Отметка о выполнении».
    for (const row of measures(COMPETENCE).filter((r) => r.cells.status === "выполнено"))
      expect(row.cells.doneNote).toMatch(/^Выполнено: /);
  });

  it("approved the competence programme as planned and marked its progress since", async () => {
    const versions = await store.listVersions(byTitle(COMPETENCE).id);
    const approved = versions.find((v) => v.kind === "approve");
    const version = approved && (await store.getVersion(byTitle(COMPETENCE).id, approved.id));
    if (!version) throw new Error("no approved version");
    const ydoc = new Y.Doc();
    Y.applyUpdate(ydoc, version.state);
    const rows = KartaDocument.open(ydoc)?.table("measures").rows() ?? [];
    expect(new Set(rows.map((r) => r.cells.status))).toEqual(new Set(["запланировано"]));
    // Changed since approval: five statuses and three notes, nothing else.
    const changes = new AgreedBaseline(antiRiskProgramme, version.state).changes(doc(COMPETENCE));
    expect(changes.map((c) => (c.kind === "cell" ? c.columnId : c.kind)).sort()).toEqual([
      ...Array(3).fill("doneNote"),
      ...Array(5).fill("status"),
    ]);
  });

  it("gives the curator's threads to both programmes", async () => {
    const threadsOf = async (title: string) => {
      const { snapshot, updates } = await store.loadState(commentsDocumentId(byTitle(title).id));
      const ydoc = new Y.Doc();
      for (const update of [...snapshot, ...updates]) Y.applyUpdate(ydoc, update);
      return readThreads(ydoc);
    };
    const returned = await threadsOf(FAILURE_RISK);
    expect(returned).toHaveLength(1);
    expect(returned[0]?.anchor).toMatchObject({ kind: "cell", table: "measures", columnId: "period" });
    expect(returned[0]?.comments.map((c) => c.author)).toEqual(["demo-curator", "demo-school5"]);
    expect(await threadsOf(COMPETENCE)).toHaveLength(2);
    const digests = await store.listCommentDigests();
    expect(JSON.parse(digests.get(byTitle(FAILURE_RISK).id) ?? "{}").threads).toHaveLength(1);
  });
});
