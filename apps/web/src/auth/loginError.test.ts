import { describe, expect, it } from "vitest";
import { ApiRequestError } from "../api/http.ts";
import { messages } from "../messages.ts";
import { loginErrorMessage } from "./loginError.ts";

describe("loginErrorMessage", () => {
  it("says the login or password is wrong on 401", () => {
    expect(loginErrorMessage(new ApiRequestError("server", "x", "wrong-credentials", 401))).toBe(
      messages.login.wrongCredentials,
    );
  });

  it("keeps the server's sentence about throttling, which says how long to wait", () => {
    const server = "Слишком много неудачных попыток входа. Попробуйте снова через 15 мин.";
    expect(loginErrorMessage(new ApiRequestError("server", server, "throttled", 429))).toBe(server);
    expect(loginErrorMessage(new ApiRequestError("server", "x", undefined, 429))).toBe(messages.login.throttled);
  });

  it("keeps the server's sentence when a login from this address is under way or the server is busy", () => {
    const inProgress = "С этого адреса уже выполняется вход.";
    expect(loginErrorMessage(new ApiRequestError("server", inProgress, "login-in-progress", 429))).toBe(inProgress);
    const busy = "Сервер сейчас проверяет слишком много паролей.";
    expect(loginErrorMessage(new ApiRequestError("server", busy, "server-busy", 503))).toBe(busy);
  });

  it("says the server cannot be reached", () => {
    expect(loginErrorMessage(new ApiRequestError("unreachable", "x"))).toBe(messages.login.unreachable);
    expect(loginErrorMessage(new ApiRequestError("server", "x", "internal", 500))).toBe(messages.login.unreachable);
  });

  it("shows other answers as the server words them", () => {
    expect(loginErrorMessage(new ApiRequestError("server", "Неверно заполнены поля: login.", "invalid", 400))).toBe(
      "Неверно заполнены поля: login.",
    );
    expect(loginErrorMessage(new Error("boom"))).toBe(messages.api.failed);
  });
});
