/**
 * `npm run bench:dashboard`: how long «Мониторинг» takes to answer for a
 * municipality of 30 schools × 5 documents (a risk profile, a concept, a
 * programme and two anti-risk programmes of 15 measures each, besides the
 * municipality's own set with a 25-row roadmap). A real server process with
 * the demo; everything is created through the public API and the sync
 * protocol. Measured: the first answer (the read model computes the facts of
 * documents nobody edited since the server started from the store; the
 * others it kept as they were written), then answers from the read model
 * (median and p95 of 30), and the answer right after a measure's status changed.
 * See docs/benchmarks.md.
 */
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { slavyanskRoadmapRows } from "../../server/src/demo/slavyanskRoadmap.ts";
import { authed, connectClient, login, postJson } from "../support/clients.ts";
import { openEventStreamAt } from "../support/eventStream.ts";
import { startServerProcess } from "../support/serverProcess.ts";

const SCHOOLS = 30;
const PROGRAMMES_PER_SCHOOL = 2;
const MEASURES = 15;
const RUNS = 30;
const YEAR = 2024;
const MUNICIPALITY = "slavyansky-rayon";
const STATUSES = ["выполнено", "в работе", "запланировано", "", "выполнено"];
const PERIODS = [
  "Январь 2024 г.",
  "В течение учебного года",
  "Не реже 1 раза в четверть",
  "март-апрель 2024 года",
  "Декабрь 2024 года",
];

export interface DashboardBenchResult {
  readonly schools: number;
  readonly documents: number;
  readonly measures: number;
  readonly coldMs: number;
  readonly warmMedianMs: number;
  readonly warmP95Ms: number;
  readonly afterEditMs: number;
  readonly answerKiB: number;
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
};

export async function measureDashboard(): Promise<DashboardBenchResult> {
  const server = await startServerProcess();
  try {
    const coordinator = await login(server.httpUrl, "coordinator");
    const api = async (path: string, init?: RequestInit) => {
      const res = await fetch(`${server.httpUrl}${path}`, authed(coordinator, init));
      if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
      return res;
    };
    for (let i = 1; i <= SCHOOLS; i++) {
      const school = (await (
        await api(
          "/api/organisations",
          postJson({ parentId: MUNICIPALITY, name: `МБОУ СОШ № ${100 + i}`, schoolType: "СОШ" }),
        )
      ).json()) as { id: string };
      await api(`/api/organisations/${school.id}/status`, {
        ...postJson({ year: YEAR, status: "shnor" }),
        method: "PUT",
      });
    }
    // The municipality's set and each ШНОР school's risk profile, concept and programme.
    const yearly = (await (
      await api(`/api/organisations/${MUNICIPALITY}/yearly-documents`, postJson({ year: YEAR }))
    ).json()) as {
      created: { id: string; template: string; organisationId: string; organisation: string }[];
    };
    const roadmap = yearly.created.find((d) => d.template === "municipal-roadmap");
    const schools = [
      ...new Map(
        yearly.created.filter((d) => d.organisationId !== MUNICIPALITY).map((d) => [d.organisationId, d.organisation]),
      ),
    ];
    let measures = 0;
    const fill = async (docId: string, rows: Record<string, string>[], secret = coordinator) => {
      const client = await connectClient(server.syncUrl, docId, secret);
      // An empty status is an absent cell.
      const cells = rows.map((row) => Object.fromEntries(Object.entries(row).filter(([, value]) => value !== "")));
      client.doc.table("measures").insertRows(0, cells);
      // Stored when a fresh reader sees them.
      const reader = await connectClient(server.syncUrl, docId, secret);
      const stored = reader.doc.table("measures").rows().length;
      reader.destroy();
      if (stored !== rows.length) throw new Error(`${docId}: ${stored} of ${rows.length} rows stored`);
      client.destroy();
      measures += rows.length;
    };
    if (roadmap)
      await fill(
        roadmap.id,
        slavyanskRoadmapRows.map((r, i) => ({ ...r, status: STATUSES[i % STATUSES.length] ?? "" })),
      );
    // School content is the school team's to write: one account per school, through an invitation.
    const teamOf = new Map<string, string>();
    for (const [index, [organisationId]] of schools.entries()) {
      const invited = (await (
        await api(
          "/api/people",
          postJson({
            fullName: `Заместитель директора школы ${index + 1}`,
            position: "заместитель директора по УВР",
            organisationId,
            login: `bench-team-${index + 1}`,
            role: "school_team",
          }),
        )
      ).json()) as { invitation: { path: string } };
      const accepted = await fetch(
        `${server.httpUrl}/api/invitations/${invited.invitation.path.replace("/invite/", "")}`,
        postJson({ password: "Надёжный-пароль-1" }),
      );
      const secret = /karta_session=([^;]+)/.exec(accepted.headers.get("set-cookie") ?? "")?.[1];
      if (!secret) throw new Error(`the invitation of ${organisationId} gave no session: ${accepted.status}`);
      teamOf.set(organisationId, decodeURIComponent(secret));
    }
    let programmes = 0;
    const programmeIds: string[] = [];
    for (const [organisationId] of schools) {
      const team = teamOf.get(organisationId) as string;
      for (let p = 0; p < PROGRAMMES_PER_SCHOOL; p++) {
        const res = await fetch(
          `${server.httpUrl}/api/documents`,
          authed(
            team,
            postJson({
              template: "anti-risk-programme",
              title: `Антирисковая программа ${p + 1}`,
              organisationId,
              year: YEAR,
            }),
          ),
        );
        if (res.status !== 201) throw new Error(`programme of ${organisationId}: ${res.status} ${await res.text()}`);
        const created = (await res.json()) as { id: string };
        programmes++;
        programmeIds.push(created.id);
        await fill(
          created.id,
          Array.from({ length: MEASURES }, (_, m) => ({
            measure: `Мероприятие ${m + 1} программы ${p + 1}`,
            period: PERIODS[m % PERIODS.length] ?? "",
            status: STATUSES[(m + p) % STATUSES.length] ?? "",
          })),
          team,
        );
      }
    }
    const documents = yearly.created.length + programmes;

    const url = `/api/organisations/${MUNICIPALITY}/dashboard?year=${YEAR}&asOf=${YEAR}-06-15`;
    const timed = async () => {
      const start = performance.now();
      const res = await api(url);
      const body = await res.arrayBuffer();
      return { ms: performance.now() - start, bytes: body.byteLength };
    };
    const cold = await timed();
    const warm: number[] = [];
    for (let i = 0; i < RUNS; i++) warm.push((await timed()).ms);

    // A status set in one programme: the read model computes that document again, the answer follows.
    const events = await openEventStreamAt(
      `${server.httpUrl}/api/organisations/${MUNICIPALITY}/dashboard/events`,
      coordinator,
    );
    await events.next((e) => e.event === "ready", "the stream opens");
    const [schoolId] = schools[0] ?? [];
    const editor = await connectClient(
      server.syncUrl,
      programmeIds[0] as string,
      teamOf.get(schoolId as string) as string,
    );
    const row = editor.doc.table("measures").rows()[3];
    editor.doc.table("measures").setCell(row?.id as string, "status", "выполнено");
    await events.next((e) => e.event === "changed", "the dashboard hears of it", 10_000);
    const afterEdit = await timed();
    editor.destroy();
    events.close();

    return {
      schools: schools.length,
      documents,
      measures,
      coldMs: cold.ms,
      warmMedianMs: percentile(warm, 50),
      warmP95Ms: percentile(warm, 95),
      afterEditMs: afterEdit.ms,
      answerKiB: Math.round(cold.bytes / 1024),
    };
  } finally {
    await server.stop();
  }
}

export function formatDashboardResult(r: DashboardBenchResult): string {
  return [
    `«Мониторинг» of a municipality of ${r.schools} schools (${r.documents} documents of the year, ${r.measures} measures), over HTTP:`,
    `  first answer ${r.coldMs.toFixed(0)} ms (facts of documents never edited since the start computed from the store)   ` +
      `then median ${r.warmMedianMs.toFixed(1)} ms, p95 ${r.warmP95Ms.toFixed(1)} ms of ${RUNS}   ` +
      `after a status changed ${r.afterEditMs.toFixed(1)} ms   answer ${r.answerKiB} KiB`,
  ].join("\n");
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(`node ${process.version}`);
  console.log(formatDashboardResult(await measureDashboard()));
}
