/**
 * Reads a journey file (YAML or JSON), interpolates `${env:NAME}` values, validates it with the zod
 * schema and turns every problem into one sentence naming the file, line and field.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { InputError, inputErrorAt } from '../shared/input-error.js';
import { parseYamlInput } from '../shared/yaml-input.js';
import { getDeviceProfile, getNetworkProfile } from '../profiles/index.js';
import { JourneySchema, type Journey } from './schema.js';
import { Redactor } from './secrets.js';

/** A journey ready to run, with what is needed to keep its secrets out of every output. */
export interface LoadedJourney {
  journey: Journey;
  /** Path of the file as given. */
  file: string;
  /** sha256 of the file's bytes (which hold `${env:…}` placeholders, never the secrets themselves). */
  sha256: string;
  /** The file's text as written (placeholders, not values). */
  source: string;
  /** Hides env values and `secret: true` values. */
  redactor: Redactor;
}

/** Options of {@link loadJourney} / {@link parseJourney}. */
export interface LoadJourneyOptions {
  /** Environment used for `${env:NAME}` (default: `process.env`). */
  env?: Record<string, string | undefined>;
  /**
   * Accept unset variables without a default (for commands that never type the values, such as
   * `gdsl export`): they get a placeholder value, which is treated as a secret.
   */
  allowMissingEnv?: boolean;
  /**
   * Values of `${var:NAME}` placeholders (campaign variants: base URL, branding…). A string that is only
   * a placeholder takes the variable's type (`heavyHome: "${var:HEAVY}"` with `HEAVY: true` gives a
   * boolean). Variables are not secrets.
   */
  vars?: Record<string, string | number | boolean>;
}

const PLACEHOLDER_PATTERN = /\$\{(env|var):([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?\}/g;
const WHOLE_VAR_PATTERN = /^\$\{var:([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?\}$/;

/** A variable's text as a typed value: `true`/`false` → boolean, a number → number, else the text. */
export function typedVariable(text: string): string | number | boolean {
  if (text === 'true' || text === 'false') return text === 'true';
  if (/^-?\d+(\.\d+)?$/.test(text)) return Number(text);
  return text;
}

/** Reads and validates a journey file. Throws {@link InputError} on any problem. */
export async function loadJourney(file: string, options: LoadJourneyOptions = {}): Promise<LoadedJourney> {
  let source: string;
  try {
    source = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(`${file}: cannot read the journey file (${code === 'ENOENT' ? 'no such file' : code ?? String(error)})`, file);
  }
  return parseJourney(source, file, options);
}

/** Validates journey text (YAML or JSON). `file` is only used in messages. */
export function parseJourney(source: string, file: string, options: LoadJourneyOptions = {}): LoadedJourney {
  const env = options.env ?? process.env;
  const input = parseYamlInput(source, file);
  const raw = input.data;
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new InputError(`${file}:1: a journey file must be a mapping with name, target and steps`, file, 1);
  }

  const secrets: string[] = [];
  const vars = options.vars ?? {};
  const interpolated = interpolate(raw, [], (kind, name, fallback, path) => {
    if (kind === 'var') {
      const value = vars[name] ?? fallback;
      if (value === undefined) {
        const known = Object.keys(vars);
        throw inputErrorAt(file, input.lineOf(path), path, `variable ${name} is not defined${known.length ? ` (defined: ${known.join(', ')})` : ' (variables come from a campaign variant)'}`);
      }
      return value;
    }
    const value = env[name] ?? fallback ?? (options.allowMissingEnv ? `unset-env-${name}` : undefined);
    if (value === undefined) {
      throw inputErrorAt(file, input.lineOf(path), path, `environment variable ${name} is not set (write \${env:${name}:-default} to give a default)`);
    }
    secrets.push(value);
    return value;
  });

  const parsed = JourneySchema.safeParse(interpolated, { reportInput: true });
  if (!parsed.success) throw input.issueToError(parsed.error.issues[0]);
  const journey = parsed.data;
  for (const [field, get] of [['device', getDeviceProfile], ['network', getNetworkProfile]] as const) {
    const value = journey[field];
    if (value.endsWith('.json')) continue; // a custom profile file, read when the journey runs
    try {
      get(value);
    } catch (error) {
      throw inputErrorAt(file, input.lineOf([field]), [field], (error as Error).message);
    }
  }
  if (journey.target.platform === 'web') {
    for (const [stepIndex, step] of journey.steps.entries()) {
      if (step.type === 'background') {
        throw inputErrorAt(file, input.lineOf(['steps', stepIndex, 'type']), ['steps', stepIndex, 'type'], 'background steps exist only on mobile targets');
      }
      for (const [actionIndex, action] of (step.actions ?? []).entries()) {
        if (action.kind === 'launchApp' || action.kind === 'closeApp' || action.kind === 'background') {
          const path = ['steps', stepIndex, 'actions', actionIndex, action.kind];
          throw inputErrorAt(file, input.lineOf(path), path, `${action.kind} is a mobile action; web targets cannot perform it`);
        }
      }
    }
  }
  for (const step of journey.steps) {
    for (const action of step.actions ?? []) if (action.kind === 'fill' && action.secret) secrets.push(action.value);
  }
  return {
    journey,
    file,
    sha256: createHash('sha256').update(source).digest('hex'),
    source,
    redactor: new Redactor(secrets),
  };
}

type Resolve = (kind: 'env' | 'var', name: string, fallback: string | undefined, path: PropertyKey[]) => string | number | boolean;

function interpolate(value: unknown, path: PropertyKey[], resolve: Resolve): unknown {
  if (typeof value === 'string') {
    const whole = WHOLE_VAR_PATTERN.exec(value);
    if (whole) {
      const resolved = resolve('var', whole[1], whole[2], path);
      return typeof resolved === 'string' && whole[2] !== undefined && resolved === whole[2] ? typedVariable(resolved) : resolved;
    }
    return value.replace(PLACEHOLDER_PATTERN, (_, kind: 'env' | 'var', name: string, fallback?: string) => String(resolve(kind, name, fallback, path)));
  }
  if (Array.isArray(value)) return value.map((item, index) => interpolate(item, [...path, index], resolve));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, interpolate(item, [...path, key], resolve)]));
  }
  return value;
}
