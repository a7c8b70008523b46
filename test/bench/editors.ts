/**
 * Credentials for the bench's clients on the Karta server, made as a real
 * deployment makes them, since the bench starts the server with DEMO_DATA=0:
 * the administrator's command (`server/dist/admin.js create-coordinator`) makes
 * a coordinator of a bench municipality, who sets a password through the
 * invitation link, invites methodists (editors of the municipality's
 * documents) over the HTTP API, and every account makes API tokens. The server
 * allows 64 sockets per session or token and 256 per account, so each client
 * gets a token of its own and each account serves at most 250 clients.
 */
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";

/** Clients per account: under the server's MAX_SOCKETS_PER_ACCOUNT (256). */
const CLIENTS_PER_ACCOUNT = 250;
/** Token requests in flight at once: a 10,000-connection ramp needs 10,000 tokens. */
const TOKEN_CONCURRENCY = 8;
const PASSWORD = "bench-password-not-secret";

async function call(port: number, route: string, secret: string | null, body?: unknown): Promise<Response> {
  const response = await fetch(`http://127.0.0.1:${port}${route}`, {
    method: body === undefined ? "GET" : "POST",
    headers: {
      ...(body === undefined ? {} : { "content-type": "application/json" }),
      ...(secret ? { authorization: `Bearer ${secret}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (response.status >= 300) throw new Error(`${route} answered ${response.status}: ${await response.text()}`);
  return response;
}

/** Sets the password of an invited account; its session secret. */
async function acceptInvitation(port: number, invitationPath: string): Promise<string> {
  const secret = invitationPath.replace(/^.*\/invite\//, "");
  const response = await call(port, `/api/invitations/${secret}`, null, { password: PASSWORD });
  const session = /karta_session=([^;]+)/.exec(response.headers.get("set-cookie") ?? "")?.[1];
  if (!session) throw new Error("accepting the invitation gave no session cookie");
  return decodeURIComponent(session);
}

export class Editors {
  /** One session per account, the coordinator's first. */
  private readonly sessions: string[];
  private issued = 0;

  private constructor(
    private readonly port: number,
    private readonly organisationId: string,
    coordinator: string,
  ) {
    this.sessions = [coordinator];
  }

  /** The bench municipality's coordinator, made by the admin command on the server's data directory. */
  /** `env`: where the admin command finds the server's storage (DATA_DIR, and DATABASE_URL if any). */
  static async bootstrap(port: number, env: Record<string, string>, adminScript: string): Promise<Editors> {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [
        adminScript,
        "create-coordinator",
        "--login=bench-coordinator",
        "--name=Нагрузочный Координатор",
        "--region=Нагрузочный регион",
        "--municipality=Нагрузочный район",
      ],
      { env: { ...process.env, ...env, LOG_LEVEL: "warn" }, cwd: path.dirname(adminScript) },
    );
    const link = /\S*\/invite\/\S+/.exec(stdout)?.[0];
    if (!link) throw new Error(`the admin command printed no invitation link:\n${stdout}`);
    const coordinator = await acceptInvitation(port, link);
    const { user } = (await (await call(port, "/api/session", coordinator)).json()) as {
      user: { organisationId: string };
    };
    return new Editors(port, user.organisationId, coordinator);
  }

  /** A session that may create documents in the municipality. */
  get coordinator(): string {
    return this.sessions[0] as string;
  }

  /** `count` new tokens, one per client, adding methodist accounts as the clients need them. */
  async tokens(count: number): Promise<string[]> {
    const first = this.issued;
    this.issued += count;
    while (this.sessions.length * CLIENTS_PER_ACCOUNT < this.issued) await this.inviteMethodist();
    const tokens: string[] = new Array(count);
    let next = 0;
    const worker = async () => {
      for (let i = next++; i < count; i = next++) {
        const session = this.sessions[Math.floor((first + i) / CLIENTS_PER_ACCOUNT)] as string;
        const created = await call(this.port, "/api/tokens", session, { name: `bench ${first + i}` });
        tokens[i] = ((await created.json()) as { token: string }).token;
      }
    };
    await Promise.all(Array.from({ length: TOKEN_CONCURRENCY }, worker));
    return tokens;
  }

  private async inviteMethodist(): Promise<void> {
    const n = this.sessions.length;
    const invited = (await (
      await call(this.port, "/api/people", this.coordinator, {
        fullName: `Нагрузочный Методист ${n}`,
        organisationId: this.organisationId,
        login: `bench-methodist-${n}`,
        role: "methodist",
      })
    ).json()) as { invitation: { path: string } };
    this.sessions.push(await acceptInvitation(this.port, invited.invitation.path));
  }
}
