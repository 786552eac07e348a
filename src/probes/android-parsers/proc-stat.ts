/**
 * Parser of a `/proc/<pid>/stat` line (Linux kernel format, proc(5), which Android uses): the process's user
 * and system CPU time in clock ticks (fields 14 and 15). Pure.
 */

/** Clock ticks per second on Android (USER_HZ = 100 on every Android kernel configuration). */
export const ANDROID_CLOCK_TICKS_PER_SECOND = 100;

/** CPU time of one process. */
export interface ProcCpuTicks {
  pid: number;
  comm: string;
  utimeTicks: number;
  stimeTicks: number;
}

/** Parses one `/proc/<pid>/stat` line. Throws on anything else. */
export function parseProcPidStat(line: string): ProcCpuTicks {
  const text = line.trim();
  // Field 2 (comm) is in parentheses and may hold spaces and parentheses: split after the last ')'.
  const open = text.indexOf('(');
  const close = text.lastIndexOf(')');
  if (open < 0 || close < open) throw new Error(`not a /proc/<pid>/stat line: "${text.slice(0, 60)}"`);
  const rest = text.slice(close + 2).split(' ');
  // rest[0] is field 3 (state): field n is rest[n - 3].
  const utime = Number(rest[11]);
  const stime = Number(rest[12]);
  const pid = Number(text.slice(0, open).trim());
  if (!Number.isInteger(pid) || !Number.isFinite(utime) || !Number.isFinite(stime)) {
    throw new Error(`not a /proc/<pid>/stat line: "${text.slice(0, 60)}"`);
  }
  return { pid, comm: text.slice(open + 1, close), utimeTicks: utime, stimeTicks: stime };
}

/** User + system CPU time, ms, for a clock of `ticksPerSecond`. */
export function cpuMsOf(ticks: ProcCpuTicks, ticksPerSecond = ANDROID_CLOCK_TICKS_PER_SECOND): number {
  return ((ticks.utimeTicks + ticks.stimeTicks) * 1000) / ticksPerSecond;
}
