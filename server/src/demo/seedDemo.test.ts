import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { findTemplateViolation, KartaDocument, META_ROOT } from "@karta/doc";
import { shnorCount, shnorShare, statusesByYear } from "@karta/domain";
import { getTemplate } from "@karta/schema";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { openSqlite } from "../storage/openSqlite.ts";
import { SqliteDirectory } from "../storage/SqliteDirectory.ts";
import { SqliteStore } from "../storage/SqliteStore.ts";
import { demoAccounts } from "./demoDirectory.ts";
import { labinskSchools, territoryIds } from "./demoTerritories.ts";
import { seedDemo } from "./seedDemo.ts";

describe("the demo with every seed", () => {
  let dir: string;
  let store: SqliteStore;
  let directory: SqliteDirectory;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "karta-demo-"));
    const db = openSqlite(dir);
    store = new SqliteStore(db);
    directory = new SqliteDirectory(db);
    expect(await seedDemo(store, directory)).toBe(true);
  });
  afterAll(async () => {
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const schoolsOf = async (municipalityId: string) =>
    (await directory.listOrganisations()).filter((o) => o.kind === "school" && o.parentId === municipalityId);

  it("seeds only an empty database", async () => {
    expect(await seedDemo(store, directory)).toBe(false);
  });

  it("keeps the Славянский район as it was and adds one coordinator per other municipality", async () => {
    expect(await schoolsOf("slavyansky-rayon")).toHaveLength(10);
    expect(demoAccounts.slice(0, 5).map((a) => a.login)).toEqual([
      "coordinator",
      "methodist",
      "curator",
      "school5",
      "viewer",
    ]);
    for (const login of [
      "coordinator-seversky",
      "coordinator-labinsky",
      "coordinator-tersky",
      "coordinator-khasavyurt",
    ])
      expect(await directory.findAccountByLogin(login), login).not.toBeNull();
  });

  it("derives seed 003's ШНОР list of the Северский район: 8 in 2020, 7, 5 and 1 in 2024", async () => {
    const schools = await schoolsOf(territoryIds.seversky);
    expect(schools).toHaveLength(16);
    const list = statusesByYear(schools);
    expect(list.years).toEqual([2020, 2022, 2023, 2024]);
    expect(list.years.map((y) => shnorCount(schools, y))).toEqual([8, 7, 5, 1]);
    expect(list.rows.filter((r) => r.byYear[2024] === "shnor").map((r) => r.name)).toEqual(["МБОУ СОШ № 7"]);
  });

  it("has the Лабинский район's 29 schools, 16 of them ШНОР (55,2 %)", async () => {
    const schools = await schoolsOf(territoryIds.labinsky);
    expect(schools).toHaveLength(29);
    expect(new Set(schools.map((s) => s.name)).size).toBe(29);
    expect(shnorCount(schools, 2021)).toBe(16);
    expect(shnorShare(schools, 2021)).toBe(55.2);
    expect(labinskSchools.filter((s) => s.shnor).map((s) => s.name)).toContain("МОБУ СОШ № 13");
  });

  it("creates each seed's document in its municipality, content the server's own checks accept", async () => {
    const documents = await store.listDocuments();
    const kinds = documents.map((d) => `${d.organisationId} ${d.templateId} ${d.year}`);
    for (const expected of [
      "slavyansky-rayon municipal-roadmap 2022",
      "slavyansky-rayon seminar-plan 2022",
      "seversky-rayon shnor-list 2024",
      "seversky-rayon prevention-plan 2024",
      "labinsky-rayon teacher-deficits 2021",
      "tersky-rayon analytic-report 2022",
      "khasavyurtovsky-rayon analytic-report 2022",
    ])
      expect(kinds).toContain(expected);
    // The roadmap, the seminar plan, 10 drafts, МБОУ СОШ № 5's five documents of the cycle; the other seeds' 6.
    expect(documents).toHaveLength(12 + 5 + 5);

    for (const record of documents) {
      const state = await store.loadState(record.id);
      const template = getTemplate(record.templateId);
      if (!template) throw new Error(record.templateId);
      const ydoc = new Y.Doc();
      let problem: string | null = null;
      const meta: unknown = ydoc.getMap(META_ROOT);
      ydoc.on("afterTransaction", (transaction: Y.Transaction) => {
        if (transaction.origin === "creation") return;
        // Everything but the template stamp, which only the server writes (as here).
        const changed = new Map([...transaction.changed].filter(([type]) => type !== meta));
        problem ??= findTemplateViolation(ydoc, template, { ...transaction, changed } as Y.Transaction);
      });
      // A risk profile is created with the template's factors (written at creation only) and answered after.
      const created = record.templateId === "risk-profile";
      for (const part of created ? state.snapshot : []) Y.applyUpdate(ydoc, part, "creation");
      for (const update of created ? state.updates : [...state.snapshot, ...state.updates]) Y.applyUpdate(ydoc, update);
      expect(problem, record.title).toBeNull();

      const doc = KartaDocument.open(ydoc);
      if (record.templateId === "teacher-deficits") {
        const rows = doc?.table("subjects").rows() ?? [];
        expect(rows).toHaveLength(10);
        expect(rows.find((r) => r.cells.subject === "химия")?.cells).toEqual({
          subject: "химия",
          teachers: 16,
          a: 3,
          b: 4,
          c: 7,
          d: 2,
        });
      }
      if (record.organisationId === territoryIds.tersky) {
        expect(doc?.section("body").toString()).toContain("Директор ИМЦ Л. Т. П. Шидукова");
      }
      ydoc.destroy();
    }
  });
});
