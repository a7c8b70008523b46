import { parseArgs } from "node:util";
import { ConfigError, loadConfig } from "../config.ts";
import { messages } from "../messages.ts";
import { openStores } from "../storage/openStores.ts";
import { BootstrapError, createCoordinator } from "./createCoordinator.ts";

/**
 * The administrator's command: `npm run admin -- create-coordinator …`.
 * Works on the data directory of a running or stopped server (SQLite in WAL
 * mode takes a second writer), or on its PostgreSQL database if DATABASE_URL is set. Exit codes: 0 done, 1 refused, 2 bad usage.
 */
async function main(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command !== "create-coordinator") return usage();
  let values: Record<string, string | undefined>;
  try {
    ({ values } = parseArgs({
      args: [...rest],
      options: {
        login: { type: "string" },
        name: { type: "string" },
        position: { type: "string", default: "муниципальный координатор" },
        region: { type: "string" },
        municipality: { type: "string" },
        url: { type: "string", default: "http://localhost:8080" },
      },
    }));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    return usage();
  }
  for (const required of ["login", "name", "region"] as const) {
    if (!values[required]?.trim()) {
      process.stderr.write(`${messages.bootstrapMissing(required)}\n`);
      return usage();
    }
  }
  const config = loadConfig();
  const stores = await openStores(config);
  try {
    const created = await createCoordinator(stores.directory, {
      login: (values.login as string).trim(),
      fullName: (values.name as string).trim(),
      position: (values.position ?? "").trim(),
      region: (values.region as string).trim(),
      municipality: values.municipality?.trim() || undefined,
    });
    const link = new URL(created.invitationPath, values.url).toString();
    const until = new Date(created.expiresAt).toLocaleDateString("ru-RU");
    process.stdout.write(`${messages.bootstrapDone(values.name as string, link, until)}\n`);
    return 0;
  } catch (error) {
    if (error instanceof BootstrapError) {
      process.stderr.write(`${error.message}\n`);
      return 1;
    }
    throw error;
  } finally {
    await stores.close();
  }
}

function usage(): number {
  process.stderr.write(`${messages.bootstrapUsage}\n`);
  return 2;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  },
);
