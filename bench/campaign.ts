/**
 * Campaign benchmarks (`npm run bench:campaign`), ratios and trends rather than absolute times:
 *  1. throughput: a 2 variants × 2 networks × 3 iterations campaign of the tiny demo journey with
 *     --workers 1 and --workers 2, alternately; prints the wall times and their ratio;
 *  2. memory over a long campaign: BENCH_RUNS (default 100) runs (combinations × iterations), sampling
 *     the toolkit's RSS and the browser process trees after each combination; prints the first and last
 *     deciles, which must be flat (no leaked browser, page or listener).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runCampaign } from '../src/run/campaign.js';
import { parseCampaign } from '../src/run/campaign-file.js';
import { median } from '../src/methodology/stats.js';

const runs = Number(process.env.BENCH_RUNS ?? 100);
const tiny = resolve('test/fixtures/journeys/valid/tiny.yaml');

function campaignText(variants: number, networks: string[], iterations: number): string {
  const list = Array.from({ length: variants }, (_, i) => `  - { name: v${String(i + 1).padStart(3, '0')}, demo: { theme: ${i % 2 ? 'dark' : 'light'} } }`).join('\n');
  return `name: bench\njourneys: [ ${JSON.stringify(tiny)} ]\nnetworks: [ ${networks.join(', ')} ]\niterations: ${iterations}\nvariants:\n${list}\n`;
}

/** RSS of every Chromium process still alive that this process started (should be 0 between combinations). */
function browserRssBytes(): number {
  let total = 0;
  for (const pid of readdirSync('/proc').filter((entry) => /^\d+$/.test(entry))) {
    try {
      if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('--ecoscore-run=')) continue;
      const rssPages = Number(readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ')[1]);
      total += rssPages * 4096;
    } catch {
      // gone
    }
  }
  return total;
}

const dir = await mkdtemp(join(tmpdir(), 'ecoscore-bench-campaign-'));
try {
  // 1. throughput
  const file = join(dir, 'two-by-two.yaml');
  await writeFile(file, campaignText(2, ['fiber', 'wifi'], 3));
  const loaded = parseCampaign(campaignText(2, ['fiber', 'wifi'], 3), file);
  const timings: Record<1 | 2, number[]> = { 1: [], 2: [] };
  for (let round = 0; round < 2; round++) {
    for (const workers of round % 2 === 0 ? ([1, 2] as const) : ([2, 1] as const)) {
      const t0 = performance.now();
      const { index } = await runCampaign(loaded, { outDir: join(dir, `throughput-${round}-${workers}`), workers });
      if (index.status !== 'passed') throw new Error(`campaign failed: ${index.warnings.join('; ')}`);
      timings[workers].push(performance.now() - t0);
    }
  }
  const one = median(timings[1]);
  const two = median(timings[2]);
  console.log(`2 variants × 2 networks × 3 iterations (tiny demo journey): workers 1 ${(one / 1000).toFixed(1)} s, workers 2 ${(two / 1000).toFixed(1)} s, speed-up ×${(one / two).toFixed(2)}`);

  // 2. memory over a long campaign
  const iterations = 5;
  const variants = Math.max(1, Math.round(runs / iterations));
  const longFile = join(dir, 'long.yaml');
  const longText = campaignText(variants, ['fiber'], iterations);
  await writeFile(longFile, longText);
  const samples: { node: number; browsers: number }[] = [];
  let peakNode = 0;
  const sampler = setInterval(() => (peakNode = Math.max(peakNode, process.memoryUsage().rss)), 100);
  await runCampaign(parseCampaign(longText, longFile), {
    outDir: join(dir, 'long'),
    onEvent: (event) => {
      if (event.type === 'combination-end') samples.push({ node: process.memoryUsage().rss, browsers: browserRssBytes() });
    },
  });
  clearInterval(sampler);
  const decile = Math.max(1, Math.floor(samples.length / 10));
  const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;
  const first = median(samples.slice(0, decile).map((s) => s.node));
  const last = median(samples.slice(-decile).map((s) => s.node));
  console.log(`${variants * iterations} runs (${variants} combinations × ${iterations} iterations): toolkit RSS first decile ${mb(first)}, last decile ${mb(last)} (×${(last / first).toFixed(2)}), peak ${mb(peakNode)}`);
  console.log(`browser processes alive between combinations: max ${mb(Math.max(...samples.map((s) => s.browsers)))} (0 = none leaked)`);
} finally {
  await rm(dir, { recursive: true, force: true });
}
