import type { SessionInfo } from "@karta/schema";
import { describe, expect, it } from "vitest";
import { messages } from "../messages.ts";
import { readOnlyReason } from "./readOnlyReason.ts";

const user = (curated: string[]): SessionInfo["user"] => ({
  id: "u",
  login: "curator",
  fullName: "Кравец Андрей Петрович",
  position: "куратор",
  organisationId: "rayon",
  organisationName: "Славянский район",
  roles: [],
  curatedSchoolIds: curated,
  managedOrganisationIds: [],
  creatableOrganisationIds: [],
});

const schoolDoc = { organisationId: "s5", template: "anti-risk-programme" };
const roadmap = { organisationId: "rayon", template: "municipal-roadmap" };

describe("readOnlyReason", () => {
  it("says nothing to someone who may edit", () => {
    expect(readOnlyReason("edit", user([]), schoolDoc)).toBeNull();
  });

  it("tells a curator they curate this school and may comment", () => {
    expect(readOnlyReason("comment", user(["s5"]), schoolDoc)).toBe(messages.document.readOnly.curator);
  });

  it("tells the municipality that the school's team fills a school document in", () => {
    expect(readOnlyReason("comment", user([]), schoolDoc)).toBe(messages.document.readOnly.schoolComment);
    expect(readOnlyReason("comment", user([]), roadmap)).toBe(messages.document.readOnly.comment);
  });

  it("tells a viewer they may only read, and says when the rights are unknown offline", () => {
    expect(readOnlyReason("read", user([]), roadmap)).toBe(messages.document.readOnly.read);
    expect(readOnlyReason("unknown", user([]), null)).toBe(messages.document.readOnly.unknown);
  });
});
