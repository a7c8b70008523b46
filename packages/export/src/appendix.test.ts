import { describe, expect, it } from "vitest";
import {
  appendixAuthority,
  appendixLines,
  asciiFileName,
  contentDisposition,
  exportFileName,
  orderLine,
  russianDate,
} from "./appendix.ts";

describe("the appendix block", () => {
  it("says whose order it is and which, in the seed's words (seed 002)", () => {
    const authority = appendixAuthority({ kind: "municipality", name: "Славянский район" });
    const lines = appendixLines({ authority, order: { number: "156", date: "2022-01-21" } });
    expect(lines).toEqual([
      "Приложение",
      "к приказу начальника управления образования администрации муниципального образования Славянский район",
      "от 21.01.2022 № 156",
    ]);
    // The seed prints the block on seven narrow lines; the words are the same.
    expect(lines.join(" ")).toBe(
      "Приложение к приказу начальника управления образования администрации муниципального образования Славянский район от 21.01.2022 № 156",
    );
  });

  it("leaves blanks to fill by hand while there is no order", () => {
    expect(orderLine(null)).toBe("от ______ № ____");
    expect(appendixLines({ authority: "директора МБОУ СОШ № 5", order: null })).toEqual([
      "Приложение",
      "к приказу директора МБОУ СОШ № 5",
      "от ______ № ____",
    ]);
  });

  it("names a school's director for a school's documents", () => {
    expect(appendixAuthority({ kind: "school", name: " МБОУ СОШ № 5 " })).toBe("директора МБОУ СОШ № 5");
  });

  it("writes ISO dates as ДД.ММ.ГГГГ", () => {
    expect(russianDate("2022-01-21")).toBe("21.01.2022");
    expect(russianDate("январь 2022")).toBe("январь 2022");
  });
});

describe("the download's file name", () => {
  it("is the title with the year, safe characters only", () => {
    expect(exportFileName("Дорожная карта по методическому сопровождению ШНОР", 2022, "xlsx")).toBe(
      "Дорожная карта по методическому сопровождению ШНОР 2022.xlsx",
    );
    expect(exportFileName("Дорожная карта … на 2022 год", 2022, "pdf")).toBe("Дорожная карта на 2022 год.pdf");
    expect(exportFileName('Программа МБОУ СОШ № 5: «цели»/задачи?*<>|"\\', 2023, "docx")).toBe(
      "Программа МБОУ СОШ N 5 цели задачи 2023.docx",
    );
    expect(exportFileName("../../etc/passwd", null, "csv")).toBe("etc passwd.csv");
    expect(exportFileName("  ", null, "csv")).toBe("document.csv");
    expect(exportFileName("а".repeat(300), 2022, "csv")).toHaveLength(120 + ".csv".length);
  });

  it("goes in Content-Disposition in ASCII and, percent-encoded, in UTF-8 (RFC 6266)", () => {
    const name = "Дорожная карта (ШНОР) 2022.xlsx";
    expect(asciiFileName(name)).toBe("Dorozhnaya karta (ShNOR) 2022.xlsx");
    const header = contentDisposition(name);
    expect(header).toBe(
      `attachment; filename="Dorozhnaya karta (ShNOR) 2022.xlsx"; filename*=UTF-8''${encodeURIComponent("Дорожная карта ")}%28${encodeURIComponent("ШНОР")}%29%202022.xlsx`,
    );
    expect(header).toMatch(/^[\x20-\x7e]+$/);
    expect(decodeURIComponent(header.split("UTF-8''")[1] ?? "")).toBe(name);
  });
});
