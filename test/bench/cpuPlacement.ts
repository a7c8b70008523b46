/**
 * `--pin`: the server alone on CPU 0 and the load generators on the others
 * (Linux `taskset`). On a small machine the generators otherwise take turns on
 * the server's core, and a saturated machine reads as a slow server; pinned,
 * what the server does is bounded by its own core, and what the generators
 * cannot keep up with is theirs (the bench reports their lag).
 */
import { spawnSync } from "node:child_process";
import os from "node:os";

/** CPU lists as `taskset -c` takes them. */
export interface CpuPlacement {
  readonly server: string;
  readonly generators: string;
}

export function cpuPlacement(pin: boolean): CpuPlacement | null {
  if (!pin) return null;
  const cpus = os.availableParallelism();
  if (cpus < 2) throw new Error("--pin: needs at least 2 CPUs (one for the server, the rest for the generators)");
  if (spawnSync("taskset", ["--version"]).status !== 0) {
    throw new Error("--pin: taskset (util-linux) is not installed");
  }
  return { server: "0", generators: `1-${cpus - 1}` };
}

/**
 * The command line that runs `command args` on `cpus`: taskset executes the
 * command in its own process, so the pid is the program's, and every thread
 * it starts inherits the placement.
 */
export function onCpus(cpus: string | undefined, command: string, args: readonly string[]): [string, string[]] {
  return cpus === undefined ? [command, [...args]] : ["taskset", ["-c", cpus, command, ...args]];
}
