import { antiRiskProgramme, municipalRoadmap, riskProgrammeTitle } from "@karta/schema";
import { createDocument } from "../documents/createDocument.ts";
import type { DirectoryStore } from "../storage/DirectoryStore.ts";
import type { DocumentStore } from "../storage/DocumentStore.ts";
import { antiRiskDraftFactor, antiRiskDraftRows } from "./antiRiskDrafts.ts";
import { approveAsTheSeedSays } from "./approveAsTheSeedSays.ts";
import { DEMO_YEAR, demoAccountId, demoOrganisationIds, demoSchoolId, seedDemoDirectory } from "./demoDirectory.ts";
import { slavyanskRoadmapProgress } from "./roadmapProgress.ts";
import { seedRows, writeSeedBlocks } from "./seedContent.ts";
import { seedSeedDocuments } from "./seedDocuments.ts";
import { slavyanskRoadmapPreamble } from "./seeds/index.ts";
import {
  slavyanskMunicipality,
  slavyanskRoadmapOrder,
  slavyanskRoadmapRows,
  slavyanskRoadmapTitle,
  slavyanskShnor2022,
} from "./slavyanskRoadmap.ts";

/**
 * Fills an empty database with the demo: the Славянский район's organisations
 * and demo accounts, the roadmap of seed 002 (its preamble, its 25 rows,
 * approved by the seed's order № 156 of 21.01.2022) and a draft anti-risk
 * programme for each school of its 2022 ШНОР list; then the other seeds'
 * municipalities and documents (`demoTerritories.ts`, `seedDocuments.ts`).
 * Does nothing if any account or document exists.
 */
export async function seedDemo(store: DocumentStore, directory: DirectoryStore): Promise<boolean> {
  if ((await store.countDocuments()) > 0 || (await directory.countAccounts()) > 0) return false;
  await seedDemoDirectory(directory);
  const roadmap = await createDocument(store, {
    templateId: municipalRoadmap.id,
    title: slavyanskRoadmapTitle,
    organisationId: demoOrganisationIds.municipality,
    organisation: slavyanskMunicipality.name,
    year: DEMO_YEAR,
    fill: (doc) => {
      writeSeedBlocks(doc.section("preamble"), slavyanskRoadmapPreamble);
      seedRows("measures", slavyanskRoadmapRows)(doc);
      const measures = doc.table("measures");
      measures.rows().forEach((row, index) => {
        const status = slavyanskRoadmapProgress[index + 1];
        if (status) measures.setCell(row.id, "status", status);
      });
    },
  });
  await approveAsTheSeedSays(store, roadmap.id, demoAccountId("coordinator"), slavyanskRoadmapOrder);
  for (const school of slavyanskShnor2022) {
    await createDocument(store, {
      templateId: antiRiskProgramme.id,
      title: riskProgrammeTitle(antiRiskDraftFactor),
      organisationId: demoSchoolId(school),
      organisation: school,
      year: DEMO_YEAR,
      fill: seedRows("measures", antiRiskDraftRows),
    });
  }
  await seedSeedDocuments(store);
  return true;
}
