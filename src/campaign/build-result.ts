/**
 * Builds result.json from what a run has measured so far. Called after every step, so a partial run is
 * always a complete, valid result.
 */
import { redactTarget } from '../drivers/appium.js';
import type { DriverInfo } from '../drivers/driver.js';
import type { LoadedJourney } from '../journey/load.js';
import { totalOf } from '../methodology/aggregate.js';
import { ENERGY_MODEL_VERSION, energySourceOfModel, type HostCalibration } from '../methodology/energy.js';
import { evaluate } from '../methodology/evaluate.js';
import type { GridRegion } from '../methodology/footprint.js';
import { defaultScoringProfile, type ScoringProfile } from '../methodology/ecoscore.js';
import type { DeviceProfile, NetworkProfile } from '../profiles/schema.js';
import type { MobileDeviceRecord } from '../probes/android-device.js';
import { RESULT_SCHEMA_VERSION, type Result, type Run } from '../result/schema.js';
import { TOOL } from '../shared/version.js';
import { gitFacts, hostFacts } from './host.js';
import { lighthousePassOf, withLighthouse, type LighthousePassRecord } from './lighthouse-pass.js';

/** Everything a result is built from. */
export interface ResultContext {
  loaded: LoadedJourney;
  device: DeviceProfile;
  network: NetworkProfile;
  iterations: number;
  startedAt: string;
  finishedAt: string | null;
  browser: DriverInfo | null;
  /** The URL actually measured (the demo's local address when `url: demo`). */
  targetUrl: string;
  runs: Run[];
  interrupted: boolean;
  /** Host speed measured at run start (null when it could not be measured). */
  calibration: HostCalibration | null;
  /** Why the calibration is missing, when it is. */
  calibrationError?: string;
  scoring?: ScoringProfile;
  grid?: GridRegion;
  usage?: { users: number; journeysPerUserPerYear: number };
  /** Commit and branch measured (captured once at run start). */
  git?: ReturnType<typeof gitFacts>;
  /** Browsers restarted after a crash. */
  browserRestarts?: number;
  /** A figure whose cv is above this is reported as unstable (default 0.05). */
  cvThreshold?: number;
  /** Warnings of a mobile device's pre-run checks (charging, brightness, foreground app). */
  deviceWarnings?: readonly string[];
  /** The Android phone measured (facts, battery at start and end), written as `environment.mobileDevice`. */
  mobileDevice?: () => MobileDeviceRecord | null;
  /** The Lighthouse pass, when the run had one (`--lighthouse`). */
  lighthouse?: LighthousePassRecord;
}

/**
 * Where the energy figures come from: the Android battery current sampled on the device and integrated over
 * each step's window when at least one sample carries such a figure (`measuredEnergyMah`, with its
 * `energyMeasurement`), else the model. Samples without one (conditions of a measurement not met, with the
 * reason in `unavailable.energy`) are modelled, and the source says how many.
 */
function energySourceOf(context: ResultContext, runs: Run[]): { source: unknown; warning: string | null } {
  const samples = runs.flatMap((run) => run.samples).filter((sample) => sample.status !== 'skipped');
  const measured = samples.filter((sample) => sample.measuredEnergyMah != null);
  const model = energySourceOfModel(context.device, context.network, context.calibration);
  if (measured.length === 0) return { source: model, warning: null };
  const modelled = samples.length - measured.length;
  const methods = [...new Set(measured.map((sample) => sample.energyMeasurement?.method ?? 'unknown'))];
  return {
    source: {
      kind: 'device-counter',
      counter: 'android-battery-current',
      methods,
      device: context.device.id,
      measuredSamples: measured.length,
      modelledSamples: modelled,
      fallback: modelled > 0 ? model : null,
      description:
        `Measured on the device: battery current sampled every 100 ms (${methods.join(', ')}) and integrated over each step's window on the device clock; ` +
        'a window counts only when the device was on battery and not charging and the samples cover it with gaps of at most 250 ms' +
        (modelled > 0 ? `; ${modelled} of ${samples.length} step samples did not meet those conditions and are modelled (${model.model} ${model.version})` : '') +
        '.',
    },
    warning:
      modelled > 0
        ? `the sampled battery current measured ${measured.length} of ${samples.length} step samples; the others (see unavailable.energy) are modelled`
        : null,
  };
}

/** Default coefficient of variation above which a figure is reported as unstable (5 %). */
export const DEFAULT_CV_THRESHOLD = 0.05;

/** Metrics whose instability is worth a warning (the inputs of the three sub-scores). */
const WATCHED_METRICS = ['durationMs', 'readyMs', 'bytes', 'energyMah'] as const;

/** Builds the result; figures the methodology computes are left null here. */
export function buildResult(context: ResultContext): Result {
  const { loaded, device, network } = context;
  const { journey } = loaded;
  const scoring = context.scoring ?? defaultScoringProfile;
  const evaluation = evaluate(context.runs, {
    steps: journey.steps,
    platform: journey.target.platform === 'web' || (journey.target.platform === 'android' && journey.target.browser) ? 'web' : 'mobile',
    device,
    network,
    calibration: context.calibration,
    scoring,
    grid: context.grid,
    usage: context.usage,
  });
  const { runs } = evaluation;
  // Lighthouse pass (issue 7): its audits join the steps; its figures stay out of the medians.
  const steps = withLighthouse(evaluation.steps, context.lighthouse, { device, network, calibration: context.calibration });
  const finished = runs.filter((run) => run.status === 'passed' || run.status === 'failed');
  const anyFailed = runs.some((run) => run.status === 'failed');
  const status: Result['status'] = context.interrupted
    ? 'interrupted'
    : context.finishedAt === null
      ? 'running'
      : anyFailed || finished.length < context.iterations
        ? 'failed'
        : 'passed';
  const warnings: string[] = [];
  for (const step of steps) {
    if (step.status === 'failed') warnings.push(`step "${step.name}" failed in ${step.failedIterations} of ${step.failedIterations + step.passedIterations} iteration(s): ${step.error ?? 'unknown error'}`);
  }
  const cvThreshold = context.cvThreshold ?? DEFAULT_CV_THRESHOLD;
  const ecoscoreCv = evaluation.ecoscoreSpread?.cv ?? null;
  if (ecoscoreCv !== null && ecoscoreCv > cvThreshold) {
    warnings.push(`the journey ecoscore varies by ${(ecoscoreCv * 100).toFixed(1)} % (cv) over ${evaluation.ecoscoreSpread!.n} iterations, above ${(cvThreshold * 100).toFixed(0)} %: add iterations (--until-stable) or check what differs between them`);
  }
  for (const step of steps) {
    for (const metric of WATCHED_METRICS) {
      const spread = step.spread[metric];
      if (spread?.cv != null && spread.cv > cvThreshold && spread.max - spread.min > 0) {
        warnings.push(`step "${step.name}": ${metric} is unstable (cv ${(spread.cv * 100).toFixed(1)} %, ${spread.min}–${spread.max} over ${spread.n} iterations)`);
      }
    }
  }
  const failedIterations = runs.filter((run) => run.status === 'failed').map((run) => run.iteration);
  if (failedIterations.length > 0) {
    warnings.push(`iteration(s) ${failedIterations.join(', ')} failed: their passed steps are kept in the medians, their failed step is reported above`);
  }
  if (context.browserRestarts) warnings.push(`the browser crashed and was restarted ${context.browserRestarts} time(s)`);
  if (context.interrupted) warnings.push(`the run was interrupted after ${finished.length} of ${context.iterations} iteration(s); figures cover what was measured`);
  const unavailable = new Map<string, string>();
  for (const run of runs) for (const sample of run.samples) for (const [probe, reason] of Object.entries(sample.unavailable ?? {})) unavailable.set(probe, reason);
  for (const [probe, reason] of unavailable) warnings.push(`probe "${probe}" could not measure (its figures are null): ${reason}`);
  const energy = energySourceOf(context, runs);
  if (energy.warning) warnings.push(energy.warning);
  for (const warning of context.deviceWarnings ?? []) warnings.push(`device check: ${warning}`);
  if (context.lighthouse?.pass.error) warnings.push(`Lighthouse: ${context.lighthouse.pass.error}`);
  // Mobile targets measure CPU time on the device itself (or not at all): no host calibration applies.
  if (context.calibration === null && context.browser !== null && journey.target.platform === 'web') {
    warnings.push(`the host speed calibration failed (${context.calibrationError ?? 'unknown reason'}): CPU energy is not normalised across machines`);
  }

  const target = journey.target.platform === 'web'
    ? { platform: 'web', url: journey.target.url, measuredUrl: context.targetUrl, ...(journey.target.variant ? { variant: journey.target.variant } : {}) }
    : redactTarget({ ...journey.target });
  return {
    schemaVersion: RESULT_SCHEMA_VERSION,
    tool: { ...TOOL },
    journey: { name: journey.name, file: loaded.file, sha256: loaded.sha256, source: loaded.redactor.redact(loaded.source) },
    target,
    environment: {
      device: { ...device },
      network: { ...network },
      browser: context.browser,
      energySource: energy.source,
      hostCalibration: context.calibration,
      methodology: {
        energyModel: ENERGY_MODEL_VERSION,
        scoring: { id: scoring.id, version: scoring.version },
        footprint: evaluation.footprintModel,
      },
      startedAt: context.startedAt,
      finishedAt: context.finishedAt,
      host: hostFacts(),
      git: context.git ?? null,
      emulation: {
        cpuSlowdownFactor: device.cpuSlowdownFactor,
        latencyMs: network.latencyMs,
        downloadKbps: network.downloadKbps,
        uploadKbps: network.uploadKbps,
      },
      ...(context.lighthouse ? { lighthouse: lighthousePassOf(context.lighthouse) } : {}),
      ...(context.mobileDevice?.() ? { mobileDevice: context.mobileDevice() } : {}),
    },
    iterations: context.iterations,
    completedIterations: finished.length,
    status,
    steps,
    summary: {
      ecoscore: evaluation.journey.ecoscore,
      grade: evaluation.journey.grade,
      scores: evaluation.journey.ecoscore === null ? null : evaluation.journey.scores,
      footprint: evaluation.footprint,
      spread: evaluation.ecoscoreSpread ? { ecoscore: evaluation.ecoscoreSpread, ...evaluation.subScoreSpread } : null,
      iterationEcoscores: evaluation.iterationEcoscores,
      projection: evaluation.projection,
      passedSteps: steps.filter((step) => step.status === 'passed').length,
      failedSteps: steps.filter((step) => step.status === 'failed').length,
      skippedSteps: steps.filter((step) => step.status === 'skipped').length,
      totals: {
        durationMs: totalOf(steps, 'durationMs'),
        bytes: totalOf(steps, 'bytes'),
        requests: totalOf(steps, 'requests'),
        cpuMs: totalOf(steps, 'cpuMs'),
        energyMah: totalOf(steps, 'energyMah'),
      },
    },
    warnings,
    runs,
  };
}
