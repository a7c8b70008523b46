import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authed, connectClient, createDocument, login, postJson, waitFor } from "../support/clients.ts";
import { type ServerProcess, startServerProcess } from "../support/serverProcess.ts";

interface Summary {
  id: string;
  title: string;
  template: string;
  organisationId: string;
  year: number;
}
interface YearlyAnswer {
  created: Summary[];
  existing: number;
  copied: { documentId: string; fromDocumentId: string; rows: number; sections: number }[];
}

/** The yearly cycle without retyping (issue 11): next year's documents from this year's, one programme per factor. */
describe("the yearly cycle", () => {
  let server: ServerProcess;
  let coordinator: string;
  /** The 2024 programme of the school's sixth factor, made by the first test. */
  let programme2024 = "";
  beforeAll(async () => {
    server = await startServerProcess();
    coordinator = await login(server.httpUrl, "coordinator");
  });
  afterAll(async () => {
    await server.stop();
  });

  const yearly = async (organisationId: string, body: unknown): Promise<YearlyAnswer> => {
    const res = await fetch(
      `${server.httpUrl}/api/organisations/${organisationId}/yearly-documents`,
      authed(coordinator, postJson(body)),
    );
    expect(res.status).toBe(201);
    return (await res.json()) as YearlyAnswer;
  };
  /** school5's risk profile of a year, its sixth factor chosen and stored on the server. */
  const profileWithSixthFactorChosen = async (school5: string, year: number) => {
    const profileId = await createDocument(server.httpUrl, school5, {
      template: "risk-profile",
      title: `Рисковый профиль ${year}`,
      organisationId: "slav-sosh-5",
      year,
    });
    const profile = await connectClient(server.syncUrl, profileId, school5);
    const factor = profile.doc.table("factors").rows()[5];
    profile.doc.table("factors").setCell(factor?.id as string, "chosen", true);
    const reader = await connectClient(server.syncUrl, profileId, school5);
    await waitFor(() => reader.doc.table("factors").rows()[5]?.cells.chosen === true, "stored");
    reader.destroy();
    profile.destroy();
    return { profileId, factor };
  };
  /** «Создать антирисковую программу» for a risk profile's factor row, as the app sends it. */
  const pressFactorButton = (secret: string, profileId: string, rowId: string | undefined) =>
    fetch(
      `${server.httpUrl}/api/documents`,
      authed(
        secret,
        postJson({ template: "anti-risk-programme", title: "—", fromRiskFactor: { documentId: profileId, rowId } }),
      ),
    );
  const documents = async (query: string): Promise<Summary[]> =>
    (await (await fetch(`${server.httpUrl}/api/documents?${query}`, authed(coordinator))).json()) as Summary[];

  it("a second «Создать антирисковую программу» for a factor answers the programme it made", async () => {
    const school5 = await login(server.httpUrl, "school5");
    const { profileId, factor } = await profileWithSixthFactorChosen(school5, 2024);

    const press = () => pressFactorButton(school5, profileId, factor?.id);
    const first = await press();
    expect(first.status).toBe(201);
    const second = await press();
    expect(second.status).toBe(200);
    const [a, b] = [(await first.json()) as Summary, (await second.json()) as Summary];
    expect(b.id).toBe(a.id);
    const programmes = (await documents("organisationId=slav-sosh-5&year=2024")).filter(
      (d) => d.template === "anti-risk-programme",
    );
    expect(programmes.map((d) => d.id)).toEqual([a.id]);
    programme2024 = a.id;
  });

  it("two presses of the factor's button at the same moment make one programme", async () => {
    const school5 = await login(server.httpUrl, "school5");
    const { profileId, factor } = await profileWithSixthFactorChosen(school5, 2026);
    const press = () => pressFactorButton(school5, profileId, factor?.id);
    const answers = await Promise.all([press(), press(), press()]);
    expect(answers.map((r) => r.status).sort()).toEqual([200, 200, 201]);
    const ids = new Set(await Promise.all(answers.map(async (r) => ((await r.json()) as Summary).id)));
    expect(ids.size).toBe(1);
    const programmes = (await documents("organisationId=slav-sosh-5&year=2026")).filter(
      (d) => d.template === "anti-risk-programme",
    );
    expect(programmes.map((d) => d.id)).toEqual([...ids]);
  });

  it("next year's programme of the factor starts from this year's when asked, without its statuses", async () => {
    const school5 = await login(server.httpUrl, "school5");
    const last = await connectClient(server.syncUrl, programme2024, school5);
    last.doc.table("measures").insertRow(0, {
      measure: "Наставничество для учителей",
      period: "Ежемесячно",
      status: "выполнено",
      doneNote: "Проведено 9 встреч",
    });
    const check = await connectClient(server.syncUrl, programme2024, school5);
    await waitFor(() => check.doc.table("measures").rowCount() === 1, "stored");
    check.destroy();
    last.destroy();

    const { profileId, factor } = await profileWithSixthFactorChosen(school5, 2025);

    const res = await fetch(
      `${server.httpUrl}/api/documents`,
      authed(
        school5,
        postJson({
          template: "anti-risk-programme",
          title: "—",
          fromRiskFactor: { documentId: profileId, rowId: factor?.id, copyFrom: 2024 },
        }),
      ),
    );
    expect(res.status).toBe(201);
    const created = (await res.json()) as Summary;
    expect(created.year).toBe(2025);
    const next = await connectClient(server.syncUrl, created.id, school5);
    expect(
      next.doc
        .table("measures")
        .rows()
        .map((r) => r.cells),
    ).toEqual([{ measure: "Наставничество для учителей", period: "Ежемесячно" }]);
    expect(next.doc.section("goal").toString()).toContain("Снижение влияния фактора риска");
    next.destroy();
  });

  it("starts the 2023 roadmap from the 2022 one when asked: same rows' cells and preamble, new row ids", async () => {
    const [roadmap2022] = (await documents("organisationId=slavyansky-rayon&year=2022")).filter(
      (d) => d.template === "municipal-roadmap",
    );
    expect(roadmap2022).toBeDefined();
    const answer = await yearly("slavyansky-rayon", { year: 2023, copyFrom: 2022 });
    const roadmap2023 = answer.created.find((d) => d.template === "municipal-roadmap" && d.year === 2023);
    expect(roadmap2023).toBeDefined();
    expect(answer.copied).toContainEqual({
      documentId: roadmap2023?.id,
      fromDocumentId: roadmap2022?.id,
      rows: 25,
      sections: 1,
    });
    // Only documents that had one of 2022 are in `copied`; the others start empty.
    for (const copy of answer.copied) expect(answer.created.map((d) => d.id)).toContain(copy.documentId);

    const [before, after] = await Promise.all([
      connectClient(server.syncUrl, roadmap2022?.id as string, coordinator),
      connectClient(server.syncUrl, roadmap2023?.id as string, coordinator),
    ]);
    const rowsBefore = before.doc.table("measures").rows();
    const rowsAfter = after.doc.table("measures").rows();
    expect(rowsAfter).toHaveLength(25);
    // This year's «Статус» stays with this year: the copy starts every measure without one.
    const withoutStatus = (cells: Record<string, unknown>) =>
      Object.fromEntries(Object.entries(cells).filter(([key]) => key !== "status"));
    expect(rowsBefore.some((r) => r.cells.status !== undefined)).toBe(true);
    expect(rowsAfter.map((r) => r.cells)).toEqual(rowsBefore.map((r) => withoutStatus(r.cells)));
    const oldIds = new Set(rowsBefore.map((r) => r.id));
    expect(rowsAfter.filter((r) => oldIds.has(r.id))).toEqual([]);
    const preamble = before.doc.section("preamble").toString();
    expect(preamble.length).toBeGreaterThan(100);
    expect(after.doc.section("preamble").toString()).toBe(preamble);
    before.destroy();
    after.destroy();
  });

  it("without the option next year's roadmap starts empty", async () => {
    const answer = await yearly("slavyansky-rayon", { year: 2025 });
    expect(answer.copied).toEqual([]);
    const roadmap = answer.created.find((d) => d.template === "municipal-roadmap");
    const client = await connectClient(server.syncUrl, roadmap?.id as string, coordinator);
    expect(client.doc.table("measures").rowCount()).toBe(0);
    expect(client.doc.section("preamble").length).toBe(0);
    client.destroy();
  });

  it("refuses to copy a year into itself", async () => {
    const res = await fetch(
      `${server.httpUrl}/api/organisations/slavyansky-rayon/yearly-documents`,
      authed(coordinator, postJson({ year: 2026, copyFrom: 2026 })),
    );
    expect(res.status).toBe(400);
  });
});
