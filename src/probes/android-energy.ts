/**
 * Android energy measured per step: one sampler of battery current per iteration (Perfetto's battery counters,
 * or a sysfs loop where Perfetto is not available), started before the first step and read at the end of the
 * iteration; each step's window is taken on the same device clock (CLOCK_BOOTTIME, `/proc/uptime`), and its
 * energy is the integral of the samples inside it — or nothing, with the reason, when the conditions of a
 * measurement do not hold (android/energy-verdict.ts).
 *
 * Window: {@link AndroidEnergy.opening} is the LAST probe started (it reads the device clock when every other
 * probe is running) and {@link AndroidEnergy.closing} the FIRST stopped (it reads the clock before any other
 * probe's stop runs), so the window holds the step's actions and settling only. Each clock read is corrected
 * to the host moment it stands for (half the shell round trip, Cristian's method), so a window is as long as
 * the step's `durationMs` up to the clock's 10 ms resolution.
 *
 * During the iteration the samples carry `measuredEnergyMah: null`; {@link AndroidEnergy.finish} fills them.
 */
import { randomUUID } from 'node:crypto';
import type { RawStepSample } from '../result/schema.js';
import type { AndroidShell } from './android-shell.js';
import { parseDumpsysBattery, type BatteryState } from './android/battery.js';
import { judgeWindows, type EnergyMethod, type IterationRecording } from './android/energy-verdict.js';
import { parseUptimeMs, type StepWindow } from './android/power-samples.js';
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

/** A read of the device's boot clock, placed at a host moment. */
async function readDeviceClock(shell: AndroidShell, at: 'start' | 'end'): Promise<number> {
  const before = performance.now();
  const bootMs = parseUptimeMs(await shell('cat', ['/proc/uptime']));
  const halfTripMs = (performance.now() - before) / 2;
  // The device read its clock about half a round trip after `before` and before the answer arrived: the
  // window opens when the answer is back (start) and closed when the question left (end).
  return at === 'start' ? bootMs + halfTripMs : bootMs - halfTripMs;
}

interface OpenWindow {
  /** Host time (ms since the epoch) when the window was opened: matches the sample created just before. */
  openedAt: number;
  window: Partial<StepWindow>;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** One iteration's energy measurement (one per session). */
export class AndroidEnergy {
  private sampler: Sampler | null = null;
  private samplerProblem: string | null = null;
  private batteryStart: BatteryState | null = null;
  private readonly windows: OpenWindow[] = [];
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
        this.windows.push({ openedAt, window: { startBootMs: await readDeviceClock(this.shell, 'start') } });
      },
      stop: async (): Promise<ProbeFigures> => ({ measuredEnergyMah: null, energyMeasurement: null }),
    };
    this.closing = {
      name: 'energy',
      fields: [],
      start: async () => undefined,
      stop: async (): Promise<ProbeFigures> => {
        const open = this.windows.at(-1);
        if (open && open.window.endBootMs === undefined) open.window.endBootMs = await readDeviceClock(this.shell, 'end');
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
    if (this.sampler) {
      await sleep(3 * SAMPLE_PERIOD_MS);
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
    const complete = this.windows.filter((open): open is OpenWindow & { window: StepWindow } => open.window.startBootMs !== undefined && open.window.endBootMs !== undefined);
    const verdicts = judgeWindows(recording, complete.map((open) => open.window));
    this.apply(samples, complete, verdicts);
    const counters = [this.batteryStart?.chargeCounterUah ?? null, batteryEnd?.chargeCounterUah ?? null];
    const chargeCounter = counters[0] !== null && counters[1] !== null && counters[0] > 0 && counters[1] > 0
      ? { startUah: counters[0], endUah: counters[1], deltaMah: (counters[0] - counters[1]) / 1000 }
      : null;
    const note = [this.fallbackNote, reading?.note ?? null].filter(Boolean).join('; ') || null;
    return { chargeCounter, batteryStart: this.batteryStart, batteryEnd, method: reading ? method : null, note };
  }

  private apply(samples: RawStepSample[], windows: Array<OpenWindow & { window: StepWindow }>, verdicts: ReturnType<typeof judgeWindows>): void {
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
