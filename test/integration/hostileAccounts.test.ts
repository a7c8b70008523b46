import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authed, login, postJson } from "../support/clients.ts";
import { openRawSocket } from "../support/rawSocket.ts";
import { type ServerProcess, startServerProcess } from "../support/serverProcess.ts";

const tokenOf = (path: string) => path.replace("/invite/", "");

/** Taking over an account through old invitation links and surviving tokens; what a 409 says. */
describe("hostile accounts", () => {
  let server: ServerProcess;
  let coordinator: string;
  beforeAll(async () => {
    server = await startServerProcess();
    coordinator = await login(server.httpUrl, "coordinator");
  });
  afterAll(async () => {
    await server.stop();
  });

  const api = (path: string, secret: string, init: RequestInit = {}) =>
    fetch(`${server.httpUrl}${path}`, authed(secret, init));

  /** Invites a school team member of МБОУ СОШ № 5; the person's id and their first link's token. */
  const invite = async (loginName: string): Promise<{ id: string; token: string }> => {
    const res = await api(
      "/api/people",
      coordinator,
      postJson({
        fullName: "Проверка Ссылок Тестовая",
        organisationId: "slav-sosh-5",
        login: loginName,
        role: "school_team",
      }),
    );
    expect(res.status).toBe(201);
    const { person, invitation } = (await res.json()) as { person: { id: string }; invitation: { path: string } };
    return { id: person.id, token: tokenOf(invitation.path) };
  };

  const newLink = async (personId: string): Promise<string> => {
    const res = await api(`/api/people/${personId}/invitation`, coordinator, { method: "POST" });
    expect(res.status).toBe(201);
    return tokenOf(((await res.json()) as { path: string }).path);
  };

  const accept = (token: string, password: string) =>
    fetch(`${server.httpUrl}/api/invitations/${token}`, postJson({ password }));

  it("refuses an earlier invitation link once a newer one was issued, and every link once one was used", async () => {
    const { id, token: first } = await invite("old-link");
    const second = await newLink(id);
    // Before: the first link still answered 200 and set the password after the second was used.
    const replaced = await fetch(`${server.httpUrl}/api/invitations/${first}`);
    expect(replaced.status).toBe(410);
    expect(((await replaced.json()) as { message: string }).message).toMatch(/вместо неё выдана новая/);
    expect((await accept(second, "Пароль-владельца-1")).status).toBe(200);
    const takeover = await accept(first, "Пароль-захватчика-1");
    expect(takeover.status).toBe(410);
    expect(((await takeover.json()) as { message: string }).message).toMatch(/уже использована или вместо неё/);
    expect((await accept(second, "Пароль-захватчика-2")).status).toBe(410);
    // The owner's password is the one that works.
    await login(server.httpUrl, "old-link", "Пароль-владельца-1");
    expect(
      (await fetch(`${server.httpUrl}/api/session`, postJson({ login: "old-link", password: "Пароль-захватчика-1" })))
        .status,
    ).toBe(401);
  });

  it("revokes every API token of the account when a password is set through a link, on HTTP and on open sockets", async () => {
    const { id, token } = await invite("token-holder");
    const accepted = await accept(token, "Первый-пароль-1");
    const session = /karta_session=([^;]+)/.exec(accepted.headers.get("set-cookie") ?? "")?.[1] as string;
    const created = (await (await api("/api/tokens", session, postJson({ name: "скрипт" }))).json()) as {
      token: string;
    };
    const [doc] = (await (await api("/api/documents", created.token)).json()) as { id: string }[];
    const socket = await openRawSocket(server.syncUrl, `${doc?.id}?access_token=${created.token}`);

    // Whoever held the account before (and made a token then) is out once the owner sets a password.
    expect((await accept(await newLink(id), "Второй-пароль-2")).status).toBe(200);
    expect((await api("/api/documents", created.token)).status).toBe(401);
    expect(await socket.closed).toBe(4401);
    expect((await api("/api/documents", session)).status).toBe(401);
  });

  it("answers an invitation with a login in use the same inside and outside the coordinator's scope", async () => {
    const answer = async (loginName: string) => {
      const res = await api(
        "/api/people",
        coordinator,
        postJson({
          fullName: "Двойник Логина Тестовый",
          organisationId: "slav-sosh-5",
          login: loginName,
          role: "school_team",
        }),
      );
      return { status: res.status, body: await res.text() };
    };
    const inside = await answer("methodist");
    const outside = await answer("coordinator-seversky");
    expect(inside.status).toBe(409);
    // Before: «Логин «coordinator-seversky» уже занят.»: the other municipality's login, confirmed.
    expect(outside).toEqual(inside);
    expect(outside.body).not.toMatch(/coordinator-seversky|Северск|Гончаренко|demo-/);
    expect(JSON.parse(outside.body)).toEqual({
      error: "login-taken",
      message: "Этот логин выбрать нельзя. Придумайте другой.",
    });
  });
});
