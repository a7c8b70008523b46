import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config.ts";

describe("loadConfig", () => {
  it("uses defaults for an empty environment", () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(8080);
    expect(config.DATA_DIR).toBe("./data");
    expect(config.DEMO_DATA).toBe(true);
  });

  it("reads values and flags", () => {
    const config = loadConfig({ PORT: "9000", DEMO_DATA: "0", LOG_LEVEL: "warn" });
    expect(config).toMatchObject({ PORT: 9000, DEMO_DATA: false, LOG_LEVEL: "warn" });
  });

  it("names every bad value with what was expected", () => {
    const attempt = () => loadConfig({ PORT: "eighty", DEMO_DATA: "maybe" });
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(/PORT="eighty": expected a port number/);
    expect(attempt).toThrow(/DEMO_DATA="maybe"/);
  });

  it("reads an optional PostgreSQL URL, and refuses anything else", () => {
    expect(loadConfig({}).DATABASE_URL).toBeUndefined();
    const url = "postgres://karta:secret@db.example:5432/karta";
    expect(loadConfig({ DATABASE_URL: url }).DATABASE_URL).toBe(url);
    expect(loadConfig({ DATABASE_URL: "postgresql://db/karta" }).DATABASE_URL).toBe("postgresql://db/karta");
    expect(() => loadConfig({ DATABASE_URL: "mysql://db/karta" })).toThrow(/DATABASE_URL=.*expected a postgres/);
  });

  it("refuses a port out of range", () => {
    expect(() => loadConfig({ PORT: "70000" })).toThrow(/PORT="70000"/);
  });

  it("reads the trusted proxies' addresses, and refuses what is not an address", () => {
    expect(loadConfig({}).TRUST_PROXY).toEqual([]);
    expect(loadConfig({ TRUST_PROXY: "127.0.0.1, ::1" }).TRUST_PROXY).toEqual(["127.0.0.1", "::1"]);
    expect(() => loadConfig({ TRUST_PROXY: "127.0.0.1,localhost" })).toThrow(/TRUST_PROXY=.*expected IP addresses/);
  });
});
