import { spawnSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authed, connectClient, login, postJson } from "../support/clients.ts";
import { closeConnections, loginFrom } from "../support/fromAddress.ts";
import { openRawSocket } from "../support/rawSocket.ts";
import { adminEntry, type ServerProcess, startServerProcess } from "../support/serverProcess.ts";

interface Listed {
  id: string;
  organisation: string;
  organisationId: string;
  access: string;
}

/** Accounts, sessions, scopes and the coordinator's pages, over real HTTP. */
describe("accounts and sessions", () => {
  let server: ServerProcess;
  let coordinator: string;
  beforeAll(async () => {
    server = await startServerProcess();
    coordinator = await login(server.httpUrl, "coordinator");
  });
  afterAll(async () => {
    await server.stop();
  });

  const api = (path: string, secret: string, init: RequestInit = {}) =>
    fetch(`${server.httpUrl}${path}`, authed(secret, init));

  it("sets an HttpOnly, SameSite session cookie on login and refuses a wrong password in Russian", async () => {
    const ok = await fetch(`${server.httpUrl}/api/session`, postJson({ login: "viewer", password: "demo" }));
    expect(ok.status).toBe(200);
    const cookie = ok.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/^karta_session=[\w-]{40,};/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    const wrong = await fetch(`${server.httpUrl}/api/session`, postJson({ login: "viewer", password: "wrong" }));
    expect(wrong.status).toBe(401);
    expect(((await wrong.json()) as { message: string }).message).toBe("Неверный логин или пароль.");
  });

  it("throttles a login after 5 failures from one address, even with the right password from there", async () => {
    for (let i = 0; i < 5; i++) {
      expect(
        (await fetch(`${server.httpUrl}/api/session`, postJson({ login: "methodist", password: `x${i}` }))).status,
      ).toBe(401);
    }
    const blocked = await fetch(`${server.httpUrl}/api/session`, postJson({ login: "methodist", password: "demo" }));
    expect(blocked.status).toBe(429);
    // Until the oldest of the five is 15 minutes old.
    expect(Number(blocked.headers.get("retry-after"))).toBeGreaterThan(890);
    expect(Number(blocked.headers.get("retry-after"))).toBeLessThanOrEqual(900);
    expect(((await blocked.json()) as { message: string }).message).toMatch(/Слишком много неудачных попыток/);
    // Another login from the same address is not affected, nor the same login from another address.
    expect(
      (await fetch(`${server.httpUrl}/api/session`, postJson({ login: "curator", password: "demo" }))).status,
    ).toBe(200);
    expect((await loginFrom("127.0.0.2", server.httpUrl, "methodist", "demo")).status).toBe(200);
    closeConnections();
  });

  it("lists only what each user may read, with their access level", async () => {
    const school5 = await login(server.httpUrl, "school5");
    const mine = (await (await api("/api/documents", school5)).json()) as Listed[];
    // The draft anti-risk programme and the five documents of the demo's 2022 cycle.
    expect(mine.map((d) => [d.organisation, d.access])).toEqual(Array(6).fill(["МБОУ СОШ № 5", "edit"]));

    const curated = (await (await api("/api/documents", await login(server.httpUrl, "curator"))).json()) as Listed[];
    expect([...new Set(curated.map((d) => `${d.organisation}:${d.access}`))].sort()).toEqual([
      "МБОУ ООШ № 7:comment",
      "МБОУ СОШ № 5:comment",
    ]);
    expect(curated).toHaveLength(1 + 6);

    const all = (await (await api("/api/documents", coordinator)).json()) as Listed[];
    // The roadmap, the seminar plan, ten anti-risk programmes and МБОУ СОШ № 5's five of the cycle.
    expect(all).toHaveLength(12 + 5);
    const other = all.find((d) => d.organisationId === "slav-oosh-7") as Listed;
    expect((await api(`/api/documents/${other.id}`, school5)).status).toBe(404);
    expect((await api("/api/documents", "")).status).toBe(401);
    // school5 cannot create a document for another school or for the municipality.
    const create = (organisationId: string, template: string) =>
      api("/api/documents", school5, postJson({ template, title: "Чужой", organisationId }));
    expect((await create("slav-oosh-7", "anti-risk-programme")).status).toBe(403);
    expect((await create("slavyansky-rayon", "municipal-roadmap")).status).toBe(403);
    expect((await create("slav-sosh-5", "anti-risk-programme")).status).toBe(201);
  });

  it("tells each person where they may create documents, as the server's policy decides", async () => {
    const creatable = async (who: string) => {
      const info = (await (await api("/api/session", await login(server.httpUrl, who))).json()) as {
        user: { creatableOrganisationIds: string[] };
      };
      return info.user.creatableOrganisationIds.sort();
    };
    expect(await creatable("school5")).toEqual(["slav-sosh-5"]);
    expect(await creatable("curator")).toEqual([]);
    expect(await creatable("viewer")).toEqual([]);
    expect(await creatable("coordinator")).toContain("slav-oosh-7");
  });

  it("keeps a session across a server restart", async () => {
    const secret = await login(server.httpUrl, "viewer");
    await server.stop();
    server = await startServerProcess({ dataDir: server.dataDir });
    const res = await api("/api/session", secret);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { user: { login: string } }).user.login).toBe("viewer");
    coordinator = await login(server.httpUrl, "coordinator");
  });

  it("gives a script a token that works for the API and the websocket until it is revoked", async () => {
    const school5 = await login(server.httpUrl, "school5");
    const created = (await (await api("/api/tokens", school5, postJson({ name: "выгрузка" }))).json()) as {
      id: string;
      token: string;
    };
    expect(created.token.length).toBeGreaterThan(40);
    const [doc] = (await (await api("/api/documents", created.token)).json()) as Listed[];
    const client = await connectClient(server.syncUrl, doc?.id as string, created.token);
    expect(client.table().rowCount()).toBeGreaterThan(0);
    const listed = (await (await api("/api/tokens", school5)).json()) as object[];
    expect(JSON.stringify(listed)).not.toContain(created.token);
    const closed = new Promise<number>((resolve) =>
      client.provider.ws?.addEventListener("close", (e) => resolve(e.code)),
    );
    expect((await api(`/api/tokens/${created.id}`, school5, { method: "DELETE" })).status).toBe(204);
    expect((await api("/api/documents", created.token)).status).toBe(401);
    expect(await closed).toBe(4401);
    client.destroy();
  });

  it("invites a person with a one-time link; they set a password and sign in with it", async () => {
    const invited = await api(
      "/api/people",
      coordinator,
      postJson({
        fullName: "Иванова Анна Петровна",
        position: "учитель математики",
        organisationId: "slav-sosh-5",
        login: "ivanova",
        role: "school_team",
      }),
    );
    expect(invited.status).toBe(201);
    const { invitation, person } = (await invited.json()) as {
      invitation: { path: string };
      person: { active: boolean };
    };
    expect(person.active).toBe(false);
    const token = invitation.path.replace("/invite/", "");
    const info = await fetch(`${server.httpUrl}/api/invitations/${token}`);
    expect(await info.json()).toEqual({ fullName: "Иванова Анна Петровна", login: "ivanova" });
    expect((await fetch(`${server.httpUrl}/api/invitations/${token}`, postJson({ password: "short" }))).status).toBe(
      400,
    );
    const accepted = await fetch(
      `${server.httpUrl}/api/invitations/${token}`,
      postJson({ password: "Надёжный-пароль-1" }),
    );
    expect(accepted.status).toBe(200);
    expect(accepted.headers.get("set-cookie")).toMatch(/karta_session=/);
    expect(
      (await fetch(`${server.httpUrl}/api/invitations/${token}`, postJson({ password: "Другой-пароль-2" }))).status,
    ).toBe(410);
    const secret = await login(server.httpUrl, "ivanova", "Надёжный-пароль-1");
    const docs = (await (await api("/api/documents", secret)).json()) as Listed[];
    expect(docs.every((d) => d.organisationId === "slav-sosh-5")).toBe(true);
    expect(docs.length).toBeGreaterThan(0);
  });

  /** Accepts an invitation link's token with a password; the session secret it signs in with. */
  const accept = async (token: string, password: string): Promise<string> => {
    const res = await fetch(`${server.httpUrl}/api/invitations/${token}`, postJson({ password }));
    expect(res.status).toBe(200);
    return /karta_session=([^;]+)/.exec(res.headers.get("set-cookie") ?? "")?.[1] as string;
  };

  it("gives a new sign-in link only to a coordinator who manages every right of that person", async () => {
    // A regional coordinator, from the administrator's command, keeps a deputy's account in a school of the district.
    const created = spawnSync(
      process.execPath,
      [adminEntry, "create-coordinator", "--login", "sokolova", "--name", "Соколова Ирина Павловна"].concat([
        "--region",
        "Краснодарский край",
        "--url",
        server.httpUrl,
      ]),
      { env: { ...process.env, DATA_DIR: server.dataDir }, encoding: "utf8" },
    );
    expect(created.status, created.stderr).toBe(0);
    const regional = await accept(/\/invite\/([\w-]+)/.exec(created.stdout)?.[1] as string, "Краевой-пароль-1");
    const invited = await api(
      "/api/people",
      regional,
      postJson({
        fullName: "Зуева Ольга Ивановна",
        position: "заместитель директора",
        organisationId: "slav-sosh-5",
        login: "zueva",
        role: "coordinator",
        roleOrganisationId: "krasnodar-krai",
      }),
    );
    expect(invited.status).toBe(201);
    const { person } = (await invited.json()) as { person: { id: string } };

    // The district's coordinator lists her (she works in one of its schools), but a new link
    // would let them set her password and act as a coordinator of the whole region.
    const listed = (await (await api("/api/people", coordinator)).json()) as { id: string }[];
    expect(listed.map((p) => p.id)).toContain(person.id);
    const refused = await api(`/api/people/${person.id}/invitation`, coordinator, { method: "POST" });
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { message: string }).message).toMatch(/вне вашей зоны ответственности/);
    expect((await api(`/api/people/${person.id}/invitation`, regional, { method: "POST" })).status).toBe(201);
  });

  it("signs a person out everywhere when a password is set through a new link", async () => {
    const invited = await api(
      "/api/people",
      coordinator,
      postJson({
        fullName: "Петренко Игорь Олегович",
        position: "учитель истории",
        organisationId: "slav-sosh-5",
        login: "petrenko",
        role: "school_team",
      }),
    );
    const { invitation, person } = (await invited.json()) as {
      invitation: { path: string };
      person: { id: string };
    };
    const earlier = await accept(invitation.path.replace("/invite/", ""), "Первый-пароль-1");
    const docs = (await (await api("/api/documents", earlier)).json()) as Listed[];
    const socket = await openRawSocket(server.syncUrl, docs[0]?.id as string, earlier);

    const again = await api(`/api/people/${person.id}/invitation`, coordinator, { method: "POST" });
    const { path } = (await again.json()) as { path: string };
    const now = await accept(path.replace("/invite/", ""), "Второй-пароль-2");
    expect(await socket.closed).toBe(4401);
    expect((await api("/api/documents", earlier)).status).toBe(401);
    expect((await api("/api/documents", now)).status).toBe(200);
  });

  it("keeps the coordinator's pages to coordinators, and within their scope", async () => {
    const school5 = await login(server.httpUrl, "school5");
    for (const path of ["/api/people", "/api/audit"]) expect((await api(path, school5)).status).toBe(403);
    expect(
      (
        await api(
          "/api/people/demo-school5/roles",
          school5,
          postJson({ role: "coordinator", organisationId: "slavyansky-rayon" }),
        )
      ).status,
    ).toBe(403);
    // A municipal coordinator cannot grant a role on the region above.
    const upward = await api(
      "/api/people/demo-school5/roles",
      coordinator,
      postJson({ role: "viewer", organisationId: "krasnodar-krai" }),
    );
    expect(upward.status).toBe(403);
  });

  it("grants a role only where it fits: a school team on a school, a methodist on a municipality", async () => {
    const teamOnDistrict = await api(
      "/api/people",
      coordinator,
      postJson({
        fullName: "Гусева Анна Ильинична",
        position: "завуч",
        organisationId: "slavyansky-rayon",
        login: "guseva",
        role: "school_team",
      }),
    );
    expect(teamOnDistrict.status).toBe(400);
    expect(((await teamOnDistrict.json()) as { message: string }).message).toMatch(/управленческая команда — на школу/);
    const methodistOnSchool = await api(
      "/api/people/demo-school5/roles",
      coordinator,
      postJson({ role: "methodist", organisationId: "slav-sosh-5" }),
    );
    expect(methodistOnSchool.status).toBe(400);
    const viewerOnSchool = await api(
      "/api/people/demo-school5/roles",
      coordinator,
      postJson({ role: "viewer", organisationId: "slav-sosh-5" }),
    );
    expect(viewerOnSchool.status).toBe(200);
  });

  it("keeps a registry of schools with a status per year", async () => {
    const created = await api(
      "/api/organisations",
      coordinator,
      postJson({ parentId: "slavyansky-rayon", name: "МБОУ СОШ № 60", schoolType: "СОШ" }),
    );
    expect(created.status).toBe(201);
    const school = (await created.json()) as { id: string };
    const status = await api(`/api/organisations/${school.id}/status`, coordinator, {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ year: 2024, status: "project500" }),
    });
    expect(((await status.json()) as { statuses: object }).statuses).toEqual({ "2024": "project500" });
    const visibleToSchool5 = (await (
      await api("/api/organisations", await login(server.httpUrl, "school5"))
    ).json()) as { id: string }[];
    expect(visibleToSchool5.map((o) => o.id).sort()).toEqual(["krasnodar-krai", "slav-sosh-5", "slavyansky-rayon"]);
  });

  it("offers people for «Ответственные» as «И.Н. Фамилия — должность», within the user's organisations", async () => {
    const entries = (await (await api("/api/people/directory", await login(server.httpUrl, "school5"))).json()) as {
      label: string;
    }[];
    const labels = entries.map((e) => e.label);
    expect(labels).toContain("М.И. Лысенко — заместитель директора по УВР");
    expect(labels).toContain("Н.С. Белова — методист МКУО ЦОКО");
    expect(JSON.stringify(entries)).not.toMatch(/scrypt|password|login/i);
  });

  it("never returns or logs a password or its hash", async () => {
    const people = await (await api("/api/people", coordinator)).text();
    expect(people).not.toMatch(/scrypt|password/i);
    const me = await (await api("/api/session", coordinator)).text();
    expect(me).not.toMatch(/scrypt|password/i);
    expect(server.output()).not.toContain("Надёжный-пароль-1");
    expect(server.output()).not.toContain('"demo"');
  });

  it("writes logins, refusals, role changes and document creation to the audit log", async () => {
    const entries = (await (await api("/api/audit?limit=500", coordinator)).json()) as {
      action: string;
      subject: string;
    }[];
    const actions = new Set(entries.map((e) => e.action));
    for (const action of [
      "login",
      "login-failed",
      "access-refused",
      "document-created",
      "person-invited",
      "role-granted",
      "invitation-accepted",
      "school-created",
    ]) {
      expect(actions, action).toContain(action);
    }
    for (const limit of ["-1", "0", "1.5", "1001", "many"]) {
      expect((await api(`/api/audit?limit=${limit}`, coordinator)).status, limit).toBe(400);
    }
    expect(((await (await api("/api/audit?limit=2", coordinator)).json()) as unknown[]).length).toBe(2);
  });
});
