/**
 * Trace end-and-read benchmark (`npm run bench:trace-read`): from `Tracing.end` to the decoded trace, for a trace
 * recorded from real Chromium as the off-main-thread CPU probe records it (a page repainting every frame for
 * BENCH_TRACE_SECONDS, default 4 s), three ways, alternately, BENCH_REPEAT times each (default 3):
 * - `before`: as thread-cpu.ts did before (sequential 16 MiB `IO.read`s, then the previous decoder on the whole);
 * - `now`: as `ThreadCpuTracer.end` reads now (1 MiB reads, each chunk decoded while the next is read);
 * - `now-4MiB`: the same with 4 MiB reads;
 * - `gzip`: 1 MiB reads with `streamCompression: "gzip"` (the browser compresses, Node inflates as chunks arrive).
 * BENCH_WAYS selects them (comma-separated names; default `before,now,gzip`).
 * Prints the median wall ms of each and the ratios to the first selected (`before` by default). Wall time on a shared machine is noisy: compare
 * ratios from the same run only.
 */
import { createGunzip } from 'node:zlib';
import { chromium, type CDPSession } from 'playwright-core';
import { findBrowser } from '../src/browser/find-browser.js';
import { median } from '../src/methodology/stats.js';
import { ChromeTraceReader } from '../src/probes/chrome-trace-proto.js';
import { readChromeTrace as readChromeTraceReference } from '../test/probes/chrome-trace-proto-reference.js';
import { ANIMATED_PAGE, animate } from '../test/probes/raw-trace.js';

const repeat = Number(process.env.BENCH_REPEAT ?? 3);
const traceMs = Number(process.env.BENCH_TRACE_SECONDS ?? 4) * 1000;
type Chunk = { data: string; base64Encoded?: boolean; eof: boolean };
const traceBytes: number[] = [];

function start(cdp: CDPSession, compression: 'none' | 'gzip'): Promise<unknown> {
  return cdp.send('Tracing.start' as never, {
    traceConfig: { includedCategories: ['toplevel', '__metadata'], recordMode: 'recordContinuously' },
    transferMode: 'ReturnAsStream',
    streamFormat: 'proto',
    streamCompression: compression,
  } as never);
}

let endMs = 0;
async function endStream(cdp: CDPSession): Promise<string> {
  const t0 = performance.now();
  const complete = new Promise<{ stream?: string }>((resolve) => cdp.once('Tracing.tracingComplete' as never, (event: { stream?: string }) => resolve(event)));
  await cdp.send('Tracing.end' as never);
  const { stream } = await complete;
  if (!stream) throw new Error('no trace stream');
  endMs = performance.now() - t0;
  return stream;
}

async function before(cdp: CDPSession): Promise<number> {
  const handle = await endStream(cdp);
  const chunks: Buffer[] = [];
  for (;;) {
    const read = (await cdp.send('IO.read' as never, { handle, size: 16 * 1024 * 1024 } as never)) as Chunk;
    chunks.push(Buffer.from(read.data, read.base64Encoded ? 'base64' : 'latin1'));
    if (read.eof) break;
  }
  await cdp.send('IO.close' as never, { handle } as never);
  const bytes = Buffer.concat(chunks);
  traceBytes.push(bytes.length);
  return readChromeTraceReference(bytes).slices.length;
}

/** As ThreadCpuTracer.end reads (thread-cpu.ts `readStream`), written out here to time its phases. */
async function now(cdp: CDPSession, chunkBytes = 1024 * 1024): Promise<number> {
  const handle = await endStream(cdp);
  const reader = new ChromeTraceReader();
  const read = () => cdp.send('IO.read' as never, { handle, size: chunkBytes } as never) as Promise<Chunk>;
  let next: Promise<Chunk> | null = read();
  let bytes = 0;
  while (next) {
    const chunk: Chunk = await next;
    next = chunk.eof ? null : read();
    const data = Buffer.from(chunk.data, chunk.base64Encoded ? 'base64' : 'latin1');
    bytes += data.length;
    reader.push(data);
  }
  await cdp.send('IO.close' as never, { handle } as never);
  traceBytes.push(bytes);
  return reader.finish().slices.length;
}

async function gzip(cdp: CDPSession): Promise<number> {
  const handle = await endStream(cdp);
  const reader = new ChromeTraceReader();
  const gunzip = createGunzip();
  gunzip.on('data', (chunk: Buffer) => reader.push(chunk));
  const done = new Promise((resolve, reject) => gunzip.on('end', resolve).on('error', reject));
  const read = () => cdp.send('IO.read' as never, { handle, size: 1024 * 1024 } as never) as Promise<Chunk>;
  let next: Promise<Chunk> | null = read();
  while (next) {
    const chunk: Chunk = await next;
    next = chunk.eof ? null : read();
    gunzip.write(Buffer.from(chunk.data, chunk.base64Encoded ? 'base64' : 'latin1'));
  }
  gunzip.end();
  await done;
  await cdp.send('IO.close' as never, { handle } as never);
  return reader.finish().slices.length;
}

const executablePath = findBrowser()?.executablePath;
if (!executablePath) throw new Error('no Chromium found; run `node scripts/ensure-browser.mjs`');
const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
const page = await browser.newPage({ viewport: { width: 1000, height: 900 } });
await page.setContent(ANIMATED_PAGE);
await animate(page);
const cdp = await browser.newBrowserCDPSession();
const ways: Record<string, { begin: () => Promise<unknown>; end: () => Promise<unknown> }> = {
  before: { begin: () => start(cdp, 'none'), end: () => before(cdp) },
  now: { begin: () => start(cdp, 'none'), end: () => now(cdp) },
  'now-4MiB': { begin: () => start(cdp, 'none'), end: () => now(cdp, 4 * 1024 * 1024) },
  gzip: { begin: () => start(cdp, 'gzip'), end: () => gzip(cdp) },
};
const selected = (process.env.BENCH_WAYS ?? 'before,now,gzip').split(',');
for (const name of Object.keys(ways)) if (!selected.includes(name)) delete ways[name];
const times: Record<string, number[]> = Object.fromEntries(Object.keys(ways).map((name) => [name, []]));
const ends: Record<string, number[]> = Object.fromEntries(Object.keys(ways).map((name) => [name, []]));
for (let i = 0; i <= repeat; i++) {
  for (const [name, way] of Object.entries(ways)) {
    await way.begin();
    await page.waitForTimeout(traceMs);
    const t0 = performance.now();
    await way.end();
    // The first round warms the JIT of every path up and is not counted.
    if (i > 0) {
      times[name]!.push(performance.now() - t0);
      ends[name]!.push(endMs);
    }
  }
}
await browser.close();
const first = Object.keys(ways)[0]!;
const reference = median(times[first]!);
console.log(`traces of ${(median(traceBytes) / 1e6).toFixed(1)} MB (median), ${traceMs / 1000} s each`);
for (const name of Object.keys(ways)) {
  const ms = median(times[name]!);
  const end = median(ends[name]!);
  console.log(`${name.padEnd(7)} ${ms.toFixed(0).padStart(5)} ms from Tracing.end to the decoded trace (median of ${repeat}; of which Tracing.end ${end.toFixed(0)} ms, read and decode ${median(times[name]!.map((t, i) => t - ends[name]![i]!)).toFixed(0)} ms), ${first} / this ${(reference / ms).toFixed(2)}`);
}
