import { describe, expect, it } from "vitest";
import { toCsv } from "./csv.ts";
import { deficits, roadmap } from "./testDocuments.ts";

const decode = (bytes: Uint8Array) => new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);

describe("toCsv", () => {
  it("is UTF-8 with a BOM, `;` between fields and CRLF between records", () => {
    const bytes = toCsv(roadmap);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = decode(bytes);
    expect(text.endsWith("\r\n")).toBe(true);
    expect(text.replaceAll("\r\n", "").includes("\r")).toBe(false);
    const records = text.slice(1).split("\r\n");
    expect(records[0]).toBe(";;;;Приложение");
  });

  it("reads like the sheet: the appendix top right, the title, the text, then the table", () => {
    const lines = decode(toCsv(roadmap)).slice(1).split("\r\n");
    expect(lines.slice(0, 6)).toEqual([
      ";;;;Приложение",
      ";;;;к приказу начальника управления образования администрации муниципального образования Славянский район",
      ";;;;от 21.01.2022 № 156",
      ";;;;",
      "Дорожная карта по методическому сопровождению ШНОР на 2022 год;;;;",
      ";;;;",
    ]);
    // The preamble's title is not printed (its text carries its own numbers); lists get «–», links their address.
    expect(lines.slice(6, 12)).toEqual([
      "1. Цели работы со ШНОР:;;;;",
      '"– повышение качества образования;";;;;',
      "– сетевое взаимодействие;;;;",
      "Основания;;;;",
      "См. сайт (https://example.ru) и курсив;;;;",
      "Год;Школ;;;",
    ]);
    expect(lines).toContain("Содержание работы по методическому сопровождению;;;;");
    const header = lines.indexOf(
      "№;Показатели;Документ;Сроки и периодичность проведения мероприятий;Ответственные за сбор и обработку информации",
    );
    expect(header).toBeGreaterThan(0);
    expect(lines[header + 1]).toBe(
      "1;Разработка и утверждение муниципальной Дорожной карты;Дорожная карта;Январь 2022 г.;О.В. Плесецкая - директор МКУО КМЦ",
    );
    // `;`, quotes and line breaks are quoted; quotes doubled.
    expect(lines[header + 2]).toBe('2;"Семинары; вебинары «500+»";"Приказ УО\nПлан работы МНЦ";26.01.2022;');
  });

  it("writes numbers with a decimal comma, shares as «18,8%», dates as ДД.ММ.ГГГГ, yes/no as «да»/«нет», the total row", () => {
    const lines = decode(toCsv(deficits)).slice(1).split("\r\n");
    expect(lines[4]).toBe("Мониторинг предметных дефицитов педагогов;;;;;;;;;");
    const header = lines.findIndex((l) => l.startsWith("Предмет;"));
    expect(lines[header + 1]).toBe("химия;16;3;4;7;2;18,8%;15.10.2021;12,5;да");
    // A text that a spreadsheet would run as a formula is written with an apostrophe.
    expect(lines[header + 2]).toBe(`"'=HYPERLINK(""http://x"")";32;6;14;11;1;18,8%;;;нет`);
    expect(lines[header + 3]).toBe("Всего:;48;9;18;18;3;18,8%;;;");
  });

  it("puts several tables one after another, each with its title, an empty line between", () => {
    const [table] = deficits.tables;
    if (!table) throw new Error("no table");
    const two = { ...deficits, tables: [table, { ...table, id: "second", title: "Вторая таблица" }] };
    const lines = decode(toCsv(two)).slice(1).split("\r\n");
    const second = lines.indexOf("Вторая таблица;;;;;;;;;");
    expect(second).toBeGreaterThan(0);
    expect(lines[second - 1]).toBe(";;;;;;;;;");
    expect(lines[second - 2]).toBe("Всего:;48;9;18;18;3;18,8%;;;");
    expect(lines[second + 1]?.startsWith("Предмет;")).toBe(true);
  });
});
