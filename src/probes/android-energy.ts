/**
 * Android energy measured per step: one sampler of battery current per iteration (Perfetto's battery counters,
 * or a sysfs loop where Perfetto is not available), started before the first step and read at the end of the
 * iteration; each step's window is taken on the same device clock (CLOCK_BOOTTIME, `/proc/uptime`), and its
 * energy is the integral of the samples inside it — or nothing, with the reason, when the conditions of a
 * measurement do not hold (android-parsers/energy-verdict.ts).
 *
 * Window: {@link AndroidEnergy.opening} is the LAST probe started (it notes the moment when every other probe
 * is running) and {@link AndroidEnergy.closing} the FIRST stopped (before any other probe's stop runs), so the
 * window holds the step's actions and settling only, and no shell call at all. Those host moments are put on
 * the device's boot clock (CLOCK_BOOTTIME, what `/proc/uptime` and Perfetto's battery packets use) with the
 * clock's offset, measured when the sampler starts and again when it stops (NTP-like: of three reads each
 * time, the one with the shortest round trip, placed at its middle; the better of the two syncs is used). A
 * window is therefore as long as the step; where it sits is right within half a shell round trip.
 *
 * During the iteration the samples carry `measuredEnergyMah: null`; {@link AndroidEnergy.finish} fills them.
 */
import { randomUUID } from 'node:crypto';
import type { RawStepSample } from '../model/result.js';
import type { AndroidShell } from './android-shell.js';
import { parseDumpsysBattery, type BatteryState } from './android-parsers/battery.js';
import { judgeWindows, type EnergyMethod, type IterationRecording } from './android-parsers/energy-verdict.js';
import { parseUptimeMs, type StepWindow } from './android-parsers/power-samples.js';
import { LIST_SUPPLIES_SCRIPT, PerfettoSampler, pickBatterySupply, runScript, SAMPLE_PERIOD_MS, SysfsSampler, type Sampler } from './android-energy-sampler.js';
import type { Probe, ProbeFigures } from './probe.js';

/** Longest iteration the samplers cover, ms; they stop by themselves after it. */
export const MAX_ITERATION_MS = 3_600_000;

/** What an iteration's energy measurement leaves besides the samples' figures. */
export interface IterationEnergy {
  /** Charge counter (`dumpsys battery`) at the sampler's start and end: the whole-iteration cross-check. */
  chargeCounter: { startUah: number; endUah: number; deltaMah: number } | null;
  batteryStart: BatteryState | null;
  batteryEnd: BatteryState | null;
  method: EnergyMethod | null;
  /** One sentence about the sampler, for the result's warnings (a fallback, a note), or null. */
  note: string | null;
  /** The step windows on the device's boot clock, in the order the steps ran. */
  windows: StepWindow[];
}

/** Shared by the sessions of a run: which sampler works on this device. */
export interface EnergyPlan {
  /** Perfetto first (Android 10+), else the sysfs loop. */
  perfetto: boolean;
  /** Why Perfetto was given up, once it was. */
  perfettoProblem: string | null;
  /** Documented power cut (`ECOSCORE_POWER_CUT`), or null. */
  powerCut: string | null;
}

/** Host time, ms (monotonic, on the epoch's scale). */
const hostNow = () => performance.timeOrigin + performance.now();

/** Offset of the device's boot clock from the host's clock at one moment: device = host + offsetMs. */
export interface ClockSync {
  atHostMs: number;
  offsetMs: number;
  /** Round trip of the best read, ms: the offset is right within half of it. */
  roundTripMs: number;
}

/**
 * Estimates the device clock's offset (NTP-like): `rounds` reads of `/proc/uptime`, each placed at the middle
 * of its round trip, the read with the shortest trip kept.
 */
export async function syncDeviceClock(shell: AndroidShell, rounds = 3): Promise<ClockSync> {
  let best: ClockSync | null = null;
  for (let i = 0; i < rounds; i++) {
    const before = hostNow();
    const bootMs = parseUptimeMs(await shell('cat', ['/proc/uptime']));
    const after = hostNow();
    const sync = { atHostMs: (before + after) / 2, offsetMs: bootMs - (before + after) / 2, roundTripMs: after - before };
    if (best === null || sync.roundTripMs < best.roundTripMs) best = sync;
  }
  return best!;
}

/**
 * The device time of a host moment, with the better of the two syncs (the shorter round trip). Not
 * interpolated between them: the two clocks drift by parts per million (milliseconds an hour), far less than
 * the error of one sync, which an interpolation would turn into window lengths.
 */
export function deviceTimeOf(hostMs: number, first: ClockSync, last: ClockSync | null): number {
  const best = last !== null && last.roundTripMs < first.roundTripMs ? last : first;
  return hostMs + best.offsetMs;
}

interface OpenWindow {
  /** Host time (ms since the epoch) when the window was opened: matches the sample created just before. */
  openedAt: number;
  /** Host times of the window's bounds (see {@link hostNow}). */
  startHostMs: number;
  endHostMs?: number;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** One iteration's energy measurement (one per session). */
export class AndroidEnergy {
  private sampler: Sampler | null = null;
  private samplerProblem: string | null = null;
  private batteryStart: BatteryState | null = null;
  private readonly windows: OpenWindow[] = [];
  private firstSync: ClockSync | null = null;
  private fallbackNote: string | null = null;

  /** Placed last among the session's probes: opens the window. */
  readonly opening: Probe;
  /** Placed first among the session's probes: closes the window. */
  readonly closing: Probe;

  constructor(
    private readonly shell: AndroidShell,
    private readonly plan: EnergyPlan,
  ) {
    this.opening = {
      name: 'energy',
      fields: ['measuredEnergyMah', 'energyMeasurement'],
      start: async () => {
        const openedAt = Date.now();
        await this.ensureSampler();
        if (this.firstSync === null) throw new Error(this.samplerProblem ?? 'the device clock could not be read');
        this.windows.push({ openedAt, startHostMs: hostNow() });
      },
      stop: async (): Promise<ProbeFigures> => ({ measuredEnergyMah: null, energyMeasurement: null }),
    };
    this.closing = {
      name: 'energy',
      fields: [],
      start: async () => undefined,
      stop: async (): Promise<ProbeFigures> => {
        const open = this.windows.at(-1);
        if (open && open.endHostMs === undefined) open.endHostMs = hostNow();
        return {};
      },
    };
  }

  private async readBattery(): Promise<BatteryState | null> {
    try {
      return parseDumpsysBattery(await this.shell('dumpsys', ['battery']));
    } catch {
      return null;
    }
  }

  /** Starts the iteration's sampler at the first window (before the reference step's actions). */
  private async ensureSampler(): Promise<void> {
    if (this.sampler !== null || this.samplerProblem !== null) return;
    this.batteryStart = await this.readBattery();
    try {
      this.firstSync = await syncDeviceClock(this.shell);
    } catch (error) {
      this.samplerProblem = `the device's boot clock could not be read (${(error as Error).message})`;
      return;
    }
    const id = randomUUID().slice(0, 8);
    if (this.plan.perfetto) {
      const perfetto = new PerfettoSampler(this.shell, id, { powerRails: true, maxDurationMs: MAX_ITERATION_MS });
      try {
        await perfetto.start();
        this.sampler = perfetto;
      } catch (error) {
        await perfetto.cleanup();
        this.plan.perfetto = false;
        this.plan.perfettoProblem = `Perfetto could not record the battery counters (${(error as Error).message})`;
      }
    }
    if (this.sampler === null) {
      try {
        const supply = pickBatterySupply(await runScript(this.shell, LIST_SUPPLIES_SCRIPT));
        if (supply === null) throw new Error('no readable battery current_now under /sys/class/power_supply');
        const sysfs = new SysfsSampler(this.shell, id, supply, MAX_ITERATION_MS);
        await sysfs.start();
        this.sampler = sysfs;
        if (this.plan.perfettoProblem) this.fallbackNote = `${this.plan.perfettoProblem}; sampling ${supply}/current_now instead`;
      } catch (error) {
        this.samplerProblem = `no battery current sampler could run on the device (${(error as Error).message})`;
        return;
      }
    }
    // Let the first samples arrive before the first window opens.
    await sleep(3 * SAMPLE_PERIOD_MS);
  }

  /**
   * Ends the iteration: stops the sampler (after one more sampling period, so that a sample follows the last
   * window), judges every window and writes the figures into the samples that opened them (matched by
   * creation time: a window opens after its sample was created and before the next one is). Never throws.
   */
  async finish(samples: RawStepSample[]): Promise<IterationEnergy> {
    let reading: Awaited<ReturnType<Sampler['stop']>> | null = null;
    let problem = this.samplerProblem;
    let lastSync: ClockSync | null = null;
    if (this.sampler) {
      await sleep(3 * SAMPLE_PERIOD_MS);
      lastSync = await syncDeviceClock(this.shell).catch(() => null);
      try {
        reading = await this.sampler.stop();
      } catch (error) {
        problem = `the battery current sampler could not be read (${(error as Error).message})`;
      }
    }
    await this.cleanup();
    const batteryEnd = this.windows.length > 0 ? await this.readBattery() : null;
    let method: EnergyMethod = this.sampler?.method === 'sysfs' ? 'sysfs-current' : 'perfetto-battery';
    if (reading && this.sampler?.method === 'perfetto' && reading.samples.length === 0) {
      if (reading.rails.length > 0) method = 'perfetto-rails';
      else {
        problem = "Perfetto's android.power data source wrote no battery current on this device (its health HAL exposes none)";
        this.plan.perfetto = false;
        this.plan.perfettoProblem = problem;
      }
    }
    const recording: IterationRecording = {
      method,
      samples: reading?.samples ?? [],
      rails: reading?.rails ?? [],
      batteryStart: this.batteryStart,
      batteryEnd,
      powerCut: this.plan.powerCut,
      samplerProblem: problem ?? (reading === null ? 'the battery current sampler did not run' : null),
    };
    const first = this.firstSync;
    const complete = this.windows.filter((open): open is OpenWindow & { endHostMs: number } => open.endHostMs !== undefined);
    const windows: StepWindow[] = first === null ? [] : complete.map((open) => ({ startBootMs: deviceTimeOf(open.startHostMs, first, lastSync), endBootMs: deviceTimeOf(open.endHostMs, first, lastSync) }));
    const verdicts = judgeWindows(recording, windows);
    this.apply(samples, complete, verdicts);
    const counters = [this.batteryStart?.chargeCounterUah ?? null, batteryEnd?.chargeCounterUah ?? null];
    const chargeCounter = counters[0] !== null && counters[1] !== null && counters[0] > 0 && counters[1] > 0
      ? { startUah: counters[0], endUah: counters[1], deltaMah: (counters[0] - counters[1]) / 1000 }
      : null;
    const note = [this.fallbackNote, reading?.note ?? null].filter(Boolean).join('; ') || null;
    return { chargeCounter, batteryStart: this.batteryStart, batteryEnd, method: reading ? method : null, note, windows };
  }

  private apply(samples: RawStepSample[], windows: OpenWindow[], verdicts: ReturnType<typeof judgeWindows>): void {
    const created = samples.map((sample) => Date.parse(sample.startedAt));
    windows.forEach((open, i) => {
      // The sample this window belongs to: the last one created at or before the window opened.
      let owner = -1;
      for (let s = 0; s < samples.length; s++) if (created[s] <= open.openedAt && samples[s].status !== 'skipped') owner = s;
      if (owner < 0) return;
      const sample = samples[owner];
      const verdict = verdicts[i];
      sample.measuredEnergyMah = verdict.measuredEnergyMah;
      sample.energyMeasurement = verdict.energyMeasurement;
      const unavailable = { ...(sample.unavailable ?? {}) };
      if (verdict.measuredEnergyMah === null) unavailable.energy = verdict.reason;
      else delete unavailable.energy;
      if (Object.keys(unavailable).length > 0) sample.unavailable = unavailable;
      else delete sample.unavailable;
    });
  }

  /** Stops and deletes whatever the sampler left on the device (every exit path; never throws). */
  async cleanup(): Promise<void> {
    await this.sampler?.cleanup().catch(() => undefined);
  }
}
