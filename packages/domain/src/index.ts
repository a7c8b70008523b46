export { enumTone } from "./cells/enumTone.ts";
export { BOOLEAN_TEXT, formatCell, formatNumber, isoToRussianDate } from "./cells/formatCell.ts";
export {
  type CellRefusal,
  checkNumber,
  NO_WORDS,
  type ParsedCell,
  parseBoolean,
  parseCell,
  parseDate,
  parseRussianNumber,
  YES_WORDS,
} from "./cells/parseCell.ts";
export {
  type PasteBounds,
  type PasteColumn,
  type PasteEdit,
  type PasteInput,
  type PastePlan,
  type PasteRefusal,
  planPaste,
} from "./cells/pastePlan.ts";
export { parseSheetValue, type SheetValue, sheetValueText } from "./cells/sheetValue.ts";
export { encodeTsv, parseTsv } from "./cells/tsv.ts";
export { formatPercent, formatTenth, roundToTenth } from "./format/numbers.ts";
export {
  addProgress,
  emptyProgress,
  IN_PROGRESS_STATUS,
  isMeasureTable,
  type MeasureFact,
  measureFacts,
  measureProgress,
  progressOf,
} from "./monitoring/measures.ts";
export { addPersonToCell, PEOPLE_SEPARATOR, personLabel, shortName } from "./people/personLabel.ts";
export { describePeriod } from "./period/describe.ts";
export { parsePeriod, readsAsDate } from "./period/parsePeriod.ts";
export { isOverdue, lastDeadline, nextDueDate } from "./period/schedule.ts";
export type { PeriodContext, PeriodMeaning, RecurrenceUnit } from "./period/types.ts";
export { type LiveFigureReading, type MissingFigure, readLiveFigure } from "./registry/liveFigures.ts";
export {
  type RegistrySchool,
  type StatusesByYear,
  shnorCount,
  shnorShare,
  statusesByYear,
} from "./registry/statusesByYear.ts";
export { computedCells, type PlainRow, totalRow } from "./table/computed.ts";
export { deficitsABShare } from "./table/deficits.ts";
export { DONE_STATUS, overdueRowIds } from "./table/overdue.ts";
export { pinnedColumnIds } from "./table/pinnedColumns.ts";
export { type ProblemOptions, type TableProblem, tableProblems } from "./table/problems.ts";
export { sharePercent } from "./table/shares.ts";
