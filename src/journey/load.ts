/**
 * Reads a journey file (YAML or JSON), interpolates `${env:NAME}` values, validates it with the zod
 * schema and turns every problem into one sentence naming the file, line and field. No message echoes a
 * secret: the value of a secret `fill` and any value that came from the environment are named, not shown.
 */
import { createHash } from 'node:crypto';
import { InputError, inputErrorAt } from '../shared/input-error.js';
import { readInputFile } from '../shared/input-file.js';
import { parseYamlInput, type HiddenValues, type YamlInput } from '../shared/yaml-input.js';
import { getDeviceProfile, getNetworkProfile } from '../profiles/index.js';
import { interpolate, malformedPlaceholder, placeholdersOf, stringsOf } from './placeholders.js';
import { redactedSource } from './redacted-source.js';
import { JourneySchema, type Journey } from './schema.js';
import { Redactor, registerSecrets } from './secrets.js';

export { typedVariable } from './placeholders.js';

/** A journey ready to run, with what is needed to keep its secrets out of every output. */
export interface LoadedJourney {
  journey: Journey;
  /** Path of the file as given. */
  file: string;
  /** sha256 of the file's bytes (which hold `${env:…}` placeholders, never the secrets themselves). */
  sha256: string;
  /**
   * The journey's text with its secrets replaced, rebuilt from the parsed document (see
   * journey/redacted-source.ts): placeholders by name, no `${env:…}` default, no secret `fill` value.
   */
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

/** Reads and validates a journey file. Throws {@link InputError} on any problem. */
export async function loadJourney(file: string, options: LoadJourneyOptions = {}): Promise<LoadedJourney> {
  return parseJourney(await readInputFile(file, 'journey file'), file, options);
}

const isPrefix = (prefix: ReadonlyArray<PropertyKey>, path: ReadonlyArray<PropertyKey>) =>
  prefix.length <= path.length && prefix.every((part, index) => String(part) === String(path[index]));

/** Paths of `fill` values that are secret in the raw document: `secret: true`, or typed from `${env:…}`. */
function secretFillPaths(raw: Record<string, unknown>): PropertyKey[][] {
  const paths: PropertyKey[][] = [];
  const steps = Array.isArray(raw.steps) ? raw.steps : [];
  for (const [stepIndex, step] of steps.entries()) {
    const actions = step && typeof step === 'object' && Array.isArray((step as { actions?: unknown }).actions) ? (step as { actions: unknown[] }).actions : [];
    for (const [actionIndex, action] of actions.entries()) {
      const fill = action && typeof action === 'object' ? (action as { fill?: unknown }).fill : undefined;
      if (!fill || typeof fill !== 'object') continue;
      const { value, secret } = fill as { value?: unknown; secret?: unknown };
      if (secret === true || (typeof value === 'string' && placeholdersOf(value).some((p) => p.kind === 'env'))) {
        paths.push(['steps', stepIndex, 'actions', actionIndex, 'fill', 'value']);
      }
    }
  }
  return paths;
}

/** Validates journey text (YAML or JSON). `file` is only used in messages. */
export function parseJourney(source: string, file: string, options: LoadJourneyOptions = {}): LoadedJourney {
  const env = options.env ?? process.env;
  const input = parseYamlInput(source, file);
  const raw = input.data;
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new InputError(`${file}:1: a journey file must be a mapping with name, target and steps`, file, 1);
  }
  for (const { path, text } of stringsOf(raw)) {
    const problem = malformedPlaceholder(text);
    if (problem) throw inputErrorAt(file, input.lineOf(path), path, problem);
  }

  const secrets: string[] = [];
  const defaults: string[] = [];
  const envPaths: { path: PropertyKey[]; names: string[] }[] = [];
  const fillPaths = secretFillPaths(raw as Record<string, unknown>);
  const vars = options.vars ?? {};
  const interpolated = interpolate(raw, [], (kind, name, fallback, path) => {
    if (kind === 'var') {
      const value = (Object.hasOwn(vars, name) ? vars[name] : undefined) ?? fallback;
      if (value === undefined) {
        const known = Object.keys(vars);
        throw inputErrorAt(file, input.lineOf(path), path, `variable ${name} is not defined${known.length ? ` (defined: ${known.join(', ')})` : ' (variables come from a campaign variant)'}`);
      }
      return value;
    }
    if (fallback !== undefined) defaults.push(fallback);
    const set = env[name];
    const value = (typeof set === 'string' ? set : undefined) ?? fallback ?? (options.allowMissingEnv ? `unset-env-${name}` : undefined);
    if (value === undefined) {
      throw inputErrorAt(file, input.lineOf(path), path, `environment variable ${name} is not set (write \${env:${name}:-default} to give a default)`);
    }
    const entry = envPaths.find((candidate) => isPrefix(candidate.path, path) && candidate.path.length === path.length);
    if (entry) entry.names.push(name);
    else envPaths.push({ path, names: [name] });
    secrets.push(value);
    return value;
  });
  for (const path of fillPaths) {
    const value = path.reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Record<PropertyKey, unknown>)[key] : undefined), interpolated);
    if (typeof value === 'string' || typeof value === 'number') secrets.push(String(value));
  }
  registerSecrets(secrets);

  const hidden: HiddenValues = (path) => {
    const fromEnv = envPaths.find((entry) => isPrefix(entry.path, path));
    if (fromEnv) return `the value of ${fromEnv.names.map((name) => `\${env:${name}}`).join(' and ')}`;
    return fillPaths.some((fill) => isPrefix(fill, path)) ? 'a secret value' : null;
  };
  const journey = validate(interpolated, input, file, hidden);
  // A value typed from the environment is a secret whether or not the file says so: masked, never written.
  for (const [stepIndex, step] of journey.steps.entries()) {
    for (const [actionIndex, action] of (step.actions ?? []).entries()) {
      if (action.kind !== 'fill') continue;
      if (fillPaths.some((path) => path[1] === stepIndex && path[3] === actionIndex)) action.secret = true;
      if (action.secret && !secrets.includes(action.value)) secrets.push(action.value);
    }
  }
  registerSecrets(secrets);
  return {
    journey,
    file,
    sha256: createHash('sha256').update(source).digest('hex'),
    source: redactedSource(input.doc, fillPaths, [...secrets, ...defaults]),
    redactor: new Redactor(secrets),
  };
}

/** The zod validation and the checks it cannot express; values named by `hidden` are never echoed. */
function validate(interpolated: unknown, input: YamlInput, file: string, hidden: HiddenValues): Journey {
  const parsed = JourneySchema.safeParse(interpolated, { reportInput: true });
  if (!parsed.success) throw input.issueToError(parsed.error.issues[0], hidden);
  const journey = parsed.data;
  for (const [field, get] of [['device', getDeviceProfile], ['network', getNetworkProfile]] as const) {
    const value = journey[field];
    if (value.endsWith('.json')) continue; // a custom profile file, read when the journey runs
    try {
      get(value);
    } catch (error) {
      const secret = hidden([field]);
      const message = secret === null ? (error as Error).message : `${secret} is not a known ${field} profile id`;
      throw inputErrorAt(file, input.lineOf([field]), [field], message);
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
  return journey;
}
