/**
 * The Lighthouse pass (`ecoscore run --lighthouse`, web targets): one more iteration of the journey after the
 * measured ones, in a fresh browser context of the same browser, with Lighthouse observing every step —
 * a navigation around `first-load` and `load` steps, a timespan around `action` and `scroll` steps, a
 * snapshot at the end of `pause` steps. Its figures never enter the medians: Lighthouse's tracing, coverage
 * and waits perturb what the probes measure, so the measured iterations stay clean and this pass only
 * brings metrics and sobriety recommendations (docs/lighthouse.md gives the measured overhead).
 *
 * The probes still run in the pass: each step's figures under Lighthouse are recorded beside its audit
 * (`steps[].lighthouse.auditPass`), so every result shows what Lighthouse would have added to the measure.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AuditSession, Driver, Session } from '../drivers/driver.js';
import type { Journey, Step, StepType } from '../journey/schema.js';
import { estimateStepEnergy, type HostCalibration } from '../methodology/energy.js';
import { LIGHTHOUSE_AUDIT_IDS, summarizeLighthouseStep, type Lhr } from '../methodology/recommendations.js';
import type { DeviceProfile, NetworkProfile } from '../profiles/schema.js';
import type { LighthousePass, RawStepSample, StepLighthouse, StepResult } from '../model/result.js';
import { errorSummary, stepFileStem } from '../shared/text.js';

/** Hooks `runStep` calls around a step: `begin` before its probes start, `end` after they stop. */
export interface StepAudit {
  begin(): Promise<void>;
  end(): Promise<void>;
}

/** What the pass recorded for one step. `lighthouse.auditPass` is filled by build-result (it needs the energy model). */
export interface LighthousePassStep {
  lighthouse: Omit<StepLighthouse, 'auditPass'>;
  /** The step's raw sample in the pass (probes under Lighthouse), or null when the step did not run. */
  sample: RawStepSample | null;
}

/** What the pass recorded: `environment.lighthouse` and one entry per step (null: not audited). */
export interface LighthousePassRecord {
  pass: Omit<LighthousePass, 'description'>;
  steps: (LighthousePassStep | null)[];
}

/** The Lighthouse mode of a step type, or null for steps Lighthouse has nothing to say about (blank tab, background). */
export function lighthouseModeOf(type: StepType): StepLighthouse['mode'] | null {
  switch (type) {
    case 'first-load':
    case 'load':
      return 'navigation';
    case 'action':
    case 'scroll':
      return 'timespan';
    case 'pause':
      return 'snapshot';
    default:
      return null;
  }
}

/** What the pass needs from the run. */
export interface LighthousePassOptions {
  driver: Driver;
  journey: Journey;
  outDir: string;
  device: DeviceProfile;
  network: NetworkProfile;
  /** Replaces secrets in text and in any JSON value (the LHR files are written redacted). */
  redact: (text: string) => string;
  redactValue: <T>(value: T) => T;
  signal?: AbortSignal;
  /** Runs one step exactly as a measured iteration does, with the audit hooks. */
  runStep: (session: Session, step: Step, index: number, audit: StepAudit | undefined) => Promise<RawStepSample>;
  /** Called after each step of the pass. */
  onStep?: (index: number, step: Step, entry: LighthousePassStep | null) => void;
}

/** Relative path of a step's LHR file: `lighthouse/07-health-resources-heavy-page.json`. */
export function lighthouseReportPath(index: number, step: Pick<Step, 'name'>): string {
  return `lighthouse/${stepFileStem(index, step.name)}.json`;
}

/** Runs the Lighthouse pass. Never throws: a pass that cannot run records why in `pass.error`. */
export async function runLighthousePass(options: LighthousePassOptions): Promise<LighthousePassRecord> {
  const { driver, journey } = options;
  const startedAt = new Date().toISOString();
  const t0 = performance.now();
  const steps: (LighthousePassStep | null)[] = journey.steps.map(() => null);
  const record: LighthousePassRecord = { pass: { pass: 'separate', lighthouseVersion: null, startedAt, durationMs: null, auditedSteps: 0 }, steps };
  const finish = (error?: string): LighthousePassRecord => {
    record.pass.durationMs = Math.round(performance.now() - t0);
    record.pass.auditedSteps = steps.filter((entry) => entry !== null && entry.lighthouse.error === undefined).length;
    if (error) record.pass.error = options.redact(error);
    return record;
  };

  if (journey.target.platform !== 'web') return finish('Lighthouse audits web targets only; this journey targets a mobile app');
  if (!driver.openAuditSession) {
    return finish('Lighthouse needs a browser it can reach over the DevTools protocol: a launched one, or a --browser-endpoint containing /devtools/');
  }
  let session: AuditSession;
  try {
    if (!driver.isConnected()) throw new Error('the browser is no longer connected');
    session = await driver.openAuditSession(LIGHTHOUSE_AUDIT_IDS);
  } catch (error) {
    return finish(`the Lighthouse pass could not start: ${errorSummary(error)}`);
  }

  try {
    for (const [index, step] of journey.steps.entries()) {
      if (options.signal?.aborted) return finish('the run was interrupted during the Lighthouse pass');
      const mode = lighthouseModeOf(step.type);
      const captured: { lhr: unknown; error: string | null; addedMs: number } = { lhr: null, error: null, addedMs: 0 };
      const timed = async (work: () => Promise<void>) => {
        const started = performance.now();
        try {
          await work();
        } catch (error) {
          captured.error ??= errorSummary(error);
        } finally {
          captured.addedMs += performance.now() - started;
        }
      };
      let begun = false;
      const audit: StepAudit | undefined =
        mode === null
          ? undefined
          : {
              begin: () =>
                timed(async () => {
                  if (mode !== 'snapshot') await session.auditor.begin(mode);
                  begun = true;
                }),
              end: () =>
                timed(async () => {
                  if (!begun) return;
                  captured.lhr = mode === 'snapshot' ? await session.auditor.snapshot() : await session.auditor.end();
                }),
            };
      const sample = await options.runStep(session, step, index, audit);
      let entry: LighthousePassStep | null = null;
      if (mode !== null) entry = await stepEntry(options, index, step, mode, captured, sample);
      steps[index] = entry;
      if (entry?.lighthouse.lighthouseVersion) record.pass.lighthouseVersion ??= entry.lighthouse.lighthouseVersion;
      options.onStep?.(index, step, entry);
      // A failed step leaves the page where later steps cannot start, as in a measured iteration.
      if (sample.status === 'failed') return finish(`step "${step.name}" failed during the Lighthouse pass: ${sample.error ?? 'unknown error'}`);
    }
    return finish();
  } catch (error) {
    return finish(`the Lighthouse pass failed: ${errorSummary(error)}`);
  } finally {
    await session.close().catch(() => undefined);
  }
}

async function stepEntry(
  options: LighthousePassOptions,
  index: number,
  step: Step,
  mode: StepLighthouse['mode'],
  captured: { lhr: unknown; error: string | null; addedMs: number },
  sample: RawStepSample,
): Promise<LighthousePassStep> {
  const addedMs = Math.round(captured.addedMs);
  const lhr = isLhr(captured.lhr) ? options.redactValue(captured.lhr) : null;
  if (lhr === null) {
    const error = captured.error ?? (sample.status === 'failed' ? 'the step failed' : 'Lighthouse returned no report');
    return { lighthouse: emptyEntry(mode, addedMs, options.redact(error)), sample };
  }
  let report: string | null = lighthouseReportPath(index, step);
  try {
    await mkdir(join(options.outDir, 'lighthouse'), { recursive: true });
    await writeFile(join(options.outDir, report), JSON.stringify(lhr));
  } catch {
    report = null;
  }
  const summary = summarizeLighthouseStep(lhr, { mode, report, addedMs, auditPass: null }, { device: options.device, network: options.network });
  const { auditPass: _omitted, ...lighthouse } = summary;
  return { lighthouse, sample };
}

function emptyEntry(mode: StepLighthouse['mode'], addedMs: number, error: string): Omit<StepLighthouse, 'auditPass'> {
  return {
    lighthouseVersion: null,
    mode,
    metrics: {
      firstContentfulPaintMs: null,
      largestContentfulPaintMs: null,
      speedIndexMs: null,
      totalBlockingTimeMs: null,
      cumulativeLayoutShift: null,
      interactionToNextPaintMs: null,
    },
    recommendations: [],
    estimatedSavingsBytes: null,
    estimatedEnergyMah: null,
    report: null,
    addedMs,
    warnings: [],
    error,
  };
}

function isLhr(value: unknown): value is Lhr {
  return value !== null && typeof value === 'object' && typeof (value as Lhr).audits === 'object' && (value as Lhr).audits !== null;
}

/** Description of the pass written in every result that has one. */
export const LIGHTHOUSE_PASS_DESCRIPTION =
  'Lighthouse ran in a separate pass after the measured iterations (same browser, a fresh context, the same device and network emulation); ' +
  'its metrics and recommendations come from that pass, and its figures are not in the medians, scores or footprint.';

/** `environment.lighthouse` of a result. */
export function lighthousePassOf(record: LighthousePassRecord): LighthousePass {
  return { ...record.pass, description: LIGHTHOUSE_PASS_DESCRIPTION };
}

/**
 * The steps with their Lighthouse entry, the pass's figures of each step completed with the energy model
 * (`auditPass`). Steps without an entry are returned as they are; without a pass, the steps unchanged.
 */
export function withLighthouse(
  steps: StepResult[],
  record: LighthousePassRecord | undefined,
  context: { device: DeviceProfile; network: NetworkProfile; calibration: HostCalibration | null },
): StepResult[] {
  if (!record) return steps;
  return steps.map((step, index) => {
    const entry = record.steps[index];
    if (!entry) return step;
    const sample = entry.sample;
    let auditPass: StepLighthouse['auditPass'] = null;
    if (sample && sample.status !== 'skipped') {
      const energy = estimateStepEnergy(sample, context.device, context.network, context.calibration).energyMah;
      auditPass = {
        durationMs: sample.durationMs,
        cpuMs: sample.cpuMs,
        bytes: sample.bytes,
        requests: sample.requests,
        energyMah: energy === null ? null : Math.round(energy * 1e6) / 1e6,
      };
    }
    return { ...step, lighthouse: { ...entry.lighthouse, auditPass } };
  });
}
