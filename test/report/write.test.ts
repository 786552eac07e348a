/**
 * writeReports on a temporary copy of the recorded demo result: report.html, report.md, junit.xml and
 * the evidence bundle side by side, each written even when another fails; and the real PNG renderer
 * (headless Chromium) taking an element of a local HTML file, offline.
 */
import { cp, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findBrowser } from '../../src/browser/find-browser.js';
import { pngSize, renderElementPng } from '../../src/browser/render-png.js';
import { writeReports, type HtmlRenderOptions, type RenderHtml } from '../../src/output/reports.js';
import type { SummaryPngRenderer } from '../../src/output/evidence.js';
import { readResult } from '../../src/output/result-file.js';
import type { Result } from '../../src/model/result.js';

const FIXTURE_DIR = 'test/fixtures/results/demo-health';

let outDir: string;
let result: Result;

beforeEach(async () => {
  outDir = await mkdtemp(join(tmpdir(), 'ecoscore-write-'));
  await cp(FIXTURE_DIR, outDir, { recursive: true });
  result = await readResult(join(outDir, 'result.json'));
  // The recorded journey waits for texts only, so evidence/journey.testgb can be written in strict GDSL
  // (test/report/evidence.test.ts covers a CSS-selector wait, which it cannot).
  expect(result.journey.source).not.toContain('selector');
});

afterEach(async () => {
  await rm(outDir, { recursive: true, force: true });
});

const htmlCalls: Array<HtmlRenderOptions | undefined> = [];
const stubHtml: RenderHtml = (r, options) => {
  htmlCalls.push(options);
  return `<!doctype html><html><body><section id="summary">${r.summary.ecoscore}</section></body></html>`;
};
const pngCalls: Array<{ html: string; png: string; htmlText: string }> = [];
const stubPng: SummaryPngRenderer = async (html, png) => {
  pngCalls.push({ html, png, htmlText: await readFile(html, 'utf8') });
  const bytes = await readFile(join(FIXTURE_DIR, 'screenshots/1/01-reference.png'));
  await writeFile(png, bytes);
  return pngSize(bytes);
};

beforeEach(() => {
  htmlCalls.length = 0;
  pngCalls.length = 0;
});

describe('writeReports', () => {
  it('writes report.html, report.md, junit.xml and evidence/ beside result.json', async () => {
    const files = await writeReports(result, outDir, { renderHtml: stubHtml, renderSummaryPng: stubPng, generatedAt: '2026-11-22T08:00:00.000Z' });
    expect(files.errors).toEqual([]);
    expect(files.html).toBe(join(outDir, 'report.html'));
    expect(files.markdown).toBe(join(outDir, 'report.md'));
    expect(files.junit).toBe(join(outDir, 'junit.xml'));
    expect(files.evidence?.zip).toBe(join(outDir, 'evidence/evidence.zip'));
    // The recorded ecoscore: as the stub renderer prints it, and with one decimal in the Markdown.
    expect(await readFile(join(outDir, 'report.html'), 'utf8')).toContain(`<section id="summary">${result.summary.ecoscore}</section>`);
    expect(await readFile(join(outDir, 'report.md'), 'utf8')).toContain(`**${result.summary.ecoscore!.toFixed(1)}** / 100`);
    expect(await readFile(join(outDir, 'junit.xml'), 'utf8')).toContain('<testsuite name="Demo health app');
    expect(htmlCalls).toEqual([{ generatedAt: '2026-11-22T08:00:00.000Z' }]);
    // results.png is taken from the report.html just written.
    expect(pngCalls.map((call) => call.html)).toEqual([join(outDir, 'report.html')]);
    expect(files.evidence?.content.files.map((f) => f.path)).toContain('results.png');
    expect(files.evidence?.content.generatedAt).toBe('2026-11-22T08:00:00.000Z');
    expect((await readdir(outDir)).sort()).toEqual(['PROVENANCE.md', 'evidence', 'junit.xml', 'report.html', 'report.md', 'result.json', 'screenshots']);
  });

  it('passes the HTML options through and writes only the formats asked for', async () => {
    const files = await writeReports(result, outDir, {
      renderHtml: stubHtml,
      htmlOptions: { defaultLang: 'en', screenshotBase: '../run' },
      formats: ['markdown', 'evidence'],
      renderSummaryPng: stubPng,
      generatedAt: '2026-11-22T08:00:00.000Z',
    });
    expect(files.errors).toEqual([]);
    expect(files.html).toBeNull();
    expect(files.junit).toBeNull();
    expect(htmlCalls).toEqual([{ generatedAt: '2026-11-22T08:00:00.000Z', defaultLang: 'en', screenshotBase: '../run' }]);
    // The summary was rendered from a temporary HTML file, removed afterwards.
    expect(pngCalls).toHaveLength(1);
    expect(pngCalls[0].htmlText).toContain('id="summary"');
    expect((await readdir(outDir)).sort()).toEqual(['PROVENANCE.md', 'evidence', 'report.md', 'result.json', 'screenshots']);
  });

  it('keeps going when a part fails: a throwing HTML renderer loses report.html and results.png only', async () => {
    const throwing: RenderHtml = () => {
      throw new Error('chart.js bundle not found');
    };
    const files = await writeReports(result, outDir, { renderHtml: throwing, renderSummaryPng: stubPng });
    expect(files.html).toBeNull();
    expect(files.errors).toEqual([{ file: join(outDir, 'report.html'), message: 'chart.js bundle not found' }]);
    expect(files.markdown).not.toBeNull();
    expect(files.junit).not.toBeNull();
    expect(pngCalls).toEqual([]);
    expect(files.evidence?.content.missing).toEqual([{ path: 'results.png', reason: 'no HTML report to take it from: report.html could not be written: chart.js bundle not found' }]);
    expect(files.evidence?.content.files).toHaveLength(2 + result.steps.length);
  });

  it('reads the screenshots from another folder when the reports go elsewhere', async () => {
    const elsewhere = await mkdtemp(join(tmpdir(), 'ecoscore-write-out-'));
    try {
      const files = await writeReports(result, elsewhere, { renderHtml: stubHtml, sourceDir: outDir, resultFile: join(outDir, 'result.json') });
      expect(files.errors).toEqual([]);
      expect(files.evidence?.content.missing.map((m) => m.path)).toEqual(['results.png']);
      expect(files.evidence?.content.result.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect((await stat(join(elsewhere, 'evidence/steps/09-health-resources-heavy-page.png'))).size).toBe(280944);
    } finally {
      await rm(elsewhere, { recursive: true, force: true });
    }
  });
});

const browser = findBrowser();

describe.skipIf(browser === null)('renderElementPng in real Chromium', () => {
  it('writes a PNG of the element whose IHDR size is the returned size (CSS pixels × scale), offline', async () => {
    const html = join(outDir, 'tiny.html');
    await writeFile(
      html,
      [
        '<!doctype html><html><head><meta charset="utf-8"><style>body{margin:0;font:16px sans-serif}',
        '#summary{width:300px;height:120px;background:#0a7d38;color:#fff;box-sizing:border-box;padding:10px}</style></head>',
        '<body><header style="height:50px">header</header><section id="summary">Ecoscore 86 <canvas width="60" height="30"></canvas>',
        // A remote image must be blocked (a closed loopback port: nothing leaves the machine either way).
        '<img src="http://127.0.0.1:9/tracker.png" width="1" height="1" alt=""></section>',
        '<script>const c=document.querySelector("canvas").getContext("2d");c.fillStyle="#fff";c.fillRect(0,0,30,30);</script>',
        '</body></html>',
      ].join(''),
    );
    const png = join(outDir, 'out/summary.png');
    const size = await renderElementPng(html, '#summary', png, { executablePath: browser?.executablePath, width: 600, deviceScaleFactor: 2 });
    expect(size).toEqual({ width: 600, height: 240, blockedRequests: ['http://127.0.0.1:9/tracker.png'] });
    const bytes = await readFile(png);
    expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(bytes.subarray(12, 16).toString('latin1')).toBe('IHDR');
    expect({ width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) }).toEqual({ width: 600, height: 240 });
  }, 60_000);

  it('says which selector is missing', async () => {
    const html = join(outDir, 'empty.html');
    await writeFile(html, '<!doctype html><p>no summary here</p>');
    await expect(renderElementPng(html, '#summary', join(outDir, 'x.png'), { executablePath: browser?.executablePath })).rejects.toThrow(/no element matches #summary/);
  }, 60_000);

  it('takes results.png from the real report.html’s #summary, offline, with the default HTML renderer', async () => {
    let blocked: string[] | undefined;
    const files = await writeReports(result, outDir, {
      renderSummaryPng: async (htmlFile, pngFile) => {
        const rendered = await renderElementPng(htmlFile, '#summary', pngFile, { executablePath: browser?.executablePath, deviceScaleFactor: 1 });
        blocked = rendered.blockedRequests;
        return rendered;
      },
    });
    expect(files.errors).toEqual([]);
    expect(files.evidence?.content.missing).toEqual([]);
    expect(await readFile(join(outDir, 'report.html'), 'utf8')).toContain('<section id="summary"');
    expect(blocked).toEqual([]); // the report is self-contained
    const entry = files.evidence?.content.files.find((f) => f.path === 'results.png');
    const bytes = await readFile(join(outDir, 'evidence/results.png'));
    expect(entry?.size).toBe(bytes.byteLength);
    const size = pngSize(bytes);
    expect(size.width).toBeGreaterThan(300);
    expect(size.width).toBeLessThanOrEqual(1200);
    expect(size.height).toBeGreaterThan(200);
  }, 60_000);
});
