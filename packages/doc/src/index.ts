export { AgreedBaseline, type ContentChange, paragraphDiff } from "./changes/agreedBaseline.ts";
export { type CellConflict, type CellEdit as StoredCellEdit, cellEditsOf } from "./changes/cellEdits.ts";
export { cellAnchorFor, locateCellAnchor } from "./comments/cellAnchor.ts";
export {
  type CommentAuthor,
  CommentsModel,
  type CommentsOptions,
  type CommentView,
  CommentWriteError,
  readThread,
  readThreads,
  type ThreadView,
} from "./comments/commentsModel.ts";
export * from "./comments/commentsSchema.ts";
export { type CommentsWriter, findCommentsViolation } from "./comments/commentsValidation.ts";
export { type CellThreadCounts, cellKey, cellThreadCounts } from "./comments/threadIndex.ts";
export { type CopiedContent, type CopyContentOptions, copyContent } from "./copyContent.ts";
export { KartaDocument } from "./document.ts";
export { DocumentWriteError } from "./errors.ts";
export { randomId } from "./ids.ts";
export { type DocumentMeta, readMeta, writeMeta } from "./meta.ts";
export { type Upgrade, upgradeDocument } from "./migrations.ts";
export { compareRows, keyBetween, keysBetween } from "./order.ts";
export { restoreVersion } from "./restoreVersion.ts";
export {
  META_ROOT,
  ORDER_KEY,
  SECTION_ROOT_PREFIX,
  sectionRootName,
  TABLE_ROOT_PREFIX,
  tableRootName,
} from "./roots.ts";
export type { RowSnapshot } from "./rowSnapshot.ts";
export { LINK_ATTRIBUTES, LIVE_FIGURES, type LiveFigureKind, SECTION_MARKS, SECTION_NODES } from "./sectionContent.ts";
export { type SectionSummary, sectionSummary } from "./sectionSummary.ts";
export { type CellEdit, firstRowsOf, type RowsChange, TableModel, type TableOptions } from "./table.ts";
export { findTemplateViolation, MAX_ORDER_KEY_LENGTH, type TemplateCheck, templateChecker } from "./validation.ts";
