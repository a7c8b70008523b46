export { formatPercent, formatTenth, roundToTenth } from "./format/numbers.ts";
export { addPersonToCell, PEOPLE_SEPARATOR, personLabel, shortName } from "./people/personLabel.ts";
export {
  type RegistrySchool,
  type StatusesByYear,
  shnorCount,
  shnorShare,
  statusesByYear,
} from "./registry/statusesByYear.ts";
export { computedCells, type PlainRow, totalRow } from "./table/computed.ts";
export { deficitsABShare } from "./table/deficits.ts";
export { type ProblemOptions, type TableProblem, tableProblems } from "./table/problems.ts";
export { sharePercent } from "./table/shares.ts";
