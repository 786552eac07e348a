/**
 * The fast proto trace decoder (src/probes/chrome-trace-proto.ts) against the decoder it replaced (kept unchanged in
 * chrome-trace-proto-reference.ts), on a trace recorded here from real Chromium (a page repainting every frame,
 * another page loaded, clock-sync markers between): the same slices, names and markers, whether the trace is decoded
 * whole or pushed in chunks cut anywhere. Then two SYNTHETIC byte strings for the error path.
 */
import { existsSync } from 'node:fs';
import fc from 'fast-check';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findBrowser } from '../../src/browser/find-browser.js';
import { ChromeTraceReader, readChromeTrace } from '../../src/probes/chrome-trace-proto.js';
import { readChromeTrace as readChromeTraceReference } from './chrome-trace-proto-reference.js';
import { ANIMATED_PAGE, animate, recordRawTrace } from './raw-trace.js';

let browser: Browser;
let bytes: Uint8Array;

beforeAll(async () => {
  const executablePath = findBrowser()?.executablePath;
  if (!executablePath || !existsSync(executablePath)) throw new Error('no Chromium found for the trace decoder test');
  browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
  const page = await browser.newPage({ viewport: { width: 1000, height: 900 } });
  bytes = await recordRawTrace(browser, async (mark) => {
    await page.setContent(ANIMATED_PAGE);
    await mark('idle:start');
    await page.waitForTimeout(300);
    await mark('idle:end');
    await animate(page);
    await mark('animated:start');
    await page.waitForTimeout(600);
    await mark('animated:end');
    await page.setContent('<!doctype html><p>second page</p>');
    await mark('second:end');
  });
});

afterAll(async () => {
  await browser?.close();
});

function chunked(trace: Uint8Array, cuts: number[]) {
  const reader = new ChromeTraceReader();
  let from = 0;
  for (const cut of [...new Set(cuts)].sort((a, b) => a - b)) {
    reader.push(trace.subarray(from, cut));
    from = cut;
  }
  reader.push(trace.subarray(from));
  return reader.finish();
}

describe('fast proto trace decoder, on a trace of real Chromium', () => {
  it('returns exactly what the reference decoder returns, on a trace with slices, names and markers', () => {
    const expected = readChromeTraceReference(bytes);
    expect(expected.slices.length).toBeGreaterThan(100);
    expect([...expected.marks.keys()].sort()).toEqual(['animated:end', 'animated:start', 'idle:end', 'idle:start', 'second:end']);
    expect([...expected.processNames.values()]).toContain('Renderer');
    expect(expected.slices.some((slice) => slice.cpuUs !== null && slice.cpuUs > 0)).toBe(true);
    expect(readChromeTrace(bytes)).toEqual(expected);
  });

  it('returns the same when the trace is pushed in chunks of any size', () => {
    const expected = readChromeTraceReference(bytes);
    for (const size of [1024 * 1024, 4096, 97]) {
      const cuts = Array.from({ length: Math.ceil(bytes.length / size) }, (_, i) => i * size);
      expect(chunked(bytes, cuts)).toEqual(expected);
    }
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: bytes.length }), { maxLength: 40 }), (cuts) => {
        expect(chunked(bytes, cuts)).toEqual(expected);
      }),
      { numRuns: 15 },
    );
  });

  it('fails as the reference does on a wire type Chromium never writes, wherever the chunks are cut (SYNTHETIC bytes)', () => {
    // A varint field 2, then field 3 with wire type 3 (a group start): the reference throws after reading its key.
    const bad = Uint8Array.from([0x10, 0x01, 0x1b, 0x00]);
    expect(() => readChromeTraceReference(bad)).toThrow('unsupported wire type 3 at byte 3');
    expect(() => readChromeTrace(bad)).toThrow('unsupported wire type 3 at byte 3');
    for (const cut of [1, 2, 3]) expect(() => chunked(bad, [cut])).toThrow('unsupported wire type 3 at byte 3');
    // After a real trace: the same error, at the same byte of the whole trace.
    const after = Uint8Array.from([...bytes, 0x1b, 0x0a, 0x00]);
    const at = `unsupported wire type 3 at byte ${bytes.length + 1}`;
    expect(() => readChromeTraceReference(after)).toThrow(at);
    expect(() => readChromeTrace(after)).toThrow(at);
    expect(() => chunked(after, [4096, bytes.length])).toThrow(at);
  });
});
