import type { AuditEntry } from "@karta/schema";
import { describe, expect, it } from "vitest";
import { auditDetails, auditRow } from "./auditText.ts";

const entry = (action: AuditEntry["action"], details: string, subject = "x"): AuditEntry => ({
  id: 1,
  at: "2026-01-01T10:00:00Z",
  action,
  actorId: "u",
  actorName: "Руденко Ольга Викторовна",
  subject,
  details,
  count: 1,
  lastAt: "2026-01-01T10:00:00Z",
});

describe("audit entries in Russian", () => {
  it("names the action", () => {
    expect(auditRow(entry("role-granted", "")).action).toBe("назначена роль");
    expect(auditRow(entry("login-failed", "")).action).toBe("неудачный вход");
  });

  it("says what went wrong with a login and from which address", () => {
    expect(auditDetails(entry("login-failed", "wrong password from 127.0.0.2"))).toBe(
      "неверный пароль, адрес 127.0.0.2",
    );
    expect(auditDetails(entry("login-failed", "throttled from 2001:db8:0:0::/64"))).toBe(
      "слишком много попыток, адрес 2001:db8:0:0::/64",
    );
    expect(auditDetails(entry("login-failed", "source throttled", "127.0.0.2"))).toBe(
      "слишком много неудачных попыток с этого адреса",
    );
    expect(auditDetails(entry("login", "from 127.0.0.1"))).toBe("адрес 127.0.0.1");
    expect(auditDetails(entry("login-failed", "wrong password"))).toBe("неверный пароль");
  });

  it("says which role where", () => {
    expect(auditDetails(entry("role-granted", "curator @ Славянский район"))).toBe("куратор — Славянский район");
    expect(auditDetails(entry("role-revoked", "school_team @ МБОУ СОШ № 5"))).toBe(
      "управленческая команда школы — МБОУ СОШ № 5",
    );
  });

  it("says a school's status by year", () => {
    expect(auditDetails(entry("school-status-set", "2022: shnor"))).toBe("2022: ШНОР");
    expect(auditDetails(entry("school-status-set", "2023: postProject"))).toBe("2023: постпроектное сопровождение");
    expect(auditDetails(entry("school-status-set", "2024: —"))).toBe("2024: —");
  });

  it("reads a school's changes", () => {
    expect(auditDetails(entry("school-updated", '{"schoolType":"ООШ"}'))).toBe("тип: ООШ");
  });

  it("links a created document and counts a year's documents", () => {
    const created = auditRow(entry("document-created", "AbCdEf123456"));
    expect(created.details).toBe("");
    expect(created.documentId).toBe("AbCdEf123456");
    expect(auditDetails(entry("document-created", "11 documents of the year"))).toBe("создано документов: 11");
  });

  it("translates known reasons and keeps the unknown as they are", () => {
    expect(auditDetails(entry("login-failed", "wrong password"))).toBe("неверный пароль");
    expect(auditDetails(entry("access-refused", "update refused: read-only"))).toBe(
      "изменение отклонено: только чтение",
    );
    expect(auditDetails(entry("curator-assigned", "МБОУ СОШ № 5, МБОУ ООШ № 7"))).toBe("МБОУ СОШ № 5, МБОУ ООШ № 7");
  });
});
