/**
 * Overhead benchmark (`npm run bench`): the demo journey through the toolkit and the same actions in a
 * bare Playwright script, alternately, several times, in the same process. Prints the median wall-time
 * ratio toolkit / bare (target ≤ 1.06) and the toolkit's peak memory. Ratios, not absolute times: these
 * machines are noisy.
 *
 * Options (environment): BENCH_ROUNDS (default 5), BENCH_IDLE_MS (shortens the reference and pause steps
 * to this many milliseconds; default: the journey's own durations). Short idle steps make the overhead a
 * larger share of the run: the ratio is then a worst case.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runJourney } from '../src/run/journey.js';
import { findBrowser } from '../src/browser/find-browser.js';
import { loadJourney } from '../src/journey/load.js';
import { median } from '../src/methodology/stats.js';
import { runBareDemo } from './bare-demo.js';

const rounds = Number(process.env.BENCH_ROUNDS ?? 5);
const idleOverrideMs = process.env.BENCH_IDLE_MS ? Number(process.env.BENCH_IDLE_MS) : undefined;
const browser = findBrowser();
if (!browser) throw new Error('no Chromium found; run `node scripts/ensure-browser.mjs`');

const loaded = await loadJourney('journeys/demo-health.yaml');
for (const step of loaded.journey.steps) {
  if ((step.type === 'reference' || step.type === 'pause') && idleOverrideMs !== undefined) step.duration = idleOverrideMs;
}
const idleOf = (type: string) => loaded.journey.steps.find((step) => step.type === type)?.duration ?? 0;
const idle = { referenceMs: idleOf('reference'), pauseMs: idleOf('pause') };
const { device, network } = loaded.journey;

let peakRssBytes = 0;
let sampling = false;
const sampler = setInterval(() => {
  if (sampling) peakRssBytes = Math.max(peakRssBytes, process.memoryUsage().rss);
}, 50);

async function timeToolkit(): Promise<number> {
  const outDir = await mkdtemp(join(tmpdir(), 'ecoscore-bench-'));
  sampling = true;
  const t0 = performance.now();
  const { result } = await runJourney(loaded, { outDir, iterations: 1, executablePath: browser!.executablePath });
  const elapsed = performance.now() - t0;
  sampling = false;
  if (result.status !== 'passed') throw new Error(`toolkit run failed: ${result.warnings.map((warning) => warning.message).join('; ')}`);
  await rm(outDir, { recursive: true, force: true });
  return elapsed;
}

async function timeBare(): Promise<number> {
  const t0 = performance.now();
  await runBareDemo(browser!.executablePath, idle, device, network);
  return performance.now() - t0;
}

// One warm-up of each (file-system caches, JIT), not counted.
await timeBare();
await timeToolkit();
const ratios: number[] = [];
const toolkitMs: number[] = [];
const bareMs: number[] = [];
for (let round = 0; round < rounds; round++) {
  // Alternate the order so that drift of the machine does not favour one side.
  const first = round % 2 === 0 ? await timeToolkit() : await timeBare();
  const second = round % 2 === 0 ? await timeBare() : await timeToolkit();
  const [toolkit, bare] = round % 2 === 0 ? [first, second] : [second, first];
  toolkitMs.push(toolkit);
  bareMs.push(bare);
  ratios.push(toolkit / bare);
  console.log(`round ${round + 1}/${rounds}: toolkit ${(toolkit / 1000).toFixed(2)} s, bare ${(bare / 1000).toFixed(2)} s, ratio ${(toolkit / bare).toFixed(3)}`);
}
clearInterval(sampler);
const ratio = median(ratios);
console.log(`\ndemo journey (${loaded.journey.steps.length} steps, reference ${idle.referenceMs} ms, pause ${idle.pauseMs} ms, ${device}, ${network}), ${rounds} rounds`);
console.log(`median wall time: toolkit ${(median(toolkitMs) / 1000).toFixed(2)} s, bare Playwright ${(median(bareMs) / 1000).toFixed(2)} s`);
console.log(`median ratio toolkit / bare: ${ratio.toFixed(3)} (target ≤ 1.06) ${ratio <= 1.06 ? 'OK' : 'ABOVE TARGET'}`);
console.log(`toolkit peak memory (Node process RSS): ${(peakRssBytes / 1e6).toFixed(1)} MB`);
