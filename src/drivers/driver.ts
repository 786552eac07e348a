/**
 * The driver interface: a platform (web through Playwright, mobile through Appium) opens one fresh
 * session per iteration and performs the journey's actions in it. Drivers and probes only collect
 * plain data; they never score (rule `collectors-do-not-score` of `.dependency-cruiser.cjs`, checked by `npm run lint`).
 */
import type { Action, Locator } from '../journey/schema.js';
import type { Run } from '../model/result.js';
import type { CalibrationMeasure } from '../probes/calibration.js';
import type { Probe } from '../probes/probe.js';
import type { StepAuditor } from '../browser/lighthouse.js';

/** The browser or device a driver runs on, as recorded in the result's environment. */
export interface DriverInfo {
  name: string;
  version: string;
  executablePath?: string;
}

/**
 * What a screenshot must cover. Masking fails closed: a driver that cannot cover one of these (a field it
 * no longer finds, a mask it cannot apply on this platform) does not write the file and throws, saying why
 * (the runner records it in the step's `unavailable.screenshot`).
 */
export interface ScreenshotMasks {
  /** CSS selectors of the step's `mask:` (web). */
  maskSelectors: string[];
  /** Locators of the step's `mask:` (web and native screens: id, accessibilityId, xpath, text…). */
  maskLocators?: Locator[];
  /**
   * Every secret `fill` the session has performed so far (`secret: true` or typed from `${env:…}`), oldest
   * first: every field that received one is covered until the page navigates away, and anything on screen
   * that still holds a typed secret is covered too.
   */
  maskActions: Action[];
  /** Other values that must not show (a Playwright test's declared secrets): anything on screen holding one is covered. */
  maskValues?: string[];
  /** Elements in the driver's own terms (Playwright `Locator`s a test passes as `mask`), covered as they are. */
  maskNative?: unknown[];
}

/** One iteration's session: a fresh browser profile or a freshly launched app. */
export interface Session {
  /** Probes attached to this session, started and stopped around every step. */
  readonly probes: ReadonlyArray<Probe>;
  /** Collectors that report at the end of the iteration (a Chromium trace of off-main-thread CPU). */
  readonly collectors?: ReadonlyArray<IterationCollector>;
  /** Shows an idle blank screen (empty tab, home screen): what a reference step measures. */
  showBlank(): Promise<void>;
  /**
   * Performs one action, failing after `timeoutMs`. May return the milliseconds of its own pacing (waits the
   * driver inserted between the gestures of a scroll, which are not the app's response time).
   */
  perform(action: Action, timeoutMs: number): Promise<number | void>;
  /** Waits `durationMs` without touching the page. */
  idle(durationMs: number): Promise<void>;
  /**
   * Lets the work an action started finish before the step is closed: the page's load event, then a
   * quiet network (no request for 500 ms), waiting at most `maxWaitMs`. Never fails.
   */
  settle(maxWaitMs: number): Promise<void>;
  /** Writes a PNG of the screen with everything in `masks` covered, or throws without writing it. */
  screenshot(file: string, masks: ScreenshotMasks): Promise<void>;
  /** Current URL, when the platform has one. */
  currentUrl(): string | null;
  /**
   * Called once at the end of the iteration, before {@link close}, with the iteration's run: fills what only
   * the end of an iteration can tell (Android: the step energies integrated from the iteration's sampler, the
   * charge-counter cross-check). Optional; never throws.
   */
  finishIteration?(run: Run): Promise<void>;
  /** Closes the session and frees everything it holds. */
  close(): Promise<void>;
}

/**
 * A collector that can only report at the end of an iteration (a trace): the runner begins it before the first
 * step, marks every step's measured window, and copies what `end` returns into the samples of that iteration.
 */
export interface IterationCollector {
  /** Short name used in `unavailable` reasons. */
  readonly name: string;
  /** Sample fields it fills (set to null with the reason when it fails). */
  readonly fields: ReadonlyArray<string>;
  /** Starts collecting for one iteration. */
  begin(): Promise<void>;
  /** Marks the start (`'start'`) or end (`'end'`) of step `index`'s measured window. */
  mark(index: number, edge: 'start' | 'end'): Promise<void>;
  /** Ends the iteration and returns, per step index marked, the figures of its window (null: not measured). */
  end(): Promise<Map<number, Record<string, number> | null>>;
}

/** A session Lighthouse observes too (`ecoscore run --lighthouse`, web targets): see browser/lighthouse.ts. */
export interface AuditSession extends Session {
  readonly auditor: StepAuditor;
}

/** A platform driver, opened once per journey run. */
export interface Driver {
  readonly info: DriverInfo;
  /**
   * Measures the host's speed under the device's CPU throttling (a fixed JavaScript workload, like
   * Lighthouse's benchmark index), so that CPU energy can be normalised across machines.
   */
  calibrate(): Promise<CalibrationMeasure>;
  /** Opens a fresh session for one iteration. */
  openSession(): Promise<Session>;
  /**
   * Opens a fresh session with Lighthouse attached to its page, running `onlyAudits`. Present only on drivers
   * that can (Playwright, launched or connected over CDP, with Lighthouse asked for when opening the driver).
   */
  openAuditSession?(onlyAudits: readonly string[]): Promise<AuditSession>;
  /** False once the browser or device connection is lost (crash, killed process). */
  isConnected(): boolean;
  /** Closes the browser or server. */
  close(): Promise<void>;
}
