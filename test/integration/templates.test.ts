import { KartaDocument } from "@karta/doc";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authed, connectClient, createDocument, login, waitFor } from "../support/clients.ts";
import { type ServerProcess, startServerProcess } from "../support/serverProcess.ts";

describe("templates", () => {
  let server: ServerProcess;
  let school5: string;
  beforeAll(async () => {
    server = await startServerProcess();
    school5 = await login(server.httpUrl, "school5");
  });
  afterAll(async () => {
    await server.stop();
  });

  it("lists the ten documents of the domain with their scope", async () => {
    const res = await fetch(`${server.httpUrl}/api/templates`, authed(school5));
    const list = (await res.json()) as { id: string; title: string; scope: string }[];
    expect(list).toHaveLength(10);
    expect(list[0]).toMatchObject({ id: "risk-profile", title: "Рисковый профиль и самодиагностика", scope: "school" });
    expect(list.filter((t) => t.scope === "municipality").map((t) => t.id)).toEqual([
      "municipal-roadmap",
      "seminar-plan",
      "teacher-deficits",
      "shnor-list",
      "prevention-plan",
      "analytic-report",
    ]);
  });

  it("creates a factor's anti-risk programme from the risk profile, prefilled with the factor and its goal", async () => {
    const profileId = await createDocument(server.httpUrl, school5, {
      template: "risk-profile",
      title: "Рисковый профиль 2024",
      organisationId: "slav-sosh-5",
    });
    const profile = await connectClient(server.syncUrl, profileId, school5);
    const factors = profile.doc.table("factors");
    expect(factors.rowCount()).toBe(10);
    const motivation = factors.rows()[5];
    expect(motivation?.cells.factor).toBe("Низкая учебная мотивация обучающихся");
    factors.setCells([
      { rowId: motivation?.id as string, columnId: "chosen", value: true },
      { rowId: motivation?.id as string, columnId: "measures", value: "Диагностика мотивации, наставничество" },
    ]);
    // The edit is stored before the server answers anyone else: wait until a fresh reader sees it.
    const reader = await connectClient(server.syncUrl, profileId, school5);
    await waitFor(() => reader.doc.table("factors").rows()[5]?.cells.chosen === true, "stored");
    reader.destroy();

    const res = await fetch(
      `${server.httpUrl}/api/documents`,
      authed(school5, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          template: "anti-risk-programme",
          title: "—",
          fromRiskFactor: { documentId: profileId, rowId: motivation?.id },
        }),
      }),
    );
    expect(res.status).toBe(201);
    const created = (await res.json()) as { id: string; title: string; organisationId: string };
    expect(created.title).toBe("Антирисковая программа «Низкая учебная мотивация обучающихся»");
    expect(created.organisationId).toBe("slav-sosh-5");
    const programme = await connectClient(server.syncUrl, created.id, school5);
    const doc = KartaDocument.open(programme.ydoc) as KartaDocument;
    expect(doc.section("goal").toString()).toContain(
      "Снижение влияния фактора риска «Низкая учебная мотивация обучающихся»",
    );
    expect(doc.section("tasks").toString()).toContain("Диагностика мотивации, наставничество");
    profile.destroy();
    programme.destroy();
  });

  it("creates the year's documents from the registry: the municipality's set and each ШНОР school's", async () => {
    const coordinator = await login(server.httpUrl, "coordinator");
    const create = () =>
      fetch(
        `${server.httpUrl}/api/organisations/slavyansky-rayon/yearly-documents`,
        authed(coordinator, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ year: 2022 }),
        }),
      );
    const first = (await (await create()).json()) as {
      created: { template: string; organisation: string }[];
      existing: number;
    };
    // 6 municipal templates minus the demo roadmap and seminar plan that exist; 3 school documents × 10 ШНОР
    // schools of 2022, minus МБОУ СОШ № 5's three of the demo's cycle.
    expect(first.existing).toBe(2 + 3);
    expect(first.created).toHaveLength(4 + 27);
    expect(first.created.filter((d) => d.organisation === "МБОУ СОШ № 5")).toEqual([]);
    expect(first.created.filter((d) => d.organisation === "МБОУ ООШ № 7").map((d) => d.template)).toEqual([
      "risk-profile",
      "development-concept",
      "development-programme",
    ]);
    const again = (await (await create()).json()) as { created: unknown[]; existing: number };
    expect(again).toEqual({ created: [], existing: 36, copied: [] });
    expect(
      (
        await fetch(
          `${server.httpUrl}/api/organisations/slavyansky-rayon/yearly-documents`,
          authed(school5, { method: "POST", headers: { "content-type": "application/json" }, body: '{"year":2022}' }),
        )
      ).status,
    ).toBe(403);
  });

  it("refuses a risk factor from a profile the user cannot read", async () => {
    const coordinator = await login(server.httpUrl, "coordinator");
    const otherProfile = await createDocument(server.httpUrl, coordinator, {
      template: "risk-profile",
      title: "Профиль школы № 7",
      organisationId: "slav-oosh-7",
    });
    const res = await fetch(
      `${server.httpUrl}/api/documents`,
      authed(school5, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          template: "anti-risk-programme",
          title: "—",
          fromRiskFactor: { documentId: otherProfile, rowId: "x" },
        }),
      }),
    );
    expect(res.status).toBe(404);
  });
});

describe("figures from the registry and the documents", () => {
  let server: ServerProcess;
  let coordinator: string;
  beforeAll(async () => {
    server = await startServerProcess();
    coordinator = await login(server.httpUrl, "coordinator");
  });
  afterAll(async () => {
    await server.stop();
  });

  it("derive the ШНОР list by year and the report's figures, and follow the teacher-deficits monitoring", async () => {
    const get = async (path: string, secret = coordinator) => fetch(`${server.httpUrl}${path}`, authed(secret));
    const list = (await (await get("/api/organisations/slavyansky-rayon/statuses-by-year")).json()) as {
      years: number[];
      rows: unknown[];
      counts: Record<string, { shnor: number }>;
    };
    expect(list.years).toEqual([2022]);
    expect(list.rows).toHaveLength(10);
    expect(list.counts["2022"]?.shnor).toBe(10);

    const docId = await createDocument(server.httpUrl, coordinator, {
      template: "teacher-deficits",
      title: "Мониторинг дефицитов",
      organisationId: "slavyansky-rayon",
    });
    const client = await connectClient(server.syncUrl, docId, coordinator);
    client.doc.table("subjects").insertRow(0, { subject: "химия", teachers: 16, a: 3, b: 4, c: 7, d: 2 });
    await waitFor(() => client.provider.synced, "synced");
    const figures = async () =>
      (await (await get("/api/organisations/slavyansky-rayon/figures")).json()) as {
        schools: number;
        shnorByYear: Record<string, number>;
        shnorShare: { percent: number };
        deficitsAB: { percent: number | null } | null;
      };
    await waitFor(async () => (await figures()).deficitsAB?.percent === 43.8, "deficits figure follows the table");
    const f = await figures();
    expect(f.schools).toBe(10);
    expect(f.shnorByYear).toEqual({ "2022": 10 });
    expect(f.shnorShare.percent).toBe(100);
    client.destroy();

    expect(
      (await get("/api/organisations/slavyansky-rayon/figures", await login(server.httpUrl, "school5"))).status,
    ).toBe(404);
  });
});
