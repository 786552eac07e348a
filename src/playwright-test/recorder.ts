/**
 * Records a measured journey inside a Playwright test: each `step` is measured as `ecoscore run` measures
 * a journey step (probes started, the step's callback run, the page settled, idle time for reference and
 * pause steps, probes stopped, screenshot), and the steps declared so far make the journey of a Result
 * built by {@link buildResult}. One test is one iteration.
 *
 * Independent of `@playwright/test`'s runtime: it drives a Playwright `Page` and a toolkit `Session`
 * (drivers/playwright.ts `attachToPage`), so that it can be tested without a test runner.
 */
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { buildResult, type ResultContext } from '../run/build-result.js';
import type { gitFacts } from '../run/host.js';
import type { DriverInfo, Session } from '../drivers/driver.js';
import { parseDurationMs } from '../journey/duration.js';
import type { LoadedJourney } from '../journey/load.js';
import { type Journey, type Step, type StepType } from '../journey/schema.js';
import { Redactor } from '../journey/secrets.js';
import type { CalibrationMeasure } from '../probes/calibration.js';
import type { DeviceProfile, NetworkProfile } from '../profiles/schema.js';
import { writeResult } from '../output/result-file.js';
import { skippedSample } from '../model/empty-sample.js';
import { beginCollectors, finishCollectors } from '../measure/step-collectors.js';
import { measureStep, type MeasuredStep } from '../measure/step-lifecycle.js';
import type { IterationCollector } from '../drivers/driver.js';
import type { Result, Run } from '../model/result.js';
import { errorSummary } from '../shared/text.js';

/** Step types a web journey can measure (`background` is mobile only). */
export type EcoscoreStepType = Exclude<StepType, 'background'>;

const WEB_STEP_TYPES: readonly EcoscoreStepType[] = ['reference', 'pause', 'first-load', 'load', 'action', 'scroll'];

/** Options of one measured step. */
export interface EcoscoreStepOptions {
  /** Step type of the method: `reference`, `pause`, `first-load`, `load`, `action` or `scroll`. */
  type: EcoscoreStepType;
  /** Critical steps weigh 0.7 in the journey score, others 0.3 (default false). */
  critical?: boolean;
  /**
   * Reference and pause steps: how long to stay idle (`500ms`, `10s`, `2m` or milliseconds). Default 10 s
   * for a reference step; required for a pause step without a callback.
   */
  duration?: string | number;
  /** Covered in the step's screenshot (password fields always are): CSS selectors or locators. */
  mask?: ReadonlyArray<string | Locator>;
  /** Shown in reports. */
  description?: string;
}

/** A step's callback: the user actions of the step, ending with what shows it is done (an `expect`). */
export type EcoscoreStepCallback = () => Promise<unknown> | unknown;

/** Everything a {@link JourneyRecorder} works with. */
export interface JourneyRecorderOptions {
  /** The test's page. */
  page: Page;
  /** The toolkit's instrumentation of that page (probes, emulation). */
  session: Session;
  device: DeviceProfile;
  network: NetworkProfile;
  /** Device and network as the user wrote them (profile id or file), recorded as the journey's. */
  deviceRef: string;
  networkRef: string;
  /** Journey name (the test's title unless given). */
  journeyName: string;
  /** The spec file, as recorded in `journey.file`. */
  specFile: string;
  /** sha256 of the spec file's text. */
  specSha256: string;
  /** `baseURL` of the test; null: the first http(s) page the test opens is the target. */
  baseUrl: string | null;
  /** Folder that receives result.json and screenshots/. */
  outDir: string;
  browser: DriverInfo | null;
  calibration: CalibrationMeasure | null;
  calibrationError?: string;
  /** Values typed into the page that must never be written (results, errors, URLs). */
  secrets?: readonly string[];
  git?: ReturnType<typeof gitFacts>;
  /** Warnings added to the result (emulation or tracing that affects the figures). */
  warnings?: readonly string[];
}

/** How the test ended, for {@link JourneyRecorder.finalize}. */
export interface TestOutcome {
  /** Playwright's test status: passed, failed, timedOut, skipped, interrupted. */
  status: string;
  /** The test's error message, if any. */
  error?: string;
}

/** Password fields are covered in every screenshot. */
const ALWAYS_MASKED = 'input[type="password"]';

interface RunningStep {
  name: string;
  index: number;
  type: EcoscoreStepType;
  startedAt: string;
  t0: number;
}

/** The journey a test declares step by step, and its measures. */
export class JourneyRecorder {
  private readonly steps: Step[] = [];
  private readonly run: Run;
  private readonly redactor: Redactor;
  private readonly startedAt = new Date().toISOString();
  private finishedAt: string | null = null;
  private running: RunningStep | null = null;
  private failedStep: string | null = null;
  /** The iteration collectors (off-main-thread CPU trace), begun at the first step. */
  private collecting: Map<IterationCollector, string | null> | null = null;
  private targetUrl: string | null;
  /** The test's measuring conditions (warnings of the fixture). */
  private readonly conditions: readonly string[];
  /** Set when the test failed after its measured steps. */
  private endedAfterSteps: { status: string; error: string | null } | null = null;

  constructor(private readonly options: JourneyRecorderOptions) {
    this.run = { iteration: 1, startedAt: this.startedAt, finishedAt: null, status: 'running', samples: [] };
    this.redactor = new Redactor(options.secrets ?? []);
    this.targetUrl = options.baseUrl;
    this.conditions = [...(options.warnings ?? [])];
  }

  /** Folder that holds result.json and screenshots/. */
  get outDir(): string {
    return this.options.outDir;
  }

  /** Number of steps declared so far. */
  get stepCount(): number {
    return this.steps.length;
  }

  /** Paths of the screenshots the result refers to, relative to {@link outDir}. */
  screenshots(): string[] {
    return this.run.samples.map((sample) => sample.screenshot).filter((path): path is string => path !== null);
  }

  /**
   * Measures one step. A failing callback marks the step failed (its error recorded, its measured figures
   * kept) and is rethrown, so that the test fails; a step after a failed one is not run (a journey stops
   * at its first failed step) and throws. Usage errors (unknown type, duplicate name…) throw before
   * anything is measured.
   */
  async step(name: string, options: EcoscoreStepOptions, callback?: EcoscoreStepCallback): Promise<void> {
    const step = this.declare(name, options, callback);
    if (this.finishedAt !== null) throw new Error(`ecoscore: step "${name}" was called after the test ended`);
    if (this.running) throw new Error(`ecoscore: step "${name}" started while step "${this.running.name}" is running; await each step`);
    const index = this.steps.length;
    this.steps.push(step);
    if (this.failedStep !== null) {
      this.run.samples.push(skippedSample(step, index));
      await this.save();
      throw new Error(`ecoscore: step "${name}" not run: step "${this.failedStep}" failed and a journey stops at its first failed step`);
    }
    const { sample, error } = await this.measure(step, index, options, callback);
    if (this.finishedAt !== null) return; // the test ended (timeout) while the step ran: finalize recorded it
    this.run.samples.push(sample);
    if (sample.status === 'failed') {
      this.failedStep = name;
      this.run.status = 'failed';
    }
    await this.save();
    if (error !== undefined) throw error;
  }

  /** The result so far (status `running` until {@link finalize}); null before the first step. */
  result(): Result | null {
    if (this.steps.length === 0) return null;
    const { journeyName, specFile, specSha256, deviceRef, networkRef } = this.options;
    const journey: Journey = {
      name: journeyName,
      target: { platform: 'web', url: this.targetUrl ?? 'about:blank' },
      device: deviceRef,
      network: networkRef,
      iterations: 1,
      steps: this.steps,
    };
    const loaded: LoadedJourney = { journey, file: specFile, sha256: specSha256, source: '', redactor: this.redactor };
    const context: ResultContext = {
      loaded,
      device: this.options.device,
      network: this.options.network,
      iterations: 1,
      startedAt: this.startedAt,
      finishedAt: this.finishedAt,
      browser: this.options.browser,
      targetUrl: this.targetUrl ?? 'about:blank',
      runs: [this.run],
      interrupted: false,
      calibration: this.options.calibration,
      calibrationError: this.options.calibrationError,
      git: this.options.git,
      testConditions: this.conditions,
      testEndedAfterSteps: this.endedAfterSteps,
    };
    // Redacted as a whole value: warnings' params (error texts included) are walked too.
    const result = this.redactor.redactValue(buildResult(context));
    // The spec file may hold secrets and is not a journey file: only its name and hash are recorded.
    delete result.journey.source;
    return result;
  }

  /**
   * Ends the journey when the test ends: a step still running (the test timed out) is recorded as failed,
   * the result is written a last time and returned (null when no step was declared).
   */
  async finalize(outcome: TestOutcome): Promise<Result | null> {
    if (this.finishedAt !== null) return this.result();
    const running = this.running;
    if (running) {
      const step = this.steps[running.index];
      this.run.samples.push({
        ...skippedSample(step, running.index),
        status: 'failed',
        startedAt: running.startedAt,
        durationMs: round(performance.now() - running.t0),
        error: this.redactor.redact(`the test ended during this step (${outcome.status}${outcome.error ? `: ${errorSummary(outcome.error)}` : ''})`),
      });
      this.failedStep = running.name;
      this.running = null;
    } else if (this.failedStep === null && outcome.status !== 'passed' && outcome.status !== 'skipped' && this.steps.length > 0) {
      this.endedAfterSteps = { status: outcome.status, error: outcome.error ? errorSummary(outcome.error) : null };
    }
    if (this.collecting !== null) await finishCollectors(this.collecting, this.run.samples, (text) => this.redactor.redact(text));
    this.collecting = null;
    this.finishedAt = new Date().toISOString();
    this.run.finishedAt = this.finishedAt;
    this.run.status = this.run.samples.some((sample) => sample.status === 'failed') ? 'failed' : 'passed';
    if (this.steps.length === 0) return null;
    return this.save();
  }

  private declare(name: string, options: EcoscoreStepOptions, callback: EcoscoreStepCallback | undefined): Step {
    if (typeof name !== 'string' || name.trim() === '') throw new Error('ecoscore.step: the step needs a name');
    if (!options || !WEB_STEP_TYPES.includes(options.type)) {
      throw new Error(`ecoscore.step("${name}"): type must be one of ${WEB_STEP_TYPES.join(', ')}${options?.type ? `, got "${options.type}"` : ''}`);
    }
    if (this.steps.some((step) => step.name === name)) throw new Error(`ecoscore.step("${name}"): duplicate step name; each step of a journey needs its own`);
    let duration: number | undefined;
    if (options.duration !== undefined) {
      duration = parseDurationMs(options.duration);
      if (duration === undefined) throw new Error(`ecoscore.step("${name}"): "${options.duration}" is not a duration; write it like 500ms, 10s or 2m`);
    }
    if (options.type === 'reference' && callback) throw new Error(`ecoscore.step("${name}"): a reference step measures an idle blank tab and takes no callback`);
    if (options.type === 'pause' && !callback && duration === undefined) throw new Error(`ecoscore.step("${name}"): a pause step needs a duration (e.g. '10s')`);
    if (options.type !== 'reference' && options.type !== 'pause' && !callback) {
      throw new Error(`ecoscore.step("${name}"): a ${options.type} step needs a callback that performs it`);
    }
    return {
      name,
      type: options.type,
      critical: options.critical ?? false,
      ...(duration !== undefined ? { duration } : {}),
      ...(options.description !== undefined ? { description: options.description } : {}),
    };
  }

  private async measure(step: Step, index: number, options: EcoscoreStepOptions, callback: EcoscoreStepCallback | undefined): Promise<MeasuredStep> {
    const { session } = this.options;
    const redact = (text: string) => this.redactor.redact(text);
    this.running = { name: step.name, index, type: step.type as EcoscoreStepType, startedAt: new Date().toISOString(), t0: performance.now() };
    try {
      if (this.collecting === null) this.collecting = await beginCollectors(session, redact);
      const masks = options.mask ?? [];
      const measured = await measureStep({
        session,
        step,
        index,
        iteration: 1,
        outDir: this.options.outDir,
        redact,
        // The callback's last await (typically an expect) is the step's wait condition; its start is the input.
        body: callback
          ? async (t0) => {
              await callback();
              const readyMs = performance.now() - t0;
              return { readyMs, timings: [{ kind: 'click', startMs: 0, endMs: 0, pacingMs: 0 }, { kind: 'waitFor', startMs: 0, endMs: readyMs, pacingMs: 0 }] };
            }
          : null,
        // Password fields always; the step's masks; whatever still holds a declared secret (a field, text shown back).
        masks: () => ({
          maskSelectors: [ALWAYS_MASKED, ...masks.filter((item): item is string => typeof item === 'string')],
          maskNative: masks.filter((item) => typeof item !== 'string'),
          maskActions: [],
          maskValues: [...(this.options.secrets ?? [])],
        }),
        onStart: (t0) => {
          if (this.running) this.running.t0 = t0;
        },
      });
      const url = measured.sample.url === null ? null : session.currentUrl();
      if (this.targetUrl === null && url !== null && /^https?:/i.test(url)) this.targetUrl = new URL(url).origin;
      return measured;
    } finally {
      this.running = null;
    }
  }

  private async save(): Promise<Result> {
    const result = this.result()!;
    await writeResult(join(this.options.outDir, 'result.json'), result);
    return result;
  }
}


function round(value: number): number {
  return Math.round(value * 10) / 10;
}
