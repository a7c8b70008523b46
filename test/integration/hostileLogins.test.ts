import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authed, login } from "../support/clients.ts";
import { type Answer, closeConnections, loginFrom, postTogether } from "../support/fromAddress.ts";
import { type ServerProcess, startServerProcess } from "../support/serverProcess.ts";

interface Entry {
  id: number;
  action: string;
  subject: string;
  details: string;
  count: number;
  lastAt: string;
}

const statuses = (answers: readonly Answer[]) =>
  answers.reduce<Record<string, number>>((counts, a) => {
    const key = `${a.status} ${a.body.error}`;
    counts[key] = (counts[key] ?? 0) + 1;
    return counts;
  }, {});

const retryAfter = (answer: Answer) => Number(answer.headers["retry-after"]);

/**
 * Password guessing from several sources. Every loopback address is this
 * machine, so 127.0.0.2, 127.0.0.3, … are different sources to the server.
 */
describe("hostile logins", () => {
  let server: ServerProcess;
  beforeAll(async () => {
    server = await startServerProcess();
  });
  afterAll(async () => {
    closeConnections();
    await server.stop();
  });

  it("does not lock the victim out when a stranger guesses their password; the stranger gets 429", async () => {
    const guesses: Answer[] = [];
    for (let i = 0; i < 30; i++) guesses.push(await loginFrom("127.0.0.2", server.httpUrl, "methodist", `guess-${i}`));
    expect(statuses(guesses)).toEqual({ "401 wrong-credentials": 5, "429 throttled": 25 });
    // Before: 429 here too, for 15 minutes.
    expect((await loginFrom("127.0.0.3", server.httpUrl, "methodist", "demo")).status).toBe(200);
    const refused = guesses.at(-1) as Answer;
    expect(retryAfter(refused)).toBeGreaterThan(0);
    expect(retryAfter(refused)).toBeLessThanOrEqual(900);
    expect(refused.body.message).toMatch(/Слишком много неудачных попыток входа с этого адреса/);
    // From the guessing address even the right password waits.
    expect((await loginFrom("127.0.0.2", server.httpUrl, "methodist", "demo")).status).toBe(429);
  });

  it("locks a source that guesses across many logins after twenty failures, for every login", async () => {
    const logins = [
      "coordinator",
      "curator",
      "school5",
      "viewer",
      ...Array.from({ length: 16 }, (_, i) => `nobody-${i}`),
    ];
    const guesses: Answer[] = [];
    for (const name of logins) guesses.push(await loginFrom("127.0.0.4", server.httpUrl, name, "123456"));
    expect(statuses(guesses)).toEqual({ "401 wrong-credentials": 20 });
    // Before: 200 (and guessing went on: 196 guesses over 49 logins without a 429).
    const locked = await loginFrom("127.0.0.4", server.httpUrl, "viewer", "demo");
    expect(locked.status).toBe(429);
    expect(retryAfter(locked)).toBeGreaterThan(0);
    expect((await loginFrom("127.0.0.5", server.httpUrl, "viewer", "demo")).status).toBe(200);
  });

  it("refuses at once all but one of 32 parallel guesses from one source; a real login meanwhile succeeds", async () => {
    const guesses = Array.from({ length: 32 }, (_, i) => ({
      from: "127.0.0.6",
      body: { login: "curator", password: `p-${i}` },
    }));
    const flood = postTogether(`${server.httpUrl}/api/session`, guesses);
    const real = loginFrom("127.0.0.7", server.httpUrl, "school5", "demo");
    const answers = await flood;
    expect(statuses(answers)).toEqual({ "401 wrong-credentials": 1, "429 login-in-progress": 31 });
    const refused = answers.find((a) => a.status === 429) as Answer;
    expect(retryAfter(refused)).toBeGreaterThan(0);
    expect(refused.body.message).toMatch(/С этого адреса уже выполняется вход/);
    expect((await real).status).toBe(200);
  });

  it("refuses at once, with 503 and Retry-After, the password checks beyond the gate's queue", async () => {
    // 40 sources at once: two checks run, sixteen wait their turn, the rest are not queued at all.
    const guesses = Array.from({ length: 40 }, (_, i) => ({
      from: `127.0.1.${i + 1}`,
      body: { login: "viewer", password: `q-${i}` },
    }));
    const answers = await postTogether(`${server.httpUrl}/api/session`, guesses);
    const counts = statuses(answers);
    expect(Object.keys(counts).sort()).toEqual(["401 wrong-credentials", "503 server-busy"]);
    // At most 2 + 16 were checked; more only if some finished before the last arrived.
    expect(counts["401 wrong-credentials"]).toBeGreaterThanOrEqual(18);
    const busy = answers.find((a) => a.status === 503) as Answer;
    expect(retryAfter(busy)).toBeGreaterThan(0);
    expect(busy.body.message).toMatch(/Сервер сейчас проверяет слишком много паролей/);
    expect((await loginFrom("127.0.0.7", server.httpUrl, "viewer", "demo")).status).toBe(200);
  });
});

/** Floods of failed logins cannot drown the journal; the journal is read a page at a time. */
describe("the audit log under a flood", () => {
  let server: ServerProcess;
  let coordinator: string;
  beforeAll(async () => {
    server = await startServerProcess();
    coordinator = await login(server.httpUrl, "coordinator");
  });
  afterAll(async () => {
    closeConnections();
    await server.stop();
  });

  const api = (path: string, init: RequestInit = {}) => fetch(`${server.httpUrl}${path}`, authed(coordinator, init));
  const audit = async (query: string) => {
    const res = await api(`/api/audit${query}`);
    expect(res.status).toBe(200);
    return (await res.json()) as Entry[];
  };
  const grantViewer = async (organisationId: string) => {
    const res = await api("/api/people/demo-school5/roles", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ role: "viewer", organisationId }),
    });
    expect(res.status).toBe(200);
  };

  it("counts 1,100 failed and throttled logins on a handful of entries; role grants stay on the first page", async () => {
    await grantViewer("slav-sosh-5");
    // Three sources, each guessing in turn at a few logins of the district: failures, then throttling.
    const plan: [string, string[], number][] = [
      ["127.0.0.8", ["methodist", "viewer", "school5"], 367],
      ["127.0.0.9", ["methodist", "curator"], 367],
      ["127.0.0.10", ["methodist", "viewer", "school5", "curator", "coordinator"], 366],
    ];
    const answers = (
      await Promise.all(
        plan.map(async ([source, logins, attempts]) => {
          const mine: Answer[] = [];
          for (let i = 0; i < attempts; i++) {
            mine.push(await loginFrom(source, server.httpUrl, logins[i % logins.length] as string, `wrong-${i}`));
          }
          return mine;
        }),
      )
    ).flat();
    expect(answers).toHaveLength(1_100);
    expect(answers.filter((a) => a.status === 429).length).toBeGreaterThan(1_000);
    await grantViewer("slavyansky-rayon");

    const first = await audit("");
    const grants = first.filter((e) => e.action === "role-granted" && e.subject === "school5");
    // Before: the grant made before the flood was 1,100 rows down, off the first page.
    expect(grants).toHaveLength(2);
    const flood = first.filter((e) => e.action === "login-failed");
    expect(flood.length).toBeLessThan(30);
    expect(flood.reduce((sum, e) => sum + e.count, 0)).toBe(1_100);
    expect(flood.find((e) => e.count > 1)?.lastAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(first.filter((e) => e.action !== "login-failed").every((e) => e.count === 1)).toBe(true);
  }, 120_000);

  it("pages the journal with ?before=: older entries, no overlap", async () => {
    // Entries enough for two pages, whatever ran before.
    for (let i = 0; i < 14; i++) await grantViewer("slav-sosh-5");
    const whole = await audit("?limit=14");
    expect(whole).toHaveLength(14);
    const page1 = await audit("?limit=7");
    const page2 = await audit(`?limit=7&before=${page1.at(-1)?.id}`);
    expect(page2.every((e) => e.id < (page1.at(-1)?.id ?? 0))).toBe(true);
    expect([...page1, ...page2].map((e) => e.id)).toEqual(whole.map((e) => e.id));
    expect((await audit(`?before=${whole.at(-1)?.id}&limit=1000`)).every((e) => e.id < (whole.at(-1)?.id ?? 0))).toBe(
      true,
    );
    for (const before of ["0", "-1", "x", "1.5"]) expect((await api(`/api/audit?before=${before}`)).status).toBe(400);
  });
});

/**
 * Behind a load balancer every request comes from it: with TRUST_PROXY naming
 * it, failures count against the address it forwarded; a peer that is not
 * the proxy cannot choose its source by writing the header itself.
 */
describe("logins behind a trusted proxy (TRUST_PROXY)", () => {
  const PROXY = "127.0.0.20";
  let server: ServerProcess;
  beforeAll(async () => {
    server = await startServerProcess({ env: { TRUST_PROXY: PROXY } });
  });
  afterAll(async () => {
    closeConnections();
    await server.stop();
  });

  it("counts failures against the forwarded address, not against the proxy", async () => {
    const guesses: Answer[] = [];
    for (let i = 0; i < 6; i++)
      guesses.push(await loginFrom(PROXY, server.httpUrl, "curator", `guess-${i}`, "198.51.100.1"));
    expect(statuses(guesses)).toEqual({ "401 wrong-credentials": 5, "429 throttled": 1 });
    // Another person behind the same proxy signs in; before TRUST_PROXY they shared the guesser's count.
    expect((await loginFrom(PROXY, server.httpUrl, "curator", "demo", "198.51.100.2")).status).toBe(200);
    // A client's own false entry before the one the proxy appended changes nothing.
    expect((await loginFrom(PROXY, server.httpUrl, "curator", "demo", "198.51.100.2, 198.51.100.1")).status).toBe(429);
  });

  it("ignores the header from a peer that is not the proxy", async () => {
    const guesses: Answer[] = [];
    for (let i = 0; i < 6; i++)
      guesses.push(await loginFrom("127.0.0.21", server.httpUrl, "viewer", `guess-${i}`, `198.51.100.${10 + i}`));
    expect(statuses(guesses)).toEqual({ "401 wrong-credentials": 5, "429 throttled": 1 });
  });
});
