import { describe, expect, it } from "vitest";
import { linkFromInput } from "./linkInput.ts";

describe("linkFromInput", () => {
  it("keeps web, mail and phone addresses and adds https:// to a bare site", () => {
    expect(linkFromInput(" https://edu.krasnodar.ru/shnor ")).toBe("https://edu.krasnodar.ru/shnor");
    expect(linkFromInput("edu.krasnodar.ru/shnor")).toBe("https://edu.krasnodar.ru/shnor");
    expect(linkFromInput("localhost:8080/doc")).toBe("https://localhost:8080/doc");
    expect(linkFromInput("cmo@slavyansk.ru")).toBe("mailto:cmo@slavyansk.ru");
    expect(linkFromInput("+7 (861) 46-2-12-34")).toBe("tel:+78614621234");
  });

  it("turns empty input into removing the link and refuses other schemes", () => {
    expect(linkFromInput("   ")).toBeNull();
    expect(linkFromInput("javascript:alert(1)")).toBeNull();
    expect(linkFromInput("data:text/html,<b>")).toBeNull();
  });
});
