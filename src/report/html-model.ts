/**
 * What the HTML report shows, derived from a Result without formatting: per-step views (screenshots,
 * first/third-party split), warnings (the result's own, by code, grouped as the report shows them), environment facts and
 * the data embedded for the charts. Pure: no I/O, no clock.
 */
import { ecoscoreGrade } from '../methodology/ecoscore.js';
import { warning, type Result, type StepResult, type Warning, type WarningOf } from '../model/result.js';
import { warningsOf } from './i18n-warnings.js';
import { stepGrade } from './grade-view.js';
import { median } from '../shared/stats.js';

/** A coefficient of variation above this is marked in the step table (5 %); the warnings follow the run's own threshold. */
export const UNSTABLE_CV = 0.05;

/** Grade colours, A dark green … G red: background and a text colour with at least 4.5:1 contrast. */
export const GRADE_COLOURS: Readonly<Record<string, { bg: string; fg: string }>> = {
  A: { bg: '#1b7a36', fg: '#ffffff' },
  B: { bg: '#6ab04c', fg: '#10260a' },
  C: { bg: '#b5cc2e', fg: '#1f2600' },
  D: { bg: '#f2d31b', fg: '#2b2400' },
  E: { bg: '#f6a623', fg: '#2b1800' },
  F: { bg: '#ee7b2f', fg: '#2b1200' },
  G: { bg: '#d52b2b', fg: '#ffffff' },
};

/** Colour of a value that has no grade. */
export const NO_GRADE_COLOUR = { bg: '#c9d1d8', fg: '#1f2a33' };

/** Categorical palette for the steps in the share chart (Tableau 10). */
export const STEP_PALETTE = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#bab0ac'];

/** Grade of a score with the default bounds (colour of sub-scores, which have no grade of their own); null for no score. */
export function gradeOfScore(score: number | null | undefined): string | null {
  if (typeof score !== 'number' || !Number.isFinite(score)) return null;
  try {
    return ecoscoreGrade(Math.min(100, Math.max(0, score)));
  } catch {
    return null;
  }
}

/** Where a screenshot is shown from. */
export interface ScreenshotRef {
  /** Relative path as recorded in the result. */
  path: string;
  /** `src`/`href` value: a relative URL, or a `data:image/…` URI when embedded. */
  url: string;
  embedded: boolean;
}

/** One step with what the report adds to it. */
export interface StepView {
  index: number;
  step: StepResult;
  screenshot: ScreenshotRef | null;
  /** Bytes of the measured site's origin and of third parties (median share × median bytes); null when unknown. */
  firstPartyBytes: number | null;
  thirdPartyBytes: number | null;
  /** Which action failed, from the last failed sample. */
  failedAction: string | null;
}

/**
 * The warnings section's content: the result's own warnings (codes, from methodology/warnings.ts) grouped as the
 * report shows them, and what the report reads off the result's counts and statuses (steps not run, iterations not
 * completed, a single iteration, no reference step). Texts are chosen by the renderer per language.
 */
export interface DerivedWarnings {
  /**
   * Failed steps (read off the steps' statuses, so that a partial or older result shows them too), each as the
   * `step-failed` warning the result holds for it, or the same warning built from the step's recorded counts.
   */
  failedSteps: { warning: WarningOf<'step-failed'>; view: StepView }[];
  skippedSteps: StepView[];
  /** `run-interrupted` when the run was (the result's status), as recorded or from the recorded counts. */
  interrupted: WarningOf<'run-interrupted'> | null;
  /** Fewer iterations completed than asked for, the run not interrupted (still running, or iterations failed). */
  incomplete: boolean;
  singleIteration: boolean;
  /** `journey-unstable`, when the journey ecoscore is unstable. */
  unstableJourney: WarningOf<'journey-unstable'> | null;
  /** `step-unstable` warnings grouped per step, in the result's order. */
  unstableSteps: { step: string; view: StepView | null; figures: WarningOf<'step-unstable'>[] }[];
  noReference: boolean;
  /** Every other coded warning, in the result's order. */
  others: Warning[];
  /** Sentences of an older result that no code describes (English). */
  legacyTexts: string[];
}

/**
 * Details of the energy source (`environment.energySource`) the HTML report shows beside its label. The label itself
 * (modelled, measured, partly measured) is `energyLabelOf`'s, the same in every output.
 */
export interface EnergySourceView {
  model: string | null;
  version: string | null;
  device: string | null;
  counter: string | null;
  calibrated: boolean | null;
  description: string | null;
}

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/**
 * URL of a screenshot: the embedded data URI when given, else the recorded relative path (each segment
 * URL-encoded, so a crafted path cannot become `javascript:`), under `base`.
 */
export function screenshotRef(path: string | null, base: string | undefined, embed: ReadonlyMap<string, string> | undefined): ScreenshotRef | null {
  if (!path) return null;
  const embedded = embed?.get(path);
  if (embedded !== undefined && /^data:image\/(png|jpeg|webp|gif);base64,[A-Za-z0-9+/=]*$/.test(embedded)) {
    return { path, url: embedded, embedded: true };
  }
  if (SCHEME.test(path) || path.startsWith('//')) return null;
  const encoded = path
    .replace(/\\/g, '/')
    .split('/')
    .map((segment) => encodeURIComponent(segment))
    .join('/');
  let prefix = base ?? '';
  if (prefix !== '' && SCHEME.test(prefix) && !/^file:/i.test(prefix)) prefix = '';
  if (prefix !== '' && !prefix.endsWith('/')) prefix += '/';
  return { path, url: prefix + encoded, embedded: false };
}

/** The steps with their screenshot, party split and failed action. */
export function stepViews(result: Result, base?: string, embed?: ReadonlyMap<string, string>): StepView[] {
  return result.steps.map((step, index) => {
    const samples = result.runs.flatMap((run) => run.samples.filter((sample) => sample.index === index));
    const shares: number[] = [];
    for (const sample of samples) {
      if (sample.status !== 'passed') continue;
      const first = sample.firstPartyBytes;
      const third = sample.thirdPartyBytes;
      if (first === null || third === null || first + third <= 0) continue;
      shares.push(first / (first + third));
    }
    const share = shares.length === 0 ? null : median(shares);
    const bytes = step.metrics.bytes;
    const failed = samples.filter((sample) => sample.status === 'failed' && sample.failedAction);
    return {
      index,
      step,
      screenshot: screenshotRef(step.screenshot, base, embed),
      firstPartyBytes: share === null || bytes === null ? null : bytes * share,
      thirdPartyBytes: share === null || bytes === null ? null : bytes * (1 - share),
      failedAction: failed.length > 0 ? failed[failed.length - 1].failedAction ?? null : null,
    };
  });
}

/** Details of the energy source of the result; all null when it has none. */
export function energySourceView(result: Result): EnergySourceView {
  const source = result.environment.energySource;
  const none = { model: null, version: null, device: null, counter: null, calibrated: null, description: null };
  switch (source?.kind) {
    case undefined:
      return none;
    case 'model':
      return { ...none, model: source.model, version: source.version, device: source.device, calibrated: source.calibrated, description: source.description };
    case 'measured':
      return { ...none, device: source.device, description: source.description };
    case 'device-counter':
      return { ...none, device: source.device ?? null, counter: source.counter, description: source.description ?? null };
  }
}

/** The result's warnings grouped for the report, and the facts it reads off the result's counts. */
export function deriveWarnings(result: Result, views: StepView[]): DerivedWarnings {
  const viewOf = (name: string) => views.find((view) => view.step.name === name) ?? null;
  const coded = warningsOf(result);
  const failedWarningOf = ({ step }: StepView): WarningOf<'step-failed'> =>
    coded.find((item): item is WarningOf<'step-failed'> => item.code === 'step-failed' && item.params.step === step.name) ??
    warning('step-failed', { step: step.name, failedIterations: step.failedIterations, iterations: step.failedIterations + step.passedIterations, error: step.error ?? null }, '');
  const interrupted = coded.find((item): item is WarningOf<'run-interrupted'> => item.code === 'run-interrupted');
  const derived: DerivedWarnings = {
    failedSteps: views.filter((view) => view.step.status === 'failed').map((view) => ({ warning: failedWarningOf(view), view })),
    skippedSteps: views.filter((view) => view.step.status === 'skipped'),
    interrupted:
      result.status !== 'interrupted'
        ? null
        : (interrupted ?? warning('run-interrupted', { completedIterations: result.completedIterations, iterations: result.iterations }, '')),
    incomplete: result.status !== 'interrupted' && result.completedIterations < result.iterations,
    singleIteration: false,
    unstableJourney: null,
    unstableSteps: [],
    noReference: false,
    others: [],
    legacyTexts: [],
  };
  for (const item of coded) {
    if (item.code === 'step-failed' || item.code === 'run-interrupted') continue;
    if (item.code === 'journey-unstable') derived.unstableJourney = item;
    else if (item.code === 'step-unstable') {
      const group = derived.unstableSteps.find((entry) => entry.step === item.params.step);
      if (group) group.figures.push(item);
      else derived.unstableSteps.push({ step: item.params.step, view: viewOf(item.params.step), figures: [item] });
    } else if (item.code === 'legacy-text') derived.legacyTexts.push(item.params.text);
    else derived.others.push(item);
  }
  const measuredSpread = views.some((view) => Object.values(view.step.spread).some((spread) => spread.n >= 2));
  const ran = views.some((view) => view.step.status !== 'skipped');
  derived.singleIteration = ran && !measuredSpread && (result.iterations <= 1 || result.completedIterations <= 1);
  derived.noReference = ran && !result.steps.some((step) => step.type === 'reference');
  return derived;
}

/** Data the inline script draws the charts from (numbers only; labels come from the i18n dictionaries). */
export interface ChartData {
  steps: {
    name: string;
    type: string;
    critical: boolean;
    status: string;
    energyMah: number | null;
    dischargeUahPerS: number | null;
    bytes: number | null;
    firstPartyBytes: number | null;
    thirdPartyBytes: number | null;
    durationMs: number | null;
    readyMs: number | null;
    ecoscore: number | null;
    grade: string | null;
    ghgGrams: number | null;
    waterLitres: number | null;
  }[];
  referenceDischargeUahPerS: number | null;
  gradeColours: Record<string, { bg: string; fg: string }>;
  noGradeColour: { bg: string; fg: string };
  palette: string[];
}

/** The numbers of the charts. */
export function chartData(result: Result, views: StepView[]): ChartData {
  const reference = result.steps.find((step) => step.type === 'reference');
  return {
    steps: views.map(({ step, firstPartyBytes, thirdPartyBytes }) => ({
      name: step.name,
      type: step.type,
      critical: step.critical,
      status: step.status,
      energyMah: step.metrics.energyMah,
      dischargeUahPerS: step.metrics.dischargeUahPerS,
      bytes: step.metrics.bytes,
      firstPartyBytes,
      thirdPartyBytes,
      durationMs: step.metrics.durationMs,
      readyMs: step.metrics.readyMs,
      ecoscore: step.scores?.ecoscore ?? null,
      grade: stepGrade(step),
      ghgGrams: step.footprint?.ghgGrams ?? null,
      waterLitres: step.footprint?.waterLitres ?? null,
    })),
    referenceDischargeUahPerS: reference?.metrics.dischargeUahPerS ?? null,
    gradeColours: { ...GRADE_COLOURS },
    noGradeColour: NO_GRADE_COLOUR,
    palette: STEP_PALETTE,
  };
}

/** Which charts have something to draw. */
export function chartAvailability(data: ChartData): Record<'scores' | 'energy' | 'data' | 'duration' | 'share', boolean> {
  const has = (pick: (step: ChartData['steps'][number]) => number | null) => data.steps.some((step) => pick(step) !== null);
  return {
    scores: data.steps.some((step) => step.type !== 'reference' && step.ecoscore !== null),
    energy: has((step) => step.energyMah) || has((step) => step.dischargeUahPerS),
    data: has((step) => step.bytes),
    duration: has((step) => step.durationMs),
    share: data.steps.some((step) => (step.energyMah ?? 0) > 0 || (step.bytes ?? 0) > 0 || (step.durationMs ?? 0) > 0 || (step.ghgGrams ?? 0) > 0),
  };
}

// --- Lighthouse recommendations (issue 7) ---

/** A step audited by the Lighthouse pass, with the link to its report. */
export interface LighthouseStepView {
  index: number;
  step: StepResult;
  lighthouse: NonNullable<StepResult['lighthouse']>;
  /** Link to the step's LHR file (relative, segments URL-encoded), or null. */
  reportUrl: string | null;
}

/** The Lighthouse pass as the report shows it; null when the run had none. */
export interface LighthousePassView {
  version: string | null;
  error: string | null;
  steps: LighthouseStepView[];
}

/** The Lighthouse pass of a result and its audited steps, in journey order. */
export function lighthousePassView(result: Result, base?: string): LighthousePassView | null {
  const pass = result.environment.lighthouse ?? null;
  const steps: LighthouseStepView[] = [];
  result.steps.forEach((step, index) => {
    if (!step.lighthouse) return;
    steps.push({ index, step, lighthouse: step.lighthouse, reportUrl: screenshotRef(step.lighthouse.report, base, undefined)?.url ?? null });
  });
  if (!pass && steps.length === 0) return null;
  const version = pass?.lighthouseVersion ?? steps.find((view) => view.lighthouse.lighthouseVersion)?.lighthouse.lighthouseVersion ?? null;
  return { version, error: pass?.error ?? null, steps };
}

/** `uses-text-compression` → `auditUsesTextCompression`: the i18n key of an audit's translated title. */
export function auditLabelKey(auditId: string): string {
  return `audit${auditId.replace(/(^|-)([a-z0-9])/g, (_whole, _dash: string, letter: string) => letter.toUpperCase())}`;
}
