import { describe, expect, it } from "vitest";
import { addPersonToCell, personLabel, shortName } from "./personLabel.ts";

describe("person labels", () => {
  it("write initials before the surname, then the position", () => {
    expect(shortName("Хняч Ирина Николаевна")).toBe("И.Н. Хняч");
    expect(shortName("  Плесецкая   Ольга Викторовна ")).toBe("О.В. Плесецкая");
    expect(shortName("Эксперт")).toBe("Эксперт");
    // Known only by initials, as the roadmap names them.
    expect(shortName("Плесецкая О.В.")).toBe("О.В. Плесецкая");
    expect(shortName("Хняч И. Н.")).toBe("И.Н. Хняч");
    expect(shortName("И.Н. Хняч")).toBe("И.Н. Хняч");
    expect(shortName("И. Н. Хняч")).toBe("И.Н. Хняч");
    expect(personLabel({ fullName: "Духнай С.С.", position: "заместитель начальника управления образования" })).toBe(
      "С.С. Духнай — заместитель начальника управления образования",
    );
    expect(personLabel({ fullName: "Хняч Ирина Николаевна", position: "директор МКУО ЦОКО" })).toBe(
      "И.Н. Хняч — директор МКУО ЦОКО",
    );
    expect(personLabel({ fullName: "Хняч Ирина Николаевна", position: "" })).toBe("И.Н. Хняч");
  });

  it("add several people to one cell, keeping free text", () => {
    const one = addPersonToCell("", "И.Н. Хняч — директор МКУО ЦОКО");
    expect(one).toBe("И.Н. Хняч — директор МКУО ЦОКО");
    expect(addPersonToCell(`${one}.`, "О.В. Плесецкая — директор МКУО КМЦ")).toBe(
      "И.Н. Хняч — директор МКУО ЦОКО; О.В. Плесецкая — директор МКУО КМЦ",
    );
    expect(addPersonToCell(one, "И.Н. Хняч — директор МКУО ЦОКО")).toBe(one);
    expect(addPersonToCell("Руководители ОО", "А.П. Кравец — куратор")).toBe("Руководители ОО; А.П. Кравец — куратор");
  });
});
