/**
 * Web driver: real Chromium driven by Playwright. One browser per journey run, a fresh browser context
 * (empty profile: no cache, no cookies, no storage) per iteration, device and network emulated through
 * the Chrome DevTools Protocol as Lighthouse does (`Emulation.setCPUThrottlingRate`,
 * `Network.emulateNetworkConditions`).
 */
import { randomUUID } from 'node:crypto';
import { chromium, type Browser, type CDPSession, type Frame, type Locator as PwLocator, type Page } from 'playwright-core';
import type { Action, Locator } from '../journey/schema.js';
import type { DeviceProfile, NetworkProfile } from '../profiles/schema.js';
import { toCdpNetworkConditions } from '../profiles/index.js';
import { measureHostCalibration, type CalibrationMeasure } from '../probes/calibration.js';
import { THREAD_CPU_FIELDS, ThreadCpuCollector, UnavailableCollector } from '../probes/thread-cpu-collector.js';
import { ThreadCpuTracer } from '../probes/thread-cpu.js';
import { CpuProbe } from '../probes/cpu.js';
import { DomProbe } from '../probes/dom.js';
import { MemoryProbe } from '../probes/memory.js';
import { NetworkProbe } from '../probes/network.js';
import { findProcessByMarker, ProcessCpuProbe } from '../probes/process-cpu.js';
import type { Probe } from '../probes/probe.js';
import type { AuditSession, Driver, DriverInfo, IterationCollector, ScreenshotMasks, Session } from './driver.js';
import { describeFill, markSecrets, unmarkSecrets } from './secret-mask.js';
import { CHROMIUM_FLAGS, findBrowser, NO_BROWSER_MESSAGE } from '../browser/find-browser.js';
import { browserWsEndpointOf, connectLighthouse, reserveDebuggingPort } from '../browser/lighthouse.js';

/** The launch flags (browser/find-browser.ts), re-exported for the bench and the Appium capabilities. */
export { CHROMIUM_FLAGS };

/** Pause between two wheel gestures of a scroll to an edge, ms: a reader's pace, left out of the response time. */
const SCROLL_PACING_MS = 100;

/** Options of the web driver. */
export interface PlaywrightDriverOptions {
  device: DeviceProfile;
  network: NetworkProfile;
  /** URL that relative `goto` paths resolve against. */
  baseUrl: string;
  /** Chromium executable; default: {@link findBrowser}. */
  executablePath?: string;
  /** A remote browser (`ws://…`): Playwright server or CDP endpoint. */
  browserEndpoint?: string;
  /** Show the browser window (default false). */
  headed?: boolean;
  /**
   * Lets Lighthouse attach to this browser (`openAuditSession`): a launched browser also opens a DevTools
   * port on 127.0.0.1 for Puppeteer. Off by default: nothing else listens during a plain run.
   */
  lighthouse?: boolean;
  /**
   * The caller handles SIGINT, SIGTERM and SIGHUP (the CLI finishes the current step on Ctrl-C): Playwright
   * must not close the browser on them. Default false: Playwright closes it, as it does by default.
   */
  keepBrowserOnSignals?: boolean;
}

/** Launches Chromium and returns the web driver. */
export async function openPlaywrightDriver(options: PlaywrightDriverOptions): Promise<Driver> {
  let browser: Browser;
  let rootPid: number | null = null;
  let executablePath: string | undefined;
  let debuggingPort: number | null = null;
  if (options.browserEndpoint) {
    browser = options.browserEndpoint.includes('/devtools/')
      ? await chromium.connectOverCDP(options.browserEndpoint)
      : await chromium.connect(options.browserEndpoint);
  } else {
    executablePath = options.executablePath ?? findBrowser()?.executablePath;
    if (!executablePath) throw new Error(NO_BROWSER_MESSAGE);
    // An ignored switch that lets the process-cpu probe find this browser's process tree in /proc.
    const marker = `--ecoscore-run=${randomUUID()}`;
    // Lighthouse (issue 7): a DevTools port beside Playwright's pipe, for Puppeteer to connect to.
    debuggingPort = options.lighthouse ? await reserveDebuggingPort() : null;
    const lighthouseArgs = debuggingPort === null ? [] : [`--remote-debugging-port=${debuggingPort}`];
    const signals = options.keepBrowserOnSignals ? { handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false } : {};
    browser = await chromium.launch({ executablePath, headless: !options.headed, args: [...CHROMIUM_FLAGS, ...lighthouseArgs, marker], ...signals });
    rootPid = process.platform === 'linux' ? findProcessByMarker(marker) : null;
  }
  const info: DriverInfo = { name: browser.browserType().name(), version: browser.version(), ...(executablePath ? { executablePath } : {}) };
  return {
    info,
    calibrate: () => calibrate(browser, options),
    isConnected: () => browser.isConnected(),
    openSession: () => openSession(browser, options, rootPid),
    ...(options.lighthouse && (debuggingPort !== null || options.browserEndpoint?.includes('/devtools/'))
      ? {
          openAuditSession: async (onlyAudits: readonly string[]) => {
            const browserWSEndpoint = debuggingPort !== null ? await browserWsEndpointOf(debuggingPort) : options.browserEndpoint!;
            return openAuditSession(await openSession(browser, options, rootPid), browserWSEndpoint, onlyAudits, options);
          },
        }
      : {}),
    close: () => browser.close(),
  };
}

/** Lighthouse (issue 7): a session whose page Lighthouse observes through Puppeteer, on the same browser. */
async function openAuditSession(session: Session, browserWSEndpoint: string, onlyAudits: readonly string[], options: PlaywrightDriverOptions): Promise<AuditSession> {
  const playwrightSession = session as PlaywrightSession;
  try {
    const { targetInfo } = await playwrightSession.cdp.send('Target.getTargetInfo');
    const auditor = await connectLighthouse({
      browserWSEndpoint,
      targetId: targetInfo.targetId,
      formFactor: options.device.isMobile ? 'mobile' : 'desktop',
      onlyAudits,
      restoreEmulation: () => applyEmulation(playwrightSession.cdp, options.device, options.network),
    });
    const close = session.close.bind(session);
    return Object.assign(session, {
      auditor,
      close: async () => {
        await auditor.close();
        await close();
      },
    });
  } catch (error) {
    await session.close().catch(() => undefined);
    throw error;
  }
}

async function calibrate(browser: Browser, options: PlaywrightDriverOptions): Promise<CalibrationMeasure> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
    return await measureHostCalibration(page, cdp, options.device.cpuSlowdownFactor);
  } finally {
    await context.close();
  }
}

async function openSession(browser: Browser, options: PlaywrightDriverOptions, rootPid: number | null): Promise<Session> {
  const { device } = options;
  const context = await browser.newContext({
    viewport: device.viewport,
    deviceScaleFactor: device.deviceScaleFactor,
    userAgent: device.userAgent,
    isMobile: device.isMobile,
    hasTouch: device.hasTouch,
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
  });
  const page = await context.newPage();
  return instrumentPage(page, options, rootPid, () => context.close());
}

/** Options of {@link attachToPage}. */
export interface AttachToPageOptions {
  device: DeviceProfile;
  network: NetworkProfile;
  /** URL that relative `goto` paths resolve against and whose host is first party; default: the first page navigated. */
  baseUrl?: string;
  /** Pid of the browser's root process, for the process-cpu probe (null: that probe reports itself unavailable). */
  rootPid?: number | null;
}

/**
 * Attaches the toolkit's instrumentation to a page someone else opened (Playwright Test's `page`): a CDP
 * session with Network and Performance (thread time) enabled, the device's CPU throttling and the network
 * conditions applied, and the probes the runner uses. Viewport, user agent and touch are context options:
 * set them when the context is created. The session's `close()` detaches the CDP session and leaves the
 * page and its context open.
 */
export async function attachToPage(page: Page, options: AttachToPageOptions): Promise<Session> {
  return instrumentPage(page, { ...options, baseUrl: options.baseUrl ?? '' }, options.rootPid ?? null, async () => undefined);
}

async function instrumentPage(page: Page, options: PlaywrightDriverOptions, rootPid: number | null, closeOwner: () => Promise<void>): Promise<Session> {
  const { device, network } = options;
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  // Thread time, not wall time: main-thread task durations then do not grow when the host is busy.
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  await applyEmulation(cdp, device, network);
  let firstPartyHost: string | null = null;
  try {
    firstPartyHost = new URL(options.baseUrl).host || null;
  } catch {
    // resolved at the first navigation
  }
  const networkProbe = new NetworkProbe(cdp, firstPartyHost);
  if (firstPartyHost === null) {
    const onNavigated = (frame: Frame) => {
      if (frame !== page.mainFrame() || !/^https?:/i.test(frame.url())) return;
      networkProbe.setFirstPartyHost(new URL(frame.url()).host);
      page.off('framenavigated', onNavigated);
    };
    page.on('framenavigated', onNavigated);
  }
  const probes: Probe[] = [networkProbe, new CpuProbe(cdp), new ProcessCpuProbe(rootPid), new MemoryProbe(cdp), new DomProbe(page)];
  // A browser-level session for the off-main-thread CPU trace: works on launched and remote browsers alike.
  const browserCdp = (await page.context().browser()?.newBrowserCDPSession().catch(() => null)) ?? null;
  const collectors = browserCdp ? [new ThreadCpuCollector(new ThreadCpuTracer(browserCdp))] : [new UnavailableCollector('thread-cpu', THREAD_CPU_FIELDS, 'no browser-level DevTools session to trace off-main-thread CPU')];
  const close = async () => {
    await browserCdp?.detach().catch(() => undefined);
    await closeOwner();
  };
  return new PlaywrightSession(close, page, cdp, probes, options, collectors);
}

async function applyEmulation(cdp: CDPSession, device: DeviceProfile, network: NetworkProfile): Promise<void> {
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: device.cpuSlowdownFactor });
  await cdp.send('Network.emulateNetworkConditions', toCdpNetworkConditions(network));
}

class PlaywrightSession implements Session {
  /** Main-frame navigations so far: a secret field must be found until the page navigates away. */
  private navigations = 0;
  /** The navigation count at each secret fill this session performed. */
  private readonly secretFills = new Map<Action, number>();

  constructor(
    /** Closes what the session owns (its browser context; nothing for an attached page). */
    private readonly closeOwner: () => Promise<void>,
    private readonly page: Page,
    readonly cdp: CDPSession,
    readonly probes: Probe[],
    private readonly options: PlaywrightDriverOptions,
    readonly collectors: IterationCollector[] = [],
  ) {
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame()) this.navigations++;
    });
  }

  async showBlank(): Promise<void> {
    await this.page.goto('about:blank');
  }

  async idle(durationMs: number): Promise<void> {
    await this.page.waitForTimeout(durationMs);
  }

  async settle(maxWaitMs: number): Promise<void> {
    const deadline = Date.now() + maxWaitMs;
    await this.page.waitForLoadState('load', { timeout: maxWaitMs }).catch(() => undefined);
    const left = Math.max(0, deadline - Date.now());
    // Quiet network for 500 ms; long polling or streaming pages never get there, hence the cap.
    if (left > 0) await this.page.waitForLoadState('networkidle', { timeout: left }).catch(() => undefined);
  }

  currentUrl(): string | null {
    return this.page.url();
  }

  async perform(action: Action, timeoutMs: number): Promise<number | void> {
    const page = this.page;
    switch (action.kind) {
      case 'goto':
        await page.goto(new URL(action.url, this.options.baseUrl).toString(), { timeout: timeoutMs, waitUntil: 'load' });
        return;
      case 'click':
        await (await this.locate(action.locator)).click({ timeout: timeoutMs });
        return;
      case 'fill':
        // Recorded before typing: a fill that fails half-way has typed part of the secret.
        if (action.secret) this.secretFills.set(action, this.navigations);
        await (await this.locate(action.locator)).fill(action.value, { timeout: timeoutMs });
        return;
      case 'press':
        await page.keyboard.press(action.key);
        return;
      case 'scroll':
        if (action.locator) await (await this.locate(action.locator)).scrollIntoViewIfNeeded({ timeout: timeoutMs });
        else if (action.byPx !== undefined) await wheel(page, 0, action.byPx);
        else return this.scrollToEdge(action.to ?? 'bottom', timeoutMs);
        return;
      case 'swipe': {
        const viewport = page.viewportSize() ?? { width: 400, height: 800 };
        const dx = action.direction === 'left' ? 1 : action.direction === 'right' ? -1 : 0;
        const dy = action.direction === 'up' ? 1 : action.direction === 'down' ? -1 : 0;
        await wheel(page, dx * viewport.width * action.distance, dy * viewport.height * action.distance);
        return;
      }
      case 'waitFor':
        if (action.networkIdle) await page.waitForLoadState('networkidle', { timeout: timeoutMs });
        else await (await this.locate(action.locator!)).waitFor({ state: action.gone ? 'hidden' : 'visible', timeout: timeoutMs });
        return;
      case 'pause':
        await page.waitForTimeout(action.durationMs);
        return;
      case 'back':
        await page.goBack({ timeout: timeoutMs, waitUntil: 'load' });
        return;
      default:
        throw new Error(`${action.kind} is a mobile action; web targets cannot perform it`);
    }
  }

  /** Scrolls like a reader: wheel steps of 80 % of the viewport until the edge, at most 200 steps; returns the pacing waited, ms. */
  private async scrollToEdge(edge: 'top' | 'bottom', timeoutMs: number): Promise<number> {
    const page = this.page;
    const stepPx = Math.round((page.viewportSize()?.height ?? 800) * 0.8) * (edge === 'bottom' ? 1 : -1);
    const deadline = Date.now() + timeoutMs;
    let pacingMs = 0;
    for (let i = 0; i < 200; i++) {
      const atEdge = await page.evaluate<boolean>(
        edge === 'bottom'
          ? 'Math.ceil(window.scrollY + window.innerHeight) >= document.documentElement.scrollHeight - 1'
          : 'window.scrollY <= 0',
      );
      if (atEdge) return pacingMs;
      if (Date.now() > deadline) throw new Error(`Timeout ${timeoutMs}ms exceeded while scrolling to the ${edge}`);
      await wheel(page, 0, stepPx);
      await page.waitForTimeout(SCROLL_PACING_MS);
      pacingMs += SCROLL_PACING_MS;
    }
    return pacingMs;
  }

  /** Resolves a journey locator to a Playwright locator (the first match for text). */
  private async locate(locator: Locator): Promise<PwLocator> {
    const page = this.page;
    const exact = locator.exact ?? false;
    if (locator.text !== undefined) {
      if (exact) return page.getByText(locator.text, { exact: true }).first();
      // Prefer an element whose whole text is the given text; else the first that contains it.
      const whole = page.getByText(locator.text, { exact: true });
      return (await whole.count()) > 0 ? whole.first() : page.getByText(locator.text).first();
    }
    if (locator.selector !== undefined) return page.locator(locator.selector).first();
    if (locator.id !== undefined) return page.locator(`[id="${locator.id.replace(/"/g, '\\"')}"]`);
    if (locator.role !== undefined) {
      return page.getByRole(locator.role as Parameters<Page['getByRole']>[0], { name: locator.name, exact }).first();
    }
    if (locator.label !== undefined) return page.getByLabel(locator.label, { exact }).first();
    if (locator.xpath !== undefined) return page.locator(`xpath=${locator.xpath}`).first();
    return page.locator(`[aria-label="${locator.accessibilityId!.replace(/"/g, '\\"')}"]`).first();
  }

  async screenshot(file: string, options: ScreenshotMasks): Promise<void> {
    const page = this.page;
    const mask: PwLocator[] = options.maskSelectors.map((selector) => page.locator(selector));
    for (const locator of options.maskLocators ?? []) mask.push(await this.locate(locator));
    mask.push(...((options.maskNative ?? []) as PwLocator[]));
    const values: string[] = [...(options.maskValues ?? [])];
    for (const action of options.maskActions) {
      if (action.kind !== 'fill') continue;
      values.push(action.value);
      const field = await this.locate(action.locator);
      if ((await field.count()) > 0) mask.push(field);
      else if ((this.secretFills.get(action) ?? this.navigations) >= this.navigations) {
        // Filled on this page and gone from its locator: it may still show, re-rendered elsewhere.
        throw new Error(`not saved: the secret field of ${describeFill(action)} is no longer found on the page, so it cannot be masked`);
      }
    }
    try {
      mask.push(...(await markSecrets(page, values)));
      // CSS-pixel scale: the evidence a reviewer needs, at a fraction of the encoding time of device pixels.
      await page.screenshot({ path: file, mask, animations: 'disabled', scale: 'css', timeout: 15_000 });
    } finally {
      if (values.length > 0) await unmarkSecrets(page);
    }
  }

  async close(): Promise<void> {
    await this.cdp.detach().catch(() => undefined);
    await this.closeOwner();
  }
}

async function wheel(page: Page, deltaXPx: number, deltaYPx: number): Promise<void> {
  const viewport = page.viewportSize() ?? { width: 400, height: 800 };
  await page.mouse.move(viewport.width / 2, viewport.height / 2);
  await page.mouse.wheel(deltaXPx, deltaYPx);
}
