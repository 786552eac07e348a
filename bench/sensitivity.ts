/**
 * Sensitivity benchmark (`npm run bench:sensitivity`): the demo journey as is, the same journey padded with idle
 * pause steps (same work), and the heavy-home variant (`DEMO_HEAVY_HOME=true`: +1.2 MB on the critical "sign in"
 * step), each run with the same iterations in the same process, their ecoscores side by side. The methodology says
 * the padded journey must score no higher than the plain one, and the heavy one clearly lower.
 *
 * Options (environment): BENCH_ITERATIONS (default 3), BENCH_PADDING (idle steps added, default 4),
 * BENCH_PAUSE_MS (their duration, default 5000).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runJourney } from '../src/run/journey.js';
import { findBrowser } from '../src/browser/find-browser.js';
import { loadJourney, type LoadedJourney } from '../src/journey/load.js';
import type { Step } from '../src/journey/schema.js';
import type { Result } from '../src/model/result.js';

const iterations = Number(process.env.BENCH_ITERATIONS ?? 3);
const padding = Number(process.env.BENCH_PADDING ?? 4);
const pauseMs = Number(process.env.BENCH_PAUSE_MS ?? 5000);
if (!findBrowser()) throw new Error('no Chromium found; run `node scripts/ensure-browser.mjs`');

/** The journey with `count` idle pause steps spread between its work steps (the work is unchanged). */
function padded(loaded: LoadedJourney, count: number): LoadedJourney {
  const steps: Step[] = [];
  const workIndexes = loaded.journey.steps.map((step, index) => (step.type === 'reference' || step.type === 'pause' ? -1 : index)).filter((index) => index > 0);
  const before = new Set(workIndexes.slice(-count));
  for (const [index, step] of loaded.journey.steps.entries()) {
    if (before.has(index)) steps.push({ name: `idle before ${step.name}`, type: 'pause', critical: false, duration: pauseMs });
    steps.push(step);
  }
  return { ...loaded, journey: { ...loaded.journey, steps } };
}

async function measure(label: string, loaded: LoadedJourney): Promise<Result> {
  const outDir = await mkdtemp(join(tmpdir(), `ecoscore-sensitivity-${label}-`));
  try {
    const { result } = await runJourney(loaded, { outDir, iterations });
    return result;
  } finally {
    await rm(outDir, { recursive: true, force: true });
  }
}

const plainJourney = await loadJourney('journeys/demo-health.yaml');
const heavyJourney = await loadJourney('journeys/demo-health.yaml', { vars: { DEMO_HEAVY_HOME: 'true' } });
const variants: [string, LoadedJourney][] = [
  ['as is', plainJourney],
  [`padded (+${padding} idle pauses of ${pauseMs / 1000} s)`, padded(plainJourney, padding)],
  ['heavy home (+1.2 MB on "sign in")', heavyJourney],
];

const rows: { label: string; result: Result }[] = [];
for (const [label, loaded] of variants) {
  process.stderr.write(`sensitivity: ${label}…\n`);
  rows.push({ label, result: await measure(label.split(' ')[0]!, loaded) });
}

const fmt = (value: number | null | undefined) => (value === null || value === undefined ? '–' : value.toFixed(1));
const heavyStep = (result: Result) => result.steps.find((step) => step.type === 'load' && /heavy page/.test(step.name));
const signIn = (result: Result) => result.steps.find((step) => step.name === 'sign in');
console.log(`\nDemo sensitivity (${iterations} iteration(s) each, ${plainJourney.journey.device}, ${plainJourney.journey.network})`);
console.log('| variant | ecoscore | grade | energy | performance | data | spread | heavy page energy | heavy page data | sign in E / P / D |');
console.log('|---|---|---|---|---|---|---|---|---|---|');
for (const { label, result } of rows) {
  const { summary } = result;
  const spread = summary.spread?.ecoscore ? `${fmt(summary.spread.ecoscore.min)}–${fmt(summary.spread.ecoscore.max)}` : '–';
  const heavy = heavyStep(result);
  const sign = signIn(result)?.scores;
  console.log(
    `| ${label} | ${fmt(summary.ecoscore)} | ${summary.grade ?? `no grade (${summary.status?.message ?? '?'})`} | ${fmt(summary.scores?.energy)} | ${fmt(summary.scores?.performance)} | ${fmt(summary.scores?.data)} | ${spread} | ${fmt(heavy?.scores?.energy)} | ${fmt(heavy?.scores?.data)} | ${fmt(sign?.energy)} / ${fmt(sign?.performance)} / ${fmt(sign?.data)} |`,
  );
}
const [plain, pad, heavy] = rows.map((row) => row.result.summary.ecoscore ?? Number.NaN) as [number, number, number];
console.log(`\npadded − plain: ${(pad - plain).toFixed(1)} (must be ≤ 0.5); heavy − plain: ${(heavy - plain).toFixed(1)} (must be ≤ −8)`);
