/** Typed demo and test data from the five seed documents (../shared/seeds from the project root). */
export * from "./preventionPlan.ts";
export * from "./report.ts";
export * from "./richText.ts";
export * from "./roadmapAnalysis.ts";
export * from "./seminarPlan.ts";
export * from "./shnorByYear.ts";
export * from "./slavyanskPreamble.ts";
export * from "./teacherDeficits.ts";
