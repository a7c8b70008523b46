import { describe, expect, it } from "vitest";
import { shellRoute } from "./shellRoute.ts";

const origin = "https://karta.example.ru";
const route = (path: string, method = "GET", mode = "cors") => shellRoute(new URL(path, origin), origin, method, mode);

describe("shellRoute", () => {
  it("leaves the API, the sync socket, writes and other sites to the network", () => {
    expect(route("/api/documents")).toBe("network");
    expect(route("/api")).toBe("network");
    expect(route("/sync/abc")).toBe("network");
    expect(route("/assets/index-1.js", "POST")).toBe("network");
    expect(shellRoute(new URL("https://cdn.example.com/x.js"), origin, "GET", "cors")).toBe("network");
  });

  it("answers navigations with the app and build files from the cache", () => {
    expect(route("/documents/abc", "GET", "navigate")).toBe("page");
    expect(route("/", "GET", "navigate")).toBe("page");
    expect(route("/assets/index-1.js")).toBe("asset");
    expect(route("/favicon.svg")).toBe("asset");
  });

  it("does not take a page whose path merely starts like the API", () => {
    expect(route("/apis-guide", "GET", "navigate")).toBe("page");
  });
});
