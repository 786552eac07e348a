/**
 * The two on-device samplers of battery current, both on CLOCK_BOOTTIME:
 *
 * - {@link PerfettoSampler}: a Perfetto session (`perfetto --background-wait --txt -c -`, or `--background` on
 *   older builds; Android 10+) with the
 *   `android.power` data source polling the battery counters every 100 ms (and the power rails where the
 *   device has them), stopped with SIGTERM at the end of the iteration; the binary trace is read back as base64
 *   (`mobile: shell` returns text) and decoded (android-parsers/perfetto-trace.ts).
 * - {@link SysfsSampler}: a shell loop on the device that writes `/proc/uptime`, `current_now` and
 *   `voltage_now` of the battery's power_supply every 100 ms into a file under /data/local/tmp, read at the end.
 *
 * Both stop by themselves after `maxDurationMs` (a safety net if the toolkit is killed), and {@link Sampler.cleanup}
 * kills what is left and deletes their files; it never throws.
 */
import type { AndroidShell } from './android-shell.js';
import { perfettoPowerConfig } from './android-parsers/perfetto-config.js';
import { readPerfettoPowerTrace, type RailEnergySample } from './android-parsers/perfetto-trace.js';
import { parseSysfsSamples, type PowerSample } from './android-parsers/power-samples.js';

/** Sampling period, ms: well inside the 250 ms a measured window allows between samples. */
export const SAMPLE_PERIOD_MS = 100;

/** What a sampler read. */
export interface SamplerReading {
  samples: PowerSample[];
  rails: RailEnergySample[];
  /** One sentence when something was odd but not fatal (lines that did not parse). */
  note: string | null;
}

/** One iteration's sampler. */
export interface Sampler {
  readonly method: 'perfetto' | 'sysfs';
  start(): Promise<void>;
  /** Stops sampling and returns every sample. */
  stop(): Promise<SamplerReading>;
  /** Kills what is still running and deletes the sampler's files (never throws). */
  cleanup(): Promise<void>;
}

/** A word for the device's `sh`: single-quoted, with single quotes escaped. */
export function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/** Runs a script in the device's `sh` (one argument, so adb's joining of arguments cannot split it). */
export function runScript(shell: AndroidShell, script: string): Promise<string> {
  return shell('sh', ['-c', shellQuote(script)]);
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Waits until `pid` has exited (at most `timeoutMs`); true when it did. */
async function waitForExit(shell: AndroidShell, pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const state = (await runScript(shell, `kill -0 ${pid} 2>/dev/null && echo running || echo gone`)).trim();
    if (state.endsWith('gone')) return true;
    await sleep(200);
  }
  return false;
}

function pidOf(output: string, what: string): number {
  const match = /(\d+)\s*$/.exec(output.trim());
  if (!match) throw new Error(`${what} did not print its process id (got ${JSON.stringify(output.trim().slice(0, 80))})`);
  return Number(match[1]);
}

/** Perfetto's `android.power` data source. */
export class PerfettoSampler implements Sampler {
  readonly method = 'perfetto' as const;
  private pid: number | null = null;
  private readonly file: string;

  constructor(
    private readonly shell: AndroidShell,
    id: string,
    private readonly options: { powerRails: boolean; maxDurationMs: number },
  ) {
    // Only /data/misc/perfetto-traces is writable by traced on user builds.
    this.file = `/data/misc/perfetto-traces/ecoscore-${id}.pftrace`;
  }

  async start(): Promise<void> {
    const config = perfettoPowerConfig({ batteryPollMs: SAMPLE_PERIOD_MS, powerRails: this.options.powerRails, maxDurationMs: this.options.maxDurationMs }).replace(/\n/g, ' ');
    // `--background-wait` (newer perfetto) returns once the data sources run; older builds know `--background` only.
    const start = (flag: string) => `printf '%s' "$c" | perfetto ${flag} --txt -c - -o ${this.file} 2>/dev/null`;
    const output = await runScript(this.shell, `c=${shellQuote(config)}; ${start('--background-wait')} || ${start('--background')}`);
    this.pid = pidOf(output, 'perfetto --background-wait');
  }

  async stop(): Promise<SamplerReading> {
    if (this.pid === null) throw new Error('the Perfetto session was not started');
    await runScript(this.shell, `kill -TERM ${this.pid}`);
    if (!(await waitForExit(this.shell, this.pid, 15_000))) throw new Error('the Perfetto session did not stop within 15 s of SIGTERM');
    this.pid = null;
    const base64 = (await runScript(this.shell, `base64 ${this.file}`)).replace(/\s+/g, '');
    const trace = readPerfettoPowerTrace(Buffer.from(base64, 'base64'));
    const samples = trace.battery.flatMap((sample) => (sample.current === null ? [] : [{ bootMs: sample.bootMs, current: sample.current, voltage: sample.voltage }]));
    return {
      samples,
      rails: trace.rails,
      note: trace.otherClockPackets > 0 ? `${trace.otherClockPackets} battery packets on another clock than the boot clock were left out` : null,
    };
  }

  async cleanup(): Promise<void> {
    const kill = this.pid !== null ? `kill -TERM ${this.pid} 2>/dev/null; ` : '';
    await runScript(this.shell, `${kill}rm -f ${this.file}`).catch(() => undefined);
    this.pid = null;
  }
}

/** The battery's power_supply folder under /sys/class/power_supply, from the listing script's output. */
export function pickBatterySupply(listing: string): string | null {
  const candidates = listing
    .split(/\r?\n/)
    .map((line) => line.trim().split('|'))
    .filter((fields) => fields.length >= 3 && fields[1] === 'Battery' && /^-?\d+$/.test(fields[2]))
    .map((fields) => fields[0]);
  return candidates.find((path) => path.endsWith('/battery')) ?? candidates[0] ?? null;
}

/** The script that lists power supplies as `path|type|current_now|voltage_now`. */
export const LIST_SUPPLIES_SCRIPT =
  'for d in /sys/class/power_supply/*; do echo "$d|$(cat $d/type 2>/dev/null)|$(cat $d/current_now 2>/dev/null)|$(cat $d/voltage_now 2>/dev/null)"; done';

/** A shell loop over the battery's `current_now` and `voltage_now`. */
export class SysfsSampler implements Sampler {
  readonly method = 'sysfs' as const;
  private pid: number | null = null;
  private readonly base: string;

  constructor(
    private readonly shell: AndroidShell,
    id: string,
    private readonly supply: string,
    private readonly maxDurationMs: number,
  ) {
    this.base = `/data/local/tmp/ecoscore-energy-${id}`;
  }

  async start(): Promise<void> {
    const d = this.supply;
    const seconds = Math.ceil(this.maxDurationMs / 1000);
    const loop = [
      'read u r < /proc/uptime',
      `end=$(( \${u%.*} + ${seconds} ))`,
      'while :; do',
      '  read u r < /proc/uptime',
      '  [ "${u%.*}" -ge "$end" ] && break',
      '  c=; v=',
      `  read c < ${d}/current_now`,
      `  read v < ${d}/voltage_now`,
      '  echo "$u $c $v"',
      `  sleep ${SAMPLE_PERIOD_MS / 1000}`,
      'done',
    ].join('\n');
    await runScript(this.shell, `printf '%s\\n' ${shellQuote(loop)} > ${this.base}.sh`);
    const output = await runScript(this.shell, `nohup sh ${this.base}.sh > ${this.base}.txt 2>/dev/null < /dev/null & echo $!`);
    this.pid = pidOf(output, 'the sampling loop');
  }

  async stop(): Promise<SamplerReading> {
    if (this.pid === null) throw new Error('the sampling loop was not started');
    await runScript(this.shell, `kill ${this.pid} 2>/dev/null; true`);
    this.pid = null;
    const { samples, badLines } = parseSysfsSamples(await runScript(this.shell, `cat ${this.base}.txt`));
    return { samples, rails: [], note: badLines > 0 ? `${badLines} sampler lines could not be read (a failed read of ${this.supply})` : null };
  }

  async cleanup(): Promise<void> {
    const kill = this.pid !== null ? `kill ${this.pid} 2>/dev/null; ` : '';
    await runScript(this.shell, `${kill}rm -f ${this.base}.sh ${this.base}.txt`).catch(() => undefined);
    this.pid = null;
  }
}
