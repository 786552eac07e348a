/**
 * GDSL → journey (file form), second half: measured blocks → steps and actions, journey fields from the
 * round-trip comments or guessed, and the YAML (written with the `yaml` Document API). A script that asks
 * for a browser ecoscore does not run (Firefox…) is imported with a note and a `description` saying that
 * the figures will be Chromium's. Pure.
 */
import { DEFAULT_ACTION_TIMEOUT_MS, DEFAULT_REFERENCE_DURATION_MS, type StepType } from '../schema.js';
import { formatDurationMs, parseDurationMs } from '../duration.js';
import type { FileJourney, FileStep } from '../file-form.js';
import { journeyYaml } from '../yaml-output.js';
import { itemsToActions, type Ctx } from './actions.js';
import { SETUP_COMMANDS, targetContext } from './conventions.js';
import { foreignBrowser, guessTarget, humanName, metaMatches, readBlocks, typeFromMeasure, type Block } from './import-blocks.js';
import { asRec, asStr, isRec, type Rec } from './tokenize.js';

/** What {@link importGdslDetailed} returns: the journey and what the reader should know about it. */
export interface GdslImport {
  journey: FileJourney;
  /** One sentence each, `file:line: …`: approximations, commands moved into a step, comments ignored, a browser ecoscore does not run. */
  notes: string[];
  /** A browser package the script asks for that ecoscore does not run (it measures in Chromium), if any. */
  foreignBrowser?: string;
}

interface StepContext {
  file: string;
  notes: string[];
  web: boolean;
  appId?: string;
  baseUrl?: string;
  journeyTimeout?: string;
  usedNames: Set<string>;
  sawLoad: boolean;
}

/** Type and name of a block: from its `# ecoscore step` comment, else from the measure name's prefix. */
function typeAndName(block: Block, meta: Rec | undefined, sc: StepContext): { type: StepType; name: string } {
  let type: StepType;
  let stepName: string;
  if (meta) {
    type = meta.type as StepType;
    stepName = meta.name as string;
  } else {
    const fromMeasure = typeFromMeasure(block.measure);
    if (!fromMeasure) sc.notes.push(`${sc.file}:${block.line}: ${block.measure} has no step prefix (CHRGT_, ACTION_, SCROLL_, PAUSE_); imported as an action step`);
    type = fromMeasure?.type ?? 'action';
    if (type === 'load' && !sc.sawLoad) type = 'first-load';
    if (type === 'background' && sc.web) type = 'pause';
    stepName = humanName(fromMeasure?.rest || block.measure) || block.measure;
  }
  if (type === 'first-load' || type === 'load') sc.sawLoad = true;
  let unique = stepName;
  for (let n = 2; sc.usedNames.has(unique); n++) unique = `${stepName} (${n})`;
  sc.usedNames.add(unique);
  return { type, name: unique };
}

function blockToStep(block: Block, sc: StepContext): FileStep {
  const { file, notes } = sc;
  const meta = block.meta && metaMatches(block.measure, block.meta) ? block.meta : undefined;
  if (block.meta && !meta) notes.push(`${file}:${block.line}: the "# ecoscore step" comment does not match measureStart,${block.measure}; the step was read from its name`);
  let { type, name: unique } = typeAndName(block, meta, sc);
  const stepTimeout = typeof meta?.timeout === 'string' ? meta.timeout : undefined;
  const ctx: Ctx = {
    appId: sc.appId,
    baseUrl: sc.baseUrl,
    waitTimeoutMs: parseDurationMs(stepTimeout ?? '') ?? parseDurationMs(sc.journeyTimeout ?? '') ?? DEFAULT_ACTION_TIMEOUT_MS,
  };
  const actions = itemsToActions(block.items, ctx, file, notes).filter((action) => {
    if (sc.web && (action === 'launchApp' || action === 'closeApp')) {
      notes.push(`${file}:${block.line}: application start/stop in step ${block.measure} left out (a web target opens the browser itself)`);
      return false;
    }
    return true;
  });

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

  const step: FileStep = { name: unique, type };
  if (meta?.critical === true) step.critical = true;
  if (duration !== undefined) step.duration = duration;
  if (stepTimeout !== undefined) step.timeout = stepTimeout;
  if (Array.isArray(meta?.mask)) step.mask = meta.mask.map(asStr);
  if (typeof meta?.description === 'string') step.description = meta.description;
  if (actions.length > 0) step.actions = actions;
  return step;
}

/**
 * Reads a GDSL script into a journey (plain data, the journey file form) and notes on what was
 * approximated. Throws an InputError naming the file and line on an unknown command, a wrong parameter
 * count, a control character or unbalanced measureStart/measureStop.
 */
export function importGdslDetailed(text: string, file: string): GdslImport {
  const notes: string[] = [];
  const read = readBlocks(text, file, notes);
  const journeyMetaValue = read.journeyMeta;
  let target: FileJourney['target'];
  if (journeyMetaValue && isRec(journeyMetaValue.target)) target = journeyMetaValue.target as FileJourney['target'];
  else {
    const guessed = guessTarget(read.allCommands.filter((c) => !SETUP_COMMANDS.has(c.name)), file);
    target = guessed.target;
    notes.push(...guessed.notes);
  }
  const context = targetContext(target);
  const m = journeyMetaValue ?? {};
  const journeyTimeout = typeof m.timeout === 'string' ? m.timeout : undefined;
  const fileName = file.split(/[\\/]/).pop() ?? file;
  const name = typeof m.name === 'string' ? m.name : read.headerName ?? fileName.replace(/\.[^.]*$/, '');
  const browser = foreignBrowser(read.setupCommands);
  let description = typeof m.description === 'string' ? m.description : undefined;
  if (browser) {
    const warning = `the GDSL script asks for the browser ${browser.browserPackage}, which ecoscore does not run: it measures this journey in Chromium, so its figures are Chromium's, not that browser's`;
    notes.push(`${file}:${browser.line}: ${warning}`);
    description = `${description ? `${description} ` : ''}Imported from GDSL: ${warning}.`;
  }
  // Key order of a journey file: name, description, target, device, network, iterations, timeout, steps.
  const journey: FileJourney = {
    name,
    ...(description !== undefined ? { description } : {}),
    target,
    ...(typeof m.device === 'string' ? { device: m.device } : {}),
    ...(typeof m.network === 'string' ? { network: m.network } : {}),
    ...(typeof m.iterations === 'number' ? { iterations: m.iterations } : {}),
    ...(journeyTimeout !== undefined ? { timeout: journeyTimeout } : {}),
    steps: [],
  };
  const sc: StepContext = { file, notes, web: context.web, appId: context.appId, baseUrl: context.baseUrl, journeyTimeout, usedNames: new Set(), sawLoad: false };
  for (const block of read.blocks) journey.steps.push(blockToStep(block, sc));
  return { journey, notes, ...(browser ? { foreignBrowser: browser.browserPackage } : {}) };
}

/** Reads a GDSL script into a journey (plain data ready for YAML). See {@link importGdslDetailed}. */
export function importGdsl(text: string, file: string): FileJourney {
  return importGdslDetailed(text, file).journey;
}

/**
 * A GDSL script as journey YAML, with a header comment (environment variables to set, notes). It
 * validates with `parseJourney` once the `${env:…}` variables it uses (e.g. `SECRET_1`) are set. Built
 * with the `yaml` Document API: no file name, value or note can add a key.
 */
export function importGdslToYaml(text: string, file: string): string {
  const { journey, notes } = importGdslDetailed(text, file);
  const fileName = file.split(/[\\/]/).pop() ?? file;
  const variables = [...new Set([...JSON.stringify(journey).matchAll(/\$\{env:([A-Za-z_][A-Za-z0-9_]*)/g)].map((match) => match[1]))];
  const header = [`Journey imported from ${fileName} by \`ecoscore gdsl import\` (GDSL → journey). Check it with \`ecoscore validate\`.`];
  if (variables.length > 0) header.push(`GDSL variables became environment variables; set them before running it: ${variables.join(', ')}.`);
  const hasSecret = journey.steps.some((step) => (step.actions ?? []).some((action) => isRec(action) && asRec(action.fill).secret === true));
  if (hasSecret) header.push('Text typed from a variable is marked secret: true: it is never written to results, logs or screenshots.');
  for (const note of notes) header.push(`Note: ${note}`);
  return journeyYaml(journey, header);
}

