import { MAX_MENTIONS } from "@karta/doc";
import { describe, expect, it } from "vitest";
import { insertMention, matchPeople, mentionedIds, mentionQueryAt, mentionText, splitMentions } from "./mentions.ts";

const kravets = { id: "acc-kravets", fullName: "Кравец Андрей Петрович" };
const lysenko = { id: "acc-lysenko", fullName: "Лысенко Марина Ивановна" };
const semenova = { id: "acc-semenova", fullName: "Семёнова Анна" };
const people = [kravets, lysenko, semenova];

describe("mentions", () => {
  it("writes a mention as «@Фамилия Имя»", () => {
    expect(mentionText(kravets)).toBe("@Кравец Андрей");
    expect(mentionText({ fullName: "  Орлов   Дмитрий Алексеевич " })).toBe("@Орлов Дмитрий");
  });

  it("finds the «@…» being typed at the caret, not inside an address or after a line break", () => {
    expect(mentionQueryAt("Прошу @Кра", 10)).toEqual({ start: 6, query: "Кра" });
    expect(mentionQueryAt("@", 1)).toEqual({ start: 0, query: "" });
    expect(mentionQueryAt("(@Лыс", 5)).toEqual({ start: 1, query: "Лыс" });
    expect(mentionQueryAt("@Кравец Ан", 10)).toEqual({ start: 0, query: "Кравец Ан" });
    expect(mentionQueryAt("mail@school.ru", 14)).toBeNull();
    expect(mentionQueryAt("@Кравец Андрей Пе", 17)).toBeNull();
    expect(mentionQueryAt("@Кра\nвец", 8)).toBeNull();
    expect(mentionQueryAt("@ Кра", 5)).toBeNull();
    expect(mentionQueryAt("без упоминаний", 5)).toBeNull();
  });

  it("matches people by the start of their names, ignoring case and ё", () => {
    expect(matchPeople(people, "")).toEqual(people);
    expect(matchPeople(people, "кра")).toEqual([kravets]);
    expect(matchPeople(people, "мар")).toEqual([lysenko]);
    expect(matchPeople(people, "семе")).toEqual([semenova]);
    expect(matchPeople(people, "Кравец Ан")).toEqual([kravets]);
    expect(matchPeople(people, "ец")).toEqual([]);
  });

  it("puts the picked person in place of what was typed, caret after it", () => {
    expect(insertMention("Прошу @кра проверить", 6, 10, kravets)).toEqual({
      text: "Прошу @Кравец Андрей проверить",
      caret: 21,
    });
    expect(insertMention("@", 0, 1, lysenko)).toEqual({ text: "@Лысенко Марина ", caret: 16 });
  });

  it("records only the picked people still named in the text, once each", () => {
    const text = "@Кравец Андрей и @Лысенко Марина, посмотрите. @Кравец Андрей!";
    expect(mentionedIds(text, [kravets, lysenko, semenova, kravets])).toEqual([kravets.id, lysenko.id]);
    expect(mentionedIds("@Кравец Андрейка", [kravets])).toEqual([]);
    const many = Array.from({ length: MAX_MENTIONS + 3 }, (_, i) => ({ id: `p${i}`, fullName: `Фамилия${i} Имя` }));
    expect(mentionedIds(many.map(mentionText).join(" "), many)).toHaveLength(MAX_MENTIONS);
  });

  it("cuts a text into plain runs and mentions", () => {
    expect(splitMentions("Прошу @Кравец Андрей проверить", people)).toEqual([
      { kind: "text", text: "Прошу " },
      { kind: "mention", text: "@Кравец Андрей" },
      { kind: "text", text: " проверить" },
    ]);
    expect(splitMentions("a@b", people)).toEqual([{ kind: "text", text: "a@b" }]);
  });
});
