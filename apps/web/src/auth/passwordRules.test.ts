import { describe, expect, it } from "vitest";
import { messages } from "../messages.ts";
import { passwordProblem } from "./passwordRules.ts";

describe("passwordProblem", () => {
  it("wants at least eight characters", () => {
    expect(passwordProblem("1234567", "1234567")).toBe(messages.invite.tooShort(8));
    expect(passwordProblem("12345678", "12345678")).toBeNull();
  });

  it("wants the same password twice", () => {
    expect(passwordProblem("длинный пароль", "длинный пароль!")).toBe(messages.invite.mismatch);
  });
});
