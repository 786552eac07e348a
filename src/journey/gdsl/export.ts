/**
 * Journey → GDSL (`*.testgb`). `strict` (the default, and what `evidence/journey.testgb` is written with)
 * writes only commands a public Greenspector page attests (src/journey/gdsl/commands.ts) and fails with one
 * sentence naming the step and action that has none; `lenient` also writes ecoscore's extensions, each
 * under a `# ecoscore extension:` comment. Secrets never reach the output. Pure.
 */
import { parse as parseYaml } from 'yaml';
import { inputErrorAt } from '../../shared/input-error.js';
import { formatDurationMs } from '../duration.js';
import type { FileAction, FileJourney, JsonValue } from '../file-form.js';
import type { LoadedJourney } from '../load.js';
import { DEFAULT_ACTION_TIMEOUT_MS, DEFAULT_REFERENCE_DURATION_MS, type Action, type Journey, type Locator, type Step } from '../schema.js';
import type { Redactor } from '../secrets.js';
import { exportAction, itemsToActions, msParam, sameJson, strictProblem, type Ctx } from './actions.js';
import { isAttested } from './commands.js';
import { APP_ID_VARIABLE, COMMENT_ACTION, COMMENT_JOURNEY, COMMENT_STEP, commentText, measureBase, targetContext } from './conventions.js';
import { asRec, asStr, cmd, formatCmd, isRec, toGdslVariables, withoutEnvDefaults, type Cmd, type Item, type Rec } from './tokenize.js';

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
  /** `strict` (default): only attested commands, else an error; `lenient`: ecoscore's extensions too, each under a comment. */
  mode?: 'strict' | 'lenient';
  /** The journey file, named in strict-mode errors. */
  file?: string;
}

function locatorInput(locator: Locator): Record<string, JsonValue> {
  const out: Record<string, JsonValue> = {};
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
function actionInput(action: Action, raw: unknown, secretName: (value: string) => string): FileAction {
  const timeout: Record<string, JsonValue> = action.timeoutMs !== undefined ? { timeout: formatDurationMs(action.timeoutMs) } : {};
  let input: FileAction;
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
      const fill = asRec(input.fill) as Record<string, JsonValue>;
      input = { ...input, fill: { ...fill, value: `\${env:${secretName(action.value)}}`, secret: true } };
    }
  }
  return input;
}

function stepMeta(step: Step, raw: unknown): Record<string, JsonValue> {
  const meta: Record<string, JsonValue> = { name: step.name, type: step.type };
  if (step.critical) meta.critical = true;
  if (step.duration !== undefined) meta.duration = formatDurationMs(step.duration);
  if (step.timeout !== undefined) meta.timeout = formatDurationMs(step.timeout);
  if (step.mask !== undefined) meta.mask = step.mask;
  if (step.description !== undefined) meta.description = step.description;
  return overlayRaw(meta, raw);
}

function journeyMeta(journey: Journey, raw: unknown): Record<string, JsonValue> {
  const meta: Record<string, JsonValue> = { name: journey.name };
  if (journey.description !== undefined) meta.description = journey.description;
  meta.target = JSON.parse(JSON.stringify(journey.target)) as JsonValue;
  meta.device = journey.device;
  meta.network = journey.network;
  meta.iterations = journey.iterations;
  if (journey.timeout !== undefined) meta.timeout = formatDurationMs(journey.timeout);
  return overlayRaw(meta, raw);
}


interface ExportState {
  secrets: Map<string, number>;
  escapedComma: boolean;
  extensions: Set<string>;
  lenient: boolean;
}

/** The text of a command, under a `# ecoscore extension` comment when no public page attests it (lenient mode). */
function commandLines(command: Cmd, state: ExportState): string[] {
  if (command.params.some((p) => p.includes(','))) state.escapedComma = true;
  const text = formatCmd(command);
  if (isAttested(command.name)) return [text];
  state.extensions.add(command.name);
  return [`# ecoscore extension: ${command.name} is not attested by Greenspector's public pages (docs/gdsl.md)`, text];
}

/** Items of one step (commands, and `# ecoscore action` carries where the commands alone would not give the action back). */
function stepItems(inputs: FileAction[], ctx: Ctx): { items: Item[]; carryFirst: boolean } {
  const groups = inputs.map((input) => ({ input, commands: exportAction(input, ctx) }));
  const assemble = (carry: boolean[]): Item[] =>
    groups.flatMap((group, i): Item[] => [...(carry[i] ? [{ kind: 'carry' as const, action: group.input, line: 0 }] : []), ...group.commands]);
  let carry = groups.map((group) => !sameJson(itemsToActions(group.commands, ctx, '', []), [group.input]));
  let items = assemble(carry);
  if (!sameJson(itemsToActions(items, ctx, '', []), inputs)) {
    carry = groups.map(() => true);
    items = assemble(carry);
  }
  return { items, carryFirst: carry[0] ?? false };
}

function checkStrict(journey: Journey, stepIndex: number, inputs: FileAction[], ctx: Ctx, file: string): void {
  inputs.forEach((input, actionIndex) => {
    const problem = strictProblem(input, ctx);
    if (problem === undefined) return;
    const step = journey.steps[stepIndex];
    throw inputErrorAt(
      file,
      undefined,
      ['steps', stepIndex, 'actions', actionIndex],
      `step "${commentText(step.name)}", action ${commentText(JSON.stringify(input))} has no attested GDSL equivalent (${problem}); rewrite it, or export with --lenient to write ecoscore's extensions`,
    );
  });
}

function headerLines(journey: Journey, meta: Record<string, JsonValue>, target: ReturnType<typeof targetContext>, state: ExportState): string[] {
  const t = asRec(meta.target);
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
    state.lenient
      ? state.extensions.size > 0
        ? `# Lenient export: ${[...state.extensions].join(', ')} ${state.extensions.size === 1 ? 'is an ecoscore extension' : 'are ecoscore extensions'} that no public Greenspector page shows; check them before a measure on Greenspector's bench.`
        : '# Every command below is attested by a public Greenspector page (docs/gdsl.md).'
      : '# Strict export: every command below is attested by a public Greenspector page (docs/gdsl.md).',
  ];
  if (state.secrets.size > 0) {
    const names = [...state.secrets.values()].map((n) => `\${SECRET_${n}}`).join(', ');
    const one = state.secrets.size === 1;
    header.push(
      `# Secrets: ${names} ${one ? 'stands for a secret value' : 'stand for secret values'} typed by enterText; define ${one ? 'it as a GDSL variable' : 'them as GDSL variables'}. Secret values are never written here.`,
    );
  }
  if (state.escapedComma) header.push('# Warning: GDSL does not allow a comma inside a parameter; "\\," marks one here. Rephrase those lines before running them.');
  header.push('# Lines "# ecoscore …" let `ecoscore gdsl import` rebuild the journey exactly; GDSL ignores comments.');
  header.push(`# ${COMMENT_JOURNEY} ${JSON.stringify(meta)}`);
  return header;
}

/**
 * The journey as a GDSL script (`*.testgb`): a header, the target setup, and one
 * `measureStart,PREFIX_NAME` … `measureStop` block per step. Secrets never appear in it. Strict mode (the
 * default) throws an InputError naming the step and action that no attested command expresses.
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
  const state: ExportState = { secrets: new Map(), escapedComma: false, extensions: new Set(), lenient: options.mode === 'lenient' };
  const secretName = (value: string): string => {
    if (!state.secrets.has(value)) state.secrets.set(value, state.secrets.size + 1);
    return `SECRET_${state.secrets.get(value)}`;
  };
  const meta = journeyMeta(journey, raw);
  const target = targetContext(asRec(meta.target) as FileJourney['target']);
  const body: string[] = [];
  const push = (command: Cmd): void => void body.push(...commandLines(command, state));

  // Setup: a clean browser, or a killed app (Greenspector's "Write GDSL script" templates).
  const hasReference = journey.steps.some((step) => step.type === 'reference');
  if (target.web) {
    push(cmd('setBrowser', target.browserPackage));
    push(cmd(hasReference ? 'browserPrepareAndOpenForReference' : 'browserReset'));
  } else push(cmd('applicationKill', target.appId ?? APP_ID_VARIABLE));
  let appStarted = target.web || journey.steps.some((step) => (step.actions ?? []).some((action) => action.kind === 'launchApp'));

  const usedMeasures = new Set<string>();
  journey.steps.forEach((step, stepIndex) => {
    const rawStep = asRec(rawSteps[stepIndex]);
    if (!appStarted && step.type !== 'reference') {
      body.push('', '# The app is started when the session opens (the journey has no launchApp): un-measured here.');
      push(cmd('applicationStart', target.appId ?? APP_ID_VARIABLE));
      appStarted = true;
    }
    const ctx: Ctx = { appId: target.appId, baseUrl: target.baseUrl, waitTimeoutMs: step.timeout ?? journey.timeout ?? DEFAULT_ACTION_TIMEOUT_MS };
    const rawActions = Array.isArray(rawStep.actions) ? rawStep.actions : [];
    const inputs = (step.actions ?? []).map((action, i) => actionInput(action, rawActions[i], secretName));
    if (!state.lenient) checkStrict(journey, stepIndex, inputs, ctx, options.file ?? 'journey');
    const { items, carryFirst } = stepItems(inputs, ctx);
    // Greenspector writes the URL before measureStart and measures from pressEnter on.
    const hoisted = inputs[0] !== undefined && !carryFirst && asRec(inputs[0]).goto !== undefined ? (items.shift() as Cmd) : undefined;

    const sMeta = stepMeta(step, rawStep);
    const tail: Cmd[] = [];
    if (sMeta.duration !== undefined) tail.push(cmd('pause', msParam(sMeta.duration)));
    else if (step.type === 'reference') tail.push(cmd('pause', String(DEFAULT_REFERENCE_DURATION_MS)));

    const base = measureBase(step.name, step.type);
    let measure = base;
    for (let n = 2; usedMeasures.has(measure); n++) measure = `${base}_${n}`;
    usedMeasures.add(measure);

    body.push('', `# ${COMMENT_STEP} ${JSON.stringify(sMeta)}`);
    if (hoisted) push(hoisted);
    body.push(`measureStart,${measure}`);
    for (const item of [...items, ...tail]) {
      if (item.kind === 'cmd') push(item);
      else {
        body.push(`# ${COMMENT_ACTION} ${JSON.stringify(item.action)}`);
        if (exportAction(item.action, ctx).length === 0) body.push('# (no GDSL equivalent: left out)');
      }
    }
    body.push('measureStop');
  });
  if (!target.web) {
    body.push('');
    push(cmd('applicationKill', target.appId ?? APP_ID_VARIABLE));
  }

  const text = [...headerLines(journey, meta, target, state), ...body].join('\n') + '\n';
  return options.redactor ? options.redactor.redact(text) : text;
}

/** {@link exportGdsl} of a loaded journey, with its source and redactor so that no secret is written. */
export function exportLoadedJourneyGdsl(loaded: LoadedJourney, mode: 'strict' | 'lenient' = 'strict'): string {
  return exportGdsl(loaded.journey, { source: loaded.source, redactor: loaded.redactor, mode, file: loaded.file });
}
