import { isIP } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { IDLE_UNLOAD_MS, PING_INTERVAL_MS, SESSION_TTL_MS } from "./limits.ts";

const here = path.dirname(fileURLToPath(import.meta.url));

const booleanFlag = z
  .enum(["1", "0", "true", "false", "yes", "no"], { error: "expected 1/0, true/false or yes/no" })
  .transform((v) => v === "1" || v === "true" || v === "yes");

const configSchema = z.object({
  PORT: z.coerce.number({ error: "expected a port number" }).int().min(0).max(65535).default(8080),
  HOST: z.string().min(1).default("0.0.0.0"),
  DATA_DIR: z.string().min(1).default("./data"),
  /** The built web app; by default the one beside this server in the repository. */
  WEB_DIST: z.string().min(1).default(path.resolve(here, "../../apps/web/dist")),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** Seed the Славянский район demo on first start (an empty database). */
  DEMO_DATA: booleanFlag.default(true),
  IDLE_UNLOAD_MS: z.coerce.number().int().min(0).default(IDLE_UNLOAD_MS),
  /** How often sockets are pinged; one that missed the previous ping is dropped. */
  PING_INTERVAL_MS: z.coerce.number().int().min(50).default(PING_INTERVAL_MS),
  /** How long a login lasts. */
  SESSION_TTL_MS: z.coerce.number().int().min(1000).default(SESSION_TTL_MS),
  /** Mark the session cookie Secure: set it when the site is served over HTTPS. */
  COOKIE_SECURE: booleanFlag.default(false),
  /** SQLite fsync level: NORMAL survives a crash of the process, FULL also a power loss. */
  SQLITE_SYNCHRONOUS: z.enum(["NORMAL", "FULL"]).default("NORMAL"),
  /**
   * PostgreSQL instead of the embedded SQLite (postgres://user:password@host:port/database):
   * documents, the directory and evidence records there; evidence files stay under DATA_DIR.
   */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\/./, { error: "expected a postgres:// or postgresql:// URL" })
    .optional(),
  /**
   * Redis for the fan-out between several instances (redis://host:port):
   * each tells the others what it stored and who is present. Unset: one instance.
   */
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, { error: "expected a redis:// or rediss:// URL" })
    .optional(),
  /**
   * The addresses of the proxies in front of the server (a load balancer), comma-separated:
   * a request from one of them is counted against the address it forwards (X-Forwarded-For),
   * e.g. for the login throttle. Unset: no header is trusted, the socket's peer is the source.
   */
  TRUST_PROXY: z
    .string()
    .transform((text) => text.split(",").map((address) => address.trim()))
    .refine((addresses) => addresses.every((address) => isIP(address) !== 0), {
      error: "expected IP addresses separated by commas",
    })
    .default([]),
});

export type Config = z.infer<typeof configSchema>;

export class ConfigError extends Error {
  override name = "ConfigError";
}

/** Reads the configuration from the environment; a bad value names itself. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const relevant = Object.fromEntries(
    Object.keys(configSchema.shape).flatMap((key) =>
      env[key] === undefined || env[key] === "" ? [] : [[key, env[key]]],
    ),
  );
  const parsed = configSchema.safeParse(relevant);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((issue) => {
    const key = String(issue.path[0]);
    return `  ${key}=${JSON.stringify(relevant[key])}: ${issue.message}`;
  });
  throw new ConfigError(`Invalid configuration in the environment:\n${lines.join("\n")}`);
}
