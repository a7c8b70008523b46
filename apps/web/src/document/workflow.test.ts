import type { DocumentSummary, SessionInfo } from "@karta/schema";
import { describe, expect, it } from "vitest";
import { formatOrderDate, lastReturn, offeredActions, statusText } from "./workflow.ts";

const user = (over: Partial<SessionInfo["user"]> = {}): SessionInfo["user"] => ({
  id: "u",
  login: "x",
  fullName: "Имя",
  position: "",
  organisationId: "s5",
  organisationName: "",
  roles: [],
  curatedSchoolIds: [],
  managedOrganisationIds: [],
  creatableOrganisationIds: [],
  ...over,
});

const doc = (over: Partial<DocumentSummary> = {}) => ({
  status: "draft" as DocumentSummary["status"],
  order: null,
  access: "edit" as DocumentSummary["access"],
  organisationId: "s5",
  history: [] as DocumentSummary["history"],
  ...over,
});

describe("statusText", () => {
  it("names each status and the order", () => {
    expect(statusText(doc())).toBe("Черновик");
    expect(statusText(doc({ status: "submitted" }))).toBe("На согласовании");
    expect(statusText(doc({ status: "returned" }))).toBe("На доработке");
    expect(statusText(doc({ status: "agreed" }))).toBe("Согласовано");
    expect(statusText(doc({ status: "approved", order: { number: "12", date: "2023-02-15" } }))).toBe(
      "Утверждено приказом № 12 от 15.02.2023",
    );
  });
  it("says when something changed since agreement", () => {
    expect(statusText(doc({ status: "agreed" }), true)).toBe("Согласовано, есть изменения");
    expect(statusText(doc({ status: "draft" }), true)).toBe("Черновик");
  });
  it("formats order dates", () => {
    expect(formatOrderDate("2023-02-15")).toBe("15.02.2023");
    expect(formatOrderDate("later")).toBe("later");
  });
});

describe("offeredActions", () => {
  it("offers submit to editors of a draft or returned document", () => {
    expect(offeredActions(doc(), user())).toEqual(["submit"]);
    expect(offeredActions(doc({ status: "returned" }), user())).toEqual(["submit"]);
    expect(offeredActions(doc({ status: "submitted" }), user())).toEqual([]);
    expect(offeredActions(doc({ access: "read" }), user())).toEqual([]);
  });
  it("offers return and agree to the curator while submitted", () => {
    const curator = user({ curatedSchoolIds: ["s5"] });
    expect(offeredActions(doc({ status: "submitted", access: "comment" }), curator)).toEqual(["return", "agree"]);
    expect(offeredActions(doc({ status: "agreed", access: "comment" }), curator)).toEqual([]);
  });
  it("offers approve and reopen to a coordinator", () => {
    const coordinator = user({ roles: [{ id: "g", role: "coordinator", organisationId: "rayon" }] });
    expect(offeredActions(doc({ status: "agreed" }), coordinator)).toEqual(["approve", "reopen"]);
    expect(offeredActions(doc({ status: "approved" }), coordinator)).toEqual(["reopen"]);
  });
  it("offers nothing to nobody", () => {
    expect(offeredActions(doc(), null)).toEqual([]);
  });
});

describe("lastReturn", () => {
  const step = (action: "submit" | "return", reason: string | null) => ({
    action,
    from: "draft" as const,
    to: "submitted" as const,
    by: { id: "c", name: "Кравец" },
    at: "2025-01-01T00:00:00Z",
    reason,
    order: null,
  });
  it("finds the last return while returned", () => {
    const history = [step("submit", null), step("return", "первая"), step("submit", null), step("return", "вторая")];
    expect(lastReturn(doc({ status: "returned", history }))?.reason).toBe("вторая");
    expect(lastReturn(doc({ status: "submitted", history }))).toBeNull();
  });
});
