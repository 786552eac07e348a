/**
 * Checks of the white-label statement's inputs: what each variant was measured with, and whether the variants can
 * be compared (see whitelabel.ts).
 */
import type { Result } from '../model/result.js';
import { WHITELABEL_RULES, MORE_INFO, type WhiteLabelGroup, type WhiteLabelInput, type WhiteLabelOptions, type WhiteLabelVariant, type WhiteLabelWarning } from './whitelabel-types.js';

export function fail(message: string): never {
  throw new Error(`whiteLabelStatement: ${message}; ${MORE_INFO}`);
}

/** Throws one sentence naming the first input that cannot make a statement. */
export function validate(variants: ReadonlyArray<WhiteLabelInput>, options: WhiteLabelOptions): void {
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

/** The value when it is a finite number, else null. */
export const finite = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);

/** What one variant was measured with, from its result. */
export function describeVariant(name: string, result: Result): WhiteLabelVariant {
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

/** Groups variant names by a key, in the order the variants were given; more than one group means the variants differ on it. */
function groupBy(inputs: ReadonlyArray<WhiteLabelInput>, key: (result: Result) => string): WhiteLabelGroup[] {
  const groups = new Map<string, string[]>();
  for (const { name, result } of inputs) {
    const value = key(result);
    groups.set(value, [...(groups.get(value) ?? []), name]);
  }
  return [...groups].map(([value, variants]) => ({ value, variants }));
}

/** Warning when the variants ran different steps, or the same steps from different journey files. */
function journeyWarnings(inputs: ReadonlyArray<WhiteLabelInput>, all: string[]): WhiteLabelWarning[] {
  const stepsOf = (r: Result) => r.steps.map((step) => `${step.type}${step.critical ? '*' : ''} ${step.name}`).join(' | ');
  if (groupBy(inputs, stepsOf).length > 1) {
    // Listed by journey name and step count (what a reader can tell apart).
    const groups = groupBy(inputs, (r) => JSON.stringify([r.journey.name, r.steps.length])).map(({ value, variants }) => {
      const [journey, steps] = JSON.parse(value) as [string, number];
      return { journey, steps, variants };
    });
    return [{ code: 'different-journeys', params: { groups }, variants: all }];
  }
  const files = groupBy(inputs, (r) => r.journey.sha256);
  if (files.length > 1) {
    const groups = groupBy(inputs, (r) => r.journey.sha256.slice(0, 12)).map(({ value, variants }) => ({ sha256Prefix: value, variants }));
    return [{ code: 'different-journey-files', params: { groups }, variants: all }];
  }
  return [];
}

/** Warnings when the variants were measured on different platforms, devices or networks. */
function conditionWarnings(inputs: ReadonlyArray<WhiteLabelInput>, all: string[]): WhiteLabelWarning[] {
  const warnings: WhiteLabelWarning[] = [];
  const differing: Array<['different-platforms' | 'different-devices' | 'different-networks', (r: Result) => string]> = [
    ['different-platforms', (r) => r.target.platform],
    ['different-devices', (r) => r.environment.device.id],
    ['different-networks', (r) => r.environment.network.id],
  ];
  for (const [code, key] of differing) {
    const groups = groupBy(inputs, key);
    if (groups.length > 1) warnings.push({ code, params: { groups }, variants: all });
  }
  return warnings;
}

/** Warning when the variants were computed with different scoring profiles, energy models or footprint factors. */
function methodologyWarnings(inputs: ReadonlyArray<WhiteLabelInput>, all: string[]): WhiteLabelWarning[] {
  const methodology = groupBy(inputs, (r) => {
    const m = (r.environment.methodology ?? {}) as { energyModel?: unknown; scoring?: unknown; footprint?: { version?: unknown; factors?: unknown; grid?: unknown; dataCentreGrid?: unknown } };
    return JSON.stringify([m.energyModel, m.scoring, m.footprint?.version, m.footprint?.factors, m.footprint?.grid, m.footprint?.dataCentreGrid]);
  });
  return methodology.length > 1 ? [{ code: 'different-methodology', params: {}, variants: all }] : [];
}

/** Warnings when the energy sources differ between variants, and naming the variants whose energy is modelled. */
function energySourceWarnings(variants: ReadonlyArray<WhiteLabelVariant>, all: string[]): WhiteLabelWarning[] {
  const warnings: WhiteLabelWarning[] = [];
  if (new Set(variants.map((v) => v.energySource)).size > 1) {
    const sources = variants.map((v) => ({ variant: v.name, energySource: v.energySource }));
    warnings.push({ code: 'different-energy-sources', params: { sources }, variants: all });
  }
  const modelled = variants.filter((v) => v.energySource === 'model').map((v) => v.name);
  if (modelled.length > 0) warnings.push({ code: 'modelled-energy', params: { variants: modelled }, variants: [...modelled] });
  return warnings;
}

/** Warnings about one variant's own run: failed or skipped steps, an incomplete run, a single iteration. */
function runWarnings(v: WhiteLabelVariant): WhiteLabelWarning[] {
  const warnings: WhiteLabelWarning[] = [];
  if (v.failedSteps > 0 || v.skippedSteps > 0 || v.status === 'failed') {
    warnings.push({ code: 'failed-steps', params: { variant: v.name, failedSteps: v.failedSteps, skippedSteps: v.skippedSteps }, variants: [v.name] });
  }
  if (v.status === 'interrupted' || v.status === 'running' || v.completedIterations < v.iterations) {
    const params = { variant: v.name, completedIterations: v.completedIterations, iterations: v.iterations, status: v.status };
    warnings.push({ code: 'incomplete-run', params, variants: [v.name] });
  }
  if (v.completedIterations < 2) warnings.push({ code: 'single-iteration', params: { variant: v.name }, variants: [v.name] });
  return warnings;
}

/** Warnings when the variants were not measured alike (journey, device, network, iterations, methodology…). */
export function comparabilityWarnings(inputs: ReadonlyArray<WhiteLabelInput>): WhiteLabelWarning[] {
  const all = inputs.map((input) => input.name);
  const warnings = [...journeyWarnings(inputs, all), ...conditionWarnings(inputs, all), ...methodologyWarnings(inputs, all)];
  const variants = inputs.map((input) => describeVariant(input.name, input.result));
  return [...warnings, ...energySourceWarnings(variants, all), ...variants.flatMap((v) => runWarnings(v))];
}
