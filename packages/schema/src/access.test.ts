import { describe, expect, it } from "vitest";
import { rolesFor } from "./access.ts";

describe("rolesFor", () => {
  it("offers a school the school team and an observer only", () => {
    expect(rolesFor("school")).toEqual(["school_team", "viewer"]);
  });

  it("offers a municipality and a region every role but the school team", () => {
    for (const kind of ["municipality", "region"] as const) {
      expect(rolesFor(kind)).toEqual(["curator", "methodist", "coordinator", "viewer"]);
    }
  });
});
