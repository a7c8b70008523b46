import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { hashSecret } from "../auth/secrets.ts";
import { openSqlite } from "../storage/openSqlite.ts";
import { SqliteDirectory } from "../storage/SqliteDirectory.ts";
import { BootstrapError, createCoordinator } from "./createCoordinator.ts";

describe("createCoordinator", () => {
  let dir: string;
  let db: ReturnType<typeof openSqlite>;
  let directory: SqliteDirectory;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "karta-bootstrap-"));
    db = openSqlite(dir);
    directory = new SqliteDirectory(db);
  });
  afterEach(() => {
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const first = {
    login: "petrova",
    fullName: "Петрова Анна Сергеевна",
    position: "главный специалист",
    region: "Краснодарский край",
    municipality: "Крымский район",
  };

  it("creates the region, the municipality, the account without a password, the role and a working invitation", async () => {
    const created = await createCoordinator(directory, first);
    const organisations = await directory.listOrganisations();
    const region = organisations.find((o) => o.name === "Краснодарский край");
    const municipality = organisations.find((o) => o.name === "Крымский район");
    expect(region).toMatchObject({ kind: "region", parentId: null });
    expect(municipality).toMatchObject({ kind: "municipality", parentId: region?.id, id: created.organisationId });
    const account = await directory.findAccountByLogin("petrova");
    expect(account).toMatchObject({ fullName: "Петрова Анна Сергеевна", passwordHash: null });
    expect(await directory.listGrants(account?.id)).toEqual([
      expect.objectContaining({ role: "coordinator", organisationId: municipality?.id }),
    ]);
    const secret = created.invitationPath.replace("/invite/", "");
    expect(await directory.findInvitation(hashSecret(secret), new Date().toISOString())).toEqual({
      accountId: account?.id,
    });
  });

  it("reuses the region and municipality that exist, and refuses a login that is taken", async () => {
    await createCoordinator(directory, first);
    const second = await createCoordinator(directory, { ...first, login: "sidorov", fullName: "Сидоров И. И." });
    expect((await directory.listOrganisations()).length).toBe(2);
    expect(second.organisationId).toBe((await directory.findAccountByLogin("petrova"))?.organisationId);
    await expect(createCoordinator(directory, first)).rejects.toThrow(new BootstrapError("Логин «petrova» уже занят."));
  });

  it("makes a regional coordinator when no municipality is given", async () => {
    const created = await createCoordinator(directory, { ...first, municipality: undefined });
    const organisations = await directory.listOrganisations();
    expect(organisations).toHaveLength(1);
    expect(created.organisationId).toBe(organisations[0]?.id);
  });

  it("refuses a name that exists elsewhere in the tree rather than creating a twin", async () => {
    await createCoordinator(directory, first);
    await expect(
      createCoordinator(directory, { ...first, login: "x", region: "Крымский район", municipality: undefined }),
    ).rejects.toBeInstanceOf(BootstrapError);
    expect((await directory.listOrganisations()).length).toBe(2);
  });
});
