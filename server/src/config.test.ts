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

  it("refuses a port out of range", () => {
    expect(() => loadConfig({ PORT: "70000" })).toThrow(/PORT="70000"/);
  });
});
