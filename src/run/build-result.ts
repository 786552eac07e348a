/**
 * Builds result.json from what a run has measured so far. Called after every step, so a partial run is
 * always a complete, valid result.
 */
import { redactTarget } from '../drivers/appium.js';
import type { DriverInfo } from '../drivers/driver.js';
import type { LoadedJourney } from '../journey/load.js';
import { totalOf } from '../methodology/aggregate.js';
import { ENERGY_MODEL_VERSION, type HostCalibration } from '../methodology/energy.js';
import { energySourceOfModel, energySourceOfRun, type EnergySource } from '../methodology/energy-source.js';
import { evaluate, type Evaluation } from '../methodology/evaluate.js';
import { scoreStatusMessage } from '../methodology/score-status.js';
import { METHODOLOGY_VERSION } from '../methodology/version.js';
import { resultWarnings } from '../methodology/warnings.js';
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
  /** Playwright Test recorder: the test's measuring conditions (viewport, trace, video), as sentences. */
  testConditions?: readonly string[];
  /** Playwright Test recorder: the test failed after its measured steps (status, error summary). */
  testEndedAfterSteps?: { status: string; error: string | null } | null;
}

/** Where the run's energy figures come from (methodology/energy-source.ts). */
function energySourceOf(context: ResultContext, evaluation: Evaluation): EnergySource {
  const model = energySourceOfModel(context.device, context.network, context.calibration);
  const deviceName = () => {
    const facts = context.mobileDevice?.() ?? null;
    return facts?.model ? `${facts.manufacturer ?? ''} ${facts.model}`.trim() : context.device.id;
  };
  const samples = evaluation.runs.flatMap((run) => run.samples);
  return energySourceOfRun(model, context.loaded.journey.steps.length, evaluation.energyBases, samples, deviceName);
}

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
  const energySource = energySourceOf(context, evaluation);
  const warnings = warningsOf(context, evaluation, steps, finished.length, energySource);

  const target = journey.target.platform === 'web'
    ? { platform: 'web', url: journey.target.url, measuredUrl: context.targetUrl, ...(journey.target.variant ? { variant: journey.target.variant } : {}) }
    : redactTarget({ ...journey.target });
  return {
    schemaVersion: RESULT_SCHEMA_VERSION,
    tool: { ...TOOL },
    journey: { name: journey.name, file: loaded.file, sha256: loaded.sha256, source: loaded.redactor.redact(loaded.source) },
    target,
    environment: environmentOf(context, evaluation, energySource, scoring),
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

/** The run's facts the warnings are built from (methodology/warnings.ts owns them). */
function warningsOf(context: ResultContext, evaluation: Evaluation, steps: Result['steps'], completedIterations: number, energySource: EnergySource): Result['warnings'] {
  const { journey } = context.loaded;
  return resultWarnings(evaluation, {
    steps,
    iterations: context.iterations,
    completedIterations,
    interrupted: context.interrupted,
    cvThreshold: context.cvThreshold,
    browserRestarts: context.browserRestarts,
    energySource,
    deviceWarnings: context.deviceWarnings,
    lighthouseError: context.lighthouse?.pass.error ?? null,
    // Mobile targets measure CPU time on the device itself (or not at all): no host calibration applies.
    calibrationFailed: context.calibration === null && context.browser !== null && journey.target.platform === 'web',
    calibrationError: context.calibrationError,
    testConditions: context.testConditions,
    testEndedAfterSteps: context.testEndedAfterSteps,
  });
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

/** The curves the scores were read on, per step type of the journey (energy resolved for this device and network). */
function thresholdsUsed(evaluation: Evaluation): Record<string, StepThresholdsUsed> {
  const used: Record<string, StepThresholdsUsed> = {};
  for (const type of new Set(evaluation.steps.map((step) => step.type))) {
    const curves = evaluation.thresholds.steps[type];
    used[type] = { energy: curves.energy?.points ?? null, performance: curves.performance?.points ?? null, data: curves.data };
  }
  return used;
}
