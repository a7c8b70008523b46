import type { SessionInfo } from "@karta/schema";
import { describe, expect, it } from "vitest";
import { guardRoute, loginPath, nextFrom, type SessionState, safeNext } from "./guard.ts";
import { matchRoute } from "./routes.ts";

function signedIn(managed: string[] = []): SessionState {
  const info: SessionInfo = {
    user: {
      id: "u1",
      login: "methodist",
      fullName: "Белова Наталья Сергеевна",
      position: "методист",
      organisationId: "org",
      organisationName: "Славянский район",
      roles: [],
      curatedSchoolIds: [],
      managedOrganisationIds: managed,
      creatableOrganisationIds: [],
    },
    expiresAt: "2099-01-01T00:00:00Z",
  };
  return { status: "signedIn", info, offline: false };
}

const signedOut: SessionState = { status: "signedOut" };
const decide = (location: string, session: SessionState) =>
  guardRoute(matchRoute(location.split("?")[0] ?? ""), location, session);

describe("guardRoute", () => {
  it("sends a signed-out user to the login page, remembering the page", () => {
    expect(decide("/d/abcdefgh12", signedOut)).toEqual({ kind: "redirect", to: "/login?next=%2Fd%2Fabcdefgh12" });
    expect(decide("/", signedOut)).toEqual({ kind: "redirect", to: "/login" });
    expect(decide("/people", signedOut)).toEqual({ kind: "redirect", to: "/login?next=%2Fpeople" });
  });

  it("waits while the session is being checked, except on an invitation", () => {
    expect(decide("/", { status: "checking" })).toEqual({ kind: "wait" });
    expect(decide("/login", { status: "checking" })).toEqual({ kind: "wait" });
    expect(decide("/invite/abcdefghijkl", { status: "checking" })).toEqual({ kind: "show" });
  });

  it("shows the login page to a signed-out user and sends a signed-in one on", () => {
    expect(decide("/login", signedOut)).toEqual({ kind: "show" });
    expect(decide("/login?next=%2Fd%2Fabcdefgh12", signedIn())).toEqual({ kind: "redirect", to: "/d/abcdefgh12" });
    expect(decide("/login", signedIn())).toEqual({ kind: "redirect", to: "/" });
  });

  it("keeps coordinator pages for coordinators", () => {
    for (const page of ["/schools", "/people", "/audit"]) {
      expect(decide(page, signedIn())).toEqual({ kind: "coordinatorOnly" });
      expect(decide(page, signedIn(["slavyansky-rayon"]))).toEqual({ kind: "show" });
    }
  });

  it("shows ordinary pages to any signed-in user", () => {
    expect(decide("/", signedIn())).toEqual({ kind: "show" });
    // «Мониторинг»: the server decides whom it shows a municipality to (403 otherwise).
    expect(decide("/monitoring?organisation=slavyansky-rayon&year=2022", signedIn())).toEqual({ kind: "show" });
    expect(decide("/d/abcdefgh12", signedIn())).toEqual({ kind: "show" });
    expect(decide("/nowhere", signedIn())).toEqual({ kind: "show" });
  });
});

describe("where to go after signing in", () => {
  it("returns only to paths of this site", () => {
    expect(safeNext("/d/abc?x=1")).toBe("/d/abc?x=1");
    expect(safeNext("//evil.example/")).toBe("/");
    expect(safeNext("/\\evil.example")).toBe("/");
    expect(safeNext("https://evil.example/")).toBe("/");
    expect(safeNext("/login?next=/x")).toBe("/");
  });

  it("reads next from the login page's address", () => {
    expect(nextFrom("/login?next=%2Fschools")).toBe("/schools");
    expect(nextFrom("/login?next=https%3A%2F%2Fevil.example")).toBe("/");
    expect(nextFrom("/login")).toBe("/");
  });

  it("builds the login address that leads back", () => {
    expect(nextFrom(loginPath("/d/abc?tab=2"))).toBe("/d/abc?tab=2");
  });
});
