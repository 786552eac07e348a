/**
 * Screenshot masking fails closed (issue 11, item 6), in real Chromium on a local page: a field that
 * received a secret stays masked in later steps until the page navigates away, a re-rendered copy of the
 * value and text that shows it back are masked too, and a secret field its locator no longer finds stops
 * the screenshot (no file, the reason said). Pixels are read back from the PNGs with a canvas.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runJourney } from '../../src/run/journey.js';
import type { Driver, Session } from '../../src/drivers/driver.js';
import { findBrowser } from '../../src/browser/find-browser.js';
import { openPlaywrightDriver } from '../../src/drivers/playwright.js';
import { parseJourney } from '../../src/journey/load.js';
import type { Action } from '../../src/journey/schema.js';
import { getDeviceProfile, getNetworkProfile } from '../../src/profiles/index.js';

const SECRET = 'Zx9-canary-secret';
const PAGE = `<!doctype html><html><body style="margin:0;font:20px sans-serif;background:#fff">
<div id="form"><label for="code">Code</label> <input id="code" type="text" style="width:300px;height:40px"></div>
<p id="echo" style="height:30px"></p>
<button id="rerender" onclick="const v=document.getElementById('code').value;document.getElementById('form').innerHTML='<input id=copy style=width:300px;height:40px>';document.getElementById('copy').value=v">rerender</button>
<button id="remove" onclick="document.getElementById('form').remove()">remove</button>
<button id="echo-it" onclick="document.getElementById('echo').textContent='Bonjour '+document.getElementById('code').value">echo</button>
<a id="next" href="/next">next</a></body></html>`;

let server: Server;
let baseUrl: string;
let dir: string;
let driver: Driver;
let viewer: Browser;

beforeAll(async () => {
  server = createServer((request, response) => {
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    response.end(request.url === '/next' ? '<!doctype html><p>next page</p>' : PAGE);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  dir = await mkdtemp(join(tmpdir(), 'ecoscore-masking-'));
  driver = await openPlaywrightDriver({ device: getDeviceProfile('desktop'), network: getNetworkProfile('fiber'), baseUrl });
  const executablePath = findBrowser()?.executablePath;
  if (!executablePath || !existsSync(executablePath)) throw new Error('no Chromium to read the screenshots back');
  viewer = await chromium.launch({ executablePath, args: ['--no-sandbox'] });
}, 60_000);

afterAll(async () => {
  await driver?.close();
  await viewer?.close();
  await new Promise((resolve) => server?.close(resolve));
  await rm(dir, { recursive: true, force: true });
});

const fill: Action = { kind: 'fill', locator: { label: 'Code' }, value: SECRET, secret: true };
const click = (id: string): Action => ({ kind: 'click', locator: { selector: `#${id}` } });

/** The colour of the pixel at (x, y) CSS pixels of a PNG, read by a canvas. */
async function pixel(png: string, x: number, y: number): Promise<[number, number, number]> {
  const page = await viewer.newPage();
  try {
    const data = (await readFile(png)).toString('base64');
    return await page.evaluate(
      async ({ data, x, y }) => {
        const image = new Image();
        image.src = `data:image/png;base64,${data}`;
        await image.decode();
        const canvas = document.createElement('canvas');
        canvas.width = image.width;
        canvas.height = image.height;
        const context = canvas.getContext('2d')!;
        context.drawImage(image, 0, 0);
        const [r, g, b] = context.getImageData(x, y, 1, 1).data;
        return [r, g, b] as [number, number, number];
      },
      { data, x, y },
    );
  } finally {
    await page.close();
  }
}

const MAGENTA: [number, number, number] = [255, 0, 255];

async function centreOf(session: Session, selector: string): Promise<{ x: number; y: number }> {
  const page = (session as unknown as { page: import('playwright-core').Page }).page;
  const box = await page.locator(selector).boundingBox();
  if (!box) throw new Error(`${selector} has no box`);
  return { x: Math.round(box.x + box.width / 2), y: Math.round(box.y + box.height / 2) };
}

describe('masking in real Chromium', () => {
  it('masks the field in a later screenshot of the same page, then a re-rendered copy and the text that shows it', async () => {
    const session = await driver.openSession();
    try {
      await session.perform({ kind: 'goto', url: '/' }, 10_000);
      await session.perform(fill, 10_000);
      // A later step of the same page: the fill is not one of its actions, the field is still masked.
      const later = join(dir, 'later.png');
      await session.screenshot(later, { maskSelectors: [], maskActions: [fill] });
      const field = await centreOf(session, '#code');
      expect(await pixel(later, field.x, field.y)).toEqual(MAGENTA);

      await session.perform(click('echo-it'), 10_000);
      const echoed = join(dir, 'echoed.png');
      await session.screenshot(echoed, { maskSelectors: [], maskActions: [fill] });
      const echo = await centreOf(session, '#echo');
      expect(await pixel(echoed, 20, echo.y)).toEqual(MAGENTA);
      // Unmasked parts are not magenta: the mask is where the secret is.
      const button = await centreOf(session, '#remove');
      expect(await pixel(echoed, button.x, button.y)).not.toEqual(MAGENTA);
    } finally {
      await session.close();
    }
  }, 60_000);

  it('does not save a screenshot when the secret field is gone from its locator on the same page', async () => {
    const session = await driver.openSession();
    try {
      await session.perform({ kind: 'goto', url: '/' }, 10_000);
      await session.perform(fill, 10_000);
      await session.perform(click('rerender'), 10_000);
      const file = join(dir, 'rerendered.png');
      await expect(session.screenshot(file, { maskSelectors: [], maskActions: [fill] })).rejects.toThrow(/not saved: the secret field of fill label "Code" is no longer found/);
      expect(existsSync(file)).toBe(false);
    } finally {
      await session.close();
    }
  }, 60_000);

  it('finds a re-rendered copy of the value by searching the page, and removes its marks afterwards', async () => {
    const session = await driver.openSession();
    try {
      await session.perform({ kind: 'goto', url: '/' }, 10_000);
      await session.perform(fill, 10_000);
      await session.perform(click('rerender'), 10_000);
      // The copy holds the value: masked by the search even though no locator names it.
      const page = (session as unknown as { page: import('playwright-core').Page }).page;
      const { markSecrets, unmarkSecrets } = await import('../../src/drivers/secret-mask.js');
      const masks = await markSecrets(page, [SECRET]);
      expect(masks).toHaveLength(1);
      expect(await page.locator('[data-ecoscore-mask]').getAttribute('id')).toBe('copy');
      await unmarkSecrets(page);
      expect(await page.locator('[data-ecoscore-mask]').count()).toBe(0);
    } finally {
      await session.close();
    }
  }, 60_000);

  it('marks in every frame, an element already marked included, and unmarks every frame it marked', async () => {
    const page = await viewer.newPage();
    try {
      const inner = `<p id="inner">code ${SECRET}</p>`;
      await page.setContent(`<p id="stale" data-ecoscore-mask>Bonjour ${SECRET}</p><iframe srcdoc="${inner.replace(/"/g, '&quot;')}"></iframe><iframe srcdoc="<p>nothing</p>"></iframe>`);
      await page.waitForFunction(() => document.querySelectorAll('iframe').length === 2 && [...document.querySelectorAll('iframe')].every((f) => f.contentDocument?.readyState === 'complete'));
      const { markSecrets, unmarkSecrets } = await import('../../src/drivers/secret-mask.js');
      const masks = await markSecrets(page, [SECRET]);
      // The main document (its element was marked before: still a mask) and the first iframe; not the empty one.
      expect(masks).toHaveLength(2);
      const marks = () => Promise.all(page.frames().map((frame) => frame.locator('[data-ecoscore-mask]').count()));
      expect(await marks()).toEqual([1, 1, 0]);
      await unmarkSecrets(page);
      expect(await marks()).toEqual([0, 0, 0]);
    } finally {
      await page.close();
    }
  }, 60_000);

  it('after a navigation, an earlier secret field no longer has to be found', async () => {
    const session = await driver.openSession();
    try {
      await session.perform({ kind: 'goto', url: '/' }, 10_000);
      await session.perform(fill, 10_000);
      await session.perform(click('next'), 10_000);
      await session.settle(2000);
      const file = join(dir, 'next.png');
      await session.screenshot(file, { maskSelectors: [], maskActions: [fill] });
      expect(existsSync(file)).toBe(true);
    } finally {
      await session.close();
    }
  }, 60_000);
});

describe('masking through the runner', () => {
  it('records why a step has no screenshot, and masks a value typed from ${env:…} without secret: true', async () => {
    const journeyFile = join(dir, 'masking.yaml');
    const source = [
      'name: masking',
      `target: { platform: web, url: "${baseUrl}" }`,
      'device: desktop',
      'network: fiber',
      'steps:',
      '  - name: type',
      '    type: first-load',
      '    actions:',
      '      - goto: /',
      '      - fill: { label: Code, value: "${env:MASKING_CODE}" }',
      '  - name: echo',
      '    type: action',
      '    actions: [ { click: { selector: "#echo-it" } } ]',
      '  - name: remove',
      '    type: action',
      '    actions: [ { click: { selector: "#remove" } } ]',
      '',
    ].join('\n');
    await writeFile(journeyFile, source);
    const loaded = parseJourney(source, journeyFile, { env: { MASKING_CODE: SECRET } });
    const outDir = join(dir, 'run');
    const { result } = await runJourney(loaded, { outDir });
    expect(result.steps.map((step) => step.status)).toEqual(['passed', 'passed', 'passed']);
    const [typed, echoed, removed] = result.steps;
    expect(typed.screenshot).not.toBeNull();
    expect(echoed.screenshot).not.toBeNull();
    expect(removed.screenshot).toBeNull();
    expect(result.runs[0].samples[2].unavailable?.screenshot).toMatch(/^not saved: the secret field of fill label "Code" is no longer found on the page/);
    expect(await pixel(join(outDir, typed.screenshot!), 200, 20)).toEqual(MAGENTA);
    expect(JSON.stringify(result)).not.toContain(SECRET);
  }, 90_000);
});
