/**
 * Builds result.json from what a run has measured so far. Called after every step, so a partial run is
 * always a complete, valid result.
 */
import { redactTarget } from '../drivers/appium.js';
import type { DriverInfo } from '../drivers/driver.js';
import type { LoadedJourney } from '../journey/load.js';
import { totalOf } from '../methodology/aggregate.js';
import { ENERGY_MODEL_VERSION, type HostCalibration } from '../methodology/energy.js';
import { energySourceOfModel, type EnergySource } from '../methodology/energy-source.js';
import { evaluate, type Evaluation } from '../methodology/evaluate.js';
import { scoreStatusMessage } from '../methodology/score-status.js';
import { METHODOLOGY_VERSION } from '../methodology/version.js';
import type { GridRegion } from '../methodology/footprint.js';
import { defaultScoringProfile, type ScoringProfile } from '../methodology/ecoscore.js';
import type { DeviceProfile, NetworkProfile } from '../profiles/schema.js';
import type { MobileDeviceRecord } from '../probes/android-device.js';
import { RESULT_SCHEMA_VERSION, type Result, type Run, type StepThresholdsUsed } from '../model/result.js';
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
 * Where the energy figures come from: `measured` when at least one step's energy was measured in every iteration
 * (with the counts and the model of the others), else the model, with the reason when a device instrument ran but
 * measured nothing usable.
 */
function energySourceOf(context: ResultContext, runs: Run[], evaluation: Evaluation): { source: EnergySource; warning: string | null } {
  const model = energySourceOfModel(context.device, context.network, context.calibration);
  const measuredSteps = evaluation.energyBases.filter((basis) => basis.measured).length;
  const reasons = evaluation.energyBases.map((basis) => basis.reason).filter((reason): reason is string => reason !== null);
  const instrumentReason = runs.flatMap((run) => run.samples).map((sample) => sample.unavailable?.energy).find((reason) => reason !== undefined) ?? null;
  if (measuredSteps === 0) {
    const reason = reasons[0] ?? instrumentReason;
    return { source: reason ? { ...model, reason } : model, warning: reason ? `energy is modelled, not measured: ${reason}` : null };
  }
  const modelledSteps = context.loaded.journey.steps.length - measuredSteps;
  const facts = context.mobileDevice?.() ?? null;
  const device = facts?.model ? `${facts.manufacturer ?? ''} ${facts.model}`.trim() : context.device.id;
  return {
    source: {
      kind: 'measured',
      instrument: 'android-power-sampler',
      method: runs.flatMap((run) => run.samples).find((sample) => sample.energyMeasurement)?.energyMeasurement?.method ?? null,
      device,
      measuredSteps,
      modelledSteps,
      fallback: modelledSteps > 0 ? model : null,
      description:
        `Measured on the device (${device}): battery current sampled every 100 ms and integrated over each step's window on the device clock; ` +
        'a window counts only when the device was on battery and not charging and the samples cover it with gaps of at most 250 ms' +
        (modelledSteps > 0 ? `; ${modelledSteps} step(s) could not be measured in every iteration and are modelled (${model.model} ${model.version})` : '') +
        '.',
    },
    warning: modelledSteps > 0 ? `energy of ${modelledSteps} step(s) is modelled, the others measured: ${reasons[0] ?? 'not measured in every iteration'}` : null,
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
    // Playwright measures Chromium on this machine under emulation; Appium reads the phone's own counters.
    cpuTimeBasis: journey.target.platform === 'web' ? 'host-emulated' : 'device',
    scoring,
    grid: context.grid,
    usage: context.usage,
    runState: context.interrupted ? 'interrupted' : context.finishedAt === null ? 'running' : 'finished',
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
  const energy = energySourceOf(context, runs, evaluation);
  const warnings = resultWarnings(context, evaluation, steps, finished.length, energy.warning);

  const target = journey.target.platform === 'web'
    ? { platform: 'web', url: journey.target.url, measuredUrl: context.targetUrl, ...(journey.target.variant ? { variant: journey.target.variant } : {}) }
    : redactTarget({ ...journey.target });
  return {
    schemaVersion: RESULT_SCHEMA_VERSION,
    tool: { ...TOOL },
    journey: { name: journey.name, file: loaded.file, sha256: loaded.sha256, source: loaded.redactor.redact(loaded.source) },
    target,
    environment: environmentOf(context, evaluation, energy.source, scoring),
    iterations: context.iterations,
    completedIterations: finished.length,
    status,
    steps,
    summary: {
      ecoscore: evaluation.journey.ecoscore,
      grade: evaluation.journey.grade,
      status: { ...evaluation.status, message: scoreStatusMessage(evaluation.status) },
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

/** The environment of a result: profiles, browser, energy source, calibration, methodology, host, emulation. */
function environmentOf(context: ResultContext, evaluation: Evaluation, energySource: EnergySource, scoring: ScoringProfile): Result['environment'] {
  const { device, network } = context;
  return {
    device: { ...device },
    network: { ...network },
    browser: context.browser,
    energySource,
    hostCalibration: context.calibration,
    methodology: {
      version: METHODOLOGY_VERSION,
      energyModel: ENERGY_MODEL_VERSION,
      scoring: { id: scoring.id, version: scoring.version, energyMetric: scoring.energyMetric, aggregation: scoring.aggregation ?? 'deficit-sum' },
      footprint: evaluation.footprintModel,
      thresholds: thresholdsUsed(evaluation),
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
  };
}

/** The warnings of a result: failed steps, unstable figures, probes that could not measure, the run's conditions. */
function resultWarnings(context: ResultContext, evaluation: Evaluation, steps: Result['steps'], finished: number, energyWarning: string | null): string[] {
  const { runs } = evaluation;
  const { journey } = context.loaded;
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
  if (context.interrupted) warnings.push(`the run was interrupted after ${finished} of ${context.iterations} iteration(s); figures cover what was measured`);
  const unavailable = new Map<string, string>();
  for (const run of runs) for (const sample of run.samples) for (const [probe, reason] of Object.entries(sample.unavailable ?? {})) unavailable.set(probe, reason);
  for (const [probe, reason] of unavailable) warnings.push(`probe "${probe}" could not measure (its figures are null): ${reason}`);
  if (energyWarning) warnings.push(energyWarning);
  for (const warning of context.deviceWarnings ?? []) warnings.push(`device check: ${warning}`);
  if (context.lighthouse?.pass.error) warnings.push(`Lighthouse: ${context.lighthouse.pass.error}`);
  // Mobile targets measure CPU time on the device itself (or not at all): no host calibration applies.
  if (context.calibration === null && context.browser !== null && journey.target.platform === 'web') {
    warnings.push(`the host speed calibration failed (${context.calibrationError ?? 'unknown reason'}): CPU energy is not normalised across machines`);
  }

  return warnings;
}

/** The curves the scores were read on, per step type of the journey (energy resolved for this device and network). */
function thresholdsUsed(evaluation: Evaluation): Record<string, StepThresholdsUsed> {
  const used: Record<string, StepThresholdsUsed> = {};
  for (const type of new Set(evaluation.steps.map((step) => step.type))) {
    const curves = evaluation.thresholds.steps[type];
    used[type] = { energy: curves.energy?.points ?? null, performance: curves.performance?.points ?? null, data: curves.data };
  }
  return used;
}
