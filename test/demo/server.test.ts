import { inflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countElements } from '../../src/demo/html.js';
import { crc32, encodePng } from '../../src/demo/png.js';
import { DEMO_PASSWORD, expectedElementCount, startDemoServer } from '../../src/demo/server.js';
import type { DemoServer } from '../../src/demo/server.js';

/** Signs in and returns the `name=value` session cookie. */
async function signIn(server: DemoServer): Promise<string> {
  const response = await fetch(`${server.url}/`, {
    method: 'POST',
    body: new URLSearchParams({ username: 'Camille', password: DEMO_PASSWORD }),
    redirect: 'manual',
  });
  return (response.headers.get('set-cookie') ?? '').split(';')[0];
}

/** An element count independent of `countElements`: drop SVG insides, then split on `<`. */
function naiveElementCount(html: string): number {
  const flat = html.replace(/<!--[\s\S]*?-->/g, '').replace(/<svg\b[^>]*>[\s\S]*?<\/svg>/g, '<svg>');
  return flat.split('<').filter((piece) => /^[a-z]/i.test(piece)).length;
}

function pngSize(bytes: Buffer): { width: number; height: number } {
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(bytes.toString('latin1', 12, 16)).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('demo server', () => {
  let server: DemoServer;
  let cookie: string;
  const get = (path: string, init: RequestInit = {}): Promise<Response> =>
    fetch(`${server.url}${path}`, { redirect: 'manual', ...init, headers: { cookie, ...init.headers } });

  beforeAll(async () => {
    server = await startDemoServer();
    cookie = await signIn(server);
  });
  afterAll(async () => {
    await server.close();
  });

  it('listens on 127.0.0.1 on a free port by default, and closes for good', async () => {
    const other = await startDemoServer();
    expect(other.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(other.port).toBeGreaterThan(0);
    expect(other.port).not.toBe(server.port);
    expect((await fetch(`${other.url}/`)).status).toBe(200);
    await other.close();
    await expect(fetch(`${other.url}/`)).rejects.toThrow();
  });

  describe('sign-in', () => {
    it('shows the login form', async () => {
      const html = await (await fetch(`${server.url}/`)).text();
      expect(html).toContain('<h1>Connexion</h1>');
      expect(html).toContain('<label for="username">Identifiant</label>');
      expect(html).toContain('<label for="password">Mot de passe</label>');
      expect(html).toContain('Se connecter</button>');
    });

    it('rejects a wrong password with 401 and an error message', async () => {
      const response = await fetch(`${server.url}/`, { method: 'POST', body: new URLSearchParams({ username: 'x', password: 'nope' }), redirect: 'manual' });
      expect(response.status).toBe(401);
      expect(response.headers.get('set-cookie')).toBeNull();
      expect(await response.text()).toContain('Identifiant ou mot de passe incorrect');
    });

    it('accepts any identifiant with the demo password: 303 to the dashboard with an HttpOnly cookie', async () => {
      const response = await fetch(`${server.url}/`, { method: 'POST', body: new URLSearchParams({ username: 'Alex', password: DEMO_PASSWORD }), redirect: 'manual' });
      expect(response.status).toBe(303);
      expect(response.headers.get('location')).toBe('/dashboard');
      expect(response.headers.get('set-cookie')).toMatch(/^tensio_session=[\w-]+;.*HttpOnly/);
    });

    it('redirects to the login page without a session', async () => {
      for (const path of ['/dashboard', '/measures', '/measures/new', '/appointments', '/ressources']) {
        const response = await fetch(`${server.url}${path}`, { redirect: 'manual', headers: { cookie: 'tensio_session=forged' } });
        expect(response.status, path).toBe(303);
        expect(response.headers.get('location')).toBe('/');
      }
    });

    it('serves static files and heavy assets without a session', async () => {
      expect((await fetch(`${server.url}/static/app.css`)).status).toBe(200);
      expect((await fetch(`${server.url}/heavy/ressources.js`)).status).toBe(200);
    });
  });

  describe('pages', () => {
    it('dashboard: heading, navigation, chart and icons', async () => {
      const html = await (await get('/dashboard')).text();
      expect(html).toContain('<h1>Tableau de bord</h1>');
      for (const [href, label] of [['/dashboard', 'Tableau de bord'], ['/measures', 'Mesures'], ['/appointments', 'Rendez-vous'], ['/ressources', 'Ressources']]) {
        expect(html).toContain(`<a href="${href}">${label}</a>`);
      }
      expect(html).toContain('src="/static/img/chart.png"');
      expect(html).toContain('Bonjour Camille');
      expect(html.match(/<svg /g)?.length).toBeGreaterThanOrEqual(2);
    });

    it('measures: 120 rows inside #measures and a real "Ajouter" button', async () => {
      const html = await (await get('/measures')).text();
      expect(html).toContain('<h1>Mesures</h1>');
      expect(html).toContain('id="measures"');
      const body = html.slice(html.indexOf('<tbody>'), html.indexOf('</tbody>'));
      expect(body.match(/<tr>/g)?.length).toBe(120);
      expect(html).toMatch(/<button[^>]*>Ajouter<\/button>/);
    });

    it('the measures table is the same on every server (seeded data)', async () => {
      const other = await startDemoServer();
      const otherCookie = await signIn(other);
      const otherHtml = await (await fetch(`${other.url}/measures`, { headers: { cookie: otherCookie } })).text();
      await other.close();
      const fresh = await startDemoServer();
      const freshCookie = await signIn(fresh);
      const freshHtml = await (await fetch(`${fresh.url}/measures`, { headers: { cookie: freshCookie } })).text();
      await fresh.close();
      expect(otherHtml).toBe(freshHtml);
    });

    it('new measure: labelled fields, password confirmation and a submit button', async () => {
      const html = await (await get('/measures/new')).text();
      for (const [id, label] of [['systolic', 'Systolique'], ['diastolic', 'Diastolique'], ['pulse', 'Pouls'], ['password', 'Mot de passe']]) {
        expect(html).toContain(`<label for="${id}">${label}</label>`);
        expect(html).toContain(`id="${id}"`);
      }
      expect(html).toContain('type="password"');
      expect(html).toContain('<button class="button" type="submit">Enregistrer</button>');
    });

    it('saves a posted measure and shows it first on the measures page, still 120 rows', async () => {
      const response = await get('/measures/new', { method: 'POST', body: new URLSearchParams({ systolic: '117', diastolic: '76', pulse: '64', comment: 'Test <b>', password: DEMO_PASSWORD }) });
      expect(response.status).toBe(200);
      expect(await response.text()).toContain('Mesure enregistrée');
      const html = await (await get('/measures')).text();
      const rows = html.slice(html.indexOf('<tbody>'), html.indexOf('</tbody>')).match(/<tr>.*<\/tr>/g) ?? [];
      expect(rows).toHaveLength(120);
      expect(rows[0]).toContain('<td class="num">117</td>');
      expect(rows[0]).toContain('Test &lt;b&gt;');
    });

    it('rejects invalid numbers or a wrong password with 422 and keeps the form', async () => {
      const bad = await get('/measures/new', { method: 'POST', body: new URLSearchParams({ systolic: 'abc', diastolic: '80', pulse: '70', password: DEMO_PASSWORD }) });
      expect(bad.status).toBe(422);
      expect(await bad.text()).toContain('Systolique : un nombre entier entre 50 et 260 mmHg est attendu.');
      const wrong = await get('/measures/new', { method: 'POST', body: new URLSearchParams({ systolic: '120', diastolic: '80', pulse: '70', password: 'x' }) });
      expect(wrong.status).toBe(422);
      expect(await wrong.text()).toContain('Mot de passe incorrect.');
    });

    it('appointments: ten appointments and two avatar images', async () => {
      const html = await (await get('/appointments')).text();
      expect(html).toContain('<h1>Rendez-vous</h1>');
      expect(html.slice(html.indexOf('<ul class="list">')).match(/<li>/g)?.length).toBe(10);
      expect(html).toContain('src="/static/img/avatar-1.png"');
      expect(html).toContain('src="/static/img/avatar-2.png"');
    });

    it('answers 404 with a page for unknown paths', async () => {
      const response = await get('/nowhere');
      expect(response.status).toBe(404);
      expect(await response.text()).toContain('Page introuvable');
    });
  });

  describe('transfer', () => {
    it('gzips light pages and their text assets when asked, with Vary', async () => {
      for (const path of ['/', '/dashboard', '/measures', '/static/app.css', '/static/app.js']) {
        const response = await get(path, { headers: { 'accept-encoding': 'gzip' } });
        expect(response.headers.get('content-encoding'), path).toBe('gzip');
        expect(response.headers.get('vary')).toBe('Accept-Encoding');
        const decoded = Buffer.byteLength(await response.text());
        expect(Number(response.headers.get('content-length'))).toBeLessThan(decoded);
      }
    });

    it('does not gzip when the client does not ask for it', async () => {
      const response = await get('/measures', { headers: { 'accept-encoding': 'identity' } });
      expect(response.headers.get('content-encoding')).toBeNull();
      expect(Number(response.headers.get('content-length'))).toBe(Buffer.byteLength(await response.text()));
    });

    it('caches static files for a year', async () => {
      for (const path of ['/static/app.css', '/static/app.js', '/static/img/chart.png', '/static/fonts/inter-400.woff2']) {
        expect((await get(path)).headers.get('cache-control'), path).toBe('public, max-age=31536000, immutable');
      }
      const font = await get('/static/fonts/inter-400.woff2');
      expect(font.headers.get('content-type')).toBe('font/woff2');
      expect(Buffer.from(await font.arrayBuffer()).toString('latin1', 0, 4)).toBe('wOF2');
      expect(await (await get('/static/app.css')).text()).toContain('url(/static/fonts/inter-400.woff2)');
    });

    it('serves the heavy script unminified, uncompressed, without cache header, ≥ 300 KB', async () => {
      const response = await get('/heavy/ressources.js', { headers: { 'accept-encoding': 'gzip' } });
      expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
      expect(response.headers.get('content-encoding')).toBeNull();
      expect(response.headers.get('cache-control')).toBeNull();
      const script = await response.text();
      expect(Number(response.headers.get('content-length'))).toBe(Buffer.byteLength(script));
      expect(Buffer.byteLength(script)).toBeGreaterThanOrEqual(300_000);
      expect(script.split('\n').length).toBeGreaterThan(5_000);
    });

    it('heavy page: uncompressed, ≥ 1500 elements, images totalling ≥ 2 MB with no-store', async () => {
      const response = await get('/ressources', { headers: { 'accept-encoding': 'gzip' } });
      expect(response.headers.get('content-encoding')).toBeNull();
      const html = await response.text();
      expect(html).toContain('<h1>Ressources santé</h1>');
      expect(countElements(html)).toBeGreaterThanOrEqual(1500);
      const sources = [...html.matchAll(/<img src="([^"]+)"/g)].map((m) => m[1]);
      expect(sources.length).toBeGreaterThanOrEqual(3);
      let imageBytes = 0;
      for (const src of sources) {
        const image = await get(src);
        expect(image.headers.get('content-type')).toBe('image/png');
        expect(image.headers.get('cache-control')).toBe('no-store');
        imageBytes += (await image.arrayBuffer()).byteLength;
      }
      expect(imageBytes).toBeGreaterThanOrEqual(2_000_000);
    });

    it('serves the dashboard chart as a 1200×480 PNG of 20 to 40 KB', async () => {
      const bytes = Buffer.from(await (await get('/static/img/chart.png')).arrayBuffer());
      expect(pngSize(bytes)).toEqual({ width: 1200, height: 480 });
      expect(bytes.length).toBeGreaterThan(20_000);
      expect(bytes.length).toBeLessThan(40_000);
    });

    it('serves small avatars as 128×128 PNG', async () => {
      const bytes = Buffer.from(await (await get('/static/img/avatar-1.png')).arrayBuffer());
      expect(pngSize(bytes)).toEqual({ width: 128, height: 128 });
      expect(bytes.length).toBeLessThan(10_000);
    });
  });
});

describe('expectedElementCount', () => {
  it('matches an independent count of the HTML served for /measures', async () => {
    const server = await startDemoServer();
    const cookie = await signIn(server);
    const html = await (await fetch(`${server.url}/measures`, { headers: { cookie } })).text();
    await server.close();
    expect(expectedElementCount('/measures')).toBe(naiveElementCount(html));
    expect(expectedElementCount('/measures')).toBeGreaterThan(120 * 6);
  });

  it('counts every server-rendered page, ignoring query strings and trailing slashes', () => {
    for (const path of ['/', '/dashboard', '/measures', '/measures/new', '/appointments', '/ressources']) {
      expect(expectedElementCount(path), path).toBeGreaterThan(20);
    }
    expect(expectedElementCount('/measures/new?')).toBe(expectedElementCount('/measures/new'));
    expect(expectedElementCount('/measures/')).toBe(expectedElementCount('/measures'));
    expect(expectedElementCount('/ressources')).toBeGreaterThanOrEqual(1500);
  });

  it('is undefined for assets and unknown paths', () => {
    expect(expectedElementCount('/static/app.css')).toBeUndefined();
    expect(expectedElementCount('/nowhere')).toBeUndefined();
  });

  it('follows the variant: heavyHome adds the hero image to the dashboard', () => {
    expect(expectedElementCount('/dashboard', { heavyHome: true })).toBe((expectedElementCount('/dashboard') ?? 0) + 1);
  });
});

describe('countElements', () => {
  it('counts opening tags, not the doctype, comments or SVG descendants', () => {
    const html = '<!doctype html><html><head></head><body><!-- <p> --><svg viewBox="0 0 1 1"><g><path d="M0 0"/></g></svg><p>a &lt;b&gt;</p><img src="x"></body></html>';
    expect(countElements(html)).toBe(6);
  });
});

describe('variant', () => {
  it('dark theme and heavy home change the dashboard', async () => {
    const server = await startDemoServer({ variant: { theme: 'dark', heavyHome: true } });
    const cookie = await signIn(server);
    const html = await (await fetch(`${server.url}/dashboard`, { headers: { cookie } })).text();
    await server.close();
    expect(html).toContain('<html lang="fr" data-theme="dark">');
    expect(html).toContain('src="/heavy/hero.png"');
  });
});

describe('encodePng', () => {
  it('computes the PNG CRC-32', () => {
    expect(crc32(Buffer.from('IEND', 'latin1'))).toBe(0xae426082);
  });

  it('writes signature, IHDR and scanlines that inflate back to the pixels', () => {
    const pixels = Uint8Array.from([255, 0, 0, 0, 255, 0, 0, 0, 255, 10, 20, 30, 40, 50, 60, 70, 80, 90]);
    const png = encodePng({ width: 3, height: 2, channels: 3, pixels }, { filter: 'none' });
    expect(pngSize(png)).toEqual({ width: 3, height: 2 });
    expect(png[24]).toBe(8); // bit depth
    expect(png[25]).toBe(2); // RGB
    const idatLength = png.readUInt32BE(33);
    expect(png.toString('latin1', 37, 41)).toBe('IDAT');
    const raw = inflateSync(png.subarray(41, 41 + idatLength));
    expect([...raw]).toEqual([0, ...pixels.subarray(0, 9), 0, ...pixels.subarray(9)]);
    expect(png.subarray(-12).toString('latin1', 4, 8)).toBe('IEND');
  });

  it('rejects pixels of the wrong length', () => {
    expect(() => encodePng({ width: 2, height: 2, channels: 4, pixels: new Uint8Array(3) })).toThrow(/expected 16 bytes/);
  });
});
