import {
  CellStyleModule,
  CheckboxEditorModule,
  ClientSideRowModelApiModule,
  ClientSideRowModelModule,
  CustomEditorModule,
  DateEditorModule,
  LargeTextEditorModule,
  LocaleModule,
  ModuleRegistry,
  NumberEditorModule,
  PinnedRowModule,
  RenderApiModule,
  RowApiModule,
  RowAutoHeightModule,
  RowDragModule,
  ScrollApiModule,
  SelectEditorModule,
  TextEditorModule,
  TooltipModule,
  themeQuartz,
  ValidationModule,
} from "ag-grid-community";

/**
 * Community edition only, and only the features the grid uses (AllCommunityModule
 * was a fifth of the app's code: filters, CSV export, pagination, option
 * validation…, compiled on every first visit). A feature whose module is
 * missing does not work and AG Grid logs error #200 naming the module.
 */
ModuleRegistry.registerModules([
  CellStyleModule,
  CheckboxEditorModule,
  ClientSideRowModelApiModule,
  ClientSideRowModelModule,
  CustomEditorModule,
  DateEditorModule,
  LargeTextEditorModule,
  LocaleModule,
  NumberEditorModule,
  PinnedRowModule,
  RenderApiModule,
  RowApiModule,
  RowAutoHeightModule,
  RowDragModule,
  ScrollApiModule,
  SelectEditorModule,
  TextEditorModule,
  TooltipModule,
]);
// The full messages (which module, which option) while developing; the build drops it.
if (import.meta.env.DEV) ModuleRegistry.registerModules([ValidationModule]);

/** A calm, sheet-like look: thin grey rules, a light header, the product's blue for focus. */
export const kartaGridTheme = themeQuartz.withParams({
  fontFamily: "inherit",
  fontSize: 13,
  headerFontSize: 12,
  headerFontWeight: 600,
  headerTextColor: "#3c4043",
  headerBackgroundColor: "#f1f3f4",
  headerColumnBorder: true,
  headerColumnResizeHandleColor: "#c4c7c5",
  foregroundColor: "#202124",
  backgroundColor: "#ffffff",
  borderColor: "#dadce0",
  accentColor: "#1a73e8",
  rowBorder: true,
  columnBorder: true,
  wrapperBorder: false,
  wrapperBorderRadius: 0,
  spacing: 6,
  cellHorizontalPadding: 10,
  rowHoverColor: "rgba(26, 115, 232, 0.035)",
  selectedRowBackgroundColor: "rgba(26, 115, 232, 0.08)",
  pinnedColumnBorder: true,
  dragHandleColor: "#80868b",
  rowHeight: 34,
  headerHeight: 40,
});
