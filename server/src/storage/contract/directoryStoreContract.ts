import { afterEach, describe, expect, it } from "vitest";
import type { AccountRecord, DirectoryStore } from "../DirectoryStore.ts";

/** A directory on fresh, empty storage, and how to open it again on the same data. */
export interface OpenedDirectoryStore {
  readonly directory: DirectoryStore;
  /** A new store on the same data (the previous one stays usable). */
  reopen(): Promise<DirectoryStore>;
  /** Closes what is still open and deletes the data. */
  dispose(): Promise<void>;
}

const account = (id: string, login: string, fullName: string, organisationId = "org-school"): AccountRecord => ({
  id,
  login,
  fullName,
  position: "Учитель",
  organisationId,
  passwordHash: null,
});

/** A region, its municipality and two schools. */
async function seedTree(directory: DirectoryStore): Promise<void> {
  await directory.createOrganisation({
    id: "org-region",
    parentId: null,
    kind: "region",
    name: "Краснодарский край",
    schoolType: null,
  });
  await directory.createOrganisation({
    id: "org-mun",
    parentId: "org-region",
    kind: "municipality",
    name: "Славянский район",
    schoolType: null,
  });
  await directory.createOrganisation({
    id: "org-school",
    parentId: "org-mun",
    kind: "school",
    name: "МБОУ СОШ № 5",
    schoolType: "СОШ",
  });
  await directory.createOrganisation({
    id: "org-school2",
    parentId: "org-mun",
    kind: "school",
    name: "МБОУ ООШ № 12",
    schoolType: "ООШ",
  });
}

/**
 * The DirectoryStore contract: every implementation (SQLite, PostgreSQL) runs
 * these same cases, from its own *.test.ts.
 */
export function describeDirectoryStoreContract(name: string, openStore: () => Promise<OpenedDirectoryStore>): void {
  describe(`${name}: the DirectoryStore contract`, () => {
    const opened: OpenedDirectoryStore[] = [];
    const open = async () => {
      const o = await openStore();
      opened.push(o);
      await seedTree(o.directory);
      return o;
    };
    afterEach(async () => {
      for (const o of opened.splice(0)) await o.dispose();
    });

    it("keeps the organisation tree with each school's status per year", async () => {
      const { directory, reopen } = await open();
      await directory.setSchoolStatus("org-school", 2022, "shnor");
      await directory.setSchoolStatus("org-school", 2023, "project500");
      await directory.setSchoolStatus("org-school", 2023, "postProject");
      await directory.setSchoolStatus("org-school2", 2022, "shnor");
      await directory.setSchoolStatus("org-school2", 2022, null);
      await directory.updateOrganisation("org-school2", { name: "МБОУ ООШ № 12 им. Героя" });
      await directory.updateOrganisation("org-school", { schoolType: "лицей" });
      const again = await reopen();
      expect(await again.getOrganisation("org-school")).toEqual({
        id: "org-school",
        parentId: "org-mun",
        kind: "school",
        name: "МБОУ СОШ № 5",
        schoolType: "лицей",
        statuses: { "2022": "shnor", "2023": "postProject" },
      });
      expect(await again.getOrganisation("missing")).toBeNull();
      // By kind, then name.
      expect((await again.listOrganisations()).map((o) => [o.id, o.name, o.statuses])).toEqual([
        ["org-mun", "Славянский район", {}],
        ["org-region", "Краснодарский край", {}],
        ["org-school2", "МБОУ ООШ № 12 им. Героя", {}],
        ["org-school", "МБОУ СОШ № 5", { "2022": "shnor", "2023": "postProject" }],
      ]);
      // A parent must exist.
      await expect(
        directory.createOrganisation({ id: "x", parentId: "nowhere", kind: "school", name: "x", schoolType: null }),
      ).rejects.toThrow();
    });

    it("keeps accounts, found by id and by login, with one login per account", async () => {
      const { directory, reopen } = await open();
      await directory.createAccount(account("acc-2", "petrova", "Петрова Анна"));
      await directory.createAccount(account("acc-1", "ivanov", "Иванов Иван", "org-mun"));
      await expect(directory.createAccount(account("acc-3", "ivanov", "Другой"))).rejects.toThrow();
      await expect(directory.createAccount(account("acc-4", "nobody", "Никто", "no-such-org"))).rejects.toThrow();
      await directory.setPasswordHash("acc-2", "scrypt$hash");
      const again = await reopen();
      expect(await again.countAccounts()).toBe(2);
      expect((await again.listAccounts()).map((a) => a.id)).toEqual(["acc-1", "acc-2"]);
      expect(await again.findAccountByLogin("petrova")).toEqual({
        ...account("acc-2", "petrova", "Петрова Анна"),
        passwordHash: "scrypt$hash",
      });
      expect(await again.getAccount("acc-1")).toEqual(account("acc-1", "ivanov", "Иванов Иван", "org-mun"));
      expect(await again.findAccountByLogin("Ivanov")).toBeNull();
      expect(await again.getAccount("missing")).toBeNull();
    });

    it("keeps people without accounts in the registry, by name", async () => {
      const { directory } = await open();
      const person = { id: "p-2", fullName: "Сидоров Пётр", position: "Директор", organisationId: "org-school" };
      await directory.createRegistryPerson(person);
      await directory.createRegistryPerson({ ...person, id: "p-1", fullName: "Андреева Ольга" });
      await directory.createRegistryPerson({ ...person, id: "p-0", fullName: "Сидоров Пётр" });
      await directory.updateRegistryPerson("p-2", { position: "Заместитель директора", organisationId: "org-school2" });
      expect((await directory.listRegistryPeople()).map((p) => p.id)).toEqual(["p-1", "p-0", "p-2"]);
      expect(await directory.getRegistryPerson("p-2")).toEqual({
        ...person,
        position: "Заместитель директора",
        organisationId: "org-school2",
      });
      await directory.deleteRegistryPerson("p-2");
      expect(await directory.getRegistryPerson("p-2")).toBeNull();
      expect(await directory.listRegistryPeople()).toHaveLength(2);
    });

    it("keeps roles (a repeated grant once) and each curator's schools", async () => {
      const { directory } = await open();
      await directory.createAccount(account("acc-1", "ivanov", "Иванов Иван", "org-mun"));
      await directory.createAccount(account("acc-2", "petrova", "Петрова Анна"));
      await directory.addGrant({ id: "g1", accountId: "acc-1", role: "curator", organisationId: "org-mun" });
      await directory.addGrant({ id: "g2", accountId: "acc-1", role: "curator", organisationId: "org-mun" });
      await directory.addGrant({ id: "g3", accountId: "acc-2", role: "school_team", organisationId: "org-school" });
      expect(await directory.listGrants("acc-1")).toEqual([
        { id: "g1", accountId: "acc-1", role: "curator", organisationId: "org-mun" },
      ]);
      expect(await directory.listGrants()).toHaveLength(2);
      await directory.removeGrant("g1");
      expect(await directory.listGrants("acc-1")).toEqual([]);

      await directory.setCuratedSchools("acc-1", ["org-school", "org-school2", "org-school"]);
      await directory.setCuratedSchools("acc-2", ["org-school"]);
      await directory.setCuratedSchools("acc-1", ["org-school2"]);
      expect(await directory.listCuratedSchools("acc-1")).toEqual([{ accountId: "acc-1", schoolId: "org-school2" }]);
      expect(await directory.listCuratedSchools()).toHaveLength(2);
      await directory.setCuratedSchools("acc-1", []);
      expect(await directory.listCuratedSchools("acc-1")).toEqual([]);
    });

    it("finds sessions and tokens by the hash of their secret, and ends them", async () => {
      const { directory } = await open();
      await directory.createAccount(account("acc-1", "ivanov", "Иванов Иван"));
      await directory.createAccount(account("acc-2", "petrova", "Петрова Анна"));
      await directory.createSession("s1", "hash-s1", "acc-1", "2030-01-01T00:00:00.000Z");
      await directory.createSession("s2", "hash-s2", "acc-1", "2030-01-02T00:00:00.000Z");
      await directory.createSession("s3", "hash-s3", "acc-2", "2030-01-02T00:00:00.000Z");
      const token = (id: string, at: string) => ({ id, accountId: "acc-1", name: `Выгрузка ${id}`, createdAt: at });
      await directory.createToken(token("t2", "2023-01-02T00:00:00.000Z"), "hash-t2");
      await directory.createToken(token("t1", "2023-01-01T00:00:00.000Z"), "hash-t1");
      await expect(directory.createToken(token("t3", "2023-01-03T00:00:00.000Z"), "hash-t1")).rejects.toThrow();

      expect(await directory.findCredential("hash-s1")).toEqual({
        id: "s1",
        kind: "session",
        accountId: "acc-1",
        expiresAt: "2030-01-01T00:00:00.000Z",
      });
      expect(await directory.findCredential("hash-t1")).toEqual({
        id: "t1",
        kind: "token",
        accountId: "acc-1",
        expiresAt: null,
      });
      expect(await directory.findCredential("nothing")).toBeNull();
      expect((await directory.listTokens("acc-1")).map((t) => t.id)).toEqual(["t1", "t2"]);
      expect(await directory.listTokens("acc-2")).toEqual([]);

      await directory.deleteCredential("t2");
      await directory.deleteCredential("s2");
      expect(await directory.findCredential("hash-t2")).toBeNull();
      expect(await directory.findCredential("hash-s2")).toBeNull();
      expect((await directory.deleteCredentialsOf("acc-1")).sort()).toEqual(["s1", "t1"]);
      expect(await directory.deleteCredentialsOf("acc-1")).toEqual([]);
      expect(await directory.findCredential("hash-s1")).toBeNull();
      expect(await directory.findCredential("hash-s3")).toMatchObject({ id: "s3" });
    });

    it("spends an invitation once: a newer link replaces the older, an expired one fails", async () => {
      const { directory } = await open();
      await directory.createAccount(account("acc-1", "ivanov", "Иванов Иван"));
      await directory.createAccount(account("acc-2", "petrova", "Петрова Анна"));
      const now = "2023-05-01T10:00:00.000Z";
      await directory.createInvitation("inv-old", "acc-1", "2030-01-01T00:00:00.000Z");
      await directory.createInvitation("inv-new", "acc-1", "2030-01-01T00:00:00.000Z");
      await directory.createInvitation("inv-late", "acc-2", "2023-05-01T09:59:59.999Z");
      expect(await directory.findInvitation("inv-old", now)).toBe("spent");
      expect(await directory.findInvitation("inv-new", now)).toEqual({ accountId: "acc-1" });
      expect(await directory.findInvitation("inv-late", now)).toBe("expired");
      expect(await directory.findInvitation("inv-none", now)).toBeNull();

      expect(await directory.acceptInvitation("inv-old", "hash-old", now)).toBe(false);
      expect(await directory.acceptInvitation("inv-late", "hash-late", now)).toBe(false);
      expect((await directory.getAccount("acc-2"))?.passwordHash).toBeNull();
      // Two accepts of one link at once: one wins.
      const accepted = await Promise.all([
        directory.acceptInvitation("inv-new", "hash-a", now),
        directory.acceptInvitation("inv-new", "hash-b", now),
      ]);
      expect(accepted.sort()).toEqual([false, true]);
      expect(["hash-a", "hash-b"]).toContain((await directory.getAccount("acc-1"))?.passwordHash);
      expect(await directory.findInvitation("inv-new", now)).toBe("spent");
      expect(await directory.acceptInvitation("inv-none", "x", now)).toBe(false);
    });

    it("counts failed logins per source (and login), forgets old ones and clears a login's", async () => {
      const { directory } = await open();
      await directory.recordLoginFailure("ivanov", "10.0.0.1", 1000, 0);
      await directory.recordLoginFailure("ivanov", "10.0.0.1", 2000, 0);
      await directory.recordLoginFailure("petrova", "10.0.0.1", 3000, 0);
      await directory.recordLoginFailure("ivanov", "10.0.0.2", 4000, 0);
      const source1 = { source: "10.0.0.1" };
      expect(await directory.nthLoginFailure(source1, 1, 0)).toBe(3000);
      expect(await directory.nthLoginFailure(source1, 3, 0)).toBe(1000);
      expect(await directory.nthLoginFailure(source1, 4, 0)).toBeNull();
      expect(await directory.nthLoginFailure({ ...source1, login: "ivanov" }, 1, 0)).toBe(2000);
      expect(await directory.nthLoginFailure({ ...source1, login: "ivanov" }, 2, 1500)).toBeNull();
      // Recording forgets failures older than forgetBefore, everywhere.
      await directory.recordLoginFailure("sidorov", "10.0.0.3", 5000, 1500);
      expect(await directory.nthLoginFailure(source1, 3, 0)).toBeNull();
      expect(await directory.nthLoginFailure(source1, 2, 0)).toBe(2000);
      await directory.clearLoginFailures("ivanov", "10.0.0.1");
      expect(await directory.nthLoginFailure(source1, 1, 0)).toBe(3000);
      expect(await directory.nthLoginFailure(source1, 2, 0)).toBeNull();
      expect(await directory.nthLoginFailure({ source: "10.0.0.2" }, 1, 0)).toBe(4000);
    });

    it("finds no account for a login holding a NUL character, and counts and journals its failures", async () => {
      const { directory } = await open();
      await directory.createAccount(account("acc-1", "ivanov", "Иванов Иван"));
      expect(await directory.findAccountByLogin("ivanov\u0000")).toBeNull();
      await directory.recordLoginFailure("ivanov\u0000", "10.0.0.1", 1000, 0);
      expect(await directory.nthLoginFailure({ source: "10.0.0.1", login: "ivanov\u0000" }, 1, 0)).toBe(1000);
      await directory.appendAudit(
        { action: "login-failed", actorId: null, scopeOrganisationId: null, subject: "ivanov\u0000", details: "" },
        "2000-01-01T00:00:00.000Z",
      );
      expect(await directory.listAudit([], true, { limit: 10 })).toHaveLength(1);
    });

    it("counts simultaneous repeats of one event on one entry", async () => {
      const { directory } = await open();
      const failed = {
        action: "login-failed" as const,
        actorId: null,
        scopeOrganisationId: null,
        subject: "nobody",
        details: "10.0.0.1",
      };
      // Several connections open first (a PostgreSQL pool opens them as asked), so the appends do overlap.
      await Promise.all(Array.from({ length: 8 }, () => directory.countAccounts()));
      await Promise.all(Array.from({ length: 20 }, () => directory.appendAudit(failed, "2000-01-01T00:00:00.000Z")));
      expect((await directory.listAudit([], true, { limit: 100 })).map((e) => e.count)).toEqual([20]);
    });

    it("keeps one open invitation per account when links are made and used at the same time", async () => {
      const { directory } = await open();
      await directory.createAccount(account("acc-1", "ivanov", "Иванов Иван"));
      const expires = "2030-01-01T00:00:00.000Z";
      const now = "2023-05-01T10:00:00.000Z";
      await Promise.all(Array.from({ length: 8 }, () => directory.countAccounts()));
      await Promise.all(Array.from({ length: 10 }, (_, i) => directory.createInvitation(`inv-${i}`, "acc-1", expires)));
      const open_ = [];
      for (let i = 0; i < 10; i++)
        if (typeof (await directory.findInvitation(`inv-${i}`, now)) === "object") open_.push(i);
      expect(open_).toHaveLength(1);
      const [last] = open_;
      const results = await Promise.all([
        directory.acceptInvitation(`inv-${last}`, "hash-a", now),
        directory.createInvitation("inv-new", "acc-1", expires),
      ]);
      // Either the link was used first (and the new one is open) or the new one replaced it.
      const newOpen = typeof (await directory.findInvitation("inv-new", now)) === "object";
      expect(newOpen).toBe(true);
      expect((await directory.getAccount("acc-1"))?.passwordHash).toBe(results[0] ? "hash-a" : null);
    });

    it("journals events, counting repeats of an identical one since a moment, and pages newest first", async () => {
      const { directory, reopen } = await open();
      const failed = {
        action: "login-failed" as const,
        actorId: null,
        scopeOrganisationId: null,
        subject: "nobody",
        details: "10.0.0.1",
      };
      const long_ago = "2000-01-01T00:00:00.000Z";
      await directory.appendAudit(failed, long_ago);
      await directory.appendAudit(failed, long_ago);
      await directory.appendAudit({ ...failed, details: "10.0.0.2" }, long_ago);
      // Without repeatSince every event is an entry of its own; a repeat window in the future matches none.
      await directory.appendAudit(failed);
      await directory.appendAudit(failed, "2999-01-01T00:00:00.000Z");
      const granted = {
        action: "role-granted" as const,
        actorId: "acc-1",
        scopeOrganisationId: "org-school",
        subject: "acc-2",
        details: "curator",
      };
      await directory.appendAudit(granted, long_ago);
      await directory.appendAudit(granted, long_ago);
      await directory.appendAudit({ ...granted, actorId: null }, long_ago);
      await directory.appendAudit({ ...granted, scopeOrganisationId: "org-school2" });

      const again = await reopen();
      const all = await again.listAudit(["org-school", "org-school2"], true, { limit: 100 });
      expect(all.map((e) => [e.action, e.actorId, e.scopeOrganisationId, e.details, e.count])).toEqual([
        ["role-granted", "acc-1", "org-school2", "curator", 1],
        ["role-granted", null, "org-school", "curator", 1],
        ["role-granted", "acc-1", "org-school", "curator", 2],
        ["login-failed", null, null, "10.0.0.1", 1],
        ["login-failed", null, null, "10.0.0.1", 1],
        ["login-failed", null, null, "10.0.0.2", 1],
        ["login-failed", null, null, "10.0.0.1", 2],
      ]);
      const ids = all.map((e) => e.id);
      expect(ids).toEqual([...ids].sort((a, b) => b - a));
      const repeated = all[2];
      expect(repeated !== undefined && repeated.lastAt >= repeated.at).toBe(true);
      expect(all[6]?.subject).toBe("nobody");

      // Scoped: only those organisations' entries, the unscoped ones only if asked.
      expect((await again.listAudit(["org-school"], false, { limit: 100 })).map((e) => e.id)).toEqual([ids[1], ids[2]]);
      expect(await again.listAudit([], false, { limit: 100 })).toEqual([]);
      expect((await again.listAudit([], true, { limit: 100 })).map((e) => e.id)).toEqual(ids.slice(3));
      // Paging: `limit` entries below `before`.
      const page1 = await again.listAudit(["org-school", "org-school2"], true, { limit: 3 });
      expect(page1.map((e) => e.id)).toEqual(ids.slice(0, 3));
      const page2 = await again.listAudit(["org-school", "org-school2"], true, {
        limit: 3,
        before: page1.at(-1)?.id as number,
      });
      expect(page2.map((e) => e.id)).toEqual(ids.slice(3, 6));
      const page3 = await again.listAudit(["org-school", "org-school2"], true, {
        limit: 3,
        before: page2.at(-1)?.id as number,
      });
      expect(page3.map((e) => e.id)).toEqual(ids.slice(6));
    });
  });
}
