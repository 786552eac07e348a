/**
 * Device farms and grids, on this machine: a real Appium server (started with the project's own
 * startAppiumServer) behind a 127.0.0.1 proxy that requires HTTP Basic auth, as BrowserStack, Sauce Labs and
 * Selenium grids do. A journey runs through `https://USER:KEY@…`-style credentials with `ecoscore run`; the key,
 * the vendor secret capabilities and a secret fill value (a canary with quotes, a backslash and a non-ASCII
 * letter) appear in no encoding in stdout, stderr, result.json, the other reports or appium.log; the vendor
 * capabilities reach the server untouched; a wrong key is refused in one sentence that does not print it.
 */
import { spawn } from 'node:child_process';
import { createServer, request, type Server } from 'node:http';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/program.js';
import { startAppiumServer, type AppiumServer } from '../../src/drivers/appium-server.js';
import { readResult } from '../../src/output/result-file.js';
import type { Result } from '../../src/model/result.js';
import { requireAppiumDrivers } from './appium-setup.js';

const USER = 'farm-user-7Qx';
const KEY = 'k3y-Zp9"w\\é-farm';
const VENDOR_KEY = 'vendorKey-4Rt8-secret';
const CANARY_PIN = 'Pin"7\\é42x';

/** Every form a secret may take in a file: plain, JSON-escaped, URL-encoded (both ways), base64 (and of user:key). */
function encodings(secret: string): string[] {
  return [
    secret,
    JSON.stringify(secret).slice(1, -1),
    encodeURIComponent(secret),
    encodeURI(secret),
    Buffer.from(secret, 'utf8').toString('base64'),
    Buffer.from(`${USER}:${secret}`, 'utf8').toString('base64'),
  ];
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
}

let appium: AppiumServer;
let proxy: Server;
let proxyUrl: string;
let dir: string;
const seen = { authorized: 0, refused: 0, sessionBodies: [] as string[] };

beforeAll(async () => {
  requireAppiumDrivers();
  dir = await mkdtemp(join(tmpdir(), 'ecoscore-appium-farm-'));
  appium = await startAppiumServer({ logFile: join(dir, 'out', 'appium.log') });
  const target = new URL(appium.url);
  const expected = `Basic ${Buffer.from(`${USER}:${KEY}`, 'utf8').toString('base64')}`;
  proxy = createServer((req, res) => {
    if (req.headers.authorization !== expected) {
      seen.refused++;
      res.writeHead(401, { 'WWW-Authenticate': 'Basic realm="farm"', 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ value: { error: 'unauthorized', message: 'bad credentials' } }));
      return;
    }
    seen.authorized++;
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      if (req.method === 'POST' && req.url === '/session') seen.sessionBodies.push(body.toString('utf8'));
      const headers = { ...req.headers, host: target.host };
      delete headers.authorization;
      const forward = request({ hostname: target.hostname, port: target.port, path: req.url, method: req.method, headers }, (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      });
      forward.on('error', () => res.writeHead(502).end());
      forward.end(body);
    });
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const address = proxy.address();
  proxyUrl = `127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
}, 120_000);

afterAll(async () => {
  await new Promise((resolve) => proxy?.close(resolve));
  await appium?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function cli(args: string[], env: Record<string, string> = {}): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const saved = Object.fromEntries(Object.keys(env).map((name) => [name, process.env[name]]));
  Object.assign(process.env, env);
  try {
    const code = await main(args, { out: (text) => out.push(text), err: (text) => err.push(text), isTTY: false });
    return { code, out: out.join('\n'), err: err.join('\n') };
  } finally {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
}

const farmUrl = (key: string) => `http://${encodeURIComponent(USER)}:${encodeURIComponent(key)}@${proxyUrl}/`;
const vars = (key: string) => ['--var', `FARM_URL=${farmUrl(key)}`, '--var', `FARM_USER=${USER}`, '--var', `VENDOR_KEY=${VENDOR_KEY}`];

describe('a journey through a server that requires credentials (farm, grid)', () => {
  let run: { code: number; out: string; err: string };
  let result: Result;
  const outDir = () => join(dir, 'out');

  beforeAll(async () => {
    run = await cli(['run', 'test/fixtures/appium/farm-fake.yaml', '--out', outDir(), '--no-history', ...vars(KEY)], { ECOSCORE_CANARY_PIN: CANARY_PIN });
    result = await readResult(join(outDir(), 'result.json'));
  }, 180_000);

  it('runs every step through the proxy, authenticated', () => {
    expect(run.code, `${run.out}\n${run.err}\n${JSON.stringify(result.runs[0].samples.map((sample) => sample.error ?? sample.unavailable))}`).toBe(0);
    expect(result.runs[0].samples.map((sample) => [sample.step, sample.status, sample.error ?? null])).toEqual([
      ['reference', 'passed', null],
      ['enter a measure', 'passed', null],
      ['masked list', 'passed', null],
    ]);
    expect(seen.authorized).toBeGreaterThan(10);
    expect(seen.refused).toBe(0);
  });

  it('passes the vendor capabilities to the server untouched', () => {
    expect(seen.sessionBodies).toHaveLength(1);
    const body = JSON.parse(seen.sessionBodies[0]) as { capabilities: { alwaysMatch: Record<string, unknown> } };
    expect(body.capabilities.alwaysMatch['sauce:options']).toEqual({ username: USER, accessKey: VENDOR_KEY, name: 'ecoscore-farm-test' });
  });

  it('writes the target without credentials: appiumUrl redacted, vendor secrets replaced, the rest kept', () => {
    expect(result.target.appiumUrl).toBe(`http://[secret]:[secret]@${proxyUrl}/`);
    expect((result.target.capabilities as Record<string, Record<string, unknown>>)['sauce:options']).toEqual({ username: '[secret]', accessKey: '[secret]', name: 'ecoscore-farm-test' });
  });

  it('leaves the key, the vendor key and the secret fill out of stdout, stderr and every file of the output folder, in every encoding', async () => {
    const files = await filesUnder(outDir());
    expect(files.map((file) => file.slice(outDir().length + 1))).toEqual(expect.arrayContaining(['result.json', 'appium.log']));
    expect((await stat(join(outDir(), 'appium.log'))).size).toBeGreaterThan(1000);
    const texts: Array<[string, string]> = [['stdout', run.out], ['stderr', run.err]];
    for (const file of files) texts.push([file, (await readFile(file)).toString('latin1') + (await readFile(file, 'utf8'))]);
    const leaks: string[] = [];
    for (const [secretName, secret] of [['key', KEY], ['vendor key', VENDOR_KEY], ['secret fill', CANARY_PIN]] as const) {
      for (const form of encodings(secret)) {
        for (const [where, text] of texts) {
          // The server logs the capabilities it receives (a farm keeps such logs on its side): the vendor key
          // is looked for everywhere but in the server's own log; the URL key and the fill value everywhere.
          if (secretName === 'vendor key' && where.endsWith('appium.log')) continue;
          if (text.includes(form)) leaks.push(`${secretName} as ${JSON.stringify(form)} in ${where}`);
        }
      }
    }
    expect(leaks).toEqual([]);
  });

  it('masks the secret field and the step’s mask entry on the native screenshots', async () => {
    // health-app.xml: systolic at (20, 760) 160 × 40, measure-1 at (0, 56) 393 × 60, in a 393-wide window.
    const blackInside = async (file: string, rect: { x: number; y: number; width: number; height: number }) => {
      const image = PNG.sync.read(await readFile(join(outDir(), file)));
      const scale = image.width / 393;
      for (const [fx, fy] of [[0.1, 0.1], [0.5, 0.5], [0.9, 0.9]]) {
        const x = Math.floor((rect.x + rect.width * fx) * scale);
        const y = Math.floor((rect.y + rect.height * fy) * scale);
        const i = (y * image.width + x) * 4;
        expect([image.data[i], image.data[i + 1], image.data[i + 2]], `${file} at ${x},${y}`).toEqual([0, 0, 0]);
      }
    };
    const [, entered, masked] = result.runs[0].samples;
    expect(entered.unavailable?.screenshot).toBeUndefined();
    await blackInside(entered.screenshot!, { x: 20, y: 760, width: 160, height: 40 });
    await blackInside(masked.screenshot!, { x: 0, y: 56, width: 393, height: 60 });
  });

  it('refuses a wrong key before any session, in one sentence that does not print it', async () => {
    const wrong = 'wr0ng-k3y-value';
    const failed = await cli(['run', 'test/fixtures/appium/farm-fake.yaml', '--out', join(dir, 'wrong'), '--no-history', ...vars(wrong)], { ECOSCORE_CANARY_PIN: CANARY_PIN });
    const wrongResult = await readResult(join(dir, 'wrong', 'result.json'));
    expect(wrongResult.runs[0].samples[0].error).toBe(`the browser session failed: no Appium server answers at http://[secret]:[secret]@${proxyUrl}/ (GET /status answered 401: the credentials in the URL were refused): start it, or fix target.appiumUrl`);
    const everything = failed.out + failed.err + (await readFile(join(dir, 'wrong', 'result.json'), 'utf8'));
    for (const form of encodings(wrong)) expect(everything).not.toContain(form);
  }, 60_000);
});

describe('the Appium child dies with the process that started it', () => {
  it('stops when its parent is killed with SIGKILL (no exit handler can run)', async () => {
    const script = `const m = await import(${JSON.stringify(new URL('../../src/drivers/appium-server.ts', import.meta.url).href)}); const s = await m.startAppiumServer(); console.log('pid=' + s.pid); setInterval(() => {}, 1000);`;
    const parent = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    const pid = await new Promise<number>((resolve, reject) => {
      let text = '';
      parent.stdout.on('data', (chunk: Buffer) => {
        text += chunk.toString();
        const match = /pid=(\d+)/.exec(text);
        if (match) resolve(Number(match[1]));
      });
      parent.once('exit', () => reject(new Error(`the parent exited before starting Appium: ${text}`)));
    });
    const alive = () => {
      try {
        process.kill(pid, 0);
        return true;
      } catch {
        return false;
      }
    };
    expect(alive()).toBe(true);
    parent.kill('SIGKILL');
    const deadline = Date.now() + 20_000;
    while (alive() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(alive()).toBe(false);
  }, 90_000);
});
