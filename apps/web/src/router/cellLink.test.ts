import { describe, expect, it } from "vitest";
import { cellLinkPath, parseCellLink } from "./cellLink.ts";
import { matchRoute } from "./routes.ts";

describe("links to a cell", () => {
  it("names the document, the table, the row and the column", () => {
    const path = cellLinkPath("Doc_12345", { table: "measures", row: "r 1/2", column: "period" });
    expect(path).toBe("/d/Doc_12345?table=measures&row=r+1%2F2&column=period");
    const [pathname, search] = path.split("?");
    expect(matchRoute(pathname ?? "")).toEqual({ page: "document", docId: "Doc_12345" });
    expect(parseCellLink(`?${search}`)).toEqual({ table: "measures", row: "r 1/2", column: "period" });
  });

  it("reads nothing from a query that does not name a whole cell", () => {
    expect(parseCellLink("")).toBeNull();
    expect(parseCellLink("?table=measures&row=r1")).toBeNull();
    expect(parseCellLink("?table=measures&row=&column=period")).toBeNull();
  });
});
