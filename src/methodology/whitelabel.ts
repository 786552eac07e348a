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
 * energy source) and warns when the variants are not comparable. Warnings and the rule are codes with their
 * parameters; their French and English sentences are written by `report/i18n-whitelabel.ts`. Rule,
 * justification and limits: docs/whitelabel.md.
 *
 * Pure: no I/O, no clock (the statement's date is passed in).
 */
import { defaultScoringProfile, ecoscoreGrade } from './ecoscore.js';
import { max, median, min } from './stats.js';
import { comparabilityWarnings, describeVariant, finite, validate } from './whitelabel-checks.js';
import {
  INDICATORS,
  WHITELABEL_STATEMENT_VERSION,
  type IndicatorDefinition,
  type WhiteLabelEstimation,
  type WhiteLabelIndicator,
  type WhiteLabelIndicatorId,
  type WhiteLabelInput,
  type WhiteLabelOptions,
  type WhiteLabelRule,
  type WhiteLabelRuleStatement,
  type WhiteLabelStatement,
  type WhiteLabelWarning,
} from './whitelabel-types.js';

export * from './whitelabel-types.js';

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

/** The rule of the statement: the distributor's own values, or a rule over the measured variants. */
function statementRule(measured: boolean, fallback: WhiteLabelRule, estimate: string, names: readonly string[], fellBack: WhiteLabelIndicatorId[]): WhiteLabelRuleStatement {
  const variants = [...names];
  return measured
    ? { id: 'measured', fallback, code: 'estimate-measured', params: { estimate, variants, fellBack } }
    : { id: fallback, fallback, code: 'estimate-by-rule', params: { estimate, variants } };
}

/** The warning that a single measured variant says nothing of the spread between distributors. */
function singleVariantWarning(names: readonly string[]): WhiteLabelWarning {
  return { code: 'single-variant', params: { variant: names[0] }, variants: [...names] };
}

/** The finite values of one indicator over the variants, in the order the variants were given. */
function measuredValues(definition: IndicatorDefinition, variants: ReadonlyArray<WhiteLabelInput>): Measured[] {
  const values: Measured[] = [];
  for (const { name, result } of variants) {
    const value = finite(definition.read(result));
    if (value !== null) values.push({ variant: name, value });
  }
  return values;
}

/** One indicator of the statement, whether its estimate fell back to the rule though the service was measured, and its warning. */
interface StatedIndicator {
  indicator: WhiteLabelIndicator;
  fellBack: boolean;
  warning: WhiteLabelWarning | null;
}

/** States one indicator: min, max and estimate (own measured value, else by the fallback rule), or nothing when no variant has it. */
function stateIndicator(definition: IndicatorDefinition, variants: ReadonlyArray<WhiteLabelInput>, estimate: string, measured: boolean, fallback: WhiteLabelRule): StatedIndicator {
  const values = measuredValues(definition, variants);
  const base = { id: definition.id, unit: definition.unit, better: definition.better, source: definition.source, n: values.length };
  if (values.length === 0) {
    return {
      indicator: { ...base, min: null, max: null, estimated: null, minVariant: null, maxVariant: null, estimatedFrom: [], rule: null },
      fellBack: false,
      warning: {
        code: 'indicator-not-measured',
        params: { indicator: definition.id, source: definition.source },
        indicator: definition.id,
      },
    };
  }
  const low = min(values.map((v) => v.value));
  const high = max(values.map((v) => v.value));
  const own = measured ? values.find((v) => v.variant === estimate) : undefined;
  const estimated = own ? { value: own.value, from: [own.variant] } : estimateByRule(values, fallback, definition.better);
  const rule: WhiteLabelEstimation = own ? 'measured' : fallback;
  const fellBack = !own && measured;
  const warning: WhiteLabelWarning | null = fellBack
    ? {
        code: 'estimate-not-measured-for-indicator',
        params: { indicator: definition.id, estimate, fallback },
        variants: [estimate],
        indicator: definition.id,
      }
    : null;
  // Guard of the invariant (floating-point means of two middle values stay within their bounds, but clamp anyway).
  const value = Math.min(high, Math.max(low, estimated.value));
  const indicator: WhiteLabelIndicator = {
    ...base,
    min: low,
    max: high,
    estimated: value,
    minVariant: values.find((v) => v.value === low)!.variant,
    maxVariant: values.find((v) => v.value === high)!.variant,
    estimatedFrom: estimated.from,
    rule,
  };
  return { indicator, fellBack, warning };
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
  const warnings: WhiteLabelWarning[] = variants.length === 1 ? [singleVariantWarning(names)] : [];
  warnings.push(...comparabilityWarnings(variants));

  const fellBack: WhiteLabelIndicatorId[] = [];
  const indicators = INDICATORS.map((definition): WhiteLabelIndicator => {
    const stated = stateIndicator(definition, variants, options.estimate, measured, fallback);
    if (stated.fellBack) fellBack.push(definition.id);
    if (stated.warning) warnings.push(stated.warning);
    return stated.indicator;
  });

  return {
    kind: 'ecoscore-whitelabel-statement',
    version: WHITELABEL_STATEMENT_VERSION,
    generatedAt: options.generatedAt,
    tool: options.tool ? { name: options.tool.name, version: options.tool.version } : null,
    estimate: { name: options.estimate, measured },
    rule: statementRule(measured, fallback, options.estimate, names, fellBack),
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
