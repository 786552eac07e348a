/**
 * A local Appium 3 server started by the toolkit: `appium` from node_modules run as a child process on
 * 127.0.0.1 and a free port, with `APPIUM_HOME` pointing at the drivers installed for this project (a
 * project-local `.appium/` folder by default, see scripts/install-appium-drivers.mjs), stopped when the run
 * ends — and on every other exit path of this process (error, SIGINT, SIGTERM, SIGKILL: see WATCHDOG). Its log
 * goes to a file when asked (the run's output folder), else nowhere.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freeLocalPort } from '../shared/free-port.js';

/** The toolkit's folder (two levels above src/drivers or dist/drivers). */
const PACKAGE_ROOT = fileURLToPath(new URL('../..', import.meta.url));

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
  /** Process id of the Appium child. */
  pid: number | undefined;
  /** Whether the process is still running. */
  isRunning(): boolean;
  /** Stops the process (SIGTERM, then SIGKILL after 5 s). */
  stop(): Promise<void>;
}

/**
 * Loaded into the Appium child before Appium (`node --import`): when the parent's IPC channel closes (the
 * parent is gone), the child sends itself SIGTERM — Appium's own graceful shutdown, which ends its drivers'
 * processes — and SIGKILL 5 s later if it is still there.
 */
const WATCHDOG =
  'data:text/javascript,process.on("disconnect",()=>{setTimeout(()=>process.kill(process.pid,"SIGKILL"),5000).unref();process.kill(process.pid,"SIGTERM")})';

/** What `GET /status` said: Appium's version, or null with why not (`failed`, `answered 401`…). */
export interface AppiumStatus {
  version: string | null;
  problem: string | null;
}

/**
 * GET `${url}/status` → Appium's version, or null when nothing answers as Appium. `authorization` is sent as
 * the `Authorization` header (a farm's or grid's credentials, never in the URL: `fetch` refuses URLs with
 * credentials). Messages never contain the URL.
 */
export async function appiumStatus(url: string, timeoutMs = 2000, authorization: string | null = null): Promise<AppiumStatus> {
  try {
    const response = await fetch(new URL('status', url.endsWith('/') ? url : `${url}/`), {
      signal: AbortSignal.timeout(timeoutMs),
      headers: authorization ? { Authorization: authorization } : {},
    });
    if (!response.ok) {
      return { version: null, problem: response.status === 401 || response.status === 403 ? `answered ${response.status}: the credentials in the URL were refused` : `answered ${response.status}` };
    }
    const body = (await response.json()) as { value?: { build?: { version?: string }; ready?: boolean } };
    const version = body.value?.build?.version ?? (body.value ? 'unknown' : null);
    return { version, problem: version === null ? 'answered, but not as a WebDriver server' : null };
  } catch (error) {
    return { version: null, problem: (error as Error).name === 'TimeoutError' ? `timed out after ${timeoutMs} ms` : 'failed' };
  }
}

/** Starts Appium on 127.0.0.1 and waits until it answers. Throws with the end of its output when it does not. */
export async function startAppiumServer(options: AppiumServerOptions = {}): Promise<AppiumServer> {
  const appiumHome = options.appiumHome ?? defaultAppiumHome();
  if (!existsSync(appiumHome)) {
    throw new Error(`no Appium drivers in ${appiumHome}: run \`node scripts/install-appium-drivers.mjs\` (or set APPIUM_HOME to a folder with drivers)`);
  }
  const port = await freeLocalPort('the Appium server');
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
  // The child dies with this process, whatever way it ends: an IPC channel that closes when this process
  // exits (normally, on an error, on a signal, or killed with SIGKILL) makes the child stop itself (WATCHDOG);
  // on a normal exit the `exit` listener below signals it first.
  const child: ChildProcess = spawn(process.execPath, ['--import', WATCHDOG, ...args], {
    env: { ...process.env, APPIUM_HOME: appiumHome },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  child.channel?.unref();
  const killOnExit = () => {
    child.kill('SIGTERM');
  };
  process.once('exit', killOnExit);
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
    process.removeListener('exit', killOnExit);
    resolve();
  }));
  child.once('error', (error) => {
    tail.push(error.message);
  });

  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + (options.startTimeoutMs ?? 30_000);
  let version: string | null = null;
  while (Date.now() < deadline && exited === null) {
    version = (await appiumStatus(url, 1000)).version;
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
  return { url, version, pid: child.pid, isRunning: () => exited === null, stop };
}
