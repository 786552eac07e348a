/**
 * Finds the process of a browser Playwright Test launched, so that the process-cpu probe can read its
 * process tree in /proc. The runner launches its own browser with a marker switch; here the browser is
 * Playwright Test's, so its pid comes from CDP `SystemInfo.getProcessInfo` and is trusted only when the
 * processes it lists are this machine's (a remote browser's pid would name an unrelated local process).
 */
import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { parseProcStat } from '../probes/process-cpu.js';

/** The browser's root pid, or the reason it cannot be used. */
export type BrowserProcess = { pid: number } | { pid: null; reason: string };

interface ProcessInfo {
  type: string;
  id: number;
}

/** Parent pid of a local process, null when there is no such process. */
function parentOf(pid: number): number | null {
  try {
    return parseProcStat(readFileSync(`/proc/${pid}/stat`, 'utf8')).ppid;
  } catch {
    return null;
  }
}

/**
 * Picks the browser process of a `SystemInfo.getProcessInfo` list and checks it locally: it must exist
 * and be the parent of at least one other listed process (GPU, network service, zygote children's parent).
 * `parent` reads a pid's parent (default: /proc).
 */
export function browserPidOf(processes: readonly ProcessInfo[], parent: (pid: number) => number | null = parentOf): BrowserProcess {
  const root = processes.find((info) => info.type === 'browser');
  if (!root) return { pid: null, reason: 'the browser did not list its own process' };
  if (parent(root.id) === null) return { pid: null, reason: 'the browser process is not visible from here (remote browser)' };
  const children = processes.filter((info) => info.id !== root.id);
  if (children.length > 0 && !children.some((info) => parent(info.id) === root.id)) {
    return { pid: null, reason: 'the browser process is not visible from here (remote browser)' };
  }
  return { pid: root.id };
}

/** Finds the root process of a Chromium `browser` (Linux only). Never throws. */
export async function findBrowserProcess(browser: Browser): Promise<BrowserProcess> {
  if (process.platform !== 'linux') return { pid: null, reason: `process CPU is read from /proc, which ${process.platform} does not have` };
  try {
    const cdp = await browser.newBrowserCDPSession();
    try {
      const { processInfo } = (await cdp.send('SystemInfo.getProcessInfo')) as { processInfo: ProcessInfo[] };
      return browserPidOf(processInfo);
    } finally {
      await cdp.detach().catch(() => undefined);
    }
  } catch (error) {
    return { pid: null, reason: `the browser's processes could not be listed (${error instanceof Error ? error.message.split('\n')[0] : String(error)})` };
  }
}
