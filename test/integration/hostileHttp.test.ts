import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { authed, connectClient, login, waitFor } from "../support/clients.ts";
import { handMadeUpdate } from "../support/protocolMessages.ts";
import { openRawSocket } from "../support/rawSocket.ts";
import { type ServerProcess, startServerProcess } from "../support/serverProcess.ts";

interface Listed {
  id: string;
  template: string;
}

interface AuditEntry {
  action: string;
  subject: string;
}

const CROSS_SITE = {
  error: "cross-site",
  message: "Запрос отправлен не со страницы приложения и отклонён. Откройте приложение и повторите действие в нём.",
};

/**
 * What a browser sends on a page of another site, or of another port of the
 * same host (the same *site*, so SameSite=Lax still sends the cookie), and
 * other HTTP a client may get wrong on purpose, against the real server.
 */
describe("HTTP from hostile pages and clients", () => {
  let server: ServerProcess;
  /** A page of this host on another port: what SameSite=Lax does not tell apart. */
  let otherPort: string;
  let ownOrigin: string;
  let coordinator: string;
  beforeAll(async () => {
    server = await startServerProcess();
    const { port } = new URL(server.httpUrl);
    ownOrigin = server.httpUrl;
    otherPort = `http://127.0.0.1:${Number(port) + 1}`;
    coordinator = await login(server.httpUrl, "coordinator");
  });
  afterAll(async () => {
    await server.stop();
  });

  /** A request as the coordinator's browser sends it: the session in the cookie. */
  const asBrowser = (path: string, headers: Record<string, string>, init: RequestInit = {}) =>
    fetch(`${server.httpUrl}${path}`, { ...init, headers: { cookie: `karta_session=${coordinator}`, ...headers } });
  const viewerRoles = async () => {
    const people = (await (await fetch(`${server.httpUrl}/api/people`, authed(coordinator))).json()) as {
      id: string;
      roles: { role: string }[];
    }[];
    return people.find((p) => p.id === "demo-viewer")?.roles.map((r) => r.role);
  };
  const newLinksForViewer = async () => {
    const audit = await fetch(`${server.httpUrl}/api/audit?limit=1000`, authed(coordinator));
    const entries = (await audit.json()) as AuditEntry[];
    return entries.filter((e) => e.action === "person-invited" && e.subject.includes("(viewer)")).length;
  };

  describe("cross-site requests (CSRF)", () => {
    it("refuses a no-cors fetch from another port with a content type that merely contains application/json", async () => {
      const grant = JSON.stringify({ role: "coordinator", organisationId: "slavyansky-rayon" });
      const attack = await asBrowser(
        "/api/people/demo-viewer/roles",
        { origin: otherPort, "sec-fetch-site": "same-site", "content-type": "text/plain; a=application/json" },
        { method: "POST", body: grant },
      );
      expect(attack.status).toBe(403);
      expect(await attack.json()).toEqual(CROSS_SITE);
      expect(await viewerRoles()).toEqual(["viewer"]);

      // And the content type alone is no JSON, whoever sends it.
      for (const type of ["text/plain; a=application/json", "application/json; charset=latin1", "application/jsonx"]) {
        const scripted = await fetch(
          `${server.httpUrl}/api/people/demo-viewer/roles`,
          authed(coordinator, { method: "POST", headers: { "content-type": type }, body: grant }),
        );
        expect(scripted.status, type).toBe(415);
        expect(((await scripted.json()) as { message: string }).message).toBe("Ожидается тело запроса в формате JSON.");
      }
      expect(await viewerRoles()).toEqual(["viewer"]);
    });

    it("refuses a form post from another port to the invitation route (which reads no body): no new link", async () => {
      const before = await newLinksForViewer();
      const attack = await asBrowser(
        "/api/people/demo-viewer/invitation",
        { origin: otherPort, "content-type": "application/x-www-form-urlencoded" },
        { method: "POST", body: "x=1" },
      );
      expect(attack.status).toBe(403);
      expect(await attack.json()).toEqual(CROSS_SITE);
      expect(await newLinksForViewer()).toBe(before);
    });

    it("refuses a null Origin, and Sec-Fetch-Site: cross-site or same-site without an Origin", async () => {
      const refused: Record<string, string>[] = [
        { origin: "null" },
        { "sec-fetch-site": "cross-site" },
        { "sec-fetch-site": "same-site" },
      ];
      for (const headers of refused) {
        const attack = await asBrowser("/api/people/demo-viewer/invitation", headers, { method: "POST" });
        expect(attack.status, JSON.stringify(headers)).toBe(403);
        expect(await attack.json()).toEqual(CROSS_SITE);
      }
      const logout = await asBrowser("/api/session", { "sec-fetch-site": "cross-site" }, { method: "DELETE" });
      expect(logout.status).toBe(403);
      expect((await asBrowser("/api/session", {})).status).toBe(200);
    });

    it("accepts the app's own requests: same-origin JSON, and a GET from anywhere", async () => {
      const own = { origin: ownOrigin, "sec-fetch-site": "same-origin" };
      const signIn = await fetch(`${server.httpUrl}/api/session`, {
        method: "POST",
        headers: { ...own, "content-type": "application/json; charset=UTF-8" },
        body: JSON.stringify({ login: "viewer", password: "demo" }),
      });
      expect(signIn.status).toBe(200);
      const token = await asBrowser(
        "/api/tokens",
        { ...own, "content-type": "application/json" },
        { method: "POST", body: JSON.stringify({ name: "со страницы приложения" }) },
      );
      expect(token.status).toBe(201);
      const { id } = (await token.json()) as { id: string };
      expect((await asBrowser(`/api/tokens/${id}`, own, { method: "DELETE" })).status).toBe(204);
      expect((await asBrowser("/api/session", { origin: otherPort, "sec-fetch-site": "same-site" })).status).toBe(200);
    });

    it("accepts a script's requests, which send neither Origin nor Sec-Fetch-Site", async () => {
      const before = await newLinksForViewer();
      const link = await fetch(
        `${server.httpUrl}/api/people/demo-viewer/invitation`,
        authed(coordinator, { method: "POST" }),
      );
      expect(link.status).toBe(201);
      expect(await newLinksForViewer()).toBe(before + 1);
    });
  });

  describe("broken percent-encoding", () => {
    it("answers 400 to an API path that is not valid percent-encoding, and logs no failure", async () => {
      const res = await fetch(`${server.httpUrl}/api/documents/%E0%A4%A`, authed(coordinator));
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error: string }).error).toBe("bad-request");
      expect(server.output()).not.toContain("request failed");
    });

    it("answers 400 to a session cookie that is not valid percent-encoding, clearing it", async () => {
      const res = await fetch(`${server.httpUrl}/api/session`, { headers: { cookie: "karta_session=%E0%A4%A" } });
      expect(res.status).toBe(400);
      expect(await res.json()).toEqual({
        error: "bad-request",
        message: "Файл cookie сеанса повреждён. Войдите в систему заново.",
      });
      expect(res.headers.get("set-cookie")).toMatch(/^karta_session=; .*Max-Age=0/);
      expect(server.output()).not.toContain("request failed");
    });

    it("refuses a websocket with such a cookie as not signed in, and logs no failure", async () => {
      const docs = (await (await fetch(`${server.httpUrl}/api/documents`, authed(coordinator))).json()) as Listed[];
      const raw = await openRawSocket(server.syncUrl, docs[0]?.id as string, undefined, {
        cookie: "karta_session=%E0%A4%A",
      });
      expect(await raw.closed).toBe(4401);
      expect(raw.received).toEqual([]);
      expect(server.output()).not.toMatch(/authorising a websocket failed|request failed/);
      expect(server.child.exitCode).toBeNull();
    });
  });

  describe("security headers", () => {
    const expectSecurityHeaders = (res: Response, what: string) => {
      expect(res.headers.get("x-frame-options"), what).toBe("DENY");
      expect(res.headers.get("x-content-type-options"), what).toBe("nosniff");
      expect(res.headers.get("content-security-policy"), what).toMatch(/frame-ancestors 'none'/);
      expect(res.headers.get("referrer-policy"), what).toMatch(/^(same-origin|no-referrer)$/);
    };
    const appPolicy = (res: Response) => res.headers.get("content-security-policy") ?? "";

    it("sends them with API answers: JSON, 204, errors", async () => {
      const health = await fetch(`${server.httpUrl}/api/health`);
      expectSecurityHeaders(health, "GET /api/health");
      expect(appPolicy(health)).toMatch(/default-src 'none'/);
      const token = await fetch(
        `${server.httpUrl}/api/tokens`,
        authed(coordinator, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ name: "заголовки" }),
        }),
      );
      const { id } = (await token.json()) as { id: string };
      const removed = await fetch(`${server.httpUrl}/api/tokens/${id}`, authed(coordinator, { method: "DELETE" }));
      expect(removed.status).toBe(204);
      expectSecurityHeaders(removed, "204");
      const missing = await fetch(`${server.httpUrl}/api/nothing-here`);
      expect(missing.status).toBe(404);
      expectSecurityHeaders(missing, "API 404");
      expectSecurityHeaders(await fetch(`${server.httpUrl}/api/session`), "401");
    });

    it("sends them with the web app's page, its assets and a missing asset", async () => {
      const page = await fetch(`${server.httpUrl}/`);
      expect(page.status).toBe(200);
      expectSecurityHeaders(page, "/");
      expect(page.headers.get("referrer-policy")).toBe("same-origin");
      const policy = appPolicy(page);
      for (const directive of [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: blob:",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ]) {
        expect(policy).toContain(directive);
      }
      const script = /src="(\/assets\/[^"]+\.js)"/.exec(await page.text())?.[1];
      if (!script) throw new Error("index.html loads no script from /assets");
      const asset = await fetch(`${server.httpUrl}${script}`);
      expect(asset.status).toBe(200);
      expectSecurityHeaders(asset, script);
      const missing = await fetch(`${server.httpUrl}/assets/missing.js`);
      expect(missing.status).toBe(404);
      expectSecurityHeaders(missing, "missing asset");
      // The invitation page carries its secret in the path: no Referer at all from it.
      const invite = await fetch(`${server.httpUrl}/invite/AbCdEfGhIjKlMnOp`);
      expectSecurityHeaders(invite, "/invite/…");
      expect(invite.headers.get("referrer-policy")).toBe("no-referrer");
    });
  });
});

describe("a link mark carrying a class, sent by someone who may edit", () => {
  let server: ServerProcess;
  beforeAll(async () => {
    server = await startServerProcess();
  });
  afterAll(async () => {
    await server.stop();
  });

  const linkInPreamble = (text: string, link: Record<string, unknown>) =>
    handMadeUpdate((d) => {
      const paragraph = new Y.XmlElement("paragraph");
      const run = new Y.XmlText();
      run.insert(0, text, { link } as never);
      paragraph.insert(0, [run]);
      d.getXmlFragment("section:preamble").insert(0, [paragraph]);
    });

  it("is closed 4400 and not stored, while a plain link is", async () => {
    const methodist = await login(server.httpUrl, "methodist");
    const docs = (await (await fetch(`${server.httpUrl}/api/documents`, authed(methodist))).json()) as Listed[];
    const docId = docs.find((d) => d.template === "municipal-roadmap")?.id as string;

    const hostile = await openRawSocket(server.syncUrl, docId, methodist);
    hostile.ws.send(linkInPreamble("подложная ссылка", { href: "https://example.ru", class: "overlay" }));
    expect(await hostile.closed).toBe(4400);

    const honest = await openRawSocket(server.syncUrl, docId, methodist);
    honest.ws.send(linkInPreamble("честная ссылка", { href: "https://example.ru" }));
    const reader = await connectClient(server.syncUrl, docId, methodist);
    const preamble = () => reader.ydoc.getXmlFragment("section:preamble").toString();
    await waitFor(() => preamble().includes("честная ссылка"), "the plain link stored");
    expect(preamble()).not.toContain("подложная ссылка");
    expect(preamble()).not.toContain("overlay");
    expect(honest.ws.readyState).toBe(honest.ws.OPEN);
    reader.destroy();
    honest.ws.close();
  });
});
