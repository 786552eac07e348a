/**
 * YAML/JSON input files with line numbers: parsing (syntax errors name the line) and turning a zod issue
 * into one sentence naming the file, the line and the field. Shared by journey and campaign files.
 */
import { isMap, isScalar, LineCounter, parseDocument, visit, type Document } from 'yaml';
import type { z } from 'zod';
import { InputError, inputErrorAt } from './input-error.js';

/** A parsed YAML (or JSON) document that can locate fields. */
export interface YamlInput {
  doc: Document;
  lineCounter: LineCounter;
  /** The plain data. */
  data: unknown;
  /** 1-based line of the node at `path` (or of its closest parent); with `isKey`, the key's line. */
  lineOf(path: PropertyKey[], isKey?: boolean): number | undefined;
  /**
   * The {@link InputError} of a zod issue: `file:line: field: message`. `hidden(path)` names the fields
   * whose value must not be echoed (secrets, values from the environment): it returns how to call the value
   * instead (`the value of ${env:X}`), or null when the value may be shown.
   */
  issueToError(issue: z.core.$ZodIssue, hidden?: HiddenValues): InputError;
}

/** Says whether the value at a path may be shown in a message: null if so, else what to call it. */
export type HiddenValues = (path: ReadonlyArray<PropertyKey>) => string | null;

/** How many aliases a document may expand (the `yaml` package's default; no input file needs more). */
export const MAX_YAML_ALIASES = 100;

/** Parses YAML or JSON text; a syntax error is an {@link InputError} naming the line. */
export function parseYamlInput(source: string, file: string): YamlInput {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const error = doc.errors[0];
    const line = lineCounter.linePos(error.pos[0]).line;
    const reason = error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
    throw new InputError(`${file}:${line}: syntax error: ${reason}`, file, line);
  }
  const lineOfPath = (path: PropertyKey[], isKey = false) => lineOf(doc, lineCounter, path, isKey);
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_YAML_ALIASES });
  } catch (error) {
    // Only alias expansion can fail here ("billion laughs"): name the line of the first alias.
    let line: number | undefined;
    visit(doc, {
      Alias(_, node) {
        if (node.range) line = lineCounter.linePos(node.range[0]).line;
        return visit.BREAK;
      },
    });
    const reason = /alias/i.test(String((error as Error).message)) ? `its aliases expand to more than ${MAX_YAML_ALIASES} copies (a YAML alias bomb?)` : String((error as Error).message).split('\n')[0];
    throw new InputError(`${file}${line ? `:${line}` : ''}: cannot be read: ${reason}`, file, line);
  }
  return {
    doc,
    lineCounter,
    data,
    lineOf: lineOfPath,
    issueToError: (issue, hidden) => issueToError(issue, file, lineOfPath, hidden),
  };
}

function issueToError(issue: z.core.$ZodIssue, file: string, lineOfPath: (path: PropertyKey[], isKey?: boolean) => number | undefined, hidden?: HiddenValues): InputError {
  let path: PropertyKey[] = [...issue.path];
  let message = issue.message;
  if (issue.code === 'unrecognized_keys') {
    path = [...path, issue.keys[0]];
    return inputErrorAt(file, lineOfPath(path, true), path, message);
  }
  const secret = hidden?.(path) ?? null;
  if (issue.code === 'invalid_type' && issue.input === undefined) message = 'is required';
  else if (issue.code === 'invalid_type') message = `expected ${issue.expected}, got ${secret === null ? describe(issue.input) : `${kindOf(issue.input)} (${secret}, not shown)`}`;
  else if (issue.code === 'invalid_value') message = `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
  else if (secret !== null && issue.input !== undefined && issue.input !== null && typeof issue.input !== 'object') {
    // A custom message may quote the value: say whose value it is instead.
    const raw = String(issue.input);
    message = raw === '' ? message : message.split(JSON.stringify(raw)).join(`(${secret})`).split(raw).join(`(${secret})`);
  }
  return inputErrorAt(file, lineOfPath(path), path, message);
}

function kindOf(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'null';
  if (typeof value === 'object') return 'a mapping';
  return typeof value;
}

function describe(value: unknown): string {
  return value !== null && typeof value !== 'object' ? `${typeof value} ${JSON.stringify(value)}` : kindOf(value);
}

/** 1-based line of the node at `path` (or of its closest existing parent); for a key, the key's line. */
function lineOf(doc: Document, lineCounter: LineCounter, path: PropertyKey[], isKey = false): number | undefined {
  for (let depth = path.length; depth >= 0; depth--) {
    const parentPath = path.slice(0, depth);
    if (isKey && depth === path.length) {
      const parent = doc.getIn(path.slice(0, -1), true);
      if (isMap(parent)) {
        const pair = parent.items.find((item) => isScalar(item.key) && item.key.value === path[path.length - 1]);
        const range = (pair?.key as { range?: [number, number, number] } | undefined)?.range;
        if (range) return lineCounter.linePos(range[0]).line;
      }
      continue;
    }
    const node = parentPath.length === 0 ? doc.contents : doc.getIn(parentPath, true);
    const range = (node as { range?: [number, number, number] } | null | undefined)?.range;
    if (range) return lineCounter.linePos(range[0]).line;
  }
  return undefined;
}
