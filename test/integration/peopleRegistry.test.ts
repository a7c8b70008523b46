import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authed, login } from "../support/clients.ts";
import { type ServerProcess, startServerProcess } from "../support/serverProcess.ts";

interface RegistryPerson {
  id: string;
  fullName: string;
  position: string;
  organisationId: string;
  label: string;
}

interface DirectoryEntry {
  id: string;
  label: string;
  organisationName: string;
}

const SLAVYANSK = "slavyansky-rayon";

/** People without accounts (named in «Ответственные», never signing in), over real HTTP. */
describe("the registry of people without accounts", () => {
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
  const send = (method: string, path: string, secret: string, body: unknown) =>
    api(path, secret, { method, headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  const directory = async (secret: string) =>
    (await (await api("/api/people/directory", secret)).json()) as DirectoryEntry[];

  it("seeds the roadmap's people for Славянский район, offered in the directory like accounts", async () => {
    const listed = (await (await api("/api/people/registry", coordinator)).json()) as RegistryPerson[];
    expect(listed.map((p) => p.label).sort()).toEqual([
      "В.А. Чернобровкина — заместитель директора МКУО ЦОКО",
      "И.В. Ещенкова — начальник отдела общего образования управления образования",
      "И.Н. Хняч — директор МКУО ЦОКО",
      "О.В. Плесецкая — директор МКУО КМЦ",
      "С.С. Духнай — заместитель начальника управления образования",
    ]);
    expect(listed.every((p) => p.organisationId === SLAVYANSK)).toBe(true);
    // A school's team picks them too: the municipality is above the school.
    const school5 = await login(server.httpUrl, "school5");
    const labels = (await directory(school5)).map((e) => e.label);
    expect(labels).toContain("И.Н. Хняч — директор МКУО ЦОКО");
    // Accounts are still there.
    expect(labels.some((l) => l.startsWith("О.В. Руденко"))).toBe(true);
    // Another municipality's coordinator does not see them.
    const seversky = await login(server.httpUrl, "coordinator-seversky");
    expect((await directory(seversky)).map((e) => e.label)).not.toContain("И.Н. Хняч — директор МКУО ЦОКО");
  });

  it("lets the municipality's coordinator add, change and remove a person", async () => {
    const created = await send("POST", "/api/people/registry", coordinator, {
      fullName: "  Сидоренко Анна Ивановна ",
      position: "главный специалист управления образования",
      organisationId: SLAVYANSK,
    });
    expect(created.status).toBe(201);
    const person = (await created.json()) as RegistryPerson;
    expect(person).toMatchObject({
      fullName: "Сидоренко Анна Ивановна",
      label: "А.И. Сидоренко — главный специалист управления образования",
    });
    expect((await directory(coordinator)).find((e) => e.id === person.id)).toMatchObject({
      label: "А.И. Сидоренко — главный специалист управления образования",
      organisationName: "Славянский район",
    });

    const patched = await send("PATCH", `/api/people/registry/${person.id}`, coordinator, {
      position: "заместитель начальника управления образования",
    });
    expect(patched.status).toBe(200);
    expect(((await patched.json()) as RegistryPerson).label).toBe(
      "А.И. Сидоренко — заместитель начальника управления образования",
    );

    // The journal says who did it.
    const audit = (await (await api("/api/audit", coordinator)).json()) as { action: string; subject: string }[];
    expect(audit.find((e) => e.action === "registry-person-added")?.subject).toBe(
      "А.И. Сидоренко — главный специалист управления образования",
    );

    expect((await api(`/api/people/registry/${person.id}`, coordinator, { method: "DELETE" })).status).toBe(204);
    expect((await directory(coordinator)).some((e) => e.id === person.id)).toBe(false);
    expect((await api(`/api/people/registry/${person.id}`, coordinator, { method: "DELETE" })).status).toBe(404);
  });

  it("refuses a school user and a coordinator of another municipality", async () => {
    const school5 = await login(server.httpUrl, "school5");
    const body = { fullName: "Иванов Иван Иванович", position: "директор", organisationId: SLAVYANSK };
    const bySchool = await send("POST", "/api/people/registry", school5, body);
    expect(bySchool.status).toBe(403);
    expect(((await bySchool.json()) as { message: string }).message).toBe("Этот раздел доступен только координатору.");
    expect((await api("/api/people/registry", school5)).status).toBe(403);

    const seversky = await login(server.httpUrl, "coordinator-seversky");
    const byOther = await send("POST", "/api/people/registry", seversky, body);
    expect(byOther.status).toBe(403);
    expect(((await byOther.json()) as { message: string }).message).toBe("Недостаточно прав для этого действия.");
    // Slavyansk's people are not in their list, and cannot be changed or removed by them.
    expect((await (await api("/api/people/registry", seversky)).json()) as RegistryPerson[]).toEqual([]);
    const khnyach = ((await (await api("/api/people/registry", coordinator)).json()) as RegistryPerson[]).find((p) =>
      p.label.startsWith("И.Н. Хняч"),
    ) as RegistryPerson;
    expect((await send("PATCH", `/api/people/registry/${khnyach.id}`, seversky, { position: "x" })).status).toBe(404);
    expect((await api(`/api/people/registry/${khnyach.id}`, seversky, { method: "DELETE" })).status).toBe(404);
    // Nor moved into their own municipality by Slavyansk's coordinator.
    const moved = await send("PATCH", `/api/people/registry/${khnyach.id}`, coordinator, {
      organisationId: "seversky-rayon",
    });
    expect(moved.status).toBe(403);
  });

  it("explains a bad request in Russian", async () => {
    const short = await send("POST", "/api/people/registry", coordinator, { fullName: "Я", organisationId: SLAVYANSK });
    expect(short.status).toBe(400);
    expect(((await short.json()) as { message: string }).message).toBe("Неверно заполнено: ФИО: не короче 3 символов.");
    const wrong = await send("POST", "/api/people/registry", coordinator, { fullName: 5, position: [] });
    expect(wrong.status).toBe(400);
    expect(((await wrong.json()) as { message: string }).message).toBe(
      "Неверно заполнено: ФИО: введите текст; Должность: введите текст; Организация: выберите организацию.",
    );
  });
});
