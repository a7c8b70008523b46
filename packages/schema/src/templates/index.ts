import type { DocumentTemplate } from "../template.ts";
import { analyticReport } from "./analyticReport.ts";
import { antiRiskProgramme } from "./antiRiskProgramme.ts";
import { developmentConcept } from "./developmentConcept.ts";
import { developmentProgramme } from "./developmentProgramme.ts";
import { municipalRoadmap } from "./municipalRoadmap.ts";
import { preventionPlan } from "./preventionPlan.ts";
import { riskProfile } from "./riskProfile.ts";
import { seminarPlan } from "./seminarPlan.ts";
import { shnorList } from "./shnorList.ts";
import { teacherDeficits } from "./teacherDeficits.ts";

export { analyticReport } from "./analyticReport.ts";
export { antiRiskProgramme, MEASURE_STATUSES, type MeasureStatus, riskProgrammeTitle } from "./antiRiskProgramme.ts";
export { developmentConcept } from "./developmentConcept.ts";
export { developmentProgramme } from "./developmentProgramme.ts";
export { municipalRoadmap } from "./municipalRoadmap.ts";
export { preventionPlan } from "./preventionPlan.ts";
export { RISK_FACTORS, riskProfile, SIGNIFICANCE_LEVELS } from "./riskProfile.ts";
export { seminarPlan } from "./seminarPlan.ts";
export { shnorList } from "./shnorList.ts";
export { teacherDeficits } from "./teacherDeficits.ts";

/** Every template of DOMAIN §1–10, in its order. */
export const templates: readonly DocumentTemplate[] = [
  riskProfile,
  developmentConcept,
  developmentProgramme,
  antiRiskProgramme,
  municipalRoadmap,
  seminarPlan,
  teacherDeficits,
  shnorList,
  preventionPlan,
  analyticReport,
];

export function getTemplate(id: string): DocumentTemplate | undefined {
  return templates.find((t) => t.id === id);
}
