import { isOverdue, parsePeriod } from "@karta/domain";
import { type DashboardResponse, dashboardResponse, type ProgressCounts } from "@karta/schema";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authed, connectClient, login, postJson } from "../support/clients.ts";
import { openEventStreamAt } from "../support/eventStream.ts";
import { type ServerProcess, startServerProcess } from "../support/serverProcess.ts";

interface Summary {
  id: string;
  title: string;
  template: string;
  organisationId: string;
  year: number;
  status: string;
}

const MUNICIPALITY = "slavyansky-rayon";
const YEAR = 2022;
/** A day of 2022 on which the demo's measures are done, overdue, in progress and planned. */
const AS_OF = "2022-06-15";
const TRACKED = new Set(["anti-risk-programme", "municipal-roadmap"]);

const zero = (): ProgressCounts => ({ done: 0, inProgress: 0, overdue: 0, planned: 0, total: 0 });

/**
 * «Мониторинг» over HTTP (issue 11): the dashboard's figures against counts the
 * test makes itself from the documents' rows, read over the sync protocol, with
 * the one «Сроки» reading of @karta/domain; its access; its live events.
 */
describe("GET /api/organisations/:id/dashboard", () => {
  let server: ServerProcess;
  let coordinator: string;
  beforeAll(async () => {
    server = await startServerProcess();
    coordinator = await login(server.httpUrl, "coordinator");
  });
  afterAll(async () => {
    await server.stop();
  });

  const dashboard = async (secret: string, query = `year=${YEAR}&asOf=${AS_OF}`): Promise<Response> =>
    fetch(`${server.httpUrl}/api/organisations/${MUNICIPALITY}/dashboard?${query}`, authed(secret));
  const figures = async (query?: string): Promise<DashboardResponse> => {
    const res = await dashboard(coordinator, query);
    expect(res.status).toBe(200);
    return dashboardResponse.parse(await res.json());
  };

  /** The year's documents of the municipality and its schools, as the documents list gives them. */
  const documentsOfYear = async (): Promise<Summary[]> => {
    const all = (await (await fetch(`${server.httpUrl}/api/documents`, authed(coordinator))).json()) as Summary[];
    return all.filter(
      (d) => d.year === YEAR && (d.organisationId === MUNICIPALITY || d.organisationId.startsWith("slav-")),
    );
  };

  /** Counts of one document's measures on AS_OF, from its rows. */
  const countRows = async (doc: Summary, overdue: Set<string>): Promise<ProgressCounts> => {
    const client = await connectClient(server.syncUrl, doc.id, coordinator);
    const counts = zero();
    try {
      for (const row of client.doc.table("measures").rows()) {
        const status = row.cells.status;
        const period = typeof row.cells.period === "string" ? row.cells.period : "";
        const done = status === "выполнено";
        const late = !done && period !== "" && isOverdue(parsePeriod(period, { year: YEAR }), false, AS_OF);
        if (done) counts.done++;
        else if (late) {
          counts.overdue++;
          overdue.add(`${doc.id}/${row.id}`);
        } else if (status === "в работе") counts.inProgress++;
        else counts.planned++;
        counts.total++;
      }
    } finally {
      client.destroy();
    }
    return counts;
  };

  const add = (a: ProgressCounts, b: ProgressCounts): ProgressCounts => ({
    done: a.done + b.done,
    inProgress: a.inProgress + b.inProgress,
    overdue: a.overdue + b.overdue,
    planned: a.planned + b.planned,
    total: a.total + b.total,
  });

  it("matches the counts made from the documents themselves", async () => {
    const documents = await documentsOfYear();
    const bySchool = new Map<string, ProgressCounts>();
    let own = zero();
    const overdue = new Set<string>();
    for (const doc of documents.filter((d) => TRACKED.has(d.template))) {
      const counts = await countRows(doc, overdue);
      if (doc.organisationId === MUNICIPALITY) own = add(own, counts);
      else bySchool.set(doc.organisationId, add(bySchool.get(doc.organisationId) ?? zero(), counts));
    }
    const answer = await figures();

    expect(answer.organisation).toEqual({ id: MUNICIPALITY, name: "Славянский район" });
    expect(answer.asOf).toBe(AS_OF);
    // The demo's year has measures of every kind, or the comparison below would prove little.
    const total = [...bySchool.values()].reduce(add, zero());
    expect(total.total).toBeGreaterThan(10);
    expect(add(total, own).overdue).toBeGreaterThan(0);
    expect(add(total, own).done).toBeGreaterThan(0);
    expect(answer.progress).toEqual(total);
    expect(answer.municipality.progress).toEqual(own);
    for (const [schoolId, counts] of bySchool) {
      expect(answer.schools.find((s) => s.id === schoolId)?.progress, schoolId).toEqual(counts);
    }
    expect(new Set(answer.overdue.map((m) => `${m.documentId}/${m.rowId}`))).toEqual(overdue);
    expect(answer.overdue.map((m) => m.deadline)).toEqual(answer.overdue.map((m) => m.deadline).sort());

    // The matrix: every document of the year, with its status, under its school (or the municipality).
    const listed = [
      ...answer.schools.flatMap((s) => s.documents.map((d) => ({ ...d, organisationId: s.id }))),
      ...answer.municipality.documents.map((d) => ({ ...d, organisationId: MUNICIPALITY })),
    ];
    expect(listed.map((d) => `${d.id} ${d.status} ${d.organisationId}`).sort()).toEqual(
      documents.map((d) => `${d.id} ${d.status} ${d.organisationId}`).sort(),
    );
    expect(answer.columns.map((c) => c.template)).toEqual([
      "risk-profile",
      "development-concept",
      "development-programme",
      "anti-risk-programme",
    ]);
    // ШНОР by year comes from the registry: the roadmap's 2022 list names 10 schools (seed 002).
    expect(answer.shnorByYear.find((y) => y.year === YEAR)?.shnor).toBe(10);
    expect(answer.riskFactors).toHaveLength(10);
  });

  it("hears a measure marked «выполнено» and counts it", async () => {
    const school5 = await login(server.httpUrl, "school5");
    const before = await figures();
    const school = before.schools.find((s) => s.id === "slav-sosh-5");
    const programme = school?.documents.find((d) => d.template === "anti-risk-programme" && d.status === "draft");
    expect(programme, "a draft programme of СОШ № 5").toBeDefined();
    const events = await openEventStreamAt(
      `${server.httpUrl}/api/organisations/${MUNICIPALITY}/dashboard/events`,
      coordinator,
    );
    expect(events.status).toBe(200);
    await events.next((e) => e.event === "ready", "the stream opens");

    const editor = await connectClient(server.syncUrl, programme?.id as string, school5);
    const open = editor.doc
      .table("measures")
      .rows()
      .find((row) => row.cells.status !== "выполнено");
    expect(open, "a measure not yet done").toBeDefined();
    editor.doc.table("measures").setCell(open?.id as string, "status", "выполнено");
    await events.next((e) => e.event === "changed", "the dashboard hears of it", 10_000);
    editor.destroy();
    events.close();

    const after = await figures();
    const schoolAfter = after.schools.find((s) => s.id === "slav-sosh-5");
    expect(schoolAfter?.progress.done).toBe((school?.progress.done ?? 0) + 1);
    expect(after.progress.done).toBe(before.progress.done + 1);
    expect(after.progress.total).toBe(before.progress.total);
  });

  it("is refused to a viewer of another municipality (403), to a school team (403), and for a school (404)", async () => {
    const seversky = await login(server.httpUrl, "coordinator-seversky");
    const invited = await fetch(
      `${server.httpUrl}/api/people`,
      authed(
        seversky,
        postJson({
          fullName: "Смирнова Елена Викторовна",
          position: "специалист управления образования",
          organisationId: "seversky-rayon",
          login: "viewer-seversky",
          role: "viewer",
        }),
      ),
    );
    expect(invited.status).toBe(201);
    const { invitation } = (await invited.json()) as { invitation: { path: string } };
    const accepted = await fetch(
      `${server.httpUrl}/api/invitations/${invitation.path.replace("/invite/", "")}`,
      postJson({ password: "Надёжный-пароль-1" }),
    );
    expect(accepted.status).toBe(200);
    const viewer = await login(server.httpUrl, "viewer-seversky", "Надёжный-пароль-1");

    const refused = await dashboard(viewer);
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { message: string }).message).toMatch(/Мониторинг/);
    expect(
      (await fetch(`${server.httpUrl}/api/organisations/seversky-rayon/dashboard?year=2022`, authed(viewer))).status,
    ).toBe(200);
    expect((await dashboard(await login(server.httpUrl, "school5"))).status).toBe(403);
    expect((await dashboard(await login(server.httpUrl, "viewer"))).status).toBe(200);
    expect((await dashboard(await login(server.httpUrl, "methodist"))).status).toBe(200);
    expect(
      (await fetch(`${server.httpUrl}/api/organisations/slav-sosh-5/dashboard?year=2022`, authed(coordinator))).status,
    ).toBe(404);
    expect((await fetch(`${server.httpUrl}/api/organisations/${MUNICIPALITY}/dashboard?year=2022`)).status).toBe(401);
    expect((await dashboard(coordinator, "year=2022&asOf=15.06.2022")).status).toBe(400);
  });
});
