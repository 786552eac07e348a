/**
 * GDSL ⇄ journey. GDSL is Greenspector's journey language (files `*.testgb`): one command per line,
 * parameters separated by commas, `#` comments on their own line, and measured steps delimited by
 * `measureStart,PREFIX_NAME` … `measureStop` where the prefix gives the step type (`CHRGT_` load,
 * `ACTION_`, `SCROLL_`, `PAUSE_`). See docs/gdsl.md for the mapping, what is approximated and the sources.
 *
 * Pure: text in, text or plain data out. No file system, no clock.
 *
 * Export writes, next to the GDSL commands, comment lines that GDSL ignores and import reads back:
 * `# ecoscore journey: {…}`, `# ecoscore step: {…}` and, before the commands of an action GDSL cannot
 * express exactly, `# ecoscore action: {…}` (the action as the journey file wrote it). Import trusts an
 * action comment only when the commands under it are exactly what export would write for that action,
 * so a hand-edited file is imported as written. Export → import → export gives the same text.
 *
 * Secrets never reach the output: a `fill` marked `secret: true`, or whose value came from
 * `${env:NAME}`, is written `enterText,${SECRET_1}` (a GDSL variable); import turns it back into
 * `value: "${env:SECRET_1}"` with `secret: true`.
 */
import { parse as parseYaml, stringify } from 'yaml';
import { closestMatch } from '../profiles/closest-match.js';
import { inputErrorAt } from '../shared/input-error.js';
import { formatDurationMs, parseDurationMs } from './duration.js';
import type { LoadedJourney } from './load.js';
import {
  DEFAULT_ACTION_TIMEOUT_MS,
  DEFAULT_REFERENCE_DURATION_MS,
  STEP_TYPES,
  type Action,
  type Journey,
  type Locator,
  type Step,
  type StepType,
} from './schema.js';
import type { Redactor } from './secrets.js';

// ---------------------------------------------------------------------------------------------------
// Plain data: the journey file form (what `ecoscore gdsl import` writes as YAML)
// ---------------------------------------------------------------------------------------------------

/** A JSON value. */
export type GdslJson = string | number | boolean | null | GdslJson[] | { [key: string]: GdslJson };

/** One action as a journey file writes it (`{ click: { text: "OK" } }`, `"back"`). */
export type GdslAction = string | { [key: string]: GdslJson };

/** One step as a journey file writes it (durations as text such as `5s`). */
export interface GdslStep {
  name: string;
  type: StepType;
  critical?: boolean;
  duration?: string;
  timeout?: string;
  mask?: string[];
  description?: string;
  actions?: GdslAction[];
}

/** A journey as a journey file writes it; validates with `parseJourney` once its `${env:…}` variables are set. */
export interface GdslJourney {
  name: string;
  description?: string;
  target: { [key: string]: GdslJson };
  device?: string;
  network?: string;
  iterations?: number;
  timeout?: string;
  steps: GdslStep[];
}

/** What {@link importGdslDetailed} returns: the journey and what the reader should know about it. */
export interface GdslImport {
  journey: GdslJourney;
  /** One sentence each, `file:line: …`: approximations, commands moved into a step, comments ignored. */
  notes: string[];
}

/** Options of {@link exportGdsl}. */
export interface GdslExportOptions {
  /**
   * The journey file's text as written (`LoadedJourney.source`). With it, values that came from
   * `${env:NAME}` are written as GDSL variables `${NAME}` (and fills from the environment as secrets)
   * instead of their values.
   */
  source?: string;
  /** `LoadedJourney.redactor`: a last pass that replaces any secret value still in the text. */
  redactor?: Redactor;
}

// ---------------------------------------------------------------------------------------------------
// Conventions (sources in docs/gdsl.md)
// ---------------------------------------------------------------------------------------------------

/** Step-name prefix per step type. CHRGT_/ACTION_/SCROLL_/PAUSE_ are Greenspector's; PAUSE_BACKGROUND_ is ours. */
export const GDSL_STEP_PREFIX: Readonly<Record<StepType, string>> = {
  reference: 'PAUSE_',
  pause: 'PAUSE_',
  'first-load': 'CHRGT_',
  load: 'CHRGT_',
  action: 'ACTION_',
  scroll: 'SCROLL_',
  background: 'PAUSE_BACKGROUND_',
};

/** A word already said by the prefix, dropped from the start of a step name (`scroll measures` → `SCROLL_MEASURES`). */
const REDUNDANT_WORD: Readonly<Record<StepType, string>> = {
  reference: 'PAUSE',
  pause: 'PAUSE',
  'first-load': 'CHRGT',
  load: 'CHRGT',
  action: 'ACTION',
  scroll: 'SCROLL',
  background: 'BACKGROUND',
};

/** Browser package used by `setBrowser` (Greenspector's benches are Android phones running Chrome). */
const CHROME_PACKAGE = 'com.android.chrome';
/** GDSL has no loop or condition: `scroll: { to: bottom|top }` becomes this many swipes. */
export const SWIPES_TO_EDGE = 5;
/** Pixels one swipe is taken to scroll (half of an 800 px tall phone viewport) for `scroll: { by }`. */
export const SWIPE_PX = 400;
/** `waitFor` with no GDSL equivalent (network idle, CSS selector, XPath) becomes a pause this long. */
export const SETTLE_PAUSE_MS = 1000;
/** Placeholder for an Android/iOS application id the journey does not give (`app: path.apk`). */
const APP_ID_VARIABLE = '${APP_PACKAGE}';

interface CommandSpec {
  /** Parameter names, for messages. */
  params: string[];
  /** How many trailing parameters may be left out. */
  optional?: number;
}

/** The GDSL commands ecoscore reads and writes, with their parameters. */
export const GDSL_COMMANDS: Readonly<Record<string, CommandSpec>> = {
  measureStart: { params: ['stepName'] },
  measureStop: { params: [] },
  setBrowser: { params: ['browserPackage'], optional: 1 },
  browserPrepareAndOpenForReference: { params: ['browserPackage'], optional: 1 },
  browserReset: { params: ['browserPackage'], optional: 1 },
  browserGoToUrl: { params: ['url'] },
  applicationStart: { params: ['package'] },
  applicationKill: { params: ['package'] },
  clickByText: { params: ['text'] },
  clickById: { params: ['id'] },
  clickByContentDesc: { params: ['contentDesc'] },
  enterText: { params: ['text'] },
  pressEnter: { params: [] },
  pressBack: { params: [] },
  pressHome: { params: [] },
  swipeDownward: { params: [] },
  swipeUpward: { params: [] },
  swipeLeft: { params: [] },
  swipeRight: { params: [] },
  swipe: { params: ['x1', 'y1', 'x2', 'y2', 'durationMs'], optional: 1 },
  waitUntilText: { params: ['text', 'timeoutMs'], optional: 1 },
  waitUntilTextGone: { params: ['text', 'timeoutMs'], optional: 1 },
  waitUntilId: { params: ['id', 'timeoutMs'], optional: 1 },
  waitUntilIdGone: { params: ['id', 'timeoutMs'], optional: 1 },
  waitUntilContentDesc: { params: ['contentDesc', 'timeoutMs'], optional: 1 },
  waitUntilContentDescGone: { params: ['contentDesc', 'timeoutMs'], optional: 1 },
  pause: { params: ['ms'] },
};

const SETUP_COMMANDS = new Set(['setBrowser', 'browserPrepareAndOpenForReference', 'browserReset']);

const SWIPE_COMMAND: Readonly<Record<string, string>> = {
  up: 'swipeDownward', // finger up: the page moves on downward (Greenspector's SCROLL_ steps use swipeDownward)
  down: 'swipeUpward',
  left: 'swipeLeft',
  right: 'swipeRight',
};
const SWIPE_DIRECTION: Readonly<Record<string, string>> = Object.fromEntries(Object.entries(SWIPE_COMMAND).map(([d, c]) => [c, d]));

const ACTION_KEYS = ['goto', 'click', 'fill', 'press', 'scroll', 'swipe', 'waitFor', 'pause', 'back', 'launchApp', 'closeApp', 'background'] as const;

const COMMENT_JOURNEY = 'ecoscore journey:';
const COMMENT_STEP = 'ecoscore step:';
const COMMENT_ACTION = 'ecoscore action:';

// ---------------------------------------------------------------------------------------------------
// Lines and parameters
// ---------------------------------------------------------------------------------------------------

interface Cmd {
  kind: 'cmd';
  name: string;
  params: string[];
  /** 1-based line in the file (0 for commands built by export). */
  line: number;
}
interface Carry {
  kind: 'carry';
  action: GdslAction;
  line: number;
}
type Item = Cmd | Carry;

interface Ctx {
  /** Package (Android) or bundle id (iOS) for applicationStart/applicationKill. */
  appId?: string;
  /** Absolute http(s) URL that relative `goto` paths resolve against. */
  baseUrl?: string;
  /** Timeout written on waitUntil… commands that set none. */
  waitTimeoutMs: number;
}

type Rec = Record<string, unknown>;
const isRec = (value: unknown): value is Rec => value !== null && typeof value === 'object' && !Array.isArray(value);
const asRec = (value: unknown): Rec => (isRec(value) ? value : {});
const asStr = (value: unknown): string => (typeof value === 'string' ? value : String(value ?? ''));

const ENV_REF = /\$\{env:([A-Za-z_][A-Za-z0-9_]*)(?::-[^}]*)?\}/g;
const GDSL_VAR = /\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g;

/** `${env:NAME}` / `${env:NAME:-default}` → GDSL variable `${NAME}` (the default is dropped: it may be a secret). */
function toGdslVariables(text: string): string {
  return text.replace(ENV_REF, (_, name: string) => `\${${name}}`);
}
/** GDSL variable `${NAME}` → `${env:NAME}`. */
function fromGdslVariables(text: string): string {
  return text.replace(GDSL_VAR, (_, name: string) => `\${env:${name}}`);
}
/** Drops `:-default` from `${env:NAME:-default}` (a default may be a secret, e.g. the demo password). */
function withoutEnvDefaults(text: string): string {
  return text.replace(ENV_REF, (_, name: string) => `\${env:${name}}`);
}

/** A command built by export: environment references become GDSL variables, line breaks spaces. */
function cmd(name: string, ...params: string[]): Cmd {
  return { kind: 'cmd', name, params: params.map((p) => toGdslVariables(p).replace(/[\r\n]+/g, ' ')), line: 0 };
}

/**
 * GDSL forbids a comma inside a parameter (Greenspector docs). Export writes `\,` so that nothing is
 * lost and flags it in the header; import reads `\,` as a comma.
 */
function escapeParam(param: string): string {
  return param.replace(/,/g, '\\,');
}

function formatCmd(command: Cmd): string {
  return [command.name, ...command.params.map(escapeParam)].join(',');
}

function splitParams(text: string): string[] {
  const parts: string[] = [];
  let current = '';
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === '\\' && text[i + 1] === ',') {
      current += ',';
      i++;
    } else if (char === ',') {
      parts.push(current);
      current = '';
    } else current += char;
  }
  parts.push(current);
  return parts;
}

function describeParams(spec: CommandSpec): string {
  const required = spec.params.length - (spec.optional ?? 0);
  const count = spec.params.length;
  if (count === 0) return 'no parameter';
  const howMany = required === count ? `${count}` : `${required} to ${count}`;
  return `${howMany} parameter${count === 1 ? '' : 's'} (${spec.params.join(', ')})`;
}

type Token = Cmd | { kind: 'comment'; text: string; line: number };

/** Splits GDSL text into commands and comments; throws an InputError on an unknown command or a wrong parameter count. */
function tokenize(text: string, file: string): Token[] {
  const tokens: Token[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  lines.forEach((raw, index) => {
    const line = index + 1;
    const trimmed = raw.trim();
    if (trimmed === '') return;
    if (trimmed.startsWith('#')) {
      tokens.push({ kind: 'comment', text: trimmed.slice(1).trim(), line });
      return;
    }
    const [rawName, ...params] = splitParams(trimmed);
    const name = rawName.trim();
    const spec = GDSL_COMMANDS[name];
    if (!spec) {
      const suggestion = closestMatch(name, Object.keys(GDSL_COMMANDS));
      throw inputErrorAt(
        file,
        line,
        [],
        `unknown GDSL command "${name}"; ${suggestion ? `did you mean "${suggestion}"?` : 'see docs/gdsl.md for the commands ecoscore reads'}`,
      );
    }
    const max = spec.params.length;
    const min = max - (spec.optional ?? 0);
    if (params.length < min || params.length > max) {
      const hint = params.length > max && max > 0 ? '; a GDSL parameter cannot hold a comma (ecoscore reads \\, as one)' : '';
      throw inputErrorAt(file, line, [], `${name} takes ${describeParams(spec)}, got ${params.length}${hint}`);
    }
    if (name === 'measureStart' && params[0].trim() === '') throw inputErrorAt(file, line, [], 'measureStart needs a step name, e.g. measureStart,CHRGT_HOME');
    tokens.push({ kind: 'cmd', name, params, line });
  });
  return tokens;
}

// ---------------------------------------------------------------------------------------------------
// Action ⇄ commands (shared by export and import so that the two always agree)
// ---------------------------------------------------------------------------------------------------

type ElementBy = 'Text' | 'Id' | 'ContentDesc';

/** The GDSL way to find an element given by a journey locator, or undefined when GDSL has none. */
function elementOf(locator: Rec): { by: ElementBy; value: string } | undefined {
  if (typeof locator.text === 'string') return { by: 'Text', value: locator.text };
  if (typeof locator.id === 'string') return { by: 'Id', value: locator.id };
  if (typeof locator.accessibilityId === 'string') return { by: 'ContentDesc', value: locator.accessibilityId };
  if (typeof locator.label === 'string') return { by: 'Text', value: locator.label };
  if (typeof locator.role === 'string') return typeof locator.name === 'string' ? { by: 'Text', value: locator.name } : undefined;
  if (typeof locator.selector === 'string') {
    const id = /^#([A-Za-z_][\w-]*)$/.exec(locator.selector);
    return id ? { by: 'Id', value: id[1] } : undefined;
  }
  return undefined;
}

function msParam(value: unknown): string {
  if (typeof value === 'number') return String(Math.round(value));
  const text = asStr(value);
  if (text.includes('${')) return text;
  const ms = parseDurationMs(text);
  if (ms === undefined) throw new Error(`"${text}" is not a duration`);
  return String(ms);
}

function resolveUrl(url: string, ctx: Ctx): string {
  if (!ctx.baseUrl || /^[a-z][a-z0-9+.-]*:/i.test(url) || url.includes('${')) return url;
  try {
    return new URL(url, ctx.baseUrl).href;
  } catch {
    return url;
  }
}

function relativeUrl(url: string, ctx: Ctx): string {
  if (!ctx.baseUrl) return url;
  let origin: string;
  try {
    origin = new URL(ctx.baseUrl).origin;
  } catch {
    return url;
  }
  if (!url.startsWith(origin)) return url;
  const rest = url.slice(origin.length);
  if (rest === '') return '/';
  return /^[/?#]/.test(rest) ? rest : url;
}

const repeat = (name: string, times: number): Cmd[] => Array.from({ length: times }, () => cmd(name));

/** The GDSL commands for one action written in the journey file form. Throws on something that is not an action. */
function exportAction(input: GdslAction, ctx: Ctx): Cmd[] {
  const action: Rec = typeof input === 'string' ? { [input]: true } : input;
  const kind = ACTION_KEYS.find((key) => action[key] !== undefined);
  switch (kind) {
    case 'goto':
      return [cmd('browserGoToUrl', resolveUrl(asStr(action.goto), ctx)), cmd('pressEnter')];
    case 'click': {
      const element = elementOf(asRec(action.click));
      return element ? [cmd(`clickBy${element.by}`, element.value)] : [];
    }
    case 'fill': {
      const fill = asRec(action.fill);
      const type = cmd('enterText', asStr(fill.value));
      if (fill.selector === ':focus') return [type];
      const element = elementOf(fill);
      return element ? [cmd(`clickBy${element.by}`, element.value), type] : [type];
    }
    case 'press': {
      const key = asStr(action.press);
      if (key === 'Enter') return [cmd('pressEnter')];
      if (key === 'Escape') return [cmd('pressBack')];
      return [];
    }
    case 'scroll': {
      const scroll = asRec(action.scroll);
      if (scroll.to === 'bottom') return repeat('swipeDownward', SWIPES_TO_EDGE);
      if (scroll.to === 'top') return repeat('swipeUpward', SWIPES_TO_EDGE);
      if (typeof scroll.by === 'number') {
        return repeat(scroll.by < 0 ? 'swipeUpward' : 'swipeDownward', Math.max(1, Math.round(Math.abs(scroll.by) / SWIPE_PX)));
      }
      return [cmd('swipeDownward')];
    }
    case 'swipe': {
      const command = SWIPE_COMMAND[asStr(asRec(action.swipe).direction)];
      if (!command) throw new Error('unknown swipe direction');
      return [cmd(command)];
    }
    case 'waitFor': {
      const wait = asRec(action.waitFor);
      const element = wait.networkIdle ? undefined : elementOf(wait);
      if (!element) return [cmd('pause', String(SETTLE_PAUSE_MS))];
      const timeout = wait.timeout !== undefined ? msParam(wait.timeout) : String(ctx.waitTimeoutMs);
      return [cmd(`waitUntil${element.by}${wait.gone === true ? 'Gone' : ''}`, element.value, timeout)];
    }
    case 'pause':
      return [cmd('pause', msParam(action.pause))];
    case 'back':
      return [cmd('pressBack')];
    case 'launchApp':
      return [cmd('applicationStart', ctx.appId ?? APP_ID_VARIABLE)];
    case 'closeApp':
      return [cmd('applicationKill', ctx.appId ?? APP_ID_VARIABLE)];
    case 'background':
      return [cmd('pressHome'), cmd('pause', msParam(action.background))];
    default:
      throw new Error('not an action');
  }
}

/** A GDSL text parameter as a journey value: `${NAME}` → `${env:NAME}`. */
const textValue = (param: string): string => fromGdslVariables(param);
const hasVariable = (param: string): boolean => /\$\{[A-Za-z_][A-Za-z0-9_]*\}/.test(param);

function durationValue(param: string, command: Cmd, file: string): string {
  if (/^\$\{[A-Za-z_][A-Za-z0-9_]*\}$/.test(param)) return fromGdslVariables(param);
  if (/^\d+$/.test(param)) return formatDurationMs(Number(param));
  throw inputErrorAt(file, command.line, [], `${command.name} expects a number of milliseconds, got "${param}"`);
}

function numberParam(param: string, command: Cmd, file: string): number {
  const value = Number(param);
  if (param.trim() === '' || !Number.isFinite(value)) throw inputErrorAt(file, command.line, [], `${command.name} expects numbers, got "${param}"`);
  return value;
}

const LOCATOR_KEY: Readonly<Record<ElementBy, string>> = { Text: 'text', Id: 'id', ContentDesc: 'accessibilityId' };
const FILL_LOCATOR_KEY: Readonly<Record<ElementBy, string>> = { Text: 'label', Id: 'id', ContentDesc: 'accessibilityId' };

function fillAction(locator: Record<string, GdslJson>, param: string): GdslAction {
  const value = textValue(param);
  return { fill: { ...locator, value, ...(hasVariable(param) ? { secret: true } : {}) } };
}

/** Reads the action starting at `items[index]` (a command); returns it and how many items it used. */
function commandToAction(items: Item[], index: number, ctx: Ctx, file: string, notes: string[]): { action?: GdslAction; used: number } {
  const command = items[index] as Cmd;
  const nextItem = items[index + 1];
  const next = nextItem?.kind === 'cmd' ? nextItem : undefined;
  const [first = '', second] = command.params;
  const where = `${file}:${command.line}`;
  const click = /^clickBy(Text|Id|ContentDesc)$/.exec(command.name);
  if (click) {
    const by = click[1] as ElementBy;
    if (next?.name === 'enterText') return { action: fillAction({ [FILL_LOCATOR_KEY[by]]: textValue(first) }, next.params[0]), used: 2 };
    return { action: { click: { [LOCATOR_KEY[by]]: textValue(first) } }, used: 1 };
  }
  const wait = /^waitUntil(Text|Id|ContentDesc)(Gone)?$/.exec(command.name);
  if (wait) {
    const waitFor: Record<string, GdslJson> = { [LOCATOR_KEY[wait[1] as ElementBy]]: textValue(first) };
    if (wait[2]) waitFor.gone = true;
    if (second !== undefined) {
      const timeout = durationValue(second, command, file);
      if (parseDurationMs(timeout) !== ctx.waitTimeoutMs) waitFor.timeout = timeout;
    }
    return { action: { waitFor }, used: 1 };
  }
  switch (command.name) {
    case 'browserGoToUrl':
      return { action: { goto: relativeUrl(textValue(first), ctx) }, used: next?.name === 'pressEnter' ? 2 : 1 };
    case 'enterText':
      return { action: fillAction({ selector: ':focus' }, first), used: 1 };
    case 'pressEnter':
      return { action: { press: 'Enter' }, used: 1 };
    case 'pressBack':
      return { action: 'back', used: 1 };
    case 'pressHome':
      if (next?.name === 'pause') return { action: { background: durationValue(next.params[0], next, file) }, used: 2 };
      notes.push(`${where}: pressHome without a pause after it: imported as background for 0ms`);
      return { action: { background: '0ms' }, used: 1 };
    case 'swipeDownward':
    case 'swipeUpward':
    case 'swipeLeft':
    case 'swipeRight':
      return { action: { swipe: { direction: SWIPE_DIRECTION[command.name] } }, used: 1 };
    case 'swipe': {
      const [x1, y1, x2, y2] = command.params.slice(0, 4).map((p) => numberParam(p, command, file));
      const dx = x2 - x1;
      const dy = y2 - y1;
      const direction = Math.abs(dx) > Math.abs(dy) ? (dx < 0 ? 'left' : 'right') : dy < 0 ? 'up' : 'down';
      notes.push(`${where}: swipe by coordinates imported as swipe ${direction} over half the screen`);
      return { action: { swipe: { direction } }, used: 1 };
    }
    case 'pause':
      return { action: { pause: durationValue(first, command, file) }, used: 1 };
    case 'applicationStart':
    case 'applicationKill':
      if (ctx.appId !== undefined && textValue(first) !== fromGdslVariables(ctx.appId)) {
        notes.push(`${where}: ${command.name},${first} names another application than the target's (${ctx.appId}); imported for the target's`);
      }
      return { action: command.name === 'applicationStart' ? 'launchApp' : 'closeApp', used: 1 };
    default:
      notes.push(`${where}: ${command.name} inside a measured step was left out (ecoscore prepares the browser itself)`);
      return { used: 1 };
  }
}

/** The journey actions of a run of items (commands and `# ecoscore action:` comments). */
function itemsToActions(items: Item[], ctx: Ctx, file: string, notes: string[]): GdslAction[] {
  const actions: GdslAction[] = [];
  for (let i = 0; i < items.length; ) {
    const item = items[i];
    if (item.kind === 'carry') {
      let expected: Cmd[] | undefined;
      try {
        expected = exportAction(item.action, ctx);
      } catch {
        expected = undefined;
      }
      const following = expected ? items.slice(i + 1, i + 1 + expected.length) : [];
      const matches =
        expected !== undefined &&
        following.length === expected.length &&
        following.every((other, k) => other.kind === 'cmd' && formatCmd(other) === formatCmd(expected[k]));
      if (matches) {
        actions.push(item.action);
        i += 1 + expected!.length;
      } else {
        notes.push(`${file}:${item.line}: this "# ecoscore action" comment does not match the commands under it; they were imported as written`);
        i += 1;
      }
      continue;
    }
    const { action, used } = commandToAction(items, i, ctx, file, notes);
    if (action !== undefined) actions.push(action);
    i += used;
  }
  return actions;
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (isRec(value)) return Object.fromEntries(Object.keys(value).sort().map((key) => [key, sortKeys(value[key])]));
  return value;
}
const sameJson = (a: unknown, b: unknown): boolean => JSON.stringify(sortKeys(a)) === JSON.stringify(sortKeys(b));

// ---------------------------------------------------------------------------------------------------
// Export
// ---------------------------------------------------------------------------------------------------

/** Upper snake case ASCII: `Connexion réussie!` → `CONNEXION_REUSSIE`. */
export function gdslStepName(name: string): string {
  const ascii = name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  const snake = ascii.replace(/[^A-Za-z0-9]+/g, '_').replace(/^_+|_+$/g, '').toUpperCase();
  return snake || 'STEP';
}

/** `measureStart` name of a step, before the uniqueness suffix: prefix + upper snake name. */
function measureBase(name: string, type: StepType): string {
  let snake = gdslStepName(name);
  const word = REDUNDANT_WORD[type];
  if (snake.startsWith(`${word}_`)) snake = snake.slice(word.length + 1);
  return GDSL_STEP_PREFIX[type] + snake;
}

function locatorInput(locator: Locator): Record<string, GdslJson> {
  const out: Record<string, GdslJson> = {};
  for (const key of ['text', 'selector', 'id', 'role', 'name', 'label', 'xpath', 'accessibilityId', 'exact'] as const) {
    const value = locator[key];
    if (value !== undefined) out[key] = value;
  }
  return out;
}

/** Replaces string leaves whose raw (file) counterpart used `${env:…}` by that raw text, defaults dropped. */
function overlayRaw<T>(value: T, raw: unknown): T {
  if (typeof value === 'string') return (typeof raw === 'string' && raw.includes('${env:') ? withoutEnvDefaults(raw) : value) as T;
  if (Array.isArray(value)) return value.map((item, i) => overlayRaw(item, Array.isArray(raw) ? raw[i] : undefined)) as T;
  if (isRec(value)) {
    const rawRec = isRec(raw) ? raw : {};
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, overlayRaw(item, rawRec[key])])) as T;
  }
  return value;
}

/** The journey-file form of a normalised action (secret fill values replaced by `${env:SECRET_n}`). */
function actionInput(action: Action, raw: unknown, secretName: (value: string) => string): GdslAction {
  const timeout: Record<string, GdslJson> = action.timeoutMs !== undefined ? { timeout: formatDurationMs(action.timeoutMs) } : {};
  let input: GdslAction;
  switch (action.kind) {
    case 'goto':
      input = { goto: action.url, ...timeout };
      break;
    case 'click':
      input = { click: locatorInput(action.locator), ...timeout };
      break;
    case 'fill':
      input = { fill: { ...locatorInput(action.locator), value: action.value }, ...timeout };
      break;
    case 'press':
      input = { press: action.key, ...timeout };
      break;
    case 'scroll':
      input = {
        scroll: action.locator ? locatorInput(action.locator) : action.to !== undefined ? { to: action.to } : { by: action.byPx ?? 0 },
        ...timeout,
      };
      break;
    case 'swipe':
      input = { swipe: { direction: action.direction, ...(action.distance !== 0.5 ? { distance: action.distance } : {}) }, ...timeout };
      break;
    case 'waitFor':
      input = {
        waitFor: {
          ...(action.networkIdle ? { networkIdle: true } : locatorInput(action.locator ?? {})),
          ...(action.gone ? { gone: true } : {}),
          ...(action.timeoutMs !== undefined ? { timeout: formatDurationMs(action.timeoutMs) } : {}),
        },
      };
      break;
    case 'pause':
      input = { pause: formatDurationMs(action.durationMs), ...timeout };
      break;
    case 'background':
      input = { background: formatDurationMs(action.durationMs), ...timeout };
      break;
    default:
      input = action.timeoutMs !== undefined ? { [action.kind]: true, ...timeout } : action.kind;
  }
  input = overlayRaw(input, raw);
  if (action.kind === 'fill' && typeof input !== 'string') {
    const rawValue = asRec(asRec(raw).fill).value;
    if (action.secret || (typeof rawValue === 'string' && rawValue.includes('${env:'))) {
      const fill = asRec(input.fill) as Record<string, GdslJson>;
      input = { ...input, fill: { ...fill, value: `\${env:${secretName(action.value)}}`, secret: true } };
    }
  }
  return input;
}

function stepMeta(step: Step, raw: unknown): Record<string, GdslJson> {
  const meta: Record<string, GdslJson> = { name: step.name, type: step.type };
  if (step.critical) meta.critical = true;
  if (step.duration !== undefined) meta.duration = formatDurationMs(step.duration);
  if (step.timeout !== undefined) meta.timeout = formatDurationMs(step.timeout);
  if (step.mask !== undefined) meta.mask = step.mask;
  if (step.description !== undefined) meta.description = step.description;
  return overlayRaw(meta, raw);
}

function journeyMeta(journey: Journey, raw: unknown): Record<string, GdslJson> {
  const meta: Record<string, GdslJson> = { name: journey.name };
  if (journey.description !== undefined) meta.description = journey.description;
  meta.target = JSON.parse(JSON.stringify(journey.target)) as GdslJson;
  meta.device = journey.device;
  meta.network = journey.network;
  meta.iterations = journey.iterations;
  if (journey.timeout !== undefined) meta.timeout = formatDurationMs(journey.timeout);
  return overlayRaw(meta, raw);
}

const commentText = (text: string): string => text.replace(/[\r\n]+/g, ' ');

function targetContext(target: GdslJourney['target'] | Journey['target']): { web: boolean; appId?: string; baseUrl?: string; browserPackage: string } {
  const t = target as Rec;
  const web = t.platform === 'web' || typeof t.browser === 'string';
  const appId = typeof t.appPackage === 'string' ? t.appPackage : typeof t.bundleId === 'string' ? t.bundleId : undefined;
  const url = typeof t.url === 'string' ? t.url : undefined;
  return {
    web,
    appId: web ? undefined : appId ?? APP_ID_VARIABLE,
    baseUrl: url && /^https?:\/\//i.test(url) ? url : undefined,
    browserPackage: t.platform === 'ios' ? 'com.apple.mobilesafari' : CHROME_PACKAGE,
  };
}

/**
 * The journey as a GDSL script (`*.testgb`): a header, the target setup, and one
 * `measureStart,PREFIX_NAME` … `measureStop` block per step. Secrets never appear in it.
 */
export function exportGdsl(journey: Journey, options: GdslExportOptions = {}): string {
  let raw: Rec = {};
  if (options.source !== undefined) {
    try {
      raw = asRec(parseYaml(options.source));
    } catch {
      raw = {};
    }
  }
  const rawSteps = Array.isArray(raw.steps) ? raw.steps : [];
  const secrets = new Map<string, number>();
  const secretName = (value: string): string => {
    if (!secrets.has(value)) secrets.set(value, secrets.size + 1);
    return `SECRET_${secrets.get(value)}`;
  };
  const meta = journeyMeta(journey, raw);
  const metaTarget = asRec(meta.target) as GdslJourney['target'];
  const target = targetContext(metaTarget);
  const body: string[] = [];
  let escapedComma = false;
  const line = (command: Cmd): string => {
    if (command.params.some((p) => p.includes(','))) escapedComma = true;
    return formatCmd(command);
  };

  // Setup: a clean browser, or a killed app (Greenspector's "Write GDSL script" templates).
  const hasReference = journey.steps.some((step) => step.type === 'reference');
  if (target.web) {
    body.push(`setBrowser,${target.browserPackage}`, hasReference ? 'browserPrepareAndOpenForReference' : 'browserReset');
  } else {
    body.push(formatCmd(cmd('applicationKill', target.appId ?? APP_ID_VARIABLE)));
  }
  const launchesApp = journey.steps.some((step) => (step.actions ?? []).some((action) => action.kind === 'launchApp'));
  let appStarted = target.web || launchesApp;

  const usedMeasures = new Set<string>();
  journey.steps.forEach((step, stepIndex) => {
    const rawStep = asRec(rawSteps[stepIndex]);
    if (!appStarted && step.type !== 'reference') {
      body.push(
        '',
        '# The app is started when the session opens (the journey has no launchApp): un-measured here.',
        formatCmd(cmd('applicationStart', target.appId ?? APP_ID_VARIABLE)),
      );
      appStarted = true;
    }
    const ctx: Ctx = {
      appId: target.appId,
      baseUrl: target.baseUrl,
      waitTimeoutMs: step.timeout ?? journey.timeout ?? DEFAULT_ACTION_TIMEOUT_MS,
    };
    const rawActions = Array.isArray(rawStep.actions) ? rawStep.actions : [];
    const inputs = (step.actions ?? []).map((action, i) => actionInput(action, rawActions[i], secretName));
    const groups = inputs.map((input) => ({ input, commands: exportAction(input, ctx) }));
    const assemble = (carry: boolean[]): Item[] =>
      groups.flatMap((group, i): Item[] => [...(carry[i] ? [{ kind: 'carry' as const, action: group.input, line: 0 }] : []), ...group.commands]);
    let carry = groups.map((group) => !sameJson(itemsToActions(group.commands, ctx, '', []), [group.input]));
    let items = assemble(carry);
    if (!sameJson(itemsToActions(items, ctx, '', []), inputs)) {
      carry = groups.map(() => true);
      items = assemble(carry);
    }
    // Greenspector writes the URL before measureStart and measures from pressEnter on.
    const hoisted = groups[0]?.input !== undefined && !carry[0] && asRec(groups[0].input).goto !== undefined ? (items.shift() as Cmd) : undefined;

    const sMeta = stepMeta(step, rawStep);
    const tail: Cmd[] = [];
    if (sMeta.duration !== undefined) tail.push(cmd('pause', msParam(sMeta.duration)));
    else if (step.type === 'reference') tail.push(cmd('pause', String(DEFAULT_REFERENCE_DURATION_MS)));

    const base = measureBase(step.name, step.type);
    let measure = base;
    for (let n = 2; usedMeasures.has(measure); n++) measure = `${base}_${n}`;
    usedMeasures.add(measure);

    body.push('', `# ${COMMENT_STEP} ${JSON.stringify(sMeta)}`);
    if (hoisted) body.push(line(hoisted));
    body.push(`measureStart,${measure}`);
    const all = [...items, ...tail];
    all.forEach((item) => {
      if (item.kind === 'cmd') {
        body.push(line(item));
        return;
      }
      body.push(`# ${COMMENT_ACTION} ${JSON.stringify(item.action)}`);
      if (exportAction(item.action, ctx).length === 0) body.push('# (no GDSL equivalent: left out)');
    });
    body.push('measureStop');
  });
  if (!target.web) body.push('', formatCmd(cmd('applicationKill', target.appId ?? APP_ID_VARIABLE)));

  const t = metaTarget as Rec;
  const header = [
    `# Journey: ${commentText(asStr(meta.name))}`,
    '# Generated by ecoscore (`ecoscore gdsl export`): GDSL, the journey language of Greenspector (*.testgb).',
    `# Target: ${
      target.web
        ? t.url === 'demo'
          ? 'the embedded ecoscore demo app (url: demo); URLs are relative: prefix them with the deployed address'
          : `${String(t.platform)} ${commentText(toGdslVariables(asStr(t.url)))}`
        : `${String(t.platform)} app ${toGdslVariables(target.appId ?? APP_ID_VARIABLE)}`
    }`,
    `# Device profile: ${journey.device}; network: ${journey.network}; iterations: ${journey.iterations}.`,
  ];
  if (secrets.size > 0) {
    const names = [...secrets.values()].map((n) => `\${SECRET_${n}}`).join(', ');
    const one = secrets.size === 1;
    header.push(
      `# Secrets: ${names} ${one ? 'stands for a secret value' : 'stand for secret values'} typed by enterText; define ${one ? 'it as a GDSL variable' : 'them as GDSL variables'}. Secret values are never written here.`,
    );
  }
  if (escapedComma) header.push('# Warning: GDSL does not allow a comma inside a parameter; "\\," marks one here. Rephrase those lines before running them.');
  header.push('# Lines "# ecoscore …" let `ecoscore gdsl import` rebuild the journey exactly; GDSL ignores comments.');
  header.push(`# ${COMMENT_JOURNEY} ${JSON.stringify(meta)}`);

  const text = [...header, ...body].join('\n') + '\n';
  return options.redactor ? options.redactor.redact(text) : text;
}

/** {@link exportGdsl} of a loaded journey, with its source and redactor so that no secret is written. */
export function exportLoadedJourneyGdsl(loaded: LoadedJourney): string {
  return exportGdsl(loaded.journey, { source: loaded.source, redactor: loaded.redactor });
}

// ---------------------------------------------------------------------------------------------------
// Import
// ---------------------------------------------------------------------------------------------------

interface Block {
  measure: string;
  line: number;
  meta?: Rec;
  items: Item[];
}

function parseJsonComment(text: string, file: string, line: number, notes: string[]): unknown {
  try {
    return JSON.parse(text);
  } catch {
    notes.push(`${file}:${line}: unreadable "# ecoscore" comment ignored`);
    return undefined;
  }
}

function humanName(text: string): string {
  const words = /^[A-Z0-9_]+$/.test(text) ? text.toLowerCase() : text;
  return words.replace(/_+/g, ' ').trim();
}

function typeFromMeasure(measure: string): { type: StepType; rest: string } | undefined {
  const upper = measure.toUpperCase();
  const prefixes: Array<[string, StepType]> = [
    ['PAUSE_BACKGROUND_', 'background'],
    ['PAUSE_', 'pause'],
    ['CHRGT_', 'load'],
    ['ACTION_', 'action'],
    ['SCROLL_', 'scroll'],
  ];
  for (const [prefix, type] of prefixes) {
    if (!upper.startsWith(prefix)) continue;
    const rest = measure.slice(prefix.length);
    if (type === 'pause' && /^REF(ERENCE)?(_|$)/i.test(rest)) return { type: 'reference', rest };
    return { type, rest };
  }
  return undefined;
}

function metaMatches(measure: string, meta: Rec): boolean {
  if (typeof meta.name !== 'string' || !STEP_TYPES.includes(meta.type as StepType)) return false;
  const base = measureBase(meta.name, meta.type as StepType);
  return measure === base || (measure.startsWith(`${base}_`) && /^\d+$/.test(measure.slice(base.length + 1)));
}

function guessTarget(commands: Cmd[], file: string): { target: GdslJourney['target']; notes: string[] } {
  const notes: string[] = [];
  const goto = commands.find((c) => c.name === 'browserGoToUrl');
  if (goto) {
    const url = textValue(goto.params[0]);
    if (/^https?:\/\//i.test(url)) {
      try {
        return { target: { platform: 'web', url: new URL(url).origin }, notes };
      } catch {
        // fall through
      }
    }
    notes.push(`${file}:${goto.line}: the first URL is not absolute; the target is the embedded demo app (url: demo)`);
    return { target: { platform: 'web', url: 'demo' }, notes };
  }
  const app = commands.find((c) => (c.name === 'applicationStart' || c.name === 'applicationKill') && c.params[0] !== CHROME_PACKAGE);
  if (app) return { target: { platform: 'android', appPackage: textValue(app.params[0]) }, notes };
  throw inputErrorAt(file, undefined, [], 'cannot tell what is measured: add a browserGoToUrl,<url> (web) or applicationStart,<package> (Android) line');
}

/**
 * Reads a GDSL script into a journey (plain data, the journey file form) and notes on what was
 * approximated. Throws an InputError naming the file and line on an unknown command, a wrong parameter
 * count or unbalanced measureStart/measureStop.
 */
export function importGdslDetailed(text: string, file: string): GdslImport {
  const notes: string[] = [];
  const tokens = tokenize(text, file);
  const blocks: Block[] = [];
  let current: Block | undefined;
  let pendingMeta: Rec | undefined;
  let pendingOutside: Item[] = [];
  let journeyMetaValue: Rec | undefined;
  let headerName: string | undefined;
  let seenCommand = false;
  const setupCommands: Cmd[] = [];
  const allCommands: Cmd[] = [];

  for (const token of tokens) {
    if (token.kind === 'comment') {
      const comment = token.text;
      if (comment.startsWith(COMMENT_JOURNEY)) {
        const value = parseJsonComment(comment.slice(COMMENT_JOURNEY.length), file, token.line, notes);
        if (isRec(value)) journeyMetaValue = value;
      } else if (comment.startsWith(COMMENT_STEP)) {
        const value = parseJsonComment(comment.slice(COMMENT_STEP.length), file, token.line, notes);
        pendingMeta = isRec(value) ? value : undefined;
      } else if (comment.startsWith(COMMENT_ACTION)) {
        const value = parseJsonComment(comment.slice(COMMENT_ACTION.length), file, token.line, notes);
        if (typeof value === 'string' || isRec(value)) {
          const carry: Carry = { kind: 'carry', action: value as GdslAction, line: token.line };
          (current ? current.items : pendingOutside).push(carry);
        }
      } else if (!seenCommand && headerName === undefined) {
        const name = /^(?:journey|name)\s*:\s*(.+)$/i.exec(comment);
        if (name) headerName = name[1].trim();
      }
      continue;
    }
    seenCommand = true;
    allCommands.push(token);
    if (token.name === 'measureStart') {
      if (current) {
        throw inputErrorAt(file, token.line, [], `measureStart inside the step "${current.measure}" opened on line ${current.line}; close it with measureStop first`);
      }
      const last = pendingOutside.length - 1;
      pendingOutside.forEach((item, i) => {
        if (item.kind === 'cmd' && !(i === last && item.name === 'browserGoToUrl')) {
          notes.push(`${file}:${item.line}: ${item.name} is outside any measureStart … measureStop block; ecoscore measures every action, so it now starts step ${token.params[0]}`);
        }
      });
      current = { measure: token.params[0].trim(), line: token.line, meta: pendingMeta, items: pendingOutside };
      pendingMeta = undefined;
      pendingOutside = [];
    } else if (token.name === 'measureStop') {
      if (!current) throw inputErrorAt(file, token.line, [], 'measureStop without a measureStart before it');
      blocks.push(current);
      current = undefined;
    } else if (SETUP_COMMANDS.has(token.name)) {
      setupCommands.push(token);
      if (current) notes.push(`${file}:${token.line}: ${token.name} inside a measured step was left out (ecoscore prepares the browser itself)`);
    } else if (!current && (token.name === 'applicationStart' || token.name === 'applicationKill')) {
      setupCommands.push(token); // un-measured app start/stop: the driver opens and closes the app itself
    } else {
      (current ? current.items : pendingOutside).push(token);
    }
  }
  if (current) throw inputErrorAt(file, current.line, [], `the step "${current.measure}" is never closed: add measureStop after its commands`);
  if (blocks.length === 0) throw inputErrorAt(file, undefined, [], 'no measured step: a GDSL journey needs measureStart,PREFIX_NAME … measureStop blocks');
  if (pendingOutside.length > 0) {
    const last = blocks[blocks.length - 1];
    for (const item of pendingOutside) {
      if (item.kind === 'cmd') notes.push(`${file}:${item.line}: ${item.name} after the last measureStop was added to the end of step ${last.measure}`);
    }
    last.items.push(...pendingOutside);
  }

  // Journey level
  let target: GdslJourney['target'];
  if (journeyMetaValue && isRec(journeyMetaValue.target)) target = journeyMetaValue.target as GdslJourney['target'];
  else {
    const guessed = guessTarget([...allCommands.filter((c) => !SETUP_COMMANDS.has(c.name))], file);
    target = guessed.target;
    notes.push(...guessed.notes);
  }
  const context = targetContext(target);
  const journeyTimeout = typeof journeyMetaValue?.timeout === 'string' ? journeyMetaValue.timeout : undefined;
  const fileName = file.split(/[\\/]/).pop() ?? file;
  const name = typeof journeyMetaValue?.name === 'string' ? journeyMetaValue.name : headerName ?? fileName.replace(/\.[^.]*$/, '');
  // Key order of a journey file: name, description, target, device, network, iterations, timeout, steps.
  const m = journeyMetaValue ?? {};
  const ordered: GdslJourney = {
    name,
    ...(typeof m.description === 'string' ? { description: m.description } : {}),
    target,
    ...(typeof m.device === 'string' ? { device: m.device } : {}),
    ...(typeof m.network === 'string' ? { network: m.network } : {}),
    ...(typeof m.iterations === 'number' ? { iterations: m.iterations } : {}),
    ...(journeyTimeout !== undefined ? { timeout: journeyTimeout } : {}),
    steps: [],
  };

  // Steps
  const usedNames = new Set<string>();
  let sawLoad = false;
  for (const block of blocks) {
    const meta = block.meta && metaMatches(block.measure, block.meta) ? block.meta : undefined;
    if (block.meta && !meta) notes.push(`${file}:${block.line}: the "# ecoscore step" comment does not match measureStart,${block.measure}; the step was read from its name`);
    let type: StepType;
    let stepName: string;
    if (meta) {
      type = meta.type as StepType;
      stepName = meta.name as string;
    } else {
      const fromMeasure = typeFromMeasure(block.measure);
      if (!fromMeasure) notes.push(`${file}:${block.line}: ${block.measure} has no step prefix (CHRGT_, ACTION_, SCROLL_, PAUSE_); imported as an action step`);
      type = fromMeasure?.type ?? 'action';
      if (type === 'load' && !sawLoad) type = 'first-load';
      if (type === 'background' && context.web) type = 'pause';
      stepName = humanName(fromMeasure?.rest || block.measure) || block.measure;
    }
    if (type === 'first-load' || type === 'load') sawLoad = true;
    let unique = stepName;
    for (let n = 2; usedNames.has(unique); n++) unique = `${stepName} (${n})`;
    usedNames.add(unique);

    const stepTimeout = typeof meta?.timeout === 'string' ? meta.timeout : undefined;
    const ctx: Ctx = {
      appId: context.appId,
      baseUrl: context.baseUrl,
      waitTimeoutMs: parseDurationMs(stepTimeout ?? '') ?? parseDurationMs(journeyTimeout ?? '') ?? DEFAULT_ACTION_TIMEOUT_MS,
    };
    const actions = itemsToActions(block.items, ctx, file, notes).filter((action) => {
      if (context.web && (action === 'launchApp' || action === 'closeApp')) {
        notes.push(`${file}:${block.line}: application start/stop in step ${block.measure} left out (a web target opens the browser itself)`);
        return false;
      }
      return true;
    });

    // The step's idle time is the pause that ends it.
    const last = actions[actions.length - 1];
    const lastPause = isRec(last) && Object.keys(last).length === 1 && typeof last.pause === 'string' ? last.pause : undefined;
    let duration: string | undefined;
    const idleType = type === 'pause' || type === 'reference' || type === 'background';
    if (meta) {
      const metaDuration = typeof meta.duration === 'string' ? meta.duration : undefined;
      if (lastPause !== undefined && metaDuration !== undefined && (lastPause === metaDuration || idleType)) duration = lastPause;
      else if (lastPause !== undefined && metaDuration === undefined && type === 'reference' && lastPause === formatDurationMs(DEFAULT_REFERENCE_DURATION_MS)) {
        actions.pop();
      }
      if (duration !== undefined) actions.pop();
    } else if (idleType && lastPause !== undefined) {
      duration = lastPause;
      actions.pop();
    }
    if (type === 'reference' && actions.length > 0) {
      notes.push(`${file}:${block.line}: ${block.measure} does more than wait, so it was imported as a pause step, not a reference`);
      type = 'pause';
    }
    if (type === 'pause' && duration === undefined && actions.length === 0) duration = '0ms';
    if (!idleType && actions.length === 0) {
      notes.push(`${file}:${block.line}: ${block.measure} has no command; imported as a pause step`);
      type = 'pause';
      if (duration === undefined) duration = '0ms';
    }

    const step: GdslStep = { name: unique, type };
    if (meta?.critical === true) step.critical = true;
    if (duration !== undefined) step.duration = duration;
    if (stepTimeout !== undefined) step.timeout = stepTimeout;
    if (Array.isArray(meta?.mask)) step.mask = meta.mask.map(asStr);
    if (typeof meta?.description === 'string') step.description = meta.description;
    if (actions.length > 0) step.actions = actions;
    ordered.steps.push(step);
  }
  return { journey: ordered, notes };
}

/** Reads a GDSL script into a journey (plain data ready for YAML). See {@link importGdslDetailed}. */
export function importGdsl(text: string, file: string): GdslJourney {
  return importGdslDetailed(text, file).journey;
}

/**
 * A GDSL script as journey YAML, with a header comment (environment variables to set, notes). It
 * validates with `parseJourney` once the `${env:…}` variables it uses (e.g. `SECRET_1`) are set.
 */
export function importGdslToYaml(text: string, file: string): string {
  const { journey, notes } = importGdslDetailed(text, file);
  const fileName = file.split(/[\\/]/).pop() ?? file;
  const variables = [...new Set([...JSON.stringify(journey).matchAll(/\$\{env:([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1]))];
  const header = [
    `# Journey imported from ${fileName} by \`ecoscore gdsl import\` (GDSL → journey). Check it with \`ecoscore validate\`.`,
  ];
  if (variables.length > 0) {
    header.push(`# GDSL variables became environment variables; set them before running it: ${variables.join(', ')}.`);
  }
  const hasSecret = journey.steps.some((step) => (step.actions ?? []).some((action) => isRec(action) && asRec(action.fill).secret === true));
  if (hasSecret) header.push('# Text typed from a variable is marked secret: true: it is never written to results, logs or screenshots.');
  for (const note of notes) header.push(`# Note: ${commentText(note)}`);
  return `${header.join('\n')}\n${stringify(journey, { lineWidth: 0 })}`;
}
