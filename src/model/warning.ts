/**
 * The result's warnings (result.json `warnings`): a code from a closed list, the figures and names the sentence
 * needs (`params`), and the English sentence (`message`) kept for CI logs and readers of older results. Renderers
 * phrase a warning from its code and params in their own language (report/i18n-warnings.ts); nobody reads the
 * message's wording back. The precedent is Lighthouse's `{i18nId, values, formattedDefault}`.
 *
 * Results written before warnings had codes hold plain strings: {@link normaliseWarning} reads one back as the code
 * its sentence was built for (the exact shapes the runner wrote) or as `legacy-text`, always with the string
 * itself as `message`.
 */
import { z } from 'zod';

const text = z.string();
const count = z.number().int();

/** Each code and the params of its sentence. */
export const WARNING_PARAMS = {
  /** A step failed in some iterations; `error` is its (redacted) error. */
  'step-failed': z.object({ step: text, failedIterations: count, iterations: count, error: text.nullable() }),
  /** The journey ecoscore's coefficient of variation is above the run's threshold (`--cv-threshold`). */
  'journey-unstable': z.object({ cv: z.number(), n: count, cvThreshold: z.number() }),
  /** One watched figure of a step varies between iterations; `cvThreshold` is null when read from an older result. */
  'step-unstable': z.object({ step: text, metric: text, cv: z.number(), min: z.number(), max: z.number(), n: count, cvThreshold: z.number().nullable() }),
  /** Iterations that failed (1-based). */
  'iterations-failed': z.object({ iterations: z.array(count) }),
  /** The browser crashed and was restarted. */
  'browser-restarted': z.object({ restarts: count }),
  /** The run was interrupted (Ctrl-C, SIGTERM). */
  'run-interrupted': z.object({ completedIterations: count, iterations: count }),
  /** A probe could not measure: its figures are null. */
  'probe-unavailable': z.object({ probe: text, reason: text }),
  /** No step's energy was measured although a device instrument ran: energy is modelled. */
  'energy-modelled': z.object({ reason: text }),
  /** Some steps' energy is modelled, the others measured. */
  'energy-partly-modelled': z.object({ modelledSteps: count, reason: text }),
  /** A mobile device's pre-run check (charging, brightness, foreground app, sampler); `text` is the device layer's sentence. */
  'device-check': z.object({ text }),
  /** The Lighthouse pass failed. */
  'lighthouse-failed': z.object({ error: text }),
  /** The host speed calibration failed: CPU energy is not normalised across machines. */
  'calibration-failed': z.object({ reason: text.nullable() }),
  /** A measuring condition of a Playwright test (viewport, trace, video); `text` is the fixture's sentence. */
  'test-condition': z.object({ text }),
  /** The Playwright test failed or timed out after its measured steps. */
  'test-ended-after-steps': z.object({ status: text, error: text.nullable() }),
  /** A warning of an older result that none of the codes above describes. */
  'legacy-text': z.object({ text }),
} as const;

/** The closed list of warning codes. */
export type WarningCode = keyof typeof WARNING_PARAMS;

/** Every warning code, in declaration order. */
export const WARNING_CODES = Object.keys(WARNING_PARAMS) as WarningCode[];

/** The code as a zod enum. */
export const WarningCodeSchema = z.enum(WARNING_CODES as [WarningCode, ...WarningCode[]]);

/** The params of one code's sentence. */
export type WarningParams<C extends WarningCode> = z.infer<(typeof WARNING_PARAMS)[C]>;

/** One warning of a given code. */
export type WarningOf<C extends WarningCode> = { code: C; params: WarningParams<C>; message: string };

/** One warning of a result. */
export type Warning = { [C in WarningCode]: WarningOf<C> }[WarningCode];

const CODED = z.object({ code: WarningCodeSchema, params: z.unknown(), message: z.string() }).transform((value, ctx): Warning => {
  const params = WARNING_PARAMS[value.code].safeParse(value.params);
  if (!params.success) {
    for (const issue of params.error.issues) ctx.addIssue({ code: 'custom', message: issue.message, path: ['params', ...issue.path.map(String)] });
    return z.NEVER;
  }
  return { code: value.code, params: params.data, message: value.message } as Warning;
});

/** A warning as result.json holds it: `{code, params, message}`, or a plain string written by an older version. */
export const WarningSchema = z.preprocess((value) => (typeof value === 'string' ? normaliseWarning(value) : value), CODED);

/** Builds a warning (the message is the English sentence for logs). */
export function warning<C extends WarningCode>(code: C, params: WarningParams<C>, message: string): WarningOf<C> {
  return { code, params, message };
}

/** The sentence shapes the runner wrote before warnings had codes, and the warning each one was. */
const LEGACY_SHAPES: ReadonlyArray<[RegExp, (match: RegExpExecArray, message: string) => Warning]> = [
  [
    /^step "([\s\S]*)" failed in (\d+) of (\d+) iteration\(s\): ([\s\S]*)$/,
    (m, message) => warning('step-failed', { step: m[1], failedIterations: Number(m[2]), iterations: Number(m[3]), error: m[4] === 'unknown error' ? null : m[4] }, message),
  ],
  [
    /^step "([\s\S]*)": (\w+) is unstable \(cv (\d+(?:\.\d+)?) %, (-?[\d.e+-]+)–(-?[\d.e+-]+) over (\d+) iterations\)$/,
    (m, message) => warning('step-unstable', { step: m[1], metric: m[2], cv: Number(m[3]) / 100, min: Number(m[4]), max: Number(m[5]), n: Number(m[6]), cvThreshold: null }, message),
  ],
  [
    /^the journey ecoscore varies by (\d+(?:\.\d+)?) % \(cv\) over (\d+) iterations, above (\d+) %/,
    (m, message) => warning('journey-unstable', { cv: Number(m[1]) / 100, n: Number(m[2]), cvThreshold: Number(m[3]) / 100 }, message),
  ],
  [/^the browser crashed and was restarted (\d+) time\(s\)$/, (m, message) => warning('browser-restarted', { restarts: Number(m[1]) }, message)],
  [
    /^the run was interrupted after (\d+) of (\d+) iteration\(s\)/,
    (m, message) => warning('run-interrupted', { completedIterations: Number(m[1]), iterations: Number(m[2]) }, message),
  ],
  [/^probe "([\s\S]*)" could not measure \(its figures are null\): ([\s\S]*)$/, (m, message) => warning('probe-unavailable', { probe: m[1], reason: m[2] }, message)],
  [/^device check: ([\s\S]*)$/, (m, message) => warning('device-check', { text: m[1] }, message)],
  [/^Lighthouse: ([\s\S]*)$/, (m, message) => warning('lighthouse-failed', { error: m[1] }, message)],
];

/** A warning read from a result: coded ones as they are, a legacy string as the code its shape was, else `legacy-text`. */
export function normaliseWarning(value: Warning | string): Warning {
  if (typeof value !== 'string') return value;
  for (const [shape, build] of LEGACY_SHAPES) {
    const match = shape.exec(value);
    if (!match) continue;
    const read = build(match, value);
    // A sentence that only looks like one of the shapes (a figure that does not read back) stays text.
    if (WARNING_PARAMS[read.code].safeParse(read.params).success) return read;
    break;
  }
  return warning('legacy-text', { text: value }, value);
}
