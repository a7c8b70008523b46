import { antiRiskProgramme } from "@karta/schema";
import { describe, expect, it } from "vitest";
import { buildCellFlags, CellFlagsStore, flagTooltip } from "./cellFlags.ts";

const table = antiRiskProgramme.tables[0] as NonNullable<(typeof antiRiskProgramme.tables)[0]>;
const rows = [
  { id: "r1", cells: { measure: "Анкетирование", period: "Январь 2022 г.", status: "в работе" } },
  { id: "r2", cells: { period: "Январь 2022 г." } },
];

describe("cell flags", () => {
  it("put the overdue sentence on the Сроки cell and a problem on its own cell", () => {
    const flags = buildCellFlags(
      table,
      rows,
      [{ kind: "required", rowId: "r2", columnId: "measure" }],
      new Set(["r1"]),
      { year: 2022 },
    );
    const overdue = flags.get("r1\u0000period");
    expect(overdue?.overdue).toBe(
      "Просрочено: срок — до 31.01.2022. Отметьте мероприятие выполненным или перенесите срок.",
    );
    expect(flagTooltip(overdue ?? null)).toContain("до 31.01.2022");
    expect(flags.get("r2\u0000measure")?.problems).toEqual(["Не заполнено обязательное поле «Мероприятие»."]);
    expect(flags.has("r2\u0000period")).toBe(false);
  });

  it("tell only about the cells that changed, keeping the others' objects", () => {
    const store = new CellFlagsStore();
    let calls = 0;
    store.subscribe(() => {
      calls += 1;
    });
    const flag = { problems: ["x"], overdue: null };
    store.update(new Map([["a\u0000b", flag]]));
    const first = store.flagAt("a", "b");
    expect(store.update(new Map([["a\u0000b", { problems: ["x"], overdue: null }]]))).toBe(false);
    expect(store.flagAt("a", "b")).toBe(first);
    expect(calls).toBe(1);
    store.update(new Map());
    expect(store.lastChanged()).toEqual(["a\u0000b"]);
    expect(store.flagAt("a", "b")).toBeNull();
    expect(calls).toBe(2);
  });
});
