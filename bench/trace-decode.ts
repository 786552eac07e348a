/**
 * Trace decoder benchmark (`npm run bench:trace-decode`): decodes one Chromium proto trace with the decoder of
 * src/probes/chrome-trace-proto.ts and with the one it replaced (test/probes/chrome-trace-proto-reference.ts),
 * alternately, in the same process, and prints CPU ms per MB of each and their ratio (medians; the first, cold
 * decode of each printed apart: a run of the toolkit decodes one trace per iteration). Checks that both return the
 * same before timing anything.
 *
 * The trace: BENCH_TRACE_FILE (raw bytes of a trace recorded as thread-cpu.ts records it), else one recorded here
 * from real Chromium (a page repainting every frame for BENCH_TRACE_SECONDS, default 6 s). BENCH_REPEAT: decodes of
 * each (default 10).
 */
import { readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { chromium } from 'playwright-core';
import { findBrowser } from '../src/browser/find-browser.js';
import { median } from '../src/methodology/stats.js';
import { ChromeTraceReader, readChromeTrace } from '../src/probes/chrome-trace-proto.js';
import { readChromeTrace as readChromeTraceReference } from '../test/probes/chrome-trace-proto-reference.js';
import { ANIMATED_PAGE, animate, recordRawTrace } from '../test/probes/raw-trace.js';

const repeat = Number(process.env.BENCH_REPEAT ?? 10);
const CHUNK_BYTES = 1024 * 1024;

async function traceBytes(): Promise<Uint8Array> {
  if (process.env.BENCH_TRACE_FILE) return new Uint8Array(readFileSync(process.env.BENCH_TRACE_FILE));
  const executablePath = findBrowser()?.executablePath;
  if (!executablePath) throw new Error('no Chromium found; run `node scripts/ensure-browser.mjs`');
  const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1000, height: 900 } });
    return await recordRawTrace(browser, async (mark) => {
      await page.setContent(ANIMATED_PAGE);
      await animate(page);
      await mark('start');
      await page.waitForTimeout(Number(process.env.BENCH_TRACE_SECONDS ?? 6) * 1000);
      await mark('end');
    });
  } finally {
    await browser.close();
  }
}

/** CPU time of `work`, ms (less disturbed than wall time by other processes on a shared machine). */
function cpuMs(work: () => unknown): number {
  const start = process.cpuUsage();
  work();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

function readChunked(bytes: Uint8Array) {
  const reader = new ChromeTraceReader();
  for (let from = 0; from < bytes.length; from += CHUNK_BYTES) reader.push(bytes.subarray(from, from + CHUNK_BYTES));
  return reader.finish();
}

const bytes = await traceBytes();
const megabytes = bytes.length / 1e6;
const decoders = { reference: readChromeTraceReference, new: readChromeTrace, 'new, 1 MiB chunks': readChunked };
// Cold: the first decode in this process (the chunked path runs the new decoder's code, already warm).
const cold: Record<string, number> = { reference: cpuMs(() => readChromeTraceReference(bytes)), new: cpuMs(() => readChromeTrace(bytes)) };
const expected = readChromeTraceReference(bytes);
for (const [name, decode] of Object.entries(decoders)) {
  if (!isDeepStrictEqual(decode(bytes), expected)) throw new Error(`${name}: not the reference decoder's result`);
}
const times: Record<string, number[]> = Object.fromEntries(Object.keys(decoders).map((name) => [name, []]));
for (let i = 0; i < repeat; i++) for (const [name, decode] of Object.entries(decoders)) times[name]!.push(cpuMs(() => decode(bytes)));

console.log(`trace: ${megabytes.toFixed(1)} MB, ${expected.slices.length} top-level slices, ${expected.marks.size} markers; same result from every decoder`);
const reference = median(times.reference!);
for (const name of Object.keys(decoders)) {
  const warm = median(times[name]!);
  console.log(
    `${name.padEnd(18)} cold ${cold[name] === undefined ? '   –' : (cold[name] / megabytes).toFixed(1)} ms/MB, warm ${(warm / megabytes).toFixed(1)} ms/MB (median of ${repeat}), reference / this ${(reference / warm).toFixed(2)}`,
  );
}
