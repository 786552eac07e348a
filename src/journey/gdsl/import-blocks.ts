/**
 * GDSL import, first half: tokens → measured blocks (`measureStart` … `measureStop`), the setup commands
 * around them, and what the header comments say. Pure.
 */
import { inputErrorAt } from '../../shared/input-error.js';
import type { FileAction, FileJourney } from '../file-form.js';
import { STEP_TYPES, type StepType } from '../schema.js';
import { CHROMIUM_BROWSER_PACKAGES } from './commands.js';
import { CHROME_PACKAGE, COMMENT_ACTION, COMMENT_JOURNEY, COMMENT_STEP, measureBase, SETUP_COMMANDS } from './conventions.js';
import { fromGdslVariables, isRec, tokenize, type Carry, type Cmd, type Item, type Rec } from './tokenize.js';

/** One measured step as read. */
export interface Block {
  measure: string;
  line: number;
  meta?: Rec;
  items: Item[];
}

/** What {@link readBlocks} returns. */
export interface ReadBlocks {
  blocks: Block[];
  setupCommands: Cmd[];
  allCommands: Cmd[];
  journeyMeta?: Rec;
  headerName?: string;
}

const textValue = (param: string): string => fromGdslVariables(param);


function parseJsonComment(text: string, file: string, line: number, notes: string[]): unknown {
  try {
    return JSON.parse(text);
  } catch {
    notes.push(`${file}:${line}: unreadable "# ecoscore" comment ignored`);
    return undefined;
  }
}

export function humanName(text: string): string {
  const words = /^[A-Z0-9_]+$/.test(text) ? text.toLowerCase() : text;
  return words.replace(/_+/g, ' ').trim();
}

export function typeFromMeasure(measure: string): { type: StepType; rest: string } | undefined {
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

export function metaMatches(measure: string, meta: Rec): boolean {
  if (typeof meta.name !== 'string' || !STEP_TYPES.includes(meta.type as StepType)) return false;
  const base = measureBase(meta.name, meta.type as StepType);
  return measure === base || (measure.startsWith(`${base}_`) && /^\d+$/.test(measure.slice(base.length + 1)));
}

export function guessTarget(commands: Cmd[], file: string): { target: FileJourney['target']; notes: string[] } {
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


/** A browser the script asks for that ecoscore does not run (it measures in Chromium), with its line. */
export function foreignBrowser(setup: Cmd[]): { browserPackage: string; line: number } | undefined {
  for (const command of setup) {
    if (command.name !== 'setBrowser' && command.name !== 'browserPrepareAndOpenForReference' && command.name !== 'browserReset') continue;
    const browserPackage = (command.params[0] ?? '').trim();
    if (browserPackage !== '' && !CHROMIUM_BROWSER_PACKAGES.includes(browserPackage)) return { browserPackage, line: command.line };
  }
  return undefined;
}

/** Splits a GDSL script into measured blocks. Throws an InputError on unbalanced measureStart/measureStop. */
export function readBlocks(text: string, file: string, notes: string[]): ReadBlocks {
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
          const carry: Carry = { kind: 'carry', action: value as FileAction, line: token.line };
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
        throw inputErrorAt(file, token.line, [], `${token.written ?? 'measureStart'} inside the step "${current.measure}" opened on line ${current.line}; close it with measureStop first`);
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
      if (!current) throw inputErrorAt(file, token.line, [], `${token.written ?? 'measureStop'} without a measureStart before it`);
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

  return { blocks, setupCommands, allCommands, journeyMeta: journeyMetaValue, headerName };
}
