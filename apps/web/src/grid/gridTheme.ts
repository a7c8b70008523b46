import { AllCommunityModule, ModuleRegistry, themeQuartz } from "ag-grid-community";

// Community edition only: every feature the grid uses is in AllCommunityModule.
ModuleRegistry.registerModules([AllCommunityModule]);

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
