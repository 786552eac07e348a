/**
 * Lighthouse on the run's own browser: Puppeteer connects to the Chromium that Playwright launched (through
 * its DevTools port) and hands Lighthouse the Puppeteer page of the Playwright page being driven, so that
 * Lighthouse observes exactly what the journey does: a navigation around a `load` step's actions (its
 * clicks included), a timespan around an action or a scroll, a snapshot at the end of a pause. This module
 * only collects Lighthouse reports (LHR, plain JSON); reading them is `methodology/recommendations.ts`.
 *
 * Lighthouse and puppeteer-core are optional dependencies, loaded only when a run asks for Lighthouse.
 */
import type { Browser as PuppeteerBrowser, Page as PuppeteerPage } from 'puppeteer-core';
import { freeLocalPort } from '../shared/free-port.js';

/** How Lighthouse observes a step. */
export type LighthouseMode = 'navigation' | 'timespan' | 'snapshot';

/** Lighthouse around the steps of one session. */
export interface StepAuditor {
  /**
   * Starts observing: a navigation (Lighthouse waits for the page the actions lead to, its load and a quiet
   * network and CPU) or a timespan. Call it before the step's actions.
   */
  begin(mode: 'navigation' | 'timespan'): Promise<void>;
  /** Ends the observation begun by {@link begin} and returns the step's Lighthouse report (LHR). */
  end(): Promise<unknown>;
  /** A snapshot of the page as it is (Lighthouse's snapshot mode): its report. */
  snapshot(): Promise<unknown>;
  /** Disconnects Puppeteer (the browser and the page stay open). */
  close(): Promise<void>;
}

/** Where Lighthouse connects and what it may not change. */
export interface LighthouseConnectOptions {
  /** The browser's DevTools WebSocket endpoint (`ws://127.0.0.1:PORT/devtools/browser/…`). */
  browserWSEndpoint: string;
  /** CDP target id of the Playwright page to audit. */
  targetId: string;
  /** `mobile` or `desktop`: how Lighthouse scores (its emulation stays off: the session's own applies). */
  formFactor: 'mobile' | 'desktop';
  /** Audits to run (Lighthouse's `onlyAudits`): fewer audits, fewer gatherers, a shorter pass. */
  onlyAudits: readonly string[];
  /**
   * Re-applies the session's emulation after Lighthouse: its navigation clean-up clears CPU throttling, which
   * is shared by every DevTools session of a page.
   */
  restoreEmulation: () => Promise<void>;
}

/** The parts of the `lighthouse` module used here (typed locally: the package's own types pull its internals). */
interface LighthouseModule {
  navigation(page: PuppeteerPage, requestor: () => Promise<void>, options: { flags: Record<string, unknown> }): Promise<{ lhr: unknown } | undefined>;
  startTimespan(page: PuppeteerPage, options: { flags: Record<string, unknown> }): Promise<{ endTimespan(): Promise<{ lhr: unknown } | undefined> }>;
  snapshot(page: PuppeteerPage, options: { flags: Record<string, unknown> }): Promise<{ lhr: unknown } | undefined>;
}

/** Said when the optional dependencies are missing. */
export const LIGHTHOUSE_MISSING_MESSAGE =
  'Lighthouse is not installed: run `npm install lighthouse@~12.8.2 puppeteer-core` (optional dependencies of ecoscore) to use --lighthouse';

async function loadModules(): Promise<{ lighthouse: LighthouseModule; connect: (options: Record<string, unknown>) => Promise<PuppeteerBrowser> }> {
  try {
    const lighthouse = (await import('lighthouse')) as unknown as LighthouseModule;
    const puppeteer = (await import('puppeteer-core')).default;
    return { lighthouse, connect: (options) => puppeteer.connect(options) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') throw new Error(LIGHTHOUSE_MISSING_MESSAGE);
    throw error;
  }
}

/** A free TCP port on 127.0.0.1 for the browser's DevTools server (free when asked; the browser binds it right after). */
export function reserveDebuggingPort(): Promise<number> {
  return freeLocalPort('the DevTools server');
}

/** The browser's DevTools WebSocket endpoint, read from `http://127.0.0.1:PORT/json/version` (retried for 5 s). */
export async function browserWsEndpointOf(port: number): Promise<string> {
  const deadline = Date.now() + 5000;
  let lastError: unknown = null;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/json/version`);
      const body = (await response.json()) as { webSocketDebuggerUrl?: unknown };
      if (typeof body.webSocketDebuggerUrl === 'string') return body.webSocketDebuggerUrl;
      lastError = new Error('no webSocketDebuggerUrl in /json/version');
    } catch (error) {
      lastError = error;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the browser's DevTools server did not answer on port ${port}: ${lastError instanceof Error ? lastError.message : String(lastError)}`);
}

/**
 * Lighthouse settings of the pass. Its own emulation is off (screen, user agent, throttling: `provided`), so
 * the session's device and network emulation apply; storage is never reset (the journey may be signed in);
 * navigations start from the page as it is (`skipAboutBlank`). Lighthouse still waits at least 5.25 s of
 * quiet network and CPU after a navigation whenever it observes rather than simulates (core/config/config.js,
 * `overrideThrottlingWindows`): the floor of a navigation step's added time.
 */
export function lighthouseFlags(options: Pick<LighthouseConnectOptions, 'formFactor' | 'onlyAudits'>): Record<string, unknown> {
  return {
    output: 'json',
    logLevel: 'error',
    formFactor: options.formFactor,
    screenEmulation: { disabled: true },
    emulatedUserAgent: false,
    throttlingMethod: 'provided',
    disableStorageReset: true,
    skipAboutBlank: true,
    disableFullPageScreenshot: true,
    maxWaitForLoad: 30_000,
    onlyAudits: [...options.onlyAudits],
  };
}

/** The report of a Lighthouse run; an error when it returned none. */
function lhrOf(result: { lhr: unknown } | undefined): unknown {
  if (!result) throw new Error('Lighthouse returned no report');
  return result.lhr;
}

/** An observation begun: `end` returns its report. */
interface Observation {
  end: () => Promise<unknown>;
}

/**
 * Puppeteer connected to the audited page only: it leaves the browser's other pages alone, and keeps the
 * page's viewport. Disconnects and throws when the page is not found.
 */
async function connectToPage(
  connect: (options: Record<string, unknown>) => Promise<PuppeteerBrowser>,
  options: Pick<LighthouseConnectOptions, 'browserWSEndpoint' | 'targetId'>,
): Promise<{ browser: PuppeteerBrowser; page: PuppeteerPage }> {
  const browser = await connect({
    browserWSEndpoint: options.browserWSEndpoint,
    defaultViewport: null,
    targetFilter: (target: { type: string; targetId: string }) => target.type !== 'page' || target.targetId === options.targetId,
  });
  const found = await browser.pages().catch(() => [] as PuppeteerPage[]);
  if (found.length === 0) {
    await browser.disconnect().catch(() => undefined);
    throw new Error(`Lighthouse could not find the journey's page (target ${options.targetId}) in the browser`);
  }
  return { browser, page: found[0] };
}

/**
 * A navigation around the step's own actions: Lighthouse calls the requestor once it is ready, and waits for
 * the navigation it triggers; the requestor returns when `end` is called.
 */
async function beginNavigation(
  lighthouse: LighthouseModule,
  page: PuppeteerPage,
  flags: Record<string, unknown>,
  restore: () => Promise<void>,
): Promise<Observation> {
  let ready!: () => void;
  let release!: () => void;
  const isReady = new Promise<void>((resolve) => (ready = resolve));
  const released = new Promise<void>((resolve) => (release = resolve));
  const run = lighthouse.navigation(
    page,
    async () => {
      ready();
      await released;
    },
    { flags },
  );
  const settled = run.then(
    (result) => ({ ok: true as const, result }),
    (error: unknown) => ({ ok: false as const, error }),
  );
  const first = await Promise.race([isReady.then(() => null), settled]);
  if (first !== null) throw first.ok ? new Error('Lighthouse ended its navigation before the step started') : first.error;
  await restore();
  return {
    end: async () => {
      release();
      const outcome = await settled;
      if (!outcome.ok) throw outcome.error;
      return lhrOf(outcome.result);
    },
  };
}

/** Connects Puppeteer and Lighthouse to the page `targetId` of the browser at `browserWSEndpoint`. */
export async function connectLighthouse(options: LighthouseConnectOptions): Promise<StepAuditor> {
  const { lighthouse, connect } = await loadModules();
  const { browser, page } = await connectToPage(connect, options);
  const flags = lighthouseFlags(options);
  let pending: Observation | null = null;

  const restore = async () => {
    await options.restoreEmulation().catch(() => undefined);
  };

  return {
    async begin(mode) {
      if (pending) throw new Error('a Lighthouse observation is already running');
      if (mode === 'timespan') {
        const timespan = await lighthouse.startTimespan(page, { flags });
        await restore();
        pending = { end: async () => lhrOf(await timespan.endTimespan()) };
        return;
      }
      pending = await beginNavigation(lighthouse, page, flags, restore);
    },
    async end() {
      const current = pending;
      pending = null;
      if (!current) throw new Error('no Lighthouse observation to end');
      try {
        return await current.end();
      } finally {
        await restore();
      }
    },
    async snapshot() {
      try {
        return lhrOf(await lighthouse.snapshot(page, { flags }));
      } finally {
        await restore();
      }
    },
    async close() {
      await browser.disconnect().catch(() => undefined);
    },
  };
}
