/**
 * The orchestrator's side of the load generator processes (loadgen.ts): fork
 * them, split the documents between them, and drive them step by step.
 */
import { type ChildProcess, fork } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { onCpus } from "./cpuPlacement.ts";
import type {
  ConnectedMessage,
  EditPace,
  LoadgenConfig,
  LoadgenMessage,
  OrchestratorMessage,
  ResultMessage,
} from "./protocol.ts";
import { children, hasExited } from "./servers.ts";

const here = path.dirname(fileURLToPath(import.meta.url));
const loadgenScript = path.join(here, "loadgen.ts");

/** What every generator process of one run shares. */
export interface GeneratorSetup {
  readonly urls: readonly string[];
  readonly clientsPerDocument: number;
  readonly stampDocuments: boolean;
  readonly pace: EditPace;
}

type Waiter = { resolve: (message: LoadgenMessage) => void; reject: (error: Error) => void };

export class Generator {
  private readonly waiting = new Map<string, Waiter[]>();
  private failure: Error | null = null;

  private constructor(
    readonly index: number,
    readonly process: ChildProcess,
    readonly pid: number,
  ) {
    process.on("message", (message: LoadgenMessage) => {
      if (message.type === "error") this.fail(new Error(`load generator ${index}: ${message.message}`));
      else this.waiting.get(message.type)?.shift()?.resolve(message);
    });
    // "close" comes after the IPC channel is drained, so a message sent before exiting has arrived.
    process.on("close", (code) => this.fail(new Error(`load generator ${index} exited with ${code}`)));
  }

  /** `cpus`: where it runs (`taskset -c`), or anywhere. */
  static fork(index: number, setup: GeneratorSetup, cpus?: string): Generator {
    const config: LoadgenConfig = { ...setup, generator: index, connectConcurrency: 50, setupTimeoutMs: 120_000 };
    // fork runs `execPath ...execArgv script`: taskset in front of node when placed.
    const [execPath, execArgv] = onCpus(cpus, process.execPath, ["--import", import.meta.resolve("tsx")]);
    const child = fork(loadgenScript, [], {
      cwd: path.resolve(here, ".."),
      execPath,
      execArgv,
      serialization: "advanced",
      env: { ...process.env, BENCH_LOADGEN_CONFIG: JSON.stringify(config) },
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    children.add(child);
    child.on("exit", () => children.delete(child));
    if (child.pid === undefined) throw new Error("could not fork the load generator");
    return new Generator(index, child, child.pid);
  }

  connect(docIds: readonly string[], tokens: readonly (readonly string[])[] | null): Promise<ConnectedMessage> {
    return this.ask({ type: "connect", docIds, tokens }, "connected") as Promise<ConnectedMessage>;
  }

  start(startAt: number): void {
    this.process.send({ type: "start", startAt } satisfies OrchestratorMessage);
  }

  measure(from: number, until: number, drainMs: number, stopEditing: boolean): Promise<ResultMessage> {
    const message: OrchestratorMessage = { type: "measure", from, until, drainMs, stopEditing };
    return this.ask(message, "result") as Promise<ResultMessage>;
  }

  /** Closes its sockets and waits for the process to end. */
  async exit(): Promise<void> {
    if (hasExited(this.process)) return;
    const exited = new Promise((resolve) => this.process.once("exit", resolve));
    if (this.process.connected) this.process.send({ type: "exit" } satisfies OrchestratorMessage);
    await exited;
  }

  private ask(message: OrchestratorMessage, answer: LoadgenMessage["type"]): Promise<LoadgenMessage> {
    if (this.failure) return Promise.reject(this.failure);
    const reply = new Promise<LoadgenMessage>((resolve, reject) => {
      const queue = this.waiting.get(answer) ?? [];
      queue.push({ resolve, reject });
      this.waiting.set(answer, queue);
    });
    this.process.send(message);
    return reply;
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const queue of this.waiting.values()) for (const waiter of queue.splice(0)) waiter.reject(error);
  }
}

/** Forks `count` generators, on `cpus` if given. */
export const forkGenerators = (count: number, setup: GeneratorSetup, cpus?: string): Generator[] =>
  Array.from({ length: count }, (_, i) => Generator.fork(i, setup, cpus));

/**
 * Connects documents, split round-robin over the generators (`tokens[i]`: the
 * tokens of document i's clients); the slowest generator's setup time.
 */
export async function connectAll(
  generators: readonly Generator[],
  docIds: readonly string[],
  tokens: readonly string[] | null,
  clientsPerDocument: number,
): Promise<number> {
  const mine = <T>(list: readonly T[], g: number) => list.filter((_, i) => i % generators.length === g);
  const perDocument =
    tokens && docIds.map((_, i) => tokens.slice(i * clientsPerDocument, (i + 1) * clientsPerDocument));
  const connected = await Promise.all(
    generators.map((generator, g) => generator.connect(mine(docIds, g), perDocument && mine(perDocument, g))),
  );
  return Math.max(...connected.map((c) => c.setupMs));
}
