/**
 * A local Appium 3 server started by the toolkit: `appium` from node_modules run as a child process on
 * 127.0.0.1 and a free port, with `APPIUM_HOME` pointing at the drivers installed for this project (a
 * project-local `.appium/` folder by default, see scripts/install-appium-drivers.mjs), stopped when the run
 * ends. Its log goes to a file when asked (the run's output folder), else nowhere.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The toolkit's folder (two levels above src/drivers or dist/drivers). */
const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Where Appium's drivers live: `APPIUM_HOME` when set, else `<toolkit>/.appium`. */
export function defaultAppiumHome(): string {
  return process.env.APPIUM_HOME || join(PACKAGE_ROOT, '.appium');
}

/** Path of Appium's command-line entry point (`appium/index.js`). */
export function appiumEntryPoint(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('appium/package.json')), 'index.js');
}

/** Options of {@link startAppiumServer}. */
export interface AppiumServerOptions {
  /** Drivers folder (default {@link defaultAppiumHome}). */
  appiumHome?: string;
  /** File that receives Appium's log (default: none). */
  logFile?: string;
  /** Extra server arguments, e.g. `['--allow-insecure=uiautomator2:adb_shell']`. */
  args?: string[];
  /** How long to wait for `/status` to answer, ms (default 30 s). */
  startTimeoutMs?: number;
}

/** A running server. */
export interface AppiumServer {
  /** Base URL, e.g. `http://127.0.0.1:41234`. */
  url: string;
  /** Appium's version, from `/status`. */
  version: string;
  /** Whether the process is still running. */
  isRunning(): boolean;
  /** Stops the process (SIGTERM, then SIGKILL after 5 s). */
  stop(): Promise<void>;
}

/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** GET `${url}/status` → Appium's version, or null when nothing answers as Appium. */
export async function appiumStatus(url: string, timeoutMs = 2000): Promise<string | null> {
  try {
    const response = await fetch(new URL('status', url.endsWith('/') ? url : `${url}/`), { signal: AbortSignal.timeout(timeoutMs) });
    if (!response.ok) return null;
    const body = (await response.json()) as { value?: { build?: { version?: string }; ready?: boolean } };
    return body.value?.build?.version ?? (body.value ? 'unknown' : null);
  } catch {
    return null;
  }
}

/** Starts Appium on 127.0.0.1 and waits until it answers. Throws with the end of its output when it does not. */
export async function startAppiumServer(options: AppiumServerOptions = {}): Promise<AppiumServer> {
  const appiumHome = options.appiumHome ?? defaultAppiumHome();
  if (!existsSync(appiumHome)) {
    throw new Error(`no Appium drivers in ${appiumHome}: run \`node scripts/install-appium-drivers.mjs\` (or set APPIUM_HOME to a folder with drivers)`);
  }
  const port = await freePort();
  const args = [
    appiumEntryPoint(),
    '--address', '127.0.0.1',
    '--port', String(port),
    '--log-no-colors',
    '--log-timestamp',
    // Console: errors only (kept for the failure message); file: the full info log.
    '--log-level', options.logFile ? 'error:info' : 'error',
    ...(options.logFile ? ['--log', options.logFile] : []),
    ...(options.args ?? []),
  ];
  const child: ChildProcess = spawn(process.execPath, args, {
    env: { ...process.env, APPIUM_HOME: appiumHome },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const tail: string[] = [];
  const keep = (chunk: Buffer) => {
    tail.push(...chunk.toString('utf8').split(/\r?\n/).filter((line) => line.trim() !== ''));
    if (tail.length > 20) tail.splice(0, tail.length - 20);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  let exited: number | string | null = null;
  const exitedPromise = new Promise<void>((resolve) => child.once('exit', (code, signal) => {
    exited = code ?? signal ?? 'exit';
    resolve();
  }));
  child.once('error', (error) => {
    tail.push(error.message);
  });

  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + (options.startTimeoutMs ?? 30_000);
  let version: string | null = null;
  while (Date.now() < deadline && exited === null) {
    version = await appiumStatus(url, 1000);
    if (version !== null) break;
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  const stop = async (): Promise<void> => {
    if (exited !== null) return;
    child.kill('SIGTERM');
    const killer = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exitedPromise;
    clearTimeout(killer);
  };
  if (version === null) {
    await stop();
    const output = tail.slice(-5).join(' | ');
    throw new Error(`the Appium server did not start (${exited !== null ? `exited with ${exited}` : 'no answer on /status'})${output ? `: ${output}` : ''}`);
  }
  return { url, version, isRunning: () => exited === null, stop };
}
