/**
 * The white-label statement's shapes and indicator table (see whitelabel.ts for the rule). Plain data, no code.
 */
import type { Result } from '../model/result.js';

/** Version of the statement's JSON shape. */
export const WHITELABEL_STATEMENT_VERSION = 1;

/** Where a white-label error points the reader. */
export const MORE_INFO = 'see docs/whitelabel.md';

/** Estimation rules applied when the distributor's variant was not measured. */
export const WHITELABEL_RULES = ['median', 'conservative'] as const;
/** An estimation rule for an unmeasured distributor. */
export type WhiteLabelRule = (typeof WHITELABEL_RULES)[number];
/** How an estimated value was obtained: the distributor's own measure, or a rule over the measured variants. */
export type WhiteLabelEstimation = 'measured' | WhiteLabelRule;

/** The indicators of a statement, in the order they are shown. */
export const WHITELABEL_INDICATOR_IDS = [
  'ecoscore',
  'energyScore',
  'performanceScore',
  'dataScore',
  'energyMah',
  'bytes',
  'durationMs',
  'ghgGrams',
  'waterLitres',
  'adpKgSbEq',
] as const;
/** Id of an indicator. */
export type WhiteLabelIndicatorId = (typeof WHITELABEL_INDICATOR_IDS)[number];

/** How one indicator is read from a result and which way is better. */
export interface IndicatorDefinition {
  id: WhiteLabelIndicatorId;
  /** Unit of the values: `/100` (score), `mAh`, `bytes`, `ms`, `g CO2e`, `L`, `kg Sb eq`. */
  unit: string;
  /** Which way is better: scores are better high, consumptions low. */
  better: 'higher' | 'lower';
  /** Where the value is read in result.json. */
  source: string;
  read: (result: Result) => unknown;
}

/** The indicators, in {@link WHITELABEL_INDICATOR_IDS} order (their names are phrased in `report/i18n-whitelabel.ts`). */
export const INDICATORS: readonly IndicatorDefinition[] = [
  { id: 'ecoscore', unit: '/100', better: 'higher', source: 'summary.ecoscore', read: (r) => r.summary.ecoscore },
  { id: 'energyScore', unit: '/100', better: 'higher', source: 'summary.scores.energy', read: (r) => r.summary.scores?.energy },
  { id: 'performanceScore', unit: '/100', better: 'higher', source: 'summary.scores.performance', read: (r) => r.summary.scores?.performance },
  { id: 'dataScore', unit: '/100', better: 'higher', source: 'summary.scores.data', read: (r) => r.summary.scores?.data },
  { id: 'energyMah', unit: 'mAh', better: 'lower', source: 'summary.totals.energyMah', read: (r) => r.summary.totals?.energyMah },
  { id: 'bytes', unit: 'bytes', better: 'lower', source: 'summary.totals.bytes', read: (r) => r.summary.totals?.bytes },
  { id: 'durationMs', unit: 'ms', better: 'lower', source: 'summary.totals.durationMs', read: (r) => r.summary.totals?.durationMs },
  { id: 'ghgGrams', unit: 'g CO2e', better: 'lower', source: 'summary.footprint.ghgGrams', read: (r) => r.summary.footprint?.ghgGrams },
  { id: 'waterLitres', unit: 'L', better: 'lower', source: 'summary.footprint.waterLitres', read: (r) => r.summary.footprint?.waterLitres },
  { id: 'adpKgSbEq', unit: 'kg Sb eq', better: 'lower', source: 'summary.footprint.adpKgSbEq', read: (r) => r.summary.footprint?.adpKgSbEq },
];

/** One line of the statement. Invariant: `min ≤ estimated ≤ max` whenever they are not null. */
export interface WhiteLabelIndicator {
  id: WhiteLabelIndicatorId;
  /** `/100` (score), `mAh`, `bytes`, `ms`, `g CO2e`, `L` or `kg Sb eq`. */
  unit: string;
  better: 'higher' | 'lower';
  /** Where the value is read in each result.json. */
  source: string;
  /** Smallest value over the measured variants; null when no variant has the figure. */
  min: number | null;
  /** Largest value over the measured variants; null when no variant has the figure. */
  max: number | null;
  /** The value retained for the distributor; null when no variant has the figure. */
  estimated: number | null;
  /** Variant holding the minimum (the first one given, on a tie). */
  minVariant: string | null;
  /** Variant holding the maximum (the first one given, on a tie). */
  maxVariant: string | null;
  /** Variant(s) the estimate comes from: one, or the two middle ones of an even-count median. */
  estimatedFrom: string[];
  /** How `estimated` was obtained; null when no variant has the figure. */
  rule: WhiteLabelEstimation | null;
  /** Number of variants that have the figure. */
  n: number;
}

/** What a variant was measured with. */
export interface WhiteLabelVariant {
  name: string;
  tool: { name: string; version: string };
  journey: { name: string; file: string; sha256: string; steps: number };
  /** Platform and what was measured: the URL of a web target, the app of a mobile one. */
  target: { platform: string; name: string | null };
  device: { id: string; name: string };
  network: { id: string; name: string };
  /** When the measure started (ISO). */
  startedAt: string;
  iterations: number;
  completedIterations: number;
  status: Result['status'];
  passedSteps: number;
  failedSteps: number;
  skippedSteps: number;
  ecoscore: number | null;
  grade: string | null;
  /** Coefficient of variation of the journey ecoscore over the iterations; null with fewer than 2. */
  ecoscoreCv: number | null;
  /** `model` (estimated from measured resource use) or `device-counter`; `unknown` when not recorded. */
  energySource: string;
  /** Scoring profile the scores were computed with (`id@version`), when recorded. */
  scoringProfile: string | null;
}

/** Codes of the statement's warnings, in no particular order (each is phrased in `report/i18n-whitelabel.ts`). */
export const WHITELABEL_WARNING_CODES = [
  'single-variant',
  'different-journeys',
  'different-journey-files',
  'different-platforms',
  'different-devices',
  'different-networks',
  'different-methodology',
  'different-energy-sources',
  'modelled-energy',
  'failed-steps',
  'incomplete-run',
  'single-iteration',
  'estimate-not-measured-for-indicator',
  'indicator-not-measured',
] as const;
/** Code of a warning of the statement. */
export type WhiteLabelWarningCode = (typeof WHITELABEL_WARNING_CODES)[number];

/** Variants sharing one value of what differs between them (a device id, a platform, a network id). */
export interface WhiteLabelGroup {
  value: string;
  variants: string[];
}

/** The parameters of each warning code: the names and figures its sentence is made of. */
export interface WhiteLabelWarningParams {
  /** Only one variant was measured. */
  'single-variant': { variant: string };
  /** Different steps; grouped by journey name and step count, in the order the variants were given. */
  'different-journeys': { groups: Array<{ journey: string; steps: number; variants: string[] }> };
  /** Same steps, different journey files; grouped by the first 12 hex digits of the file's sha256. */
  'different-journey-files': { groups: Array<{ sha256Prefix: string; variants: string[] }> };
  /** Grouped by platform. */
  'different-platforms': { groups: WhiteLabelGroup[] };
  /** Grouped by device id. */
  'different-devices': { groups: WhiteLabelGroup[] };
  /** Grouped by network id. */
  'different-networks': { groups: WhiteLabelGroup[] };
  /** Scoring profile, energy model or footprint factors differ. */
  'different-methodology': Record<string, never>;
  /** The energy source of every variant (`model`, `device-counter`, … or `unknown`). */
  'different-energy-sources': { sources: Array<{ variant: string; energySource: string }> };
  /** The variants whose energy is modelled. */
  'modelled-energy': { variants: string[] };
  'failed-steps': { variant: string; failedSteps: number; skippedSteps: number };
  'incomplete-run': { variant: string; completedIterations: number; iterations: number; status: Result['status'] };
  'single-iteration': { variant: string };
  /** The distributor's result lacks the figure: the estimate follows `fallback` over the other variants. */
  'estimate-not-measured-for-indicator': { indicator: WhiteLabelIndicatorId; estimate: string; fallback: WhiteLabelRule };
  /** No variant has the figure, read at `source` in result.json. */
  'indicator-not-measured': { indicator: WhiteLabelIndicatorId; source: string };
}

/** Something the reader of the statement must know: a code and its parameters, no sentence. */
export type WhiteLabelWarning = {
  [C in WhiteLabelWarningCode]: {
    code: C;
    params: WhiteLabelWarningParams[C];
    /** Variants concerned, when the warning is about some of them. */
    variants?: string[];
    /** Indicator concerned, when the warning is about one. */
    indicator?: WhiteLabelIndicatorId;
  };
}[WhiteLabelWarningCode];

/**
 * The rule of the estimated values, as a code and its parameters (phrased in `report/i18n-whitelabel.ts`):
 * `estimate-measured` when the distributor's own values are retained (with the indicators its result lacks,
 * estimated by `fallback`), `estimate-by-rule` when it was not measured and `id` is the rule applied.
 */
export type WhiteLabelRuleStatement = { fallback: WhiteLabelRule } & (
  | { id: 'measured'; code: 'estimate-measured'; params: { estimate: string; variants: string[]; fellBack: WhiteLabelIndicatorId[] } }
  | { id: WhiteLabelRule; code: 'estimate-by-rule'; params: { estimate: string; variants: string[] } }
);

/** The white-label statement (annex 12.1): a minimum, a maximum and the estimated value retained, per indicator. */
export interface WhiteLabelStatement {
  kind: 'ecoscore-whitelabel-statement';
  version: typeof WHITELABEL_STATEMENT_VERSION;
  /** When the statement was produced (ISO, passed in). */
  generatedAt: string;
  /** Tool that produced it, when given. */
  tool: { name: string; version: string } | null;
  /** The distributor's service the statement is for, and whether it was itself measured. */
  estimate: { name: string; measured: boolean };
  /** The rule of the estimated values (a code and its parameters). */
  rule: WhiteLabelRuleStatement;
  indicators: WhiteLabelIndicator[];
  /** Grades of the minimum, maximum and estimated ecoscore (null when they cannot be stated). */
  ecoscoreGrade: { min: string | null; max: string | null; estimated: string | null };
  variants: WhiteLabelVariant[];
  warnings: WhiteLabelWarning[];
}

/** Options of {@link whiteLabelStatement}. */
export interface WhiteLabelOptions {
  /**
   * Name of the distributor's service the statement is for: the name of one of the variants when it was
   * measured (its own values are then retained), or any other name when it was not.
   */
  estimate: string;
  /** Rule for an unmeasured distributor (and for figures its own result lacks): `median` (default) or `conservative`. */
  rule?: WhiteLabelRule;
  /** Date of the statement, ISO 8601 (the methodology reads no clock). */
  generatedAt: string;
  /** Tool recorded in the statement. */
  tool?: { name: string; version: string };
}

/** A measured variant: its name (distributor or deployment) and its result. */
export interface WhiteLabelInput {
  name: string;
  result: Result;
}
