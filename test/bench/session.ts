/**
 * One server under test with its load: the server, its accounts (ours), the
 * generator processes, and the documents connected so far. Every mode opens
 * one per target and adds documents to it (the capacity mode at each step).
 */
import type { CpuPlacement } from "./cpuPlacement.ts";
import { Editors } from "./editors.ts";
import { connectAll, forkGenerators, type Generator } from "./generators.ts";
import { isStock, type Target } from "./options.ts";
import { peakRssMiB, pidsNamed, rssMiB } from "./procfs.ts";
import type { EditPace } from "./protocol.ts";
import { adminScript, createDocuments, type RunningServer, startServer, stopServer } from "./servers.ts";

export class Session {
  private documents = 0;

  private constructor(
    readonly server: RunningServer,
    private readonly editors: Editors | null,
    readonly generators: readonly Generator[],
    private readonly clientsPerDocument: number,
  ) {}

  static async open(
    target: Target,
    generators: number,
    clientsPerDocument: number,
    pace: EditPace,
    placement: CpuPlacement | null,
  ): Promise<Session> {
    const server = await startServer(target, placement?.server);
    try {
      const editors =
        !isStock(target) && server.dataDir
          ? await Editors.bootstrap(server.port, { DATA_DIR: server.dataDir, ...server.adminEnv }, adminScript)
          : null;
      const forked = forkGenerators(
        generators,
        {
          urls: [server, ...server.peers].map((instance) => `ws://127.0.0.1:${instance.port}/sync`),
          clientsPerDocument,
          stampDocuments: isStock(target),
          pace,
        },
        placement?.generators,
      );
      return new Session(server, editors, forked, clientsPerDocument);
    } catch (error) {
      await stopServer(server);
      throw error;
    }
  }

  /** RSS of the server's instances together, now and at their peaks (MiB). */
  serverRssMiB(): number {
    return this.processes.servers.reduce((sum, pid) => sum + rssMiB(pid), 0);
  }

  serverPeakRssMiB(): number {
    return this.processes.servers.reduce((sum, pid) => sum + peakRssMiB(pid), 0);
  }

  /** The server's instances and the generators: what sampleWindow measures. */
  get processes(): { servers: number[]; generators: number[]; services: number[] } {
    return {
      servers: [this.server, ...this.server.peers].map((instance) => instance.pid),
      generators: this.generators.map((g) => g.pid),
      // The cluster's stores run beside it on this machine: their CPU is its cost too.
      services: this.server.target === "cluster" ? pidsNamed(["postgres", "redis-server"]) : [],
    };
  }

  get connections(): number {
    return this.documents * this.clientsPerDocument;
  }

  /** Creates `count` documents, their clients' tokens, and connects them; the setup time in ms. */
  async addDocuments(count: number): Promise<number> {
    const docIds = await createDocuments(this.server, count, this.editors?.coordinator ?? null);
    const tokens = this.editors ? await this.editors.tokens(count * this.clientsPerDocument) : null;
    // Each generator gets whole documents: every client of a document lives in the process of its RoomWriter.
    const setupMs = await connectAll(this.generators, docIds, tokens, this.clientsPerDocument);
    this.documents += count;
    return setupMs;
  }

  start(startAt: number): void {
    for (const generator of this.generators) generator.start(startAt);
  }

  async close(): Promise<void> {
    await Promise.all(this.generators.map((g) => g.exit().catch(() => {})));
    await stopServer(this.server);
  }
}
