import { spawnSync } from "node:child_process";
import { afterAll, describe, expect, it } from "vitest";
import { authed, login } from "../support/clients.ts";
import { adminEntry, makeDataDir, type ServerProcess, startServerProcess } from "../support/serverProcess.ts";

/** A deployment without the demo: the first coordinator comes from the administrator's command. */
describe("the first coordinator of a real deployment", () => {
  const dataDir = makeDataDir();
  let server: ServerProcess | undefined;
  afterAll(async () => {
    await server?.stop();
  });

  const admin = (...args: string[]) =>
    spawnSync(process.execPath, [adminEntry, ...args], {
      env: { ...process.env, DATA_DIR: dataDir },
      encoding: "utf8",
    });

  it("is created with a one-time link, sets a password through it and manages their municipality", async () => {
    server = await startServerProcess({ dataDir, env: { DEMO_DATA: "0" } });
    // The command writes to the data directory of the running server.
    const created = admin(
      "create-coordinator",
      "--login",
      "petrova",
      "--name",
      "Петрова Анна Сергеевна",
      "--region",
      "Краснодарский край",
      "--municipality",
      "Крымский район",
      "--url",
      server.httpUrl,
    );
    expect(created.status, created.stderr).toBe(0);
    const link = /http:\/\/\S+\/invite\/([\w-]+)/.exec(created.stdout);
    expect(link?.[0].startsWith(server.httpUrl)).toBe(true);

    const accepted = await fetch(`${server.httpUrl}/api/invitations/${link?.[1]}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ password: "Крымский-2026" }),
    });
    expect(accepted.status).toBe(200);
    const secret = await login(server.httpUrl, "petrova", "Крымский-2026");
    const session = (await (await fetch(`${server.httpUrl}/api/session`, authed(secret))).json()) as {
      user: { managedOrganisationIds: string[]; organisationName: string };
    };
    expect(session.user.organisationName).toBe("Крымский район");
    expect(session.user.managedOrganisationIds).toHaveLength(1);

    const school = await fetch(
      `${server.httpUrl}/api/organisations`,
      authed(secret, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          name: "МБОУ СОШ № 1",
          schoolType: "СОШ",
          parentId: session.user.managedOrganisationIds[0],
        }),
      }),
    );
    expect(school.status).toBe(201);
  });

  it("refuses a login that is taken, and says how to use it when called wrongly", () => {
    const again = admin(
      "create-coordinator",
      "--login",
      "petrova",
      "--name",
      "Другой",
      "--region",
      "Краснодарский край",
    );
    expect(again.status).toBe(1);
    expect(again.stderr).toContain("Логин «petrova» уже занят.");
    const wrong = admin("create-coordinator", "--login", "x");
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toContain("Не указан параметр --name.");
    expect(wrong.stderr).toContain("npm run admin -- create-coordinator");
  });
});
