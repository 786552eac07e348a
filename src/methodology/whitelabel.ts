/**
 * White-label statement. *Reported, unverified* (ANS "Guide du référencement à Mon espace santé" v3.8,
 * annex 12.1; the guide was not found online): when a distributor of a white-label product cannot measure its
 * own service, the producer states **a minimum, a maximum and an estimated value** for it, and the estimated
 * value is the one retained.
 *
 * {@link whiteLabelStatement} turns the results of the variants that were measured (one result.json per
 * deployment of the product) into that statement, indicator by indicator:
 *
 * - minimum and maximum: the extremes over the measured variants, with the variant holding each;
 * - estimated value: the distributor's own measured value when its variant is among the measured ones
 *   (rule `measured`); otherwise the **median** of the measured variants (rule `median`, the default) or,
 *   on request, the least favourable measured value (rule `conservative`: lowest score, highest
 *   consumption). Each of these lies between the minimum and the maximum by construction.
 *
 * It also records what each variant was measured with (journey, device, network, iterations, spread,
 * energy source) and warns when the variants are not comparable. Rule, justification and limits:
 * docs/whitelabel.md.
 *
 * Pure: no I/O, no clock (the statement's date is passed in).
 */
import type { Result } from '../result/schema.js';
import { defaultScoringProfile, ecoscoreGrade } from './ecoscore.js';
import { max, median, min } from './stats.js';

/** Version of the statement's JSON shape. */
export const WHITELABEL_STATEMENT_VERSION = 1;

const MORE_INFO = 'see docs/whitelabel.md';

/** A text in both languages of the report (French for the reviewers, English). */
export interface BilingualText {
  fr: string;
  en: string;
}

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

interface IndicatorDefinition {
  id: WhiteLabelIndicatorId;
  label: BilingualText;
  /** Unit of the values: `/100` (score), `mAh`, `bytes`, `ms`, `g CO2e`, `L`, `kg Sb eq`. */
  unit: string;
  /** Which way is better: scores are better high, consumptions low. */
  better: 'higher' | 'lower';
  /** Where the value is read in result.json. */
  source: string;
  read: (result: Result) => unknown;
}

const INDICATORS: readonly IndicatorDefinition[] = [
  { id: 'ecoscore', label: { fr: 'Écoscore', en: 'Ecoscore' }, unit: '/100', better: 'higher', source: 'summary.ecoscore', read: (r) => r.summary.ecoscore },
  { id: 'energyScore', label: { fr: 'Score énergie', en: 'Energy score' }, unit: '/100', better: 'higher', source: 'summary.scores.energy', read: (r) => r.summary.scores?.energy },
  { id: 'performanceScore', label: { fr: 'Score performance', en: 'Performance score' }, unit: '/100', better: 'higher', source: 'summary.scores.performance', read: (r) => r.summary.scores?.performance },
  { id: 'dataScore', label: { fr: 'Score données', en: 'Data score' }, unit: '/100', better: 'higher', source: 'summary.scores.data', read: (r) => r.summary.scores?.data },
  { id: 'energyMah', label: { fr: 'Énergie par parcours', en: 'Energy per journey' }, unit: 'mAh', better: 'lower', source: 'summary.totals.energyMah', read: (r) => r.summary.totals?.energyMah },
  { id: 'bytes', label: { fr: 'Données échangées par parcours', en: 'Data transferred per journey' }, unit: 'bytes', better: 'lower', source: 'summary.totals.bytes', read: (r) => r.summary.totals?.bytes },
  { id: 'durationMs', label: { fr: 'Durée du parcours', en: 'Journey duration' }, unit: 'ms', better: 'lower', source: 'summary.totals.durationMs', read: (r) => r.summary.totals?.durationMs },
  { id: 'ghgGrams', label: { fr: 'Gaz à effet de serre par parcours', en: 'Greenhouse gases per journey' }, unit: 'g CO2e', better: 'lower', source: 'summary.footprint.ghgGrams', read: (r) => r.summary.footprint?.ghgGrams },
  { id: 'waterLitres', label: { fr: 'Eau par parcours', en: 'Water per journey' }, unit: 'L', better: 'lower', source: 'summary.footprint.waterLitres', read: (r) => r.summary.footprint?.waterLitres },
  { id: 'adpKgSbEq', label: { fr: 'Ressources abiotiques par parcours', en: 'Abiotic resources per journey' }, unit: 'kg Sb eq', better: 'lower', source: 'summary.footprint.adpKgSbEq', read: (r) => r.summary.footprint?.adpKgSbEq },
];

/** One line of the statement. Invariant: `min ≤ estimated ≤ max` whenever they are not null. */
export interface WhiteLabelIndicator {
  id: WhiteLabelIndicatorId;
  label: BilingualText;
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

/** Something the reader of the statement must know. */
export interface WhiteLabelWarning {
  code:
    | 'single-variant'
    | 'different-journeys'
    | 'different-journey-files'
    | 'different-platforms'
    | 'different-devices'
    | 'different-networks'
    | 'different-methodology'
    | 'different-energy-sources'
    | 'modelled-energy'
    | 'failed-steps'
    | 'incomplete-run'
    | 'single-iteration'
    | 'estimate-not-measured-for-indicator'
    | 'indicator-not-measured';
  fr: string;
  en: string;
  /** Variants concerned, when the warning is about some of them. */
  variants?: string[];
  /** Indicator concerned, when the warning is about one. */
  indicator?: WhiteLabelIndicatorId;
}

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
  /** The rule of the estimated values, written out in both languages. */
  rule: { id: WhiteLabelEstimation; fallback: WhiteLabelRule } & BilingualText;
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

function fail(message: string): never {
  throw new Error(`whiteLabelStatement: ${message}; ${MORE_INFO}`);
}

function validate(variants: ReadonlyArray<WhiteLabelInput>, options: WhiteLabelOptions): void {
  if (!Array.isArray(variants) || variants.length === 0) {
    fail(`at least one measured variant is needed, got ${Array.isArray(variants) ? 'none' : String(variants)}`);
  }
  const seen = new Map<string, number>();
  variants.forEach((variant, index) => {
    const name: unknown = variant?.name;
    if (typeof name !== 'string' || name.trim() === '') fail(`variants[${index}].name must be a non-empty string, got ${JSON.stringify(name)}`);
    const first = seen.get(name);
    if (first !== undefined) fail(`the variant name "${name}" is given twice (variants[${first}] and variants[${index}]); names must be unique`);
    seen.set(name, index);
    const result: unknown = variant.result;
    const summary = (result as { summary?: unknown } | null)?.summary;
    if (typeof result !== 'object' || result === null || typeof summary !== 'object' || summary === null) {
      fail(`variants[${index}] ("${name}").result is not an ecoscore result (it has no summary)`);
    }
  });
  if (typeof options?.estimate !== 'string' || options.estimate.trim() === '') {
    fail(`"estimate" must name the distributor's service (a variant name or any other name), got ${JSON.stringify(options?.estimate)}`);
  }
  if (options.rule !== undefined && !(WHITELABEL_RULES as readonly string[]).includes(options.rule)) {
    fail(`"rule" must be one of ${WHITELABEL_RULES.join(', ')}, got ${JSON.stringify(options.rule)}`);
  }
  if (typeof options.generatedAt !== 'string' || Number.isNaN(Date.parse(options.generatedAt))) {
    fail(`"generatedAt" must be an ISO 8601 date-time, got ${JSON.stringify(options.generatedAt)}`);
  }
}

const finite = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);

interface Measured {
  variant: string;
  value: number;
}

/** Estimate of an indicator by a rule over the measured values (never empty). */
function estimateByRule(values: readonly Measured[], rule: WhiteLabelRule, better: 'higher' | 'lower'): { value: number; from: string[] } {
  if (rule === 'conservative') {
    // Least favourable: the lowest score, the highest consumption.
    const worst = better === 'higher' ? min(values.map((v) => v.value)) : max(values.map((v) => v.value));
    return { value: worst, from: [values.find((v) => v.value === worst)!.variant] };
  }
  // Stable sort: on equal values, the order the variants were given decides which one is named.
  const sorted = [...values].sort((a, b) => a.value - b.value);
  const middle = Math.floor(sorted.length / 2);
  const value = median(sorted.map((v) => v.value));
  if (sorted.length % 2 === 1) return { value, from: [sorted[middle].variant] };
  const pair = [sorted[middle - 1].variant, sorted[middle].variant];
  return { value, from: pair[0] === pair[1] ? [pair[0]] : pair };
}

function describeVariant(name: string, result: Result): WhiteLabelVariant {
  const target = result.target as Record<string, unknown>;
  const targetName = ['url', 'appPackage', 'bundleId', 'app', 'browser'].map((key) => target[key]).find((value) => typeof value === 'string') as string | undefined;
  const source = result.environment.energySource as { kind?: unknown } | string | null | undefined;
  const energySource = typeof source === 'string' ? source : typeof source?.kind === 'string' ? source.kind : 'unknown';
  const scoring = (result.environment.methodology as { scoring?: { id?: unknown; version?: unknown } } | undefined)?.scoring;
  const summary = result.summary;
  return {
    name,
    tool: { name: result.tool.name, version: result.tool.version },
    journey: { name: result.journey.name, file: result.journey.file, sha256: result.journey.sha256, steps: result.steps.length },
    target: { platform: result.target.platform, name: targetName ?? null },
    device: { id: result.environment.device.id, name: result.environment.device.name },
    network: { id: result.environment.network.id, name: result.environment.network.name },
    startedAt: result.environment.startedAt,
    iterations: result.iterations,
    completedIterations: result.completedIterations,
    status: result.status,
    passedSteps: summary.passedSteps,
    failedSteps: summary.failedSteps,
    skippedSteps: summary.skippedSteps,
    ecoscore: finite(summary.ecoscore),
    grade: summary.grade,
    ecoscoreCv: finite(summary.spread?.ecoscore?.cv),
    energySource,
    scoringProfile: typeof scoring?.id === 'string' ? `${scoring.id}@${String(scoring.version)}` : null,
  };
}

/** Groups variant names by a key; more than one group means the variants differ on it. */
function groupBy(inputs: ReadonlyArray<WhiteLabelInput>, key: (result: Result) => string): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const { name, result } of inputs) {
    const value = key(result);
    groups.set(value, [...(groups.get(value) ?? []), name]);
  }
  return groups;
}

const listGroups = (groups: Map<string, string[]>): string => [...groups].map(([value, names]) => `${value}: ${names.join(', ')}`).join('; ');

function comparabilityWarnings(inputs: ReadonlyArray<WhiteLabelInput>): WhiteLabelWarning[] {
  const warnings: WhiteLabelWarning[] = [];
  const all = inputs.map((input) => input.name);
  const stepsOf = (r: Result) => r.steps.map((step) => `${step.type}${step.critical ? '*' : ''} ${step.name}`).join(' | ');
  const steps = groupBy(inputs, stepsOf);
  if (steps.size > 1) {
    warnings.push({
      code: 'different-journeys',
      fr: `Les variantes n’ont pas été mesurées sur le même parcours (étapes différentes) : leurs chiffres ne sont pas comparables. ${listGroups(groupBy(inputs, (r) => `« ${r.journey.name} » (${r.steps.length} étapes)`))}`,
      en: `The variants were not measured along the same journey (different steps): their figures are not comparable. ${listGroups(groupBy(inputs, (r) => `"${r.journey.name}" (${r.steps.length} steps)`))}`,
      variants: all,
    });
  } else {
    const files = groupBy(inputs, (r) => r.journey.sha256);
    if (files.size > 1) {
      warnings.push({
        code: 'different-journey-files',
        fr: `Les variantes ont été mesurées avec des fichiers de parcours différents (sha256 différents) mais les mêmes étapes ; vérifiez qu’ils décrivent le même parcours utilisateur. ${listGroups(groupBy(inputs, (r) => r.journey.sha256.slice(0, 12)))}`,
        en: `The variants were measured with different journey files (different sha256) but the same steps; check that they describe the same user journey. ${listGroups(groupBy(inputs, (r) => r.journey.sha256.slice(0, 12)))}`,
        variants: all,
      });
    }
  }
  const differing: Array<[WhiteLabelWarning['code'], (r: Result) => string, string, string]> = [
    ['different-platforms', (r) => r.target.platform, 'plateformes', 'platforms'],
    ['different-devices', (r) => r.environment.device.id, 'appareils', 'devices'],
    ['different-networks', (r) => r.environment.network.id, 'réseaux', 'networks'],
  ];
  for (const [code, key, fr, en] of differing) {
    const groups = groupBy(inputs, key);
    if (groups.size > 1) {
      warnings.push({
        code,
        fr: `Les variantes ont été mesurées sur des ${fr} différents : leurs chiffres ne sont pas comparables ; mesurez-les dans les mêmes conditions. ${listGroups(groups)}`,
        en: `The variants were measured on different ${en}: their figures are not comparable; measure them under the same conditions. ${listGroups(groups)}`,
        variants: all,
      });
    }
  }
  const methodology = groupBy(inputs, (r) => {
    const m = (r.environment.methodology ?? {}) as { energyModel?: unknown; scoring?: unknown; footprint?: { version?: unknown; factors?: unknown; grid?: unknown; dataCentreGrid?: unknown } };
    return JSON.stringify([m.energyModel, m.scoring, m.footprint?.version, m.footprint?.factors, m.footprint?.grid, m.footprint?.dataCentreGrid]);
  });
  if (methodology.size > 1) {
    warnings.push({
      code: 'different-methodology',
      fr: 'Les variantes ont été calculées avec des méthodes différentes (profil de notation, modèle d’énergie ou facteurs d’empreinte) : leurs scores ne sont pas comparables.',
      en: 'The variants were computed with different methods (scoring profile, energy model or footprint factors): their scores are not comparable.',
      variants: all,
    });
  }
  const variants = inputs.map((input) => describeVariant(input.name, input.result));
  const sources = new Set(variants.map((v) => v.energySource));
  if (sources.size > 1) {
    warnings.push({
      code: 'different-energy-sources',
      fr: `L’énergie de certaines variantes est modélisée, celle d’autres mesurée (${variants.map((v) => `${v.name} : ${v.energySource}`).join(', ')}) : les chiffres d’énergie ne sont pas comparables.`,
      en: `The energy of some variants is modelled and of others measured (${variants.map((v) => `${v.name}: ${v.energySource}`).join(', ')}): energy figures are not comparable.`,
      variants: all,
    });
  }
  const modelled = variants.filter((v) => v.energySource === 'model').map((v) => v.name);
  if (modelled.length > 0) {
    warnings.push({
      code: 'modelled-energy',
      fr: `L’énergie des variantes ${modelled.join(', ')} est estimée par un modèle à partir du CPU, des données et de la durée mesurés, pas mesurée sur un téléphone.`,
      en: `The energy of ${modelled.join(', ')} is estimated by a model from the measured CPU time, data and duration, not measured on a phone.`,
      variants: modelled,
    });
  }
  for (const v of variants) {
    if (v.failedSteps > 0 || v.skippedSteps > 0 || v.status === 'failed') {
      warnings.push({
        code: 'failed-steps',
        fr: `« ${v.name} » : ${v.failedSteps} étape(s) en échec et ${v.skippedSteps} non jouée(s) ; ses totaux ne couvrent que les étapes mesurées et sous-estiment le parcours. Corrigez le parcours et mesurez à nouveau.`,
        en: `"${v.name}": ${v.failedSteps} failed and ${v.skippedSteps} skipped step(s); its totals cover only the measured steps and understate the journey. Fix the journey and measure again.`,
        variants: [v.name],
      });
    }
    if (v.status === 'interrupted' || v.status === 'running' || v.completedIterations < v.iterations) {
      warnings.push({
        code: 'incomplete-run',
        fr: `« ${v.name} » : ${v.completedIterations} itération(s) terminée(s) sur ${v.iterations} (statut ${v.status}).`,
        en: `"${v.name}": ${v.completedIterations} of ${v.iterations} iteration(s) completed (status ${v.status}).`,
        variants: [v.name],
      });
    }
    if (v.completedIterations < 2) {
      warnings.push({
        code: 'single-iteration',
        fr: `« ${v.name} » n’a été mesurée qu’une fois : la dispersion de ses chiffres n’est pas connue (3 itérations au moins sont recommandées).`,
        en: `"${v.name}" was measured once only: the spread of its figures is unknown (at least 3 iterations are recommended).`,
        variants: [v.name],
      });
    }
  }
  return warnings;
}

function ruleText(rule: WhiteLabelEstimation, fallback: WhiteLabelRule, estimate: string, names: readonly string[], fellBack: readonly string[]): BilingualText {
  const count = names.length;
  const list = names.join(', ');
  const byRule: Record<WhiteLabelRule, BilingualText> = {
    median: {
      fr: `la médiane des valeurs mesurées sur les ${count} variante(s) (${list}) ; pour un nombre pair de variantes, la moyenne des deux valeurs centrales. La médiane est comprise entre le minimum et le maximum, n’est pas tirée par un déploiement atypique et ne suppose rien du service non mesuré sinon qu’il est un déploiement du même produit`,
      en: `the median of the values measured on the ${count} variant(s) (${list}); for an even number of variants, the mean of the two middle values. The median lies between the minimum and the maximum, is not pulled by one atypical deployment, and assumes nothing of the unmeasured service beyond its being a deployment of the same product`,
    },
    conservative: {
      fr: `la valeur la moins favorable mesurée sur les ${count} variante(s) (${list}) : le score le plus bas, la consommation la plus élevée ; une estimation prudente, comprise entre le minimum et le maximum`,
      en: `the least favourable value measured on the ${count} variant(s) (${list}): the lowest score, the highest consumption; a prudent estimate, between the minimum and the maximum`,
    },
  };
  const minMax = {
    fr: `Le minimum et le maximum sont les valeurs extrêmes mesurées sur les ${count} variante(s) (${list}).`,
    en: `The minimum and the maximum are the extreme values measured on the ${count} variant(s) (${list}).`,
  };
  if (rule === 'measured') {
    const fb = fellBack.length
      ? {
          fr: ` Pour ${fellBack.join(', ')}, non mesuré(s) sur « ${estimate} », la valeur retenue est ${byRule[fallback].fr}.`,
          en: ` For ${fellBack.join(', ')}, not measured on "${estimate}", the value retained is ${byRule[fallback].en}.`,
        }
      : { fr: '', en: '' };
    return {
      fr: `Le service « ${estimate} » a été mesuré : pour chaque indicateur, la valeur estimée retenue est sa propre valeur mesurée. ${minMax.fr}${fb.fr}`,
      en: `The service "${estimate}" was measured: for each indicator, the estimated value retained is its own measured value. ${minMax.en}${fb.en}`,
    };
  }
  return {
    fr: `Le service « ${estimate} » n’a pas été mesuré : pour chaque indicateur, la valeur estimée retenue est ${byRule[rule].fr}. ${minMax.fr}`,
    en: `The service "${estimate}" was not measured: for each indicator, the estimated value retained is ${byRule[rule].en}. ${minMax.en}`,
  };
}

/**
 * The white-label statement of a product measured on one or more of its variants (annex 12.1).
 *
 * @param variants - the measured variants, each a unique name and its result.json (at least one)
 * @param options - the distributor's service (`estimate`), the rule for an unmeasured one (`median` by
 *   default), the statement's date (`generatedAt`, ISO) and the tool
 * @returns per indicator the minimum, maximum and estimated value (min ≤ estimated ≤ max), the variants
 *   measured and the warnings
 * @throws Error when there is no variant, a name is empty or repeated, a result has no summary, or an
 *   option is invalid
 */
export function whiteLabelStatement(variants: ReadonlyArray<WhiteLabelInput>, options: WhiteLabelOptions): WhiteLabelStatement {
  validate(variants, options);
  const fallback: WhiteLabelRule = options.rule ?? 'median';
  const estimateInput = variants.find((variant) => variant.name === options.estimate);
  const measured = estimateInput !== undefined;
  const names = variants.map((variant) => variant.name);
  const warnings: WhiteLabelWarning[] = [];
  if (variants.length === 1) {
    warnings.push({
      code: 'single-variant',
      fr: `Une seule variante a été mesurée (« ${names[0]} ») : le minimum, le maximum et la valeur estimée sont ses propres valeurs ; ils ne disent rien de la dispersion entre distributeurs.`,
      en: `Only one variant was measured ("${names[0]}"): the minimum, maximum and estimated value are its own values; they say nothing of the spread between distributors.`,
      variants: [...names],
    });
  }
  warnings.push(...comparabilityWarnings(variants));

  const fellBack: string[] = [];
  const indicators = INDICATORS.map((definition): WhiteLabelIndicator => {
    const values: Measured[] = [];
    for (const { name, result } of variants) {
      const value = finite(definition.read(result));
      if (value !== null) values.push({ variant: name, value });
    }
    const base = { id: definition.id, label: definition.label, unit: definition.unit, better: definition.better, source: definition.source, n: values.length };
    if (values.length === 0) {
      warnings.push({
        code: 'indicator-not-measured',
        fr: `${definition.label.fr} : aucune variante n’a ce chiffre (${definition.source}) ; il n’est pas déclaré.`,
        en: `${definition.label.en}: no variant has this figure (${definition.source}); it is not stated.`,
        indicator: definition.id,
      });
      return { ...base, min: null, max: null, estimated: null, minVariant: null, maxVariant: null, estimatedFrom: [], rule: null };
    }
    const low = min(values.map((v) => v.value));
    const high = max(values.map((v) => v.value));
    const own = measured ? values.find((v) => v.variant === estimateInput.name) : undefined;
    let estimated: { value: number; from: string[] };
    let rule: WhiteLabelEstimation;
    if (own) {
      estimated = { value: own.value, from: [own.variant] };
      rule = 'measured';
    } else {
      estimated = estimateByRule(values, fallback, definition.better);
      rule = fallback;
      if (measured) {
        fellBack.push(definition.label.en);
        warnings.push({
          code: 'estimate-not-measured-for-indicator',
          fr: `${definition.label.fr} n’a pas été mesuré sur « ${options.estimate} » : la valeur retenue suit la règle « ${fallback} » sur les autres variantes.`,
          en: `${definition.label.en} was not measured on "${options.estimate}": the value retained follows the "${fallback}" rule over the other variants.`,
          variants: [options.estimate],
          indicator: definition.id,
        });
      }
    }
    // Guard of the invariant (floating-point means of two middle values stay within their bounds, but clamp anyway).
    const value = Math.min(high, Math.max(low, estimated.value));
    return {
      ...base,
      min: low,
      max: high,
      estimated: value,
      minVariant: values.find((v) => v.value === low)!.variant,
      maxVariant: values.find((v) => v.value === high)!.variant,
      estimatedFrom: estimated.from,
      rule,
    };
  });

  const statementRule: WhiteLabelEstimation = measured ? 'measured' : fallback;
  return {
    kind: 'ecoscore-whitelabel-statement',
    version: WHITELABEL_STATEMENT_VERSION,
    generatedAt: options.generatedAt,
    tool: options.tool ? { name: options.tool.name, version: options.tool.version } : null,
    estimate: { name: options.estimate, measured },
    rule: { id: statementRule, fallback, ...ruleText(statementRule, fallback, options.estimate, names, fellBack) },
    indicators,
    ecoscoreGrade: gradesOf(indicators[0], variants),
    variants: variants.map((variant) => describeVariant(variant.name, variant.result)),
    warnings,
  };
}

/**
 * Grades of the ecoscore line: the recorded grade of the variant holding the minimum, the maximum and (when
 * it comes from one variant) the estimate; an estimate between two variants is graded with the default
 * scoring profile's bounds when every variant was scored with that profile, and not graded otherwise.
 */
function gradesOf(ecoscore: WhiteLabelIndicator, variants: ReadonlyArray<WhiteLabelInput>): WhiteLabelStatement['ecoscoreGrade'] {
  const gradeOf = (name: string | null | undefined): string | null => variants.find((v) => v.name === name)?.result.summary.grade ?? null;
  let estimated: string | null = null;
  if (ecoscore.estimated !== null) {
    const single = ecoscore.estimatedFrom.length === 1 ? variants.find((v) => v.name === ecoscore.estimatedFrom[0]) : undefined;
    if (single && single.result.summary.ecoscore === ecoscore.estimated) {
      estimated = single.result.summary.grade;
    } else {
      const allDefault = variants.every((v) => {
        const scoring = (v.result.environment.methodology as { scoring?: { id?: unknown; version?: unknown } } | undefined)?.scoring;
        return scoring?.id === defaultScoringProfile.id && scoring?.version === defaultScoringProfile.version;
      });
      if (allDefault && ecoscore.estimated >= 0 && ecoscore.estimated <= 100) estimated = ecoscoreGrade(ecoscore.estimated);
    }
  }
  return { min: gradeOf(ecoscore.minVariant), max: gradeOf(ecoscore.maxVariant), estimated };
}
