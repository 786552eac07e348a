/**
 * Records a real Chromium trace exactly as the off-main-thread CPU probe asks for it (src/probes/thread-cpu.ts:
 * categories `toplevel` and `__metadata`, protobuf stream, no compression) and returns its raw bytes, with clock-sync
 * markers around the work given. For the decoder's equivalence test and bench/trace-decode.ts.
 */
import type { Browser, Page } from 'playwright-core';

/** A page that repaints a large gradient every frame once `animate` runs (raster, compositing, GPU-process work). */
export const ANIMATED_PAGE = `<!doctype html><html><head><style>
  body { margin: 0 } #spin { width: 900px; height: 900px; background: linear-gradient(45deg, #c33, #36c, #3c6) }
</style></head><body><div id="spin"></div></body></html>`;

/** Starts the repainting loop of {@link ANIMATED_PAGE} (source text: no bundler helper may leak into the page). */
export function animate(page: Page): Promise<void> {
  return page.evaluate(`(() => {
    const spin = document.getElementById('spin');
    let frame = 0;
    const tick = () => {
      frame++;
      spin.style.background = 'linear-gradient(' + frame * 7 + 'deg, #c33, #36c ' + (frame % 100) + '%, #3c6)';
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  })()`);
}

/** Traces `work` (given a function that records a clock-sync marker) and returns the trace's bytes. */
export async function recordRawTrace(browser: Browser, work: (mark: (id: string) => Promise<void>) => Promise<void>): Promise<Uint8Array> {
  const cdp = await browser.newBrowserCDPSession();
  await cdp.send('Tracing.start' as never, {
    traceConfig: { includedCategories: ['toplevel', '__metadata'], recordMode: 'recordContinuously' },
    transferMode: 'ReturnAsStream',
    streamFormat: 'proto',
    streamCompression: 'none',
  } as never);
  await work((id) => cdp.send('Tracing.recordClockSyncMarker' as never, { syncId: id } as never) as Promise<void>);
  const complete = new Promise<{ stream?: string }>((resolve) => cdp.once('Tracing.tracingComplete' as never, (event: { stream?: string }) => resolve(event)));
  await cdp.send('Tracing.end' as never);
  const { stream } = await complete;
  if (!stream) throw new Error('the browser returned no trace stream');
  const chunks: Buffer[] = [];
  for (;;) {
    const read = (await cdp.send('IO.read' as never, { handle: stream, size: 16 * 1024 * 1024 } as never)) as { data: string; base64Encoded?: boolean; eof: boolean };
    chunks.push(Buffer.from(read.data, read.base64Encoded ? 'base64' : 'latin1'));
    if (read.eof) break;
  }
  await cdp.send('IO.close' as never, { handle: stream } as never);
  await cdp.detach();
  return new Uint8Array(Buffer.concat(chunks));
}
