import { describe, expect, it } from "vitest";
import { documentPath, matchRoute } from "./routes.ts";

describe("matchRoute", () => {
  it("maps / to the documents list", () => {
    expect(matchRoute("/")).toEqual({ page: "documents" });
  });

  it("maps /d/<id> to the document page, with or without a trailing slash", () => {
    expect(matchRoute("/d/abc_DEF-123")).toEqual({ page: "document", docId: "abc_DEF-123" });
    expect(matchRoute("/d/abc12345/")).toEqual({ page: "document", docId: "abc12345" });
  });

  it("maps the login, invitation and coordinator pages", () => {
    expect(matchRoute("/login")).toEqual({ page: "login" });
    expect(matchRoute("/login/")).toEqual({ page: "login" });
    expect(matchRoute("/invite/AbC_d-1234567890")).toEqual({ page: "invite", token: "AbC_d-1234567890" });
    expect(matchRoute("/schools")).toEqual({ page: "schools" });
    expect(matchRoute("/people")).toEqual({ page: "people" });
    expect(matchRoute("/audit")).toEqual({ page: "audit" });
    expect(matchRoute("/monitoring")).toEqual({ page: "monitoring" });
  });

  it("does not match ids with other characters or other paths", () => {
    expect(matchRoute("/d/../etc")).toEqual({ page: "notFound" });
    expect(matchRoute("/settings")).toEqual({ page: "notFound" });
    expect(matchRoute("/invite/a.b")).toEqual({ page: "notFound" });
  });

  it("builds the path it matches", () => {
    expect(matchRoute(documentPath("Xy12_ab-9"))).toEqual({ page: "document", docId: "Xy12_ab-9" });
  });
});
