/**
 * One journey action ⇄ GDSL commands, shared by export and import so that the two always agree, and
 * what `--strict` export refuses (an action with no command a public page attests). Pure.
 */
import { inputErrorAt } from '../../shared/input-error.js';
import { formatDurationMs, parseDurationMs } from '../duration.js';
import type { FileAction, JsonValue } from '../file-form.js';
import { ACTION_KEYS, APP_ID_VARIABLE, SETTLE_PAUSE_MS, SWIPE_PX, SWIPES_TO_EDGE } from './conventions.js';
import { isAttested } from './commands.js';
import { asRec, asStr, cmd, formatCmd, fromGdslVariables, hasVariable, isRec, type Cmd, type Item, type Rec } from './tokenize.js';

/** What actions need to know of the journey. */
export interface Ctx {
  /** Package (Android) or bundle id (iOS) for applicationStart/applicationKill. */
  appId?: string;
  /** Absolute http(s) URL that relative `goto` paths resolve against. */
  baseUrl?: string;
  /** Timeout written on waitUntil… commands that set none. */
  waitTimeoutMs: number;
}

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

export function msParam(value: unknown): string {
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

const repeat = (make: () => Cmd, times: number): Cmd[] => Array.from({ length: times }, make);

/** `swipeDownward` with its documented defaults: from 90 % to 10 % of the screen height, the page moves on downward. */
const SWIPE_DOWNWARD = (): Cmd => cmd('swipeDownward');
/** The reverse gesture, written with the attested `swipeVertical` (10 % → 90 %). */
const SWIPE_BACK_UP = (): Cmd => cmd('swipeVertical', '10', '90', '50');
/** Defaults of `swipeDownward[,percX,percStartY]` and `swipeUpward` ("Scroll and swipe methods"): x 50 %, from 90 % to 10 % (reversed upward). */
const SWIPE_DEFAULT = { percX: 50, start: 90, end: 10 };

const percent = (value: number): string => String(Number(value.toFixed(2)));

/** A journey swipe as one command: vertical ones with the attested `swipeVertical`, horizontal ones with swipeLeft/Right. */
function swipeCommand(swipe: Rec): Cmd {
  const direction = asStr(swipe.direction);
  const distance = typeof swipe.distance === 'number' ? swipe.distance : 0.5;
  if (direction === 'left') return cmd('swipeLeft');
  if (direction === 'right') return cmd('swipeRight');
  if (direction !== 'up' && direction !== 'down') throw new Error('unknown swipe direction');
  const half = (distance * 100) / 2;
  const [start, end] = direction === 'up' ? [50 + half, 50 - half] : [50 - half, 50 + half];
  return cmd('swipeVertical', percent(start), percent(end), '50');
}

function percentParam(param: string | undefined, fallback: number, command: Cmd, file: string): number {
  if (param === undefined || param.trim() === '') return fallback;
  const value = Number(param);
  if (!Number.isFinite(value) || value < 0 || value > 100) throw inputErrorAt(file, command.line, [], `${command.written ?? command.name} expects percentages from 0 to 100, got "${param}"`);
  return value;
}

/** swipeDownward / swipeUpward / swipeVertical → `swipe` up or down over the same share of the screen. */
function verticalSwipeAction(command: Cmd, file: string, notes: string[]): FileAction {
  const [p1, p2, p3] = command.params;
  let start: number;
  let end: number;
  let percX: number;
  if (command.name === 'swipeVertical') {
    start = percentParam(p1, SWIPE_DEFAULT.start, command, file);
    end = percentParam(p2, SWIPE_DEFAULT.end, command, file);
    percX = percentParam(p3, SWIPE_DEFAULT.percX, command, file);
  } else {
    percX = percentParam(p1, SWIPE_DEFAULT.percX, command, file);
    const from = percentParam(p2, SWIPE_DEFAULT.start, command, file);
    [start, end] = command.name === 'swipeDownward' ? [from, SWIPE_DEFAULT.end] : [100 - from, 100 - SWIPE_DEFAULT.end];
  }
  if (percX !== SWIPE_DEFAULT.percX) notes.push(`${file}:${command.line}: ${command.written ?? command.name} at ${percX} % of the width imported as a swipe at the middle (journey swipes have no x position)`);
  if (start === end) return { pause: '0ms' };
  const distance = Math.abs(start - end) / 100;
  return { swipe: { direction: start > end ? 'up' : 'down', ...(distance !== 0.5 ? { distance } : {}) } };
}


/** The GDSL commands for one action written in the journey file form. Throws on something that is not an action. */
export function exportAction(input: FileAction, ctx: Ctx): Cmd[] {
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
      if (scroll.to === 'bottom') return repeat(SWIPE_DOWNWARD, SWIPES_TO_EDGE);
      if (scroll.to === 'top') return repeat(SWIPE_BACK_UP, SWIPES_TO_EDGE);
      if (typeof scroll.by === 'number') {
        return repeat(scroll.by < 0 ? SWIPE_BACK_UP : SWIPE_DOWNWARD, Math.max(1, Math.round(Math.abs(scroll.by) / SWIPE_PX)));
      }
      return [SWIPE_DOWNWARD()];
    }
    case 'swipe':
      return [swipeCommand(asRec(action.swipe))];
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

function fillAction(locator: Record<string, JsonValue>, param: string): FileAction {
  const value = textValue(param);
  return { fill: { ...locator, value, ...(hasVariable(param) ? { secret: true } : {}) } };
}

/** Reads the action starting at `items[index]` (a command); returns it and how many items it used. */
function commandToAction(items: Item[], index: number, ctx: Ctx, file: string, notes: string[]): { action?: FileAction; used: number } {
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
    const waitFor: Record<string, JsonValue> = { [LOCATOR_KEY[wait[1] as ElementBy]]: textValue(first) };
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
    case 'swipeVertical':
      return { action: verticalSwipeAction(command, file, notes), used: 1 };
    case 'swipeLeft':
    case 'swipeRight':
      return { action: { swipe: { direction: command.name === 'swipeLeft' ? 'left' : 'right' } }, used: 1 };
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
export function itemsToActions(items: Item[], ctx: Ctx, file: string, notes: string[]): FileAction[] {
  const actions: FileAction[] = [];
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
export const sameJson = (a: unknown, b: unknown): boolean => JSON.stringify(sortKeys(a)) === JSON.stringify(sortKeys(b));

/**
 * Why `--strict` export cannot write this action, or undefined when every command it becomes is attested
 * by a public Greenspector page and says what the action does (a wait GDSL cannot express is not
 * replaced by a pause).
 */
export function strictProblem(input: FileAction, ctx: Ctx): string | undefined {
  const commands = exportAction(input, ctx);
  const action: Rec = typeof input === 'string' ? { [input]: true } : input;
  if (commands.length === 0) return 'GDSL has no command for it';
  if (action.waitFor !== undefined && commands.every((c) => c.name === 'pause')) {
    return 'GDSL waits only for a text or an element id, not for the network, a CSS selector or an XPath';
  }
  const extension = commands.find((c) => !isAttested(c.name));
  if (extension) return `${extension.name} is an ecoscore extension: no public Greenspector page shows it`;
  return undefined;
}

