import {
  computedCells,
  formatPercent,
  isOverdue,
  parsePeriod,
  readsAsDate,
  roundToTenth,
  tableProblems,
  totalRow,
} from "@karta/domain";
import { teacherDeficits } from "@karta/schema";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { authed, connectClient, login, type SyncedClient } from "../support/clients.ts";
import { openRawSocket, syncUpdateMessage } from "../support/rawSocket.ts";
import { type ServerProcess, startServerProcess } from "../support/serverProcess.ts";

interface Listed {
  id: string;
  title: string;
  template: string;
  organisationId: string;
}

interface StatusesByYear {
  years: number[];
  rows: { schoolId: string; name: string; byYear: Record<string, string | null> }[];
  counts: Record<string, { shnor: number }>;
}

const subjects = teacherDeficits.tables[0] ?? (undefined as never);
const LEVELS = ["A", "B", "C", "D"] as const;

/** The demo built from the five seed documents, read back through the HTTP API and stock y-websocket clients. */
describe("the demo from the seed documents", () => {
  let server: ServerProcess;
  const clients: SyncedClient[] = [];

  beforeAll(async () => {
    server = await startServerProcess({ env: { DEMO_DATA: "1" } });
  });
  afterAll(async () => {
    for (const c of clients) c.destroy();
    await server.stop();
  });

  const documentsOf = async (secret: string): Promise<Listed[]> =>
    (await (await fetch(`${server.httpUrl}/api/documents`, authed(secret))).json()) as Listed[];

  const documentOf = async (account: string, template: string) => {
    const secret = await login(server.httpUrl, account);
    const doc = (await documentsOf(secret)).find((d) => d.template === template);
    if (!doc) throw new Error(`${account} sees no ${template}`);
    return { secret, doc };
  };

  it("derives seed 003's ШНОР list of the Северский район from the registry: 8 schools in 2020, one in 2024", async () => {
    const secret = await login(server.httpUrl, "coordinator-seversky");
    const res = await fetch(`${server.httpUrl}/api/organisations/seversky-rayon/statuses-by-year`, authed(secret));
    expect(res.status).toBe(200);
    const list = (await res.json()) as StatusesByYear;
    expect(list.years).toEqual([2020, 2022, 2023, 2024]);
    expect(list.years.map((y) => list.counts[String(y)]?.shnor)).toEqual([8, 7, 5, 1]);
    const shnorIn = (year: number) => list.rows.filter((r) => r.byYear[String(year)] === "shnor").map((r) => r.name);
    expect(shnorIn(2024)).toEqual(["МБОУ СОШ № 7"]);
    expect(shnorIn(2020).sort()).toEqual(
      [
        "МБОУ СОШ № 2",
        "МБОУ СОШ № 11",
        "МБОУ ООШ № 8",
        "МБОУ ООШ № 12",
        "МБОУ СОШ № 32",
        "МБОУ СОШ № 36",
        "МБОУ СОШ № 45",
        "МАОУ лицей пгт Афипского",
      ].sort(),
    );
    // The Славянский район's coordinator does not see another municipality's registry.
    const other = await fetch(
      `${server.httpUrl}/api/organisations/seversky-rayon/statuses-by-year`,
      authed(await login(server.httpUrl, "coordinator")),
    );
    expect(other.status).toBe(404);
  });

  it("serves the Лабинский teacher-deficits table as counts whose computed shares and totals are right", async () => {
    const { secret, doc } = await documentOf("coordinator-labinsky", "teacher-deficits");
    const client = await connectClient(server.syncUrl, doc.id, secret);
    clients.push(client);
    const rows = client.doc.table("subjects").rows();
    expect(rows).toHaveLength(10);

    for (const row of rows) {
      const shares = computedCells(subjects, row);
      const teachers = row.cells.teachers as number;
      expect(
        (row.cells.a as number) + (row.cells.b as number) + (row.cells.c as number) + (row.cells.d as number),
      ).toBe(teachers);
      for (const level of LEVELS) {
        const count = row.cells[level.toLowerCase()] as number;
        // Shares are kept to one decimal, as people round them by hand.
        expect(shares[`share${level}`], `${row.cells.subject} ${level}`).toBe(roundToTenth((count / teachers) * 100));
        // Nothing typed: a share is never a stored cell.
        expect(row.cells[`share${level}`]).toBeUndefined();
      }
    }

    const chemistry = rows.find((r) => r.cells.subject === "химия");
    if (!chemistry) throw new Error("no химия row");
    expect([
      chemistry.cells.teachers,
      chemistry.cells.a,
      chemistry.cells.b,
      chemistry.cells.c,
      chemistry.cells.d,
    ]).toEqual([16, 3, 4, 7, 2]);
    const chemistryShares = computedCells(subjects, chemistry);
    expect(LEVELS.map((level) => formatPercent(chemistryShares[`share${level}`] as number))).toEqual(
      ["18,8", "25,0", "43,8", "12,5"].map((n) => `${n}\u00a0%`),
    );

    expect(tableProblems(subjects, rows, { readsAsDate: (text) => readsAsDate(text, { year: 2021 }) })).toEqual([]);
    const total = totalRow(subjects, rows);
    expect(total).toMatchObject({ subject: "Всего:", teachers: 232, a: 65, b: 79, c: 84, d: 4 });
    expect(formatPercent((total?.shareA as number) + (total?.shareB as number))).toBe("62,1\u00a0%");
  });

  it("refuses a share typed into a cell (close 4400) and a fresh reader does not see it", async () => {
    const { secret, doc } = await documentOf("coordinator-labinsky", "teacher-deficits");
    const reader = await connectClient(server.syncUrl, doc.id, secret);
    const chemistry = reader.doc
      .table("subjects")
      .rows()
      .find((r) => r.cells.subject === "химия");
    if (!chemistry) throw new Error("no химия row");

    // A copy of the document that types the seed's wrong share (45 %) into the row's «Доля A» cell.
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(reader.ydoc));
    reader.destroy();
    const before = Y.encodeStateVector(copy);
    copy.getMap<Y.Map<unknown>>("table:subjects").get(chemistry.id)?.set("shareA", 45);
    const update = Y.encodeStateAsUpdate(copy, before);
    copy.destroy();
    expect(update.byteLength).toBeGreaterThan(2);

    const raw = await openRawSocket(server.syncUrl, doc.id, secret);
    raw.ws.send(syncUpdateMessage(update));
    expect(await raw.closed).toBe(4400);

    const fresh = await connectClient(server.syncUrl, doc.id, secret);
    clients.push(fresh);
    const row = fresh.doc
      .table("subjects")
      .rows()
      .find((r) => r.id === chemistry.id);
    expect(row?.cells).toEqual({ subject: "химия", teachers: 16, a: 3, b: 4, c: 7, d: 2 });
  });

  it("puts the texts of seeds 000 and 001 in the analytic reports' sections", async () => {
    const tersky = await documentOf("coordinator-tersky", "analytic-report");
    expect(tersky.doc.title).toBe(
      "Анализ реализации Дорожной карты по методическому сопровождению системы работы со ШНОР в Терском муниципальном районе",
    );
    const terskyClient = await connectClient(server.syncUrl, tersky.doc.id, tersky.secret);
    clients.push(terskyClient);
    const terskyText = terskyClient.doc.section("body").toString();
    expect(terskyText).toContain(
      "Организовано проведение мастер-классов, семинаров, психолого-педагогическое сопровождение школ.",
    );
    expect(terskyText).toContain("Задачи и рекомендации на 2022 год");

    const khasavyurt = await documentOf("coordinator-khasavyurt", "analytic-report");
    const khasavyurtClient = await connectClient(server.syncUrl, khasavyurt.doc.id, khasavyurt.secret);
    clients.push(khasavyurtClient);
    const body = khasavyurtClient.doc.section("body");
    expect(body.toString()).toContain(
      "МО «Хасавюртовского района» определены 6 школ района с низкими образовательными результатами (ШНОР) из 54.",
    );
    // The seed's «- » lines are one bullet list of seven items.
    const list = body.toArray().find((node) => node instanceof Y.XmlElement && node.nodeName === "bulletList");
    expect((list as Y.XmlElement | undefined)?.length).toBe(7);

    const shnorList = await documentOf("coordinator-seversky", "shnor-list");
    const shnorClient = await connectClient(server.syncUrl, shnorList.doc.id, shnorList.secret);
    clients.push(shnorClient);
    expect(shnorClient.doc.section("comment").toString()).toContain("В 2020 году их было 8, в 2024 году одна.");
  });

  it("gives МБОУ СОШ № 5 its whole 2022 cycle, each document in its status, its measures in every state", async () => {
    const secret = await login(server.httpUrl, "school5");
    const res = await fetch(`${server.httpUrl}/api/documents?organisationId=slav-sosh-5&year=2022`, authed(secret));
    expect(res.status).toBe(200);
    const listed = (await res.json()) as (Listed & {
      status: string;
      order: { number: string; date: string } | null;
      history: { action: string; by: { name: string }; reason: string | null }[];
      comments?: { open: number };
    })[];
    expect(listed.map((d) => [d.template, d.status, d.order?.number ?? null])).toEqual([
      ["anti-risk-programme", "draft", null],
      ["risk-profile", "approved", "17-од"],
      ["development-concept", "agreed", null],
      ["development-programme", "approved", "32-од"],
      ["anti-risk-programme", "approved", "32-од"],
      ["anti-risk-programme", "returned", null],
    ]);
    // The curator's threads: two on the approved programme, one on the returned.
    expect(listed.map((d) => d.comments?.open ?? 0)).toEqual([0, 0, 0, 0, 2, 1]);
    const returned = listed[5];
    expect(returned?.title).toBe("Антирисковая программа «Высокая доля обучающихся с рисками учебной неуспешности»");
    expect(returned?.history.map((h) => [h.action, h.by.name])).toEqual([
      ["submit", "Лысенко Марина Ивановна"],
      ["return", "Кравец Андрей Петрович"],
    ]);
    expect(returned?.history[1]?.reason).toContain("Целевые показатели не измеримы");

    // The measures of its three programmes, as a stock client reads them, on a fixed day.
    const states = { done: 0, inProgress: 0, overdue: 0, planned: 0 };
    for (const programme of listed.filter((d) => d.template === "anti-risk-programme")) {
      const client = await connectClient(server.syncUrl, programme.id, secret);
      clients.push(client);
      for (const { cells } of client.doc.table("measures").rows()) {
        const overdue = isOverdue(parsePeriod(String(cells.period), { year: 2022 }), false, "2026-12-03");
        if (cells.status === "выполнено") states.done++;
        else if (overdue) states.overdue++;
        else if (cells.status === "в работе") states.inProgress++;
        else states.planned++;
      }
    }
    expect(states).toEqual({ done: 3, inProgress: 3, overdue: 8, planned: 4 });
  });

  it("creates one school's documents of a year on the coordinator's request, once", async () => {
    const secret = await login(server.httpUrl, "coordinator-seversky");
    const create = (organisationId: string) =>
      fetch(
        `${server.httpUrl}/api/organisations/${organisationId}/yearly-documents`,
        authed(secret, { method: "POST", headers: { "content-type": "application/json" }, body: '{"year":2025}' }),
      );
    const first = await create("sev-sosh-7");
    expect(first.status).toBe(201);
    const answer = (await first.json()) as { created: { template: string; organisation: string }[]; existing: number };
    expect(answer.created.map((d) => [d.template, d.organisation])).toEqual([
      ["risk-profile", "МБОУ СОШ № 7"],
      ["development-concept", "МБОУ СОШ № 7"],
      ["development-programme", "МБОУ СОШ № 7"],
    ]);
    expect(await (await create("sev-sosh-7")).json()).toEqual({ created: [], existing: 3, copied: [] });
    // Not another municipality's school, nor a region.
    expect((await create("slav-sosh-5")).status).toBe(403);
    expect((await create("krasnodar-krai")).status).toBe(403);
  });

  it("puts the seminar plan of seed 002 in the Славянский район and the prevention plan of seed 003 in the Северский", async () => {
    const seminars = await documentOf("coordinator", "seminar-plan");
    expect(seminars.doc.organisationId).toBe("slavyansky-rayon");
    const seminarClient = await connectClient(server.syncUrl, seminars.doc.id, seminars.secret);
    clients.push(seminarClient);
    expect(
      seminarClient.doc
        .table("seminars")
        .rows()
        .map((r) => [r.cells.base, r.cells.date]),
    ).toEqual([
      ["СОШ № 19", "26.01.2022"],
      ["СОШ № 12", "февраль 2022 г."],
      ["СОШ № 5", "16.03.2022"],
      ["ООШ № 7", "март 2022 года"],
      ["Лицей № 1", "апрель 2022 г."],
      ["СОШ № 20", "13.04.2022"],
    ]);

    const prevention = await documentOf("coordinator-seversky", "prevention-plan");
    const preventionClient = await connectClient(server.syncUrl, prevention.doc.id, prevention.secret);
    clients.push(preventionClient);
    const events = preventionClient.doc.table("events").rows();
    expect(events).toHaveLength(9);
    expect(events[1]?.cells.form).toBe("Методический десант");
  });
});
