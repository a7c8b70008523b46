import { describe, expect, it } from "vitest";
import { severskPreventionPlanHeaders, severskPreventionPlanRows } from "./preventionPlan.ts";
import { severskMunicipality, severskSchools, severskSchoolsWithStatus } from "./shnorByYear.ts";

describe("План профилактических мероприятий, Северский район (seed 003, Таблица 1)", () => {
  it("has the nine rows of the table", () => {
    expect(severskPreventionPlanRows).toHaveLength(9);
  });

  it("keeps the column titles verbatim", () => {
    expect(Object.values(severskPreventionPlanHeaders)).toEqual([
      "Направления Профилактической работы",
      "Формы профилактических мероприятий",
      "Место проведения",
      "Дата проведения",
    ]);
  });

  it("keeps the forms in order", () => {
    expect(severskPreventionPlanRows.map((row) => row.form)).toEqual([
      "Заседание рабочей группы",
      "Методический десант",
      "Тематические семинары",
      "Совещание",
      "Стажировка",
      "Консультирование",
      "Разработка ИОМ",
      "Участие в конкурсах профессионального мастерства",
      "Аудит Мониторинг Отчет Контрольные собеседования",
    ]);
  });

  it("fills the merged direction cell over rows 1–8", () => {
    const directions = severskPreventionPlanRows.map((row) => row.direction);
    expect(new Set(directions.slice(0, 8))).toEqual(new Set(["Реализация профилактических мероприятий"]));
    expect(directions[8]).toBe("Оценка эффективности профилактики. Корректировка дальнейшей работы");
  });

  it("keeps exact cells, the page-split place joined", () => {
    expect(severskPreventionPlanRows[0]).toEqual({
      direction: "Реализация профилактических мероприятий",
      form: "Заседание рабочей группы",
      place: "МБОУ СОШ №43",
      date: "Декабрь 2023г. Ноябрь 2024г.",
    });
    expect(severskPreventionPlanRows[2]?.place).toBe("МБОУ СОШ №45 МАОУ лицей пгт Афипского");
    expect(severskPreventionPlanRows[2]?.date).toBe("Февраль 2024 г. Апрель 2024г. Апрель 2023г.");
    expect(severskPreventionPlanRows[8]?.date).toBe("Сентябрь 2024г.");
    expect(severskPreventionPlanRows[5]?.place).toBe(severskMunicipality.methodCentre);
  });

  it("names only registry schools or the ИМЦ as places", () => {
    const spellings = severskSchools.flatMap((school) => [school.name, ...school.aliases]);
    for (const row of severskPreventionPlanRows) {
      if (row.place === severskMunicipality.methodCentre) continue;
      const rest = spellings
        .toSorted((a, b) => b.length - a.length)
        .reduce((text, name) => text.replaceAll(name, ""), row.place);
      expect(rest.trim(), row.place).toBe("");
    }
  });

  it("sends the методический десант to the five ШНОР of 2023", () => {
    const desant = severskPreventionPlanRows[1]?.place ?? "";
    const visited = severskSchools.filter((school) => school.aliases.some((alias) => desant.includes(alias)));
    expect(visited.map((school) => school.name).sort()).toEqual(
      severskSchoolsWithStatus(2023, "shnor")
        .map((school) => school.name)
        .sort(),
    );
  });
});
