/**
 * The journey file format (the contract): a zod schema whose every object is strict, so that
 * a typo is an error with a suggestion rather than an ignored key. The same schema is exported as JSON
 * Schema by `ecoscore schema` for editor autocompletion.
 */
import { z } from 'zod';
import { strictObject } from '../shared/strict-object.js';
import { STEP_TYPES, type StepType } from '../model/step-types.js';
import { durationMsOrIssue, formatDurationMs } from './duration.js';

/** Step types of the method (defined with the profiles, which score them). */
export { STEP_TYPES, type StepType };

/** Default per-action timeout in milliseconds when neither the journey nor the action sets one. */
export const DEFAULT_ACTION_TIMEOUT_MS = 30_000;
/** Default duration of a reference step in milliseconds. */
export const DEFAULT_REFERENCE_DURATION_MS = 10_000;

function durationSchema(minMs: number) {
  return z
    .union([z.string(), z.number()])
    .transform((value, ctx) => {
      const ms = durationMsOrIssue(value, ctx, 'journey', '500ms, 10s or 2m');
      if (ms === undefined) return z.NEVER;
      if (ms < minMs) {
        ctx.addIssue({ code: 'custom', message: `"${value}" is too short: a timeout is at least ${formatDurationMs(minMs)} (0 would disable it)` });
        return z.NEVER;
      }
      return ms;
    });
}

/** A duration such as `10s`, `500ms`, `1.5s`, `2m`, or a number of milliseconds (0 to 24 h); parsed to milliseconds. */
export const DurationSchema = durationSchema(0).meta({ description: 'A duration: 500ms, 10s, 1.5s, 2m, or a number of milliseconds (at most 24h).' });

/** A timeout: a duration of at least 1 ms and at most 24 h (0 is refused: Playwright reads it as "no timeout"). */
export const TimeoutSchema = durationSchema(1).meta({ description: 'A timeout: 500ms, 10s, 2m… (more than 0, at most 24h).' });

const LOCATOR_KINDS = ['text', 'selector', 'id', 'role', 'label', 'xpath', 'accessibilityId'] as const;

/** The longest scroll an action may ask for, in CSS pixels. */
const MAX_SCROLL_PX = 1_000_000;

const locatorShape = {
  text: z.string().min(1).optional().meta({ description: 'Visible text of the element.' }),
  selector: z.string().min(1).optional().meta({ description: 'A CSS selector.' }),
  id: z.string().min(1).optional().meta({ description: 'Element id (web) or resource-id (Android).' }),
  role: z.string().min(1).optional().meta({ description: 'ARIA role, with `name`.' }),
  name: z.string().min(1).optional().meta({ description: 'Accessible name, used with `role`.' }),
  label: z.string().min(1).optional().meta({ description: 'Text of the label of a form field.' }),
  xpath: z.string().min(1).optional(),
  accessibilityId: z.string().min(1).optional().meta({ description: 'Accessibility id (mobile).' }),
  exact: z.boolean().optional().meta({ description: 'Match the text, name or label exactly (default false).' }),
};

/** Adds an issue unless exactly one of `keys` is set: `needs one <noun>: …`, or `has several <noun>s (…); <fix>`. */
function requireExactlyOne(value: Record<string, unknown>, keys: readonly string[], ctx: z.RefinementCtx, noun: string, fix: string): void {
  const present = keys.filter((key) => value[key] !== undefined);
  if (present.length !== 1) {
    ctx.addIssue({
      code: 'custom',
      message: present.length === 0 ? `needs one ${noun}: ${keys.join(', ')}` : `has several ${noun}s (${present.join(', ')}); ${fix}`,
    });
  }
}

function checkOneLocator(value: Record<string, unknown>, ctx: z.RefinementCtx): void {
  requireExactlyOne(value, LOCATOR_KINDS, ctx, 'locator', 'keep one');
  if (value.name !== undefined && value.role === undefined) {
    ctx.addIssue({ code: 'custom', message: '`name` is only used with `role`', path: ['name'] });
  }
}

/** How to find an element: exactly one of text, selector, id, role (+ name), label, xpath, accessibilityId. */
export const LocatorSchema = strictObject(locatorShape).superRefine(checkOneLocator);

const FillSchema = strictObject({
  ...locatorShape,
  value: z.string().meta({ description: 'Text typed into the field; may use ${env:NAME}.' }),
  secret: z.boolean().optional().meta({ description: 'Never write this value anywhere; mask the field in screenshots.' }),
}).superRefine(checkOneLocator);

const ScrollSchema = strictObject({
  ...locatorShape,
  to: z.enum(['top', 'bottom']).optional(),
  by: z.number().min(-MAX_SCROLL_PX).max(MAX_SCROLL_PX).optional().meta({ description: 'Pixels to scroll down (negative: up), at most 1,000,000.' }),
}).superRefine((value, ctx) => {
  const hasLocator = LOCATOR_KINDS.some((kind) => value[kind] !== undefined);
  const forms = [value.to !== undefined, value.by !== undefined, hasLocator].filter(Boolean).length;
  if (forms !== 1) ctx.addIssue({ code: 'custom', message: 'needs one of `to: top|bottom`, `by: <pixels>` or a locator' });
});

const SwipeSchema = strictObject({
  direction: z.enum(['up', 'down', 'left', 'right']),
  distance: z.number().gt(0).lte(1).optional().meta({ description: 'Fraction of the screen (default 0.5).' }),
});

const WaitForSchema = strictObject({
  ...locatorShape,
  gone: z.boolean().optional().meta({ description: 'Wait until the element is gone instead of visible.' }),
  networkIdle: z.boolean().optional().meta({ description: 'Wait until no request is in flight for 500 ms.' }),
  timeout: TimeoutSchema.optional().meta({ description: 'How long to wait (default: the journey timeout).' }),
}).superRefine((value, ctx) => {
  if (value.networkIdle) {
    if (LOCATOR_KINDS.some((kind) => value[kind] !== undefined)) {
      ctx.addIssue({ code: 'custom', message: '`networkIdle` cannot be combined with a locator' });
    }
    return;
  }
  checkOneLocator(value, ctx);
});

const ACTION_KEYS = [
  'goto',
  'click',
  'fill',
  'press',
  'scroll',
  'swipe',
  'waitFor',
  'pause',
  'back',
  'launchApp',
  'closeApp',
  'background',
] as const;

const RawActionSchema = strictObject({
  goto: z.string().min(1).optional().meta({ description: 'URL, or a path relative to the target URL.' }),
  click: LocatorSchema.optional(),
  fill: FillSchema.optional(),
  press: z.string().min(1).optional().meta({ description: 'A key such as Enter, Tab, Escape.' }),
  scroll: ScrollSchema.optional(),
  swipe: SwipeSchema.optional(),
  waitFor: WaitForSchema.optional(),
  pause: DurationSchema.optional(),
  back: z.literal(true).optional(),
  launchApp: z.literal(true).optional(),
  closeApp: z.literal(true).optional(),
  background: DurationSchema.optional().meta({ description: 'Send the app to the background for this long (mobile).' }),
  timeout: TimeoutSchema.optional().meta({ description: 'Timeout of this action (default: the journey timeout).' }),
});

/** A locator after validation. */
export type Locator = z.output<typeof LocatorSchema>;

/** One action of a step, normalised to a tagged union. `timeoutMs` is set when the action overrides it. */
export type Action = (
  | { kind: 'goto'; url: string }
  | { kind: 'click'; locator: Locator }
  | { kind: 'fill'; locator: Locator; value: string; secret: boolean }
  | { kind: 'press'; key: string }
  | { kind: 'scroll'; to?: 'top' | 'bottom'; byPx?: number; locator?: Locator }
  | { kind: 'swipe'; direction: 'up' | 'down' | 'left' | 'right'; distance: number }
  | { kind: 'waitFor'; locator?: Locator; gone: boolean; networkIdle: boolean }
  | { kind: 'pause'; durationMs: number }
  | { kind: 'back' }
  | { kind: 'launchApp' }
  | { kind: 'closeApp' }
  | { kind: 'background'; durationMs: number }
) & { timeoutMs?: number };

function pickLocator(value: Record<string, unknown>): Locator | undefined {
  const locator: Record<string, unknown> = {};
  for (const key of [...LOCATOR_KINDS, 'name', 'exact']) if (value[key] !== undefined) locator[key] = value[key];
  return Object.keys(locator).length > 0 ? (locator as Locator) : undefined;
}

/** One action: an object with exactly one action key (and optionally `timeout`). `back`, `launchApp`, `closeApp` may be written alone. */
export const ActionSchema = z
  .preprocess(
    (value) => (typeof value === 'string' && ['back', 'launchApp', 'closeApp'].includes(value) ? { [value]: true } : value),
    RawActionSchema,
  )
  .superRefine((value, ctx) => requireExactlyOne(value, ACTION_KEYS, ctx, 'action', 'write one action per list item'))
  .transform((value): Action => {
    const timeout = value.timeout !== undefined ? { timeoutMs: value.timeout } : {};
    if (value.goto !== undefined) return { kind: 'goto', url: value.goto, ...timeout };
    if (value.click) return { kind: 'click', locator: value.click, ...timeout };
    if (value.fill) {
      const { value: text, secret, ...rest } = value.fill;
      return { kind: 'fill', locator: pickLocator(rest)!, value: text, secret: secret ?? false, ...timeout };
    }
    if (value.press !== undefined) return { kind: 'press', key: value.press, ...timeout };
    if (value.scroll) {
      return { kind: 'scroll', to: value.scroll.to, byPx: value.scroll.by, locator: pickLocator(value.scroll), ...timeout };
    }
    if (value.swipe) return { kind: 'swipe', direction: value.swipe.direction, distance: value.swipe.distance ?? 0.5, ...timeout };
    if (value.waitFor) {
      const waitTimeout = value.waitFor.timeout !== undefined ? { timeoutMs: value.waitFor.timeout } : timeout;
      return {
        kind: 'waitFor',
        locator: pickLocator(value.waitFor),
        gone: value.waitFor.gone ?? false,
        networkIdle: value.waitFor.networkIdle ?? false,
        ...waitTimeout,
      };
    }
    if (value.pause !== undefined) return { kind: 'pause', durationMs: value.pause, ...timeout };
    if (value.back) return { kind: 'back', ...timeout };
    if (value.launchApp) return { kind: 'launchApp', ...timeout };
    if (value.closeApp) return { kind: 'closeApp', ...timeout };
    return { kind: 'background', durationMs: value.background!, ...timeout };
  });

/** One step of the journey: a measured unit (GDSL's `startMeasure` … `stopMeasure`, docs/gdsl.md). */
export const StepSchema = strictObject({
  name: z.string().min(1).meta({ description: 'Step name, unique in the journey.' }),
  type: z.enum(STEP_TYPES),
  critical: z.boolean().default(false).meta({ description: 'Critical steps weigh 0.7 in the journey score, others 0.3.' }),
  duration: DurationSchema.optional().meta({ description: 'For reference and pause steps: how long to stay idle.' }),
  actions: z.array(ActionSchema).optional(),
  timeout: TimeoutSchema.optional().meta({ description: 'Default timeout of this step’s actions.' }),
  mask: z
    .array(z.union([z.string().min(1), LocatorSchema]))
    .optional()
    .meta({ description: 'What is masked in this step’s screenshot: CSS selectors (web) or locators (web and mobile).' }),
  description: z.string().optional(),
}).superRefine((step, ctx) => {
  const hasActions = step.actions !== undefined && step.actions.length > 0;
  if (step.type === 'reference' && step.actions !== undefined) {
    ctx.addIssue({ code: 'custom', path: ['actions'], message: 'a reference step measures an idle blank screen and takes no actions' });
  }
  if (step.type === 'pause' && !hasActions && step.duration === undefined) {
    ctx.addIssue({ code: 'custom', path: ['duration'], message: 'a pause step needs a duration (e.g. 10s)' });
  }
  if (step.type !== 'reference' && step.type !== 'pause' && step.type !== 'background' && !hasActions) {
    ctx.addIssue({ code: 'custom', path: ['actions'], message: `a ${step.type} step needs at least one action` });
  }
});

/** A step after validation. */
export type Step = z.output<typeof StepSchema>;

const WebTargetSchema = strictObject({
  platform: z.literal('web'),
  url: z.string().min(1).meta({ description: 'Start URL, or "demo" for the embedded demo app.' }),
  variant: z.record(z.string(), z.union([z.string(), z.boolean(), z.number()])).optional().meta({
    description: 'Options of the embedded demo app (e.g. heavyHome: true).',
  }),
});

const mobileCommon = {
  appiumUrl: z.string().url().optional().meta({ description: 'A running Appium server or grid; default: start one on 127.0.0.1.' }),
  capabilities: z.record(z.string(), z.unknown()).optional().meta({ description: 'Merged into the WebDriver capabilities.' }),
};

const AndroidTargetSchema = strictObject({
  platform: z.literal('android'),
  appPackage: z.string().optional(),
  appActivity: z.string().optional(),
  app: z.string().optional().meta({ description: 'Path to an .apk file.' }),
  browser: z.enum(['chrome']).optional(),
  url: z.string().optional(),
  ...mobileCommon,
});

const IosTargetSchema = strictObject({
  platform: z.literal('ios'),
  bundleId: z.string().optional(),
  app: z.string().optional(),
  browser: z.enum(['safari']).optional(),
  url: z.string().optional(),
  ...mobileCommon,
});

/** What is measured: a web URL, an Android app or browser, or an iOS app. */
export const TargetSchema = z.discriminatedUnion('platform', [WebTargetSchema, AndroidTargetSchema, IosTargetSchema], {
  error: (issue) => (issue.code === 'invalid_union' ? 'platform must be one of web, android, ios' : undefined),
});

/** A target after validation. */
export type Target = z.output<typeof TargetSchema>;

/** The journey file (contract). */
export const JourneySchema = strictObject({
  $schema: z.string().optional().meta({ description: 'Path or URL of the JSON Schema, for editors.' }),
  name: z.string().min(1).meta({ description: 'Journey name, shown in reports.' }),
  description: z.string().optional(),
  target: TargetSchema,
  device: z.string().min(1).default('mid-range-phone').meta({ description: 'Device profile id, or a path to a profile JSON file.' }),
  network: z.string().min(1).default('wifi').meta({ description: 'Network profile id, or a path to a profile JSON file.' }),
  iterations: z.number().int().min(1).max(100).default(1),
  timeout: TimeoutSchema.optional().meta({ description: 'Default timeout of every action (default 30s).' }),
  steps: z.array(StepSchema).min(1, { message: 'a journey needs at least one step' }),
}).superRefine((journey, ctx) => {
  const seen = new Map<string, number>();
  journey.steps.forEach((step, index) => {
    const first = seen.get(step.name);
    if (first !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['steps', index, 'name'], message: `duplicate step name "${step.name}" (also steps[${first}])` });
    } else seen.set(step.name, index);
  });
});

/** A journey after validation: durations in milliseconds, actions normalised. */
export type Journey = z.output<typeof JourneySchema>;
/** A journey as written in a file. */
export type JourneyInput = z.input<typeof JourneySchema>;

/** The JSON Schema of journey files, for editors (`ecoscore schema`). */
export function journeyJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(JourneySchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return { ...schema, title: 'ecoscore journey' };
}
