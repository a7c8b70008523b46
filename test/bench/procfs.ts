/**
 * CPU time and memory of a process, read from Linux /proc. The pid must be the
 * node process itself, not a wrapper (npm, tsx's CLI) that only waits for it.
 */
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import os from "node:os";

/** Clock ticks per second of /proc/<pid>/stat (almost always 100). */
export const CLK_TCK = (() => {
  try {
    return Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/** User + system CPU seconds the process (all its threads) has used so far. */
export function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  // The command name in parentheses may contain spaces: split after it.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  // Fields 14 (utime) and 15 (stime) of proc(5); fields[0] is field 3.
  return (Number(fields[11]) + Number(fields[12])) / CLK_TCK;
}

/** A `kB` line of /proc/<pid>/status in MiB, or NaN if absent. */
function statusMiB(pid: number, key: "VmRSS" | "VmHWM"): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const match = new RegExp(`^${key}:\\s+(\\d+) kB`, "m").exec(status);
  return match ? Number(match[1]) / 1024 : Number.NaN;
}

/** Current resident set size, MiB. */
export const rssMiB = (pid: number) => statusMiB(pid, "VmRSS");
/** Peak resident set size over the process's whole life so far, MiB. */
export const peakRssMiB = (pid: number) => statusMiB(pid, "VmHWM");

/**
 * Jiffies of all CPUs together, from /proc/stat: busy (user, nice, system,
 * irq, softirq), steal (taken by the hypervisor of a VM) and the total.
 */
export function machineJiffies(): { busy: number; steal: number; total: number } {
  const line = readFileSync("/proc/stat", "utf8").split("\n")[0] as string;
  const [user = 0, nice = 0, system = 0, idle = 0, iowait = 0, irq = 0, softirq = 0, steal = 0] = line
    .trim()
    .split(/\s+/)
    .slice(1, 9)
    .map(Number);
  return {
    busy: user + nice + system + irq + softirq,
    steal,
    total: user + nice + system + idle + iowait + irq + softirq + steal,
  };
}

export interface MachineInfo {
  readonly cpuModel: string;
  readonly cpus: number;
  readonly memoryGiB: number;
  readonly node: string;
  readonly os: string;
  readonly kernel: string;
}

export function machineInfo(): MachineInfo {
  let osName = `${os.type()} ${os.release()}`;
  try {
    const release = readFileSync("/etc/os-release", "utf8");
    osName = /^PRETTY_NAME="?([^"\n]*)"?/m.exec(release)?.[1] ?? osName;
  } catch {
    // not Linux, or no os-release: keep the kernel name
  }
  return {
    cpuModel: os.cpus()[0]?.model ?? "unknown",
    cpus: os.availableParallelism(),
    memoryGiB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    os: osName,
    kernel: os.release(),
  };
}

/**
 * Bytes the process caused to be written to storage so far (`write_bytes` of
 * /proc/<pid>/io: what reached the block layer, page cache write-back
 * included; socket writes are not in it).
 */
export function storageWriteBytes(pid: number): number {
  const match = /^write_bytes:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/io`, "utf8"));
  return match ? Number(match[1]) : Number.NaN;
}

/** The processes whose command name is one of `names` (e.g. PostgreSQL's backends, redis-server). */
export function pidsNamed(names: readonly string[]): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (names.includes(readFileSync(`/proc/${entry}/comm`, "utf8").trim())) pids.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return pids;
}
