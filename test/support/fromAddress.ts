import http from "node:http";

export interface Answer {
  readonly status: number;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: { error?: string; message?: string };
}

/** Keeps connections open, pooled per local address: a flood of requests needs no flood of connections. */
const agent = new http.Agent({ keepAlive: true });

/**
 * A JSON POST whose connection leaves from `localAddress`. The whole of
 * 127.0.0.0/8 is this machine, so 127.0.0.2, 127.0.0.3, … reach the server
 * (listening on 127.0.0.1) as different sources, as far as it can tell.
 * With `hold`, the body's last byte waits for it, and `onConnected` hears
 * when the connection is open.
 */
export function postFrom(
  localAddress: string,
  url: string,
  body: unknown,
  hold?: { until: Promise<void>; onConnected: (connected: Promise<void>) => void },
  extraHeaders: Record<string, string> = {},
): Promise<Answer> {
  const bytes = Buffer.from(JSON.stringify(body));
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      {
        method: "POST",
        agent,
        localAddress,
        headers: { "content-type": "application/json", "content-length": bytes.length, ...extraHeaders },
      },
      (res) => {
        let data = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => {
          data += chunk;
        });
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: JSON.parse(data || "{}") }),
        );
      },
    );
    req.on("error", reject);
    if (!hold) {
      req.end(bytes);
      return;
    }
    hold.onConnected(
      new Promise((connected) =>
        req.once("socket", (socket) => (socket.connecting ? socket.once("connect", connected) : connected())),
      ),
    );
    req.write(bytes.subarray(0, -1));
    void hold.until.then(() => req.end(bytes.subarray(-1)));
  });
}

/**
 * Parallel POSTs that reach the server together, however busy the machine:
 * every request's last byte is held back until all connections are open, then
 * all are sent at once. The server reads none of them before that.
 */
export async function postTogether(
  url: string,
  requests: readonly { readonly from: string; readonly body: unknown }[],
): Promise<Answer[]> {
  let release = () => {};
  const until = new Promise<void>((resolve) => {
    release = resolve;
  });
  const connections: Promise<void>[] = [];
  const answers = requests.map(({ from, body }) =>
    postFrom(from, url, body, { until, onConnected: (c) => connections.push(c) }),
  );
  await Promise.all(connections);
  release();
  return Promise.all(answers);
}

/** POST /api/session from `localAddress`; `forwardedFor`: the X-Forwarded-For a proxy would add. */
export function loginFrom(
  localAddress: string,
  httpUrl: string,
  login: string,
  password: string,
  forwardedFor?: string,
): Promise<Answer> {
  const headers: Record<string, string> = forwardedFor === undefined ? {} : { "x-forwarded-for": forwardedFor };
  return postFrom(localAddress, `${httpUrl}/api/session`, { login, password }, undefined, headers);
}

/** Closes the kept connections, so a test file's server can stop at once. */
export function closeConnections(): void {
  agent.destroy();
}
