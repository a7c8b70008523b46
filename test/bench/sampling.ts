/**
 * What the processes of a run used during a measured window, read from /proc
 * at its start, each second, and its end.
 */
import os from "node:os";
import { performance } from "node:perf_hooks";
import { cpuSeconds, machineJiffies, storageWriteBytes } from "./procfs.ts";
import { sleep } from "./servers.ts";

export const clock = (): number => performance.timeOrigin + performance.now();

export interface WindowUsage {
  /** User + system time of the server (all its threads), % of one core. */
  readonly serverCpuPercent: number;
  /** The same in each second of the window. */
  readonly serverCpuBySecond: readonly number[];
  /** PostgreSQL and Redis (the cluster target's stores), % of one core; 0 for the others. */
  readonly serviceCpuPercent: number;
  /** All generator processes together, % of one core. */
  readonly generatorCpuPercent: number;
  /** Every process on the machine, % of one core (2 cores = 200). */
  readonly machineBusyPercent: number;
  /** What neither the server, the generators nor the orchestrator used, % of one core. */
  readonly otherPercent: number;
  /** Time the hypervisor gave to other guests, % of all CPU time. */
  readonly stealPercent: number;
  /** Bytes the server wrote to storage during the window (/proc/<pid>/io write_bytes). */
  readonly serverStorageWriteBytes: number;
  readonly seconds: number;
}

/** CPU seconds of a process, or NaN once it has ended (a database backend may end mid-window). */
function cpuSecondsIfRunning(pid: number): number {
  try {
    return cpuSeconds(pid);
  } catch {
    return Number.NaN;
  }
}

function snapshot(pids: readonly number[], servers: number) {
  return {
    cpu: pids.map((pid, i) => (i < servers ? cpuSeconds(pid) : cpuSecondsIfRunning(pid))),
    written: pids.slice(0, servers).reduce((sum, pid) => sum + storageWriteBytes(pid), 0),
    self: process.cpuUsage(),
    machine: machineJiffies(),
    at: clock(),
  };
}

/**
 * Waits for `from`, then samples each second until `until`. The server's
 * figures are those of all its instances together.
 */
export async function sampleWindow(
  processes: {
    readonly servers: readonly number[];
    readonly generators: readonly number[];
    readonly services: readonly number[];
  },
  from: number,
  until: number,
): Promise<WindowUsage> {
  const pids = [...processes.servers, ...processes.generators, ...processes.services];
  const generatorsEnd = processes.servers.length + processes.generators.length;
  const servers = processes.servers.length;
  const serverSeconds = (cpu: readonly number[]) => cpu.slice(0, servers).reduce((sum, s) => sum + s, 0);
  await sleep(from - clock());
  const before = snapshot(pids, servers);
  const serverCpuBySecond: number[] = [];
  let previous = before;
  for (let second = 1; from + second * 1000 <= until; second++) {
    await sleep(from + second * 1000 - clock());
    const now = snapshot(pids, servers);
    const elapsed = (now.at - previous.at) / 1000;
    serverCpuBySecond.push(Math.round(((serverSeconds(now.cpu) - serverSeconds(previous.cpu)) / elapsed) * 1000) / 10);
    previous = now;
  }
  const after = previous;
  const seconds = (after.at - before.at) / 1000;
  const percent = (i: number) => (((after.cpu[i] as number) - (before.cpu[i] as number)) / seconds) * 100;
  let serverCpuPercent = 0;
  for (let i = 0; i < servers; i++) serverCpuPercent += percent(i);
  let generatorCpuPercent = 0;
  for (let i = servers; i < generatorsEnd; i++) generatorCpuPercent += percent(i);
  let serviceCpuPercent = 0;
  // A backend that ended during the window is left out (what it used is lost with it).
  for (let i = generatorsEnd; i < pids.length; i++) if (Number.isFinite(percent(i))) serviceCpuPercent += percent(i);
  const jiffies = after.machine.total - before.machine.total;
  const machineBusyPercent = ((after.machine.busy - before.machine.busy) / jiffies) * 100 * os.availableParallelism();
  const selfPercent =
    ((after.self.user - before.self.user + after.self.system - before.self.system) / 1e6 / seconds) * 100;
  return {
    serverCpuPercent,
    serviceCpuPercent,
    serverCpuBySecond,
    generatorCpuPercent,
    machineBusyPercent,
    otherPercent: machineBusyPercent - serverCpuPercent - generatorCpuPercent - serviceCpuPercent - selfPercent,
    stealPercent: ((after.machine.steal - before.machine.steal) / jiffies) * 100,
    serverStorageWriteBytes: after.written - before.written,
    seconds,
  };
}
