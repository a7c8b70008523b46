/**
 * Credentials for the bench's clients, as real people would hold them: the
 * server allows 256 sockets per account and 64 per session or token, so each
 * client gets a token of its own, spread over enough editor accounts of the
 * demo municipality (the demo methodist and coordinator, then methodists the
 * coordinator invites).
 */

/** Clients per account: under the server's MAX_SOCKETS_PER_ACCOUNT (256). */
const CLIENTS_PER_ACCOUNT = 250;

const base = (port: number) => `http://127.0.0.1:${port}`;

async function call(port: number, path: string, secret: string | null, body?: unknown): Promise<Response> {
  const response = await fetch(`${base(port)}${path}`, {
    method: body === undefined ? "GET" : "POST",
    headers: {
      ...(body === undefined ? {} : { "content-type": "application/json" }),
      ...(secret ? { authorization: `Bearer ${secret}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (response.status >= 300) throw new Error(`${path} answered ${response.status}: ${await response.text()}`);
  return response;
}

const sessionOf = (response: Response): string => {
  const secret = /karta_session=([^;]+)/.exec(response.headers.get("set-cookie") ?? "")?.[1];
  if (!secret) throw new Error("no session cookie");
  return decodeURIComponent(secret);
};

/** Signs in a demo account (password `demo`); the session secret. */
export async function signIn(port: number, login: string): Promise<string> {
  return sessionOf(await call(port, "/api/session", null, { login, password: "demo" }));
}

/** One token per client, `count` in all, of editor accounts of the demo municipality. */
export async function editorTokens(port: number, count: number): Promise<string[]> {
  const coordinator = await signIn(port, "coordinator");
  const sessions = [await signIn(port, "methodist"), coordinator];
  const { user } = (await (await call(port, "/api/session", coordinator)).json()) as {
    user: { organisationId: string };
  };
  for (let n = sessions.length; n * CLIENTS_PER_ACCOUNT < count; n++) {
    const invited = (await (
      await call(port, "/api/people", coordinator, {
        fullName: `Нагрузочный Методист ${n}`,
        organisationId: user.organisationId,
        login: `bench-methodist-${n}`,
        role: "methodist",
      })
    ).json()) as { invitation: { path: string } };
    const token = invited.invitation.path.replace("/invite/", "");
    sessions.push(sessionOf(await call(port, `/api/invitations/${token}`, null, { password: "bench-password" })));
  }
  const tokens: string[] = [];
  for (let i = 0; i < count; i++) {
    const session = sessions[Math.floor(i / CLIENTS_PER_ACCOUNT)] as string;
    const created = await call(port, "/api/tokens", session, { name: `bench ${i}` });
    tokens.push(((await created.json()) as { token: string }).token);
  }
  return tokens;
}
