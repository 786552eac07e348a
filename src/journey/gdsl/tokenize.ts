/**
 * GDSL lines and parameters: commands built by export, the text of a command line, and the tokenizer of
 * import (unknown commands, wrong parameter counts and control characters are InputErrors naming the
 * file and line). Pure.
 */
import { closestMatch } from '../../shared/closest-match.js';
import { inputErrorAt } from '../../shared/input-error.js';
import type { FileAction } from '../file-form.js';
import { canonicalCommand, GDSL_COMMANDS, type GdslCommandSpec } from './commands.js';

/** One command: its canonical name (aliases resolved), parameters and 1-based line (0 when built by export). */
export interface Cmd {
  kind: 'cmd';
  name: string;
  params: string[];
  line: number;
  /** The name as written in the file, when it was an alias (`startMeasure`). */
  written?: string;
}
/** An action carried by an `# ecoscore action:` comment. */
export interface Carry {
  kind: 'carry';
  action: FileAction;
  line: number;
}
/** What a step is made of on import. */
export type Item = Cmd | Carry;
/** A token of a GDSL file. */
export type Token = Cmd | { kind: 'comment'; text: string; line: number };

/** A plain object. */
export type Rec = Record<string, unknown>;
export const isRec = (value: unknown): value is Rec => value !== null && typeof value === 'object' && !Array.isArray(value);
export const asRec = (value: unknown): Rec => (isRec(value) ? value : {});
export const asStr = (value: unknown): string => (typeof value === 'string' ? value : String(value ?? ''));

const ENV_REF = /\$\{env:([A-Za-z_][A-Za-z0-9_]*)(?::-[^}]*)?\}/g;
const GDSL_VAR = /\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g;

/** `${env:NAME}` / `${env:NAME:-default}` → GDSL variable `${NAME}` (the default is dropped: it may be a secret). */
export function toGdslVariables(text: string): string {
  return text.replace(ENV_REF, (_, name: string) => `\${${name}}`);
}
/** GDSL variable `${NAME}` → `${env:NAME}`. */
export function fromGdslVariables(text: string): string {
  return text.replace(GDSL_VAR, (_, name: string) => `\${env:${name}}`);
}
/** Drops `:-default` from `${env:NAME:-default}` (a default may be a secret, e.g. the demo password). */
export function withoutEnvDefaults(text: string): string {
  return text.replace(ENV_REF, (_, name: string) => `\${env:${name}}`);
}
/** Whether a GDSL parameter holds a GDSL variable. */
export const hasVariable = (param: string): boolean => /\$\{[A-Za-z_][A-Za-z0-9_]*\}/.test(param);

/** A command built by export: environment references become GDSL variables, line breaks spaces. */
export function cmd(name: string, ...params: string[]): Cmd {
  return { kind: 'cmd', name, params: params.map((p) => toGdslVariables(p).replace(/[\r\n]+/g, ' ')), line: 0 };
}

/** GDSL forbids a comma inside a parameter (Greenspector docs): export writes `\,`, import reads it as a comma. */
function escapeParam(param: string): string {
  return param.replace(/,/g, '\\,');
}

/** The line of a command. */
export function formatCmd(command: Cmd): string {
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

function describeParams(spec: GdslCommandSpec): string {
  const required = spec.params.length - (spec.optional ?? 0);
  const count = spec.params.length;
  if (count === 0) return 'no parameter';
  const howMany = required === count ? `${count}` : `${required} to ${count}`;
  return `${howMany} parameter${count === 1 ? '' : 's'} (${spec.params.join(', ')})`;
}

/**
 * C0 and C1 control characters except tab (ESC starts terminal escape sequences), and the Unicode line and
 * bidirectional-override characters that reorder what a terminal shows.
 */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

/** Splits GDSL text into commands and comments; throws an InputError on an unknown command, a wrong parameter count or a control character. */
export function tokenize(text: string, file: string): Token[] {
  const tokens: Token[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  lines.forEach((raw, index) => {
    const line = index + 1;
    const control = CONTROL.exec(raw);
    if (control) {
      const code = control[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
      throw inputErrorAt(file, line, [], `control character U+${code} in the GDSL text (terminal escape sequences are refused); remove it`);
    }
    const trimmed = raw.trim();
    if (trimmed === '') return;
    if (trimmed.startsWith('#')) {
      tokens.push({ kind: 'comment', text: trimmed.slice(1).trim(), line });
      return;
    }
    const [rawName, ...params] = splitParams(trimmed);
    const written = rawName.trim();
    const spec = GDSL_COMMANDS[written];
    if (!spec) {
      const suggestion = closestMatch(written, Object.keys(GDSL_COMMANDS));
      const shown = written.length > 60 ? `${written.slice(0, 60)}…` : written;
      throw inputErrorAt(
        file,
        line,
        [],
        `unknown GDSL command "${shown}"; ${suggestion ? `did you mean "${suggestion}"?` : 'see docs/gdsl.md for the commands ecoscore reads'}`,
      );
    }
    const max = spec.params.length;
    const min = max - (spec.optional ?? 0);
    if (params.length < min || params.length > max) {
      const hint = params.length > max && max > 0 ? '; a GDSL parameter cannot hold a comma (ecoscore reads \\, as one)' : '';
      throw inputErrorAt(file, line, [], `${written} takes ${describeParams(spec)}, got ${params.length}${hint}`);
    }
    const name = canonicalCommand(written);
    if (name === 'measureStart' && params[0].trim() === '') throw inputErrorAt(file, line, [], `${written} needs a step name, e.g. measureStart,CHRGT_HOME`);
    tokens.push({ kind: 'cmd', name, params, line, ...(written !== name ? { written } : {}) });
  });
  return tokens;
}
