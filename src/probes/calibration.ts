/**
 * Host speed calibration (web): how fast is the machine that runs the measures? Runs a fixed,
 * deterministic JavaScript workload in the page, under the same CDP CPU throttling rate as the session,
 * and returns a benchmark index (work units per second, higher is faster) on a scale close to
 * Lighthouse's `benchmarkIndex`.
 *
 * Why: CDP CPU throttling (`Emulation.setCPUThrottlingRate`) slows the page down *relative to the host*,
 * so the same page throttled ×4 takes less CPU time on a fast laptop than on a slow CI runner. The energy
 * model (methodology/energy.ts) divides that host dependence out with the index measured here, so that two
 * machines give the same device CPU time for the same page.
 *
 * Idea taken from Lighthouse (GoogleChrome/lighthouse, core/lib/page-functions.js `computeBenchmarkIndex`,
 * described in docs/throttling.md "Benchmarking CPU Power"): count how many times a small workload completes
 * in a fixed window, half of it allocation/GC-heavy and half of it not, and average the two. The workload
 * here is our own (a JSON round trip of generated records, and a Mandelbrot escape-time loop); only the two
 * divisors that put its unit rates on Lighthouse's scale were set by running both side by side
 * (docs/methodology.md, "Host calibration"). One difference: the units are divided by the
 * main-thread CPU time they took (CDP `TaskDuration`, thread time), not by wall time, so that other
 * processes on a busy CI runner do not pass for a slow host (see {@link measureHostCalibration}).
 *
 * The windows are wall-clock ones, so the measure takes the same time on every host and at every throttling
 * rate: 2 × {@link CALIBRATION_WARMUP_MS} + 2 × {@link CALIBRATION_ROUNDS} × {@link CALIBRATION_PART_MS} plus
 * a few CDP round trips ≈ 1 s. The throttler slows the workload exactly as it slows page work, which is the
 * point: index × rate estimates the unthrottled host.
 *
 * Probes layer: drives the page through Playwright, never imports methodology/. The result has the same
 * shape as methodology's `HostCalibration` (structural typing makes them interchangeable).
 */
import type { CDPSession, Page } from 'playwright-core';
import type { HostCalibration } from '../model/environment.js';
import { median } from '../shared/stats.js';

/** Wall-clock window of each part of each round, ms (one page evaluation each). */
export const CALIBRATION_PART_MS = 120;
/** Warm-up of each part before the measured rounds (lets V8 optimise the units), ms. */
export const CALIBRATION_WARMUP_MS = 40;
/** Measured rounds; the index is their median. */
export const CALIBRATION_ROUNDS = 3;
/**
 * Divisors that turn units per CPU second into index points, chosen so that each part reads close to
 * Lighthouse's benchmarkIndex on the machine they were set on (unthrottled, quiet: JSON round trip about
 * 10 100 units/s, Mandelbrot about 14 000 units/s, Lighthouse's `computeBenchmarkIndex` about 2 000-2 200
 * in the same Chromium 156; see docs/methodology.md). The index is our own measure, on Lighthouse's
 * scale.
 */
export const CALIBRATION_DIVISORS = { serialise: 5, compute: 7 } as const;

/** Version of the workload: change it whenever the page code or a divisor changes. */
export const CALIBRATION_WORKLOAD_VERSION = 1;

/** Describes the method in one line, recorded with every calibration. */
export const CALIBRATION_METHOD =
  `ecoscore-cpu-benchmark v${CALIBRATION_WORKLOAD_VERSION}: median over ${CALIBRATION_ROUNDS} rounds of the mean of ` +
  `(JSON round trips of 200 records per main-thread CPU second ÷ ${CALIBRATION_DIVISORS.serialise}) and ` +
  `(24×24 Mandelbrot tiles per main-thread CPU second ÷ ${CALIBRATION_DIVISORS.compute}), ${CALIBRATION_PART_MS} ms window per part, ` +
  'run in the page under the session\'s CDP CPU throttling; index × rate = unthrottled host index (Lighthouse-like scale)';

/** What a calibration measured: model/'s `HostCalibration`, with the index of each round always given. */
export type CalibrationMeasure = HostCalibration & { rounds: number[] };

/** Global the page code installs its workload under (removed at the end). */
const PAGE_GLOBAL = '__ecoscoreCalibration__';

/**
 * Page code that installs the workload, kept as source text so that no bundler helper (tsx/esbuild
 * `__name`) leaks into the page. `run(part, windowMs)` repeats one unit until `windowMs` of wall time
 * have passed and returns how many units completed; installing warms both units up for
 * {@link CALIBRATION_WARMUP_MS} each, so that the measured rounds run optimised code.
 */
export const CALIBRATION_INSTALL_EXPRESSION = `(() => {
  // Allocation, strings and garbage collection: build 200 records, serialise and parse them, read them back.
  const serialise = () => {
    const rows = [];
    for (let i = 0; i < 200; i++) {
      rows.push({ id: i, label: 'row-' + i, value: (i * 7919) % 1000, tags: ['a' + (i % 7), 'b' + (i % 11)] });
    }
    const copy = JSON.parse(JSON.stringify(rows));
    let total = 0;
    for (const row of copy) total += row.value + row.tags[1].length;
    return total;
  };
  // Floating-point arithmetic with no allocation: escape times of a 24×24 tile of the Mandelbrot set.
  const compute = () => {
    let total = 0;
    for (let py = 0; py < 24; py++) {
      for (let px = 0; px < 24; px++) {
        const cx = -2 + px / 12;
        const cy = -1 + py / 12;
        let x = 0;
        let y = 0;
        let k = 0;
        while (k < 100 && x * x + y * y < 4) {
          const nextX = x * x - y * y + cx;
          y = 2 * x * y + cy;
          x = nextX;
          k++;
        }
        total += k;
      }
    }
    return total;
  };
  const units = { serialise, compute };
  const state = { sink: 0 };
  const run = (part, windowMs) => {
    const unit = units[part];
    const start = performance.now();
    let count = 0;
    while (performance.now() - start < windowMs) {
      state.sink = (state.sink + unit()) % 1000003;
      count++;
    }
    return count;
  };
  run('serialise', ${CALIBRATION_WARMUP_MS});
  run('compute', ${CALIBRATION_WARMUP_MS});
  globalThis.${PAGE_GLOBAL} = { run, state };
  return true;
})()`;

/** Page expression that runs one part for one window and returns the number of completed units. */
export function calibrationRunExpression(part: 'serialise' | 'compute', windowMs: number): string {
  return `globalThis.${PAGE_GLOBAL}.run(${JSON.stringify(part)}, ${windowMs})`;
}

/** Index of one round from its two unit rates (units per second of main-thread task time). */
export function roundIndex(serialiseUnitsPerSecond: number, computeUnitsPerSecond: number): number {
  return (serialiseUnitsPerSecond / CALIBRATION_DIVISORS.serialise + computeUnitsPerSecond / CALIBRATION_DIVISORS.compute) / 2;
}

/**
 * Turns the page's raw rates into a calibration. Throws when a rate is not a positive finite number
 * (the page was interrupted, or the workload was optimised away): no index is better than a false one.
 */
export function summariseCalibration(rawRounds: ReadonlyArray<readonly [number, number]>, throttlingRate: number, durationMs: number): CalibrationMeasure {
  if (rawRounds.length === 0) throw new Error('calibration: the page returned no round');
  const rounds = rawRounds.map(([serialise, compute], index) => {
    if (!(serialise > 0 && Number.isFinite(serialise) && compute > 0 && Number.isFinite(compute))) {
      throw new Error(`calibration: round ${index + 1} measured no work (${serialise} and ${compute} units/s)`);
    }
    return roundIndex(serialise, compute);
  });
  const benchmarkIndex = median(rounds);
  return {
    benchmarkIndex,
    throttlingRate,
    hostBenchmarkIndex: benchmarkIndex * throttlingRate,
    durationMs,
    method: CALIBRATION_METHOD,
    rounds,
  };
}

/**
 * Main-thread task time of the page's renderer so far (CDP `Performance.getMetrics` `TaskDuration`, the
 * figure the cpu probe reports as `cpuMs`), ms. Uses the session's Performance domain as the driver set it
 * up, so that the calibration and `cpuMs` are read in the same time domain; enables it (default settings)
 * only when nobody has.
 */
async function mainThreadTaskMs(cdp: CDPSession): Promise<number> {
  const read = async () => (await cdp.send('Performance.getMetrics')).metrics.find((metric) => metric.name === 'TaskDuration')?.value;
  let seconds = await read();
  if (seconds === undefined) {
    await cdp.send('Performance.enable');
    seconds = await read();
  }
  if (seconds === undefined) throw new Error('calibration: Performance.getMetrics has no TaskDuration');
  return seconds * 1000;
}

/**
 * Measures the host's speed in `page` under CDP CPU throttling `cpuThrottlingRate` (use the session's rate,
 * the device's `cpuSlowdownFactor`). Sets that rate on `cdp` and leaves it set. Run it on an idle page
 * (about:blank) before the first step; it takes about 1 s whatever the host and rate.
 *
 * Each part of each round is one evaluation; its units are divided by the main-thread task time the
 * evaluation took (CDP `TaskDuration`, the figure the cpu probe reports as `cpuMs`, in the session's
 * Performance time domain), not by the wall-clock window. With the domain in thread time
 * (`Performance.enable({ timeDomain: 'threadTicks' })`, recommended) time the page spent descheduled
 * because other processes wanted the CPU does not count, while the throttler's busy-wait does (Chromium's
 * throttler spins on the main thread, so throttled time is CPU time): the index tracks the throttling rate
 * and the host's speed, and much less its load.
 */
export async function measureHostCalibration(page: Page, cdp: CDPSession, cpuThrottlingRate: number): Promise<CalibrationMeasure> {
  if (!(Number.isFinite(cpuThrottlingRate) && cpuThrottlingRate >= 1)) {
    throw new RangeError(`calibration: the CPU throttling rate must be a finite number ≥ 1, got ${cpuThrottlingRate}`);
  }
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuThrottlingRate });
  const started = performance.now();
  try {
    await page.evaluate<boolean>(CALIBRATION_INSTALL_EXPRESSION);
    const rounds: [number, number][] = [];
    for (let round = 0; round < CALIBRATION_ROUNDS; round++) {
      const rates: number[] = [];
      for (const part of ['serialise', 'compute'] as const) {
        const before = await mainThreadTaskMs(cdp);
        const units = await page.evaluate<number>(calibrationRunExpression(part, CALIBRATION_PART_MS));
        const taskMs = (await mainThreadTaskMs(cdp)) - before;
        rates.push(taskMs > 0 ? units / (taskMs / 1000) : Number.NaN);
      }
      rounds.push([rates[0], rates[1]]);
    }
    const durationMs = Math.round((performance.now() - started) * 10) / 10;
    return summariseCalibration(rounds, cpuThrottlingRate, durationMs);
  } finally {
    await page.evaluate(`delete globalThis.${PAGE_GLOBAL}`).catch(() => undefined);
  }
}
