/**
 * Widths of the grid's columns in pixels, shared with the first screen the
 * page draws before the grid (firstScreen/drawFirstScreen.ts), so that its
 * columns are where the grid's will be. Imports nothing: it is in the entry chunk.
 */

/** The № column: room for the drag handle and a three-digit number. */
export const NUMBER_COLUMN_WIDTH = 76;

/** A column whose template gives no preferred width. */
export const DEFAULT_COLUMN_WIDTH = 160;
