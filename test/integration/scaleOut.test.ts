import { CloseCode, dashboardResponse } from "@karta/schema";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createTestSchema,
  describePostgres,
  testDatabaseUrlFor,
} from "../../server/src/storage/postgres/testPostgres.ts";
import { authed, connectClient, login, postJson, type SyncedClient, waitFor } from "../support/clients.ts";
import { type EventStreamClient, openEventStream, openEventStreamAt } from "../support/eventStream.ts";
import { handMadeUpdate } from "../support/protocolMessages.ts";
import { openRawSocket } from "../support/rawSocket.ts";
import { type RedisProcess, redisServerMissing, startRedisProcess } from "../support/redisProcess.ts";
import { makeDataDir, type ServerProcess, startServerProcess } from "../support/serverProcess.ts";

/**
 * Three instances of the real server on one PostgreSQL (a schema of this
 * file's own) and one Redis (a redis-server of its own, so that it can be
 * restarted mid-editing), each with its own data directory, as behind a load
 * balancer: clients of one document spread over them.
 */
if (redisServerMissing && process.env.CI_REQUIRE_REDIS === "1") {
  throw new Error(`CI_REQUIRE_REDIS=1 but ${redisServerMissing}`);
}
if (redisServerMissing) console.warn(`${redisServerMissing}: the scale-out tests are skipped`);

describePostgres("several instances on PostgreSQL and Redis", () => {
  const suite = redisServerMissing ? describe.skip : describe;
  suite("three instances", () => {
    let schema: { schema: string; drop(): Promise<void> };
    let redis: RedisProcess;
    let env: Record<string, string>;
    const instances: ServerProcess[] = [];
    const clients: SyncedClient[] = [];
    const streams: EventStreamClient[] = [];
    let roadmapDoc = "";

    const start = async () => startServerProcess({ dataDir: makeDataDir(), env });
    const client = async (instance: ServerProcess, who = "methodist") => {
      const c = await connectClient(instance.syncUrl, roadmapDoc, await login(instance.httpUrl, who), 10_000);
      clients.push(c);
      return c;
    };
    const measures = (c: SyncedClient) =>
      c
        .table()
        .rows()
        .map((r) => String(r.cells.measure ?? ""));
    const sameRows = (all: SyncedClient[]) => {
      const first = JSON.stringify(measures(all[0] as SyncedClient));
      return all.every((c) => JSON.stringify(measures(c)) === first);
    };

    beforeAll(async () => {
      schema = await createTestSchema();
      redis = await startRedisProcess();
      env = { DATABASE_URL: testDatabaseUrlFor(schema.schema), REDIS_URL: redis.url, DEMO_DATA: "1" };
      // All three start together on an empty database: one seeds the demo, the others wait and find it.
      instances.push(...(await Promise.all([start(), start(), start()])));
      const first = instances[0] as ServerProcess;
      const coordinator = await login(first.httpUrl, "coordinator");
      const listed = (await (await fetch(`${first.httpUrl}/api/documents`, authed(coordinator))).json()) as {
        id: string;
        organisationId: string;
        template: string;
      }[];
      const roadmaps = listed.filter(
        (d) => d.organisationId === "slavyansky-rayon" && d.template === "municipal-roadmap",
      );
      expect(roadmaps, "the demo seeded once").toHaveLength(1);
      roadmapDoc = roadmaps[0]?.id ?? "";
    }, 60_000);

    afterAll(async () => {
      for (const c of clients.splice(0)) c.destroy();
      for (const stream of streams.splice(0)) stream.close();
      for (const instance of instances) if (instance.child.exitCode === null) await instance.stop();
      await redis?.stop();
      await schema?.drop();
    });

    it("lets clients on three instances co-edit one document and converge", async () => {
      const [i1, i2, i3] = instances as [ServerProcess, ServerProcess, ServerProcess];
      const [a, b, c] = [await client(i1), await client(i2), await client(i3, "coordinator")];
      const before = a.table().rows().length;
      a.table().insertRow(0, { measure: "Строка с первого экземпляра" });
      b.table().insertRow(1, { measure: "Строка со второго экземпляра" });
      c.table().insertRow(2, { measure: "Строка с третьего экземпляра" });
      const firstRow = a.table().rows()[3]?.id as string;
      b.table().setCell(firstRow, "period", "Май 2022 г.");
      await waitFor(
        () => [a, b, c].every((x) => x.table().rows().length === before + 3) && sameRows([a, b, c]),
        "converged",
        10_000,
      );
      for (const text of [
        "Строка с первого экземпляра",
        "Строка со второго экземпляра",
        "Строка с третьего экземпляра",
      ]) {
        expect(measures(a)).toContain(text);
      }
      await waitFor(
        () =>
          c
            .table()
            .rows()
            .find((r) => r.id === firstRow)?.cells.period === "Май 2022 г.",
        "C sees B's cell",
      );
    });

    it("tells a dashboard and a page on one instance of content stored and a step taken on another", async () => {
      const [i1, i2] = instances as [ServerProcess, ServerProcess];
      const coordinator = await login(i2.httpUrl, "coordinator");
      const dashboardUrl = `${i2.httpUrl}/api/organisations/slavyansky-rayon/dashboard`;
      const doneAt5 = async () => {
        const res = await fetch(`${dashboardUrl}?year=2022&asOf=2022-06-15`, authed(coordinator));
        expect(res.status).toBe(200);
        const answer = dashboardResponse.parse(await res.json());
        const school = answer.schools.find((x) => x.id === "slav-sosh-5");
        return { done: school?.progress.done ?? -1, programmes: school?.documents ?? [] };
      };
      const before = await doneAt5();
      const programme = before.programmes.find((d) => d.template === "anti-risk-programme" && d.status === "draft");
      expect(programme, "a draft programme of СОШ № 5").toBeDefined();
      const programmeId = programme?.id as string;
      const dashboard = await openEventStreamAt(`${dashboardUrl}/events`, coordinator);
      const page = await openEventStream(i2.httpUrl, programmeId, coordinator);
      streams.push(dashboard, page);
      await dashboard.next((e) => e.event === "ready", "the dashboard's stream opens");
      await page.next((e) => e.event === "summary", "the page's first summary");

      // A measure marked done by a client of instance 1: its facts are computed and stored there.
      const school5 = await login(i1.httpUrl, "school5");
      const editor = await connectClient(i1.syncUrl, programmeId, school5);
      clients.push(editor);
      const open = editor.doc
        .table("measures")
        .rows()
        .find((row) => row.cells.status !== "выполнено");
      expect(open, "a measure not yet done").toBeDefined();
      editor.doc.table("measures").setCell(open?.id as string, "status", "выполнено");
      await dashboard.next((e) => e.event === "changed", "instance 2's dashboard hears of it", 10_000);
      await waitFor(async () => (await doneAt5()).done === before.done + 1, "instance 2 counts the measure done");

      // Submitted through instance 1: the page open on instance 2 gets the new status.
      const moved = await fetch(
        `${i1.httpUrl}/api/documents/${programmeId}/transitions`,
        authed(school5, postJson({ action: "submit" })),
      );
      expect(moved.status).toBe(200);
      await page.next(
        (e) => e.event === "summary" && (JSON.parse(e.data) as { status: string }).status === "submitted",
        "instance 2's page hears of the step",
        10_000,
      );
    });

    it("keeps an edit another instance's client received through a SIGKILL of the instance it was made on", async () => {
      const [i1, i2, i3] = instances as [ServerProcess, ServerProcess, ServerProcess];
      const writer = await client(i3);
      const reader = await client(i1);
      writer.table().insertRow(0, { measure: "Записано перед падением" });
      // Seen on another instance: it was stored before anyone was sent it.
      await waitFor(() => measures(reader).includes("Записано перед падением"), "the edit reached instance 1");
      await i3.kill();
      const fresh = await client(i2);
      expect(measures(fresh)).toContain("Записано перед падением");
      instances[2] = await start();
    });

    it("catches up from the log when Redis restarts mid-editing, missing nothing", async () => {
      const [i1, i2] = instances as [ServerProcess, ServerProcess];
      const [a, b] = [await client(i1), await client(i2)];
      await redis.stop();
      a.table().insertRow(0, { measure: "Пока Redis не работал: первый" });
      b.table().insertRow(0, { measure: "Пока Redis не работал: второй" });
      await new Promise((r) => setTimeout(r, 500));
      await redis.restart();
      a.table().insertRow(0, { measure: "После перезапуска Redis" });
      await waitFor(
        () =>
          ["Пока Redis не работал: первый", "Пока Redis не работал: второй", "После перезапуска Redis"].every(
            (text) => measures(a).includes(text) && measures(b).includes(text),
          ),
        "both instances' clients have every edit",
        15_000,
      );
      expect(sameRows([a, b])).toBe(true);
      // And what a newcomer on the third instance loads is the same.
      const fresh = await client(instances[2] as ServerProcess);
      await waitFor(() => sameRows([a, fresh]), "the newcomer has the same rows");
    });

    it("closes the socket of a person whose role is revoked on another instance", async () => {
      const [i1, i2] = instances as [ServerProcess, ServerProcess];
      const viewer = await client(i2, "viewer");
      const closed = new Promise<number>((resolve) =>
        viewer.provider.ws?.addEventListener("close", (e) => resolve(e.code)),
      );
      const res = await fetch(
        `${i1.httpUrl}/api/people/demo-viewer/roles/demo-viewer-viewer`,
        authed(await login(i1.httpUrl, "coordinator"), { method: "DELETE" }),
      );
      expect(res.status).toBe(200);
      expect(await closed).toBe(CloseCode.Forbidden);
    });

    it("refuses a hostile update on any instance, and no other instance's client receives it", async () => {
      const [i1, , i3] = instances as [ServerProcess, ServerProcess, ServerProcess];
      const watcher = await client(i1);
      const raw = await openRawSocket(i3.syncUrl, roadmapDoc, await login(i3.httpUrl, "methodist"));
      raw.ws.send(handMadeUpdate((d) => d.getMap("evil").set("x", 1)));
      expect(await raw.closed).toBe(CloseCode.InvalidMessage);
      // A later honest edit on the same instance arrives; the hostile one never did.
      const honest = await client(i3);
      honest.table().insertRow(0, { measure: "Честная правка после атаки" });
      await waitFor(() => measures(watcher).includes("Честная правка после атаки"), "the honest edit arrived");
      expect(watcher.ydoc.share.has("evil")).toBe(false);
      const fresh = await client(instances[1] as ServerProcess);
      expect(fresh.ydoc.share.has("evil")).toBe(false);
    });
  });
});
