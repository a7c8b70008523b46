import { analyticReport, preventionPlan, seminarPlan, shnorList, teacherDeficits } from "@karta/schema";
import { createDocument } from "../documents/createDocument.ts";
import type { DocumentStore } from "../storage/DocumentStore.ts";
import { DEMO_YEAR, demoOrganisationIds } from "./demoDirectory.ts";
import { LABINSK_YEAR, territoryIds } from "./demoTerritories.ts";
import { seedRows, writeSeedBlocks } from "./seedContent.ts";
import {
  khasavyurtMunicipality,
  khasavyurtReport,
  khasavyurtReportTitle,
  labinskMunicipality,
  labinskTeacherDeficitRows,
  severskMunicipality,
  severskPreventionPlanRows,
  severskShnorProse,
  severskShnorYears,
  slavyanskSeminarPlanRows,
  terskMunicipality,
  terskRoadmapAnalysis,
  terskRoadmapAnalysisTitle,
} from "./seeds/index.ts";
import { slavyanskMunicipality } from "./slavyanskRoadmap.ts";

/** The year of seed 003's report (23.12.2024), its last ШНОР list and its prevention plan. */
export const SEVERSK_YEAR = severskShnorYears[severskShnorYears.length - 1] as number;

/** Seed 000 is about the 2021-2022 school year and sets the tasks «на 2022 год»; seed 001 is undated. */
const REPORTS_YEAR = DEMO_YEAR;

/** The seeds' titles end with a period, a document's title does not. */
const asTitle = (text: string) => text.replace(/\.$/, "");

/**
 * The documents of seeds 000, 001, 002 (row 9), 003 and 004, each in the municipality the
 * seed is about. Tables get the seeds' rows (counts only: shares and totals are computed),
 * texts become rich-text sections.
 */
export async function seedSeedDocuments(store: DocumentStore): Promise<void> {
  await createDocument(store, {
    templateId: seminarPlan.id,
    title: `${seminarPlan.title} на ${DEMO_YEAR} год`,
    organisationId: demoOrganisationIds.municipality,
    organisation: slavyanskMunicipality.name,
    year: DEMO_YEAR,
    fill: seedRows("seminars", slavyanskSeminarPlanRows),
  });

  await createDocument(store, {
    templateId: shnorList.id,
    title: `${shnorList.title} (${severskShnorYears[0]}–${SEVERSK_YEAR})`,
    organisationId: territoryIds.seversky,
    organisation: severskMunicipality.name,
    year: SEVERSK_YEAR,
    fill: (doc) => writeSeedBlocks(doc.section("comment"), [{ type: "paragraph", text: severskShnorProse }]),
  });
  await createDocument(store, {
    templateId: preventionPlan.id,
    title: `${preventionPlan.title} на ${SEVERSK_YEAR} год`,
    organisationId: territoryIds.seversky,
    organisation: severskMunicipality.name,
    year: SEVERSK_YEAR,
    fill: seedRows("events", severskPreventionPlanRows),
  });

  await createDocument(store, {
    templateId: teacherDeficits.id,
    title: `${teacherDeficits.title} ШНОР, ${LABINSK_YEAR} год`,
    organisationId: territoryIds.labinsky,
    organisation: labinskMunicipality.name,
    year: LABINSK_YEAR,
    fill: seedRows("subjects", labinskTeacherDeficitRows),
  });

  await createDocument(store, {
    templateId: analyticReport.id,
    title: terskRoadmapAnalysisTitle,
    organisationId: territoryIds.tersky,
    organisation: terskMunicipality.name,
    year: REPORTS_YEAR,
    fill: (doc) => writeSeedBlocks(doc.section("body"), terskRoadmapAnalysis),
  });
  await createDocument(store, {
    templateId: analyticReport.id,
    title: asTitle(khasavyurtReportTitle),
    organisationId: territoryIds.khasavyurtovsky,
    organisation: khasavyurtMunicipality.name,
    year: REPORTS_YEAR,
    fill: (doc) => writeSeedBlocks(doc.section("body"), khasavyurtReport),
  });
}
