/**
 * Runs one journey: for each iteration, a fresh session; for each step, probes started, actions
 * performed, probes stopped, screenshot taken, and result.json rewritten so that nothing measured is
 * ever lost. A failed step stops its iteration (as GDSL does); later steps are recorded as skipped.
 */
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { startDemoServer, type DemoServer } from '../demo/server.js';
import type { Driver, IterationCollector, ScreenshotMasks, Session } from '../drivers/driver.js';
import { credentialsOf, isLocalAppPath, openAppiumDriver, scrubCredentials } from '../drivers/appium.js';
import { openPlaywrightDriver } from '../drivers/playwright.js';
import type { LoadedJourney } from '../journey/load.js';
import type { DeviceProfile, NetworkProfile } from '../profiles/schema.js';
import { DEFAULT_ACTION_TIMEOUT_MS, type Action, type Journey, type Locator, type Step } from '../journey/schema.js';
import { writeResult } from '../output/result-file.js';
import { skippedSample } from '../model/empty-sample.js';
import type { RawStepSample, Result, Run } from '../model/result.js';
import type { ScoringProfile } from '../methodology/ecoscore.js';
import type { GridRegion } from '../methodology/footprint.js';
import { inputErrorAt } from '../shared/input-error.js';
import { errorSummary, stripControlCharactersDeep } from '../shared/text.js';
import { buildResult, type ResultContext } from './build-result.js';
import { gitFacts } from './host.js';
import { resolveProfiles } from '../journey/profiles.js';
import { runLighthousePass, type StepAudit } from './lighthouse-pass.js';
import { beginCollectors, finishCollectors } from '../measure/step-collectors.js';
import type { ActionTiming } from '../measure/response-time.js';
import { measureStep, type StepBody } from '../measure/step-lifecycle.js';

/**
 * A step with actions ends once the page has loaded and the network has been quiet for 500 ms, waiting
 * at most this long: bytes a step caused are counted in that step, not lost between steps.
 */
/** Longest wait for the page to settle after a step's actions, ms (the step lifecycle's). */
export { SETTLE_MAX_MS } from '../measure/step-lifecycle.js';

/** Progress events, for the CLI's display and for tests. */
export type RunEvent =
  | { type: 'run-start'; journey: string; iterations: number; steps: number; outDir: string; browser: string }
  | { type: 'iteration-start'; iteration: number }
  | { type: 'step-start'; iteration: number; index: number; step: string }
  | { type: 'step-end'; iteration: number; sample: RawStepSample }
  | { type: 'iteration-end'; iteration: number; status: Run['status'] }
  | { type: 'lighthouse-step'; index: number; step: string; mode: string | null; recommendations: number; addedMs: number | null; error?: string }
  | { type: 'run-end'; result: Result; resultFile: string };

/** Options of {@link runJourney}. */
export interface RunOptions {
  /** Folder that receives result.json and screenshots/. */
  outDir: string;
  /** Overrides the journey's iterations. */
  iterations?: number;
  /** Overrides the journey's device (id or profile file). */
  device?: string;
  /** Overrides the journey's network (id or profile file). */
  network?: string;
  /** Chromium executable (default: found automatically). */
  executablePath?: string;
  /** Remote browser endpoint (ws://…). */
  browserEndpoint?: string;
  headed?: boolean;
  /** Scoring profile (default: the built-in `ecoscore-default`). */
  scoring?: ScoringProfile;
  /** Electricity grid of the footprint: FRA (default) or WORLD. */
  grid?: GridRegion;
  /** Usage for the yearly footprint projection. */
  usage?: { users: number; journeysPerUserPerYear: number };
  /** Add iterations (up to `maxIterations`) until the journey ecoscore's cv is at most `cvThreshold`. */
  untilStable?: { cvThreshold: number; maxIterations: number };
  /** A figure whose cv is above this is reported as unstable (default 0.05 = 5 %). */
  cvThreshold?: number;
  /** Aborting stops after the current step and writes an `interrupted` result. */
  signal?: AbortSignal;
  /**
   * The caller handles SIGINT/SIGTERM/SIGHUP itself (by aborting `signal`): the browser is not closed by
   * Playwright on those signals, so that the current step can finish. Default false.
   */
  keepBrowserOnSignals?: boolean;
  /**
   * Web targets: after the measured iterations, one more pass with Lighthouse observing every step (metrics
   * and sobriety recommendations per step; never in the medians). Default off. docs/lighthouse.md.
   */
  lighthouse?: boolean;
  onEvent?: (event: RunEvent) => void;
}

/** What a run produced. */
export interface RunOutcome {
  result: Result;
  resultFile: string;
}

/** Runs a loaded journey and writes `<outDir>/result.json` after every step. */
export async function runJourney(loaded: LoadedJourney, options: RunOptions): Promise<RunOutcome> {
  const { journey, redactor } = loaded;
  const { device, network } = await resolveProfiles(loaded, { device: options.device, network: options.network });
  const iterations = options.iterations ?? journey.iterations;
  const resultFile = join(options.outDir, 'result.json');
  await mkdir(options.outDir, { recursive: true });
  // Credentials of a device farm or grid (appiumUrl user:key, vendor key capabilities): scrubbed from
  // everything the run writes or emits, whatever path a value took (mobile targets only).
  const credentials = journey.target.platform === 'web' ? [] : credentialsOf(journey.target);
  // Events leave the library with secrets already replaced.
  const emit = (event: RunEvent) => options.onEvent?.(scrubCredentials(redactor.redactValue(event), credentials));

  let demo: DemoServer | null = null;
  let driver: Driver | null = null;
  const runs: Run[] = [];
  const context = initialContext(loaded, device, network, iterations, runs, options);
  const save = async (): Promise<Result> => {
    const result = scrubCredentials(stripControlCharactersDeep(redactor.redactValue(buildResult(context))), credentials);
    await writeResult(resultFile, result);
    return result;
  };

  try {
    const { demo: server, open: openDriver } = await driverOpener(loaded, options, device, network, context);
    demo = server;
    driver = await openDriver();
    context.browser = driver.info;
    try {
      context.calibration = await driver.calibrate();
    } catch (error) {
      context.calibrationError = errorSummary(error);
    }
    emit({ type: 'run-start', journey: journey.name, iterations, steps: journey.steps.length, outDir: options.outDir, browser: `${driver.info.name} ${driver.info.version}` });
    await save();

    let last: Result | null = null;
    for (let iteration = 1; !options.signal?.aborted && wantsIteration(iteration, iterations, options.untilStable, last); iteration++) {
      if (!driver.isConnected()) {
        // The browser crashed or was killed during the previous iteration (which failed): start a new one.
        await driver.close().catch(() => undefined);
        driver = await openDriver();
        context.browserRestarts = (context.browserRestarts ?? 0) + 1;
      }
      const run: Run = { iteration, startedAt: new Date().toISOString(), finishedAt: null, status: 'running', samples: [] };
      runs.push(run);
      emit({ type: 'iteration-start', iteration });
      await runIteration(driver, journey, run, options, save, emit, (text) => redactor.redact(text));
      run.finishedAt = new Date().toISOString();
      emit({ type: 'iteration-end', iteration, status: run.status });
      last = await save();
    }

    // The Lighthouse pass (issue 7): one more iteration after the measured ones, never in their medians.
    if (options.lighthouse && !options.signal?.aborted) {
      context.lighthouse = await lighthouseStage(driver, journey, device, network, options, redactor, emit);
      await save();
    }
  } finally {
    context.interrupted = options.signal?.aborted ?? false;
    context.finishedAt = new Date().toISOString();
    await driver?.close().catch(() => undefined);
    await demo?.close().catch(() => undefined);
  }
  const result = await save();
  emit({ type: 'run-end', result, resultFile });
  return { result, resultFile };
}

/** What the result is built from before anything ran. */
function initialContext(loaded: LoadedJourney, device: DeviceProfile, network: NetworkProfile, iterations: number, runs: Run[], options: RunOptions): ResultContext {
  return {
    loaded,
    device,
    network,
    iterations,
    startedAt: new Date().toISOString(),
    finishedAt: null,
    browser: null,
    targetUrl: loaded.journey.target.url ?? '',
    runs,
    interrupted: false,
    calibration: null,
    grid: options.grid,
    usage: options.usage,
    scoring: options.scoring,
    cvThreshold: options.cvThreshold,
    git: gitFacts(),
  };
}

/** The Lighthouse pass of a run (`--lighthouse`): every step once more, observed by Lighthouse. */
function lighthouseStage(
  driver: Driver,
  journey: Journey,
  device: DeviceProfile,
  network: NetworkProfile,
  options: RunOptions,
  redactor: LoadedJourney['redactor'],
  emit: (event: RunEvent) => void,
): ReturnType<typeof runLighthousePass> {
  return runLighthousePass({
    driver,
    journey,
    outDir: options.outDir,
    device,
    network,
    redact: (text) => redactor.redact(text),
    redactValue: (value) => redactor.redactValue(value),
    signal: options.signal,
    runStep: (session, step, index, audit) => runStep(session, journey, step, index, 'lighthouse', options.outDir, (text) => redactor.redact(text), audit),
    onStep: (index, step, entry) => {
      if (!entry) return;
      const { mode, recommendations, addedMs, error } = entry.lighthouse;
      emit({ type: 'lighthouse-step', index, step: step.name, mode, recommendations: recommendations.length, addedMs, ...(error ? { error } : {}) });
    },
  });
}

/**
 * How to open the run's driver (again, after a crash): Playwright on the web (with the embedded demo server started
 * here for `url: demo`), Appium for mobile targets. Checks a local app file before anything runs.
 */
async function driverOpener(
  loaded: LoadedJourney,
  options: RunOptions,
  device: DeviceProfile,
  network: NetworkProfile,
  context: ResultContext,
): Promise<{ demo: DemoServer | null; open: () => Promise<Driver> }> {
  const target = loaded.journey.target;
  if (target.platform === 'web') {
    const demo = target.url === 'demo' ? await startDemoServer({ variant: target.variant } as Parameters<typeof startDemoServer>[0]) : null;
    const baseUrl = demo ? demo.url : target.url;
    context.targetUrl = baseUrl;
    const open = () =>
      openPlaywrightDriver({
        device,
        network,
        baseUrl,
        executablePath: options.executablePath,
        browserEndpoint: options.browserEndpoint,
        headed: options.headed,
        lighthouse: options.lighthouse,
        keepBrowserOnSignals: options.keepBrowserOnSignals,
      });
    return { demo, open };
  }
  // Android / iOS through Appium: an app file is relative to the journey, like profile files.
  // Ids of uploaded apps (`storage:…`, `bs://…`, `sauce-storage:…`, URLs) are the server's: left as they are.
  const mobileTarget = target.app && isLocalAppPath(target.app) ? { ...target, app: resolve(dirname(loaded.file), target.app) } : target;
  const appOnThisMachine = !target.appiumUrl || /^https?:\/\/(127\.0\.0\.1|localhost|\[::1\])[:/]/.test(target.appiumUrl);
  if (mobileTarget.app && mobileTarget.app !== target.app && appOnThisMachine && !existsSync(mobileTarget.app)) {
    throw inputErrorAt(loaded.file, undefined, ['target', 'app'], `the app file ${mobileTarget.app} does not exist`);
  }
  const open = async () => {
    const mobile = await openAppiumDriver({ target: mobileTarget, device, network, outDir: options.outDir });
    context.deviceWarnings = mobile.deviceWarnings;
    context.mobileDevice = mobile.mobileDevice;
    return mobile;
  };
  return { demo: null, open };
}

/**
 * Whether to run iteration `iteration`: the asked iterations always; with `untilStable`, more until the
 * journey ecoscore's coefficient of variation is at most the threshold, up to the maximum.
 */
export function wantsIteration(iteration: number, iterations: number, untilStable: RunOptions['untilStable'], last: Result | null): boolean {
  if (iteration <= iterations) return true;
  if (!untilStable || iteration > untilStable.maxIterations) return false;
  const cv = last?.summary.spread?.ecoscore?.cv ?? null;
  return cv === null || cv > untilStable.cvThreshold;
}

async function runIteration(
  driver: Driver,
  journey: Journey,
  run: Run,
  options: RunOptions,
  save: () => Promise<Result>,
  emit: (event: RunEvent) => void,
  redact: (text: string) => string,
): Promise<void> {
  let session: Session | null = null;
  let failed = false;
  let collecting = new Map<IterationCollector, string | null>();
  try {
    session = await driver.openSession();
    collecting = await beginCollectors(session, redact);
    for (const [index, step] of journey.steps.entries()) {
      if (failed || options.signal?.aborted) {
        if (failed) run.samples.push(skippedSample(step, index));
        continue;
      }
      emit({ type: 'step-start', iteration: run.iteration, index, step: step.name });
      const sample = await runStep(session, journey, step, index, run.iteration, options.outDir, redact);
      run.samples.push(sample);
      emit({ type: 'step-end', iteration: run.iteration, sample });
      await save();
      if (sample.status === 'failed') failed = true;
    }
  } catch (error) {
    // The session itself failed (browser crashed, context could not open): the iteration fails.
    failed = true;
    const index = run.samples.length;
    if (index < journey.steps.length) {
      const step = journey.steps[index];
      run.samples.push({ ...skippedSample(step, index), status: 'failed', error: redact(`the browser session failed: ${errorSummary(error)}`) });
      for (let next = index + 1; next < journey.steps.length; next++) run.samples.push(skippedSample(journey.steps[next], next));
    }
  } finally {
    await finishCollectors(collecting, run.samples, redact);
    await session?.finishIteration?.(run).catch(() => undefined);
    await session?.close().catch(() => undefined);
  }
  run.status = options.signal?.aborted ? 'interrupted' : failed ? 'failed' : 'passed';
}




/** Describes an action for error messages: `actions[2] click text "Ajouter"` (never the typed value). */
export function describeAction(action: Action, index: number): string {
  const locator = 'locator' in action && action.locator ? Object.entries(action.locator).map(([k, v]) => `${k} ${JSON.stringify(v)}`).join(' ') : '';
  const detail =
    action.kind === 'goto' ? action.url : action.kind === 'press' ? action.key : action.kind === 'pause' ? `${action.durationMs}ms` : locator;
  return `actions[${index}] ${action.kind}${detail ? ` ${detail}` : ''}`;
}

/** Secret fills each session has performed, oldest first: every screenshot of the session masks them all. */
const secretFillsOf = new WeakMap<Session, Action[]>();

/** The step's `mask:` split into CSS selectors and locators, and the session's secret fills so far. */
function screenshotMasks(session: Session, step: Step): ScreenshotMasks {
  const mask = step.mask ?? [];
  return {
    maskSelectors: mask.filter((entry): entry is string => typeof entry === 'string'),
    maskLocators: mask.filter((entry): entry is Locator => typeof entry !== 'string'),
    maskActions: [...(secretFillsOf.get(session) ?? [])],
  };
}

async function runStep(
  session: Session,
  journey: Journey,
  step: Step,
  index: number,
  iteration: number | 'lighthouse',
  outDir: string,
  redact: (text: string) => string,
  audit?: StepAudit,
): Promise<RawStepSample> {
  const actions = step.actions ?? [];
  const defaultTimeoutMs = step.timeout ?? journey.timeout ?? DEFAULT_ACTION_TIMEOUT_MS;
  const body: StepBody = async (t0, sample) => {
    let readyMs: number | null = null;
    const timings: ActionTiming[] = [];
    for (const [actionIndex, action] of actions.entries()) {
      if (action.kind === 'fill' && action.secret) {
        // Recorded before typing: a fill that fails half-way may have typed part of the secret.
        const fills = secretFillsOf.get(session) ?? [];
        if (!fills.includes(action)) fills.push(action);
        secretFillsOf.set(session, fills);
      }
      const startMs = performance.now() - t0;
      let pacingMs = 0;
      try {
        pacingMs = (await session.perform(action, action.timeoutMs ?? defaultTimeoutMs)) ?? 0;
      } catch (error) {
        sample.failedAction = describeAction(action, actionIndex);
        throw error;
      }
      const endMs = performance.now() - t0;
      timings.push({ kind: action.kind, startMs, endMs, pacingMs });
      if (action.kind === 'waitFor') readyMs = endMs;
    }
    return { readyMs, timings };
  };
  const { sample } = await measureStep({
    session,
    step,
    index,
    iteration,
    outDir,
    redact,
    body: actions.length > 0 ? body : null,
    masks: () => screenshotMasks(session, step),
    audit,
  });
  return sample;
}
