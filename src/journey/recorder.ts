/**
 * Chrome DevTools Recorder export (the JSON of the Recorder panel) → journey file form. The recording is
 * parsed and validated by `@puppeteer/replay` (`parseStep`, `parse`), never by hand.
 *
 * Steps of the journey: a `reference` step first; each `navigate` opens a `load` step (the first one
 * `first-load`); the clicks, changes and key presses between two navigations or two assertions
 * (`waitForElement`, `waitForExpression`) form one step, ended by the assertion: a `load` step when one of
 * its actions made the page navigate (the Recorder's `assertedEvents`), else an `action` step; leading
 * scrolls form a `scroll` step of their own; a pause (the schema's own
 * `new Promise(resolve => setTimeout(() => resolve(true), MS))` expression) is a `pause` step.
 * `setViewport` picks the closest device profile. Text typed into a password field becomes
 * `${env:RECORDING_SECRET_n}` with `secret: true`, and a note says which variable to set.
 *
 * Pure: text in, plain data and notes out. Steps ecoscore cannot replay faithfully (customStep, hover,
 * doubleClick, frames, other tabs) are an InputError naming the step index.
 */
import { parse, parseStep, StepType, type Schema } from '@puppeteer/replay';
import { inputErrorAt } from '../shared/input-error.js';
import { parseYamlInput } from '../shared/yaml-input.js';
import { listDeviceProfiles } from '../profiles/index.js';
import { formatDurationMs } from './duration.js';
import type { FileAction, FileJourney, FileStep } from './file-form.js';
import { locatorName, locatorOf, looksLikePasswordField, sameTarget, type FileLocator, type LocatorUse } from './recorder-selectors.js';
import { journeyYaml } from './yaml-output.js';

/** Options of {@link importRecording}. */
export interface RecorderImportOptions {
  /** Measure another address than the recorded one: `demo` (the embedded demo app) or an origin such as `https://staging.example.org`. */
  target?: string;
  /** Duration of the reference step added first (default `10s`). */
  referenceDuration?: string;
}

/** What {@link importRecording} returns. */
export interface RecorderImport {
  journey: FileJourney;
  /** One sentence each: what was approximated or left out, and which variables to set. */
  notes: string[];
  /** Environment variables the journey reads (secrets typed into password fields). */
  variables: string[];
}

/** Recorder step types ecoscore cannot replay faithfully; importing them is an error. */
const UNSUPPORTED: Partial<Record<StepType, string>> = {
  [StepType.CustomStep]: 'a custom step runs code of a Recorder extension, which ecoscore does not have',
  [StepType.Hover]: 'ecoscore journeys have no hover action',
  [StepType.DoubleClick]: 'ecoscore journeys have no double-click action',
};

const PAUSE_EXPRESSION = /^\s*new\s+Promise\s*\(\s*\(?\s*(\w+)\s*\)?\s*=>\s*setTimeout\s*\(\s*\(\s*\)\s*=>\s*\1\s*\(\s*true\s*\)\s*,\s*(\d+)\s*\)\s*\)\s*;?\s*$/;

interface Group {
  actions: FileAction[];
  /** Leading scroll actions, kept apart: they become a scroll step. */
  scrolls: FileAction[];
  navigated: boolean;
  /** Title of the last page it navigated to (the Recorder's asserted navigation event). */
  title?: string;
  /** Name hints: the first clicked or filled element. */
  hint?: string;
}

const emptyGroup = (): Group => ({ actions: [], scrolls: [], navigated: false });

function navigates(step: Schema.Step): boolean {
  return (step.assertedEvents ?? []).some((event) => event.type === 'navigation');
}

function navigationTitle(step: Schema.Step): string | undefined {
  return step.assertedEvents?.find((event) => event.type === 'navigation' && event.title)?.title;
}

/** The device profile closest to a recorded viewport: same kind (phone or not), then nearest width and height. */
export function closestDeviceProfile(viewport: { width: number; height: number; isMobile: boolean }): string {
  const scored = listDeviceProfiles().map((profile) => ({
    id: profile.id,
    score:
      (profile.isMobile === viewport.isMobile ? 0 : 1e6) +
      Math.abs(profile.viewport.width - viewport.width) +
      Math.abs(profile.viewport.height - viewport.height) / 2,
  }));
  scored.sort((a, b) => a.score - b.score);
  return scored[0].id;
}

class Importer {
  readonly steps: FileStep[] = [];
  readonly notes: string[] = [];
  readonly variables: string[] = [];
  /** Secret values typed so far → their variable (the same password typed twice is one variable). */
  private secrets = new Map<string, string>();
  private group = emptyGroup();
  private openLoad: FileStep | undefined;
  private origin: string | undefined;
  private scrollY = 0;
  private names = new Set<string>();

  constructor(
    private readonly file: string,
    private readonly lineOf: (index: number) => number | undefined,
    private readonly targetOrigin: string | undefined,
  ) {}

  fail(index: number, message: string): never {
    throw inputErrorAt(this.file, this.lineOf(index), ['steps', index], message);
  }

  note(index: number, message: string): void {
    const line = this.lineOf(index);
    this.notes.push(`${this.file}${line !== undefined ? `:${line}` : ''}: steps[${index}]: ${message}`);
  }

  uniqueName(base: string): string {
    const clean = base.replace(/\s+/g, ' ').trim() || 'step';
    let name = clean;
    for (let n = 2; this.names.has(name); n++) name = `${clean} (${n})`;
    this.names.add(name);
    return name;
  }

  push(step: FileStep): FileStep {
    this.names.add(step.name);
    this.steps.push(step);
    return step;
  }

  /** The locator of a step's target, or an error naming the step. */
  locate(step: Schema.StepWithSelectors, index: number, use: LocatorUse) {
    const locator = locatorOf(step.selectors, use);
    if (!locator) this.fail(index, 'none of its selectors can be written as an ecoscore locator (aria, text, CSS or XPath)');
    return locator;
  }

  url(raw: string, index: number): { goto: string; origin?: string } {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      this.fail(index, `"${raw}" is not an absolute URL`);
    }
    const path = `${url.pathname}${url.search}${url.hash}`;
    if (this.origin === undefined) return { goto: path, origin: url.origin };
    return { goto: url.origin === this.origin ? path : url.href };
  }

  /** Flushes the actions gathered since the last boundary into steps, `wait` (an assertion) ending them. */
  flush(wait?: FileAction, waitName?: string): void {
    const group = this.group;
    this.group = emptyGroup();
    if (group.scrolls.length > 0) {
      const onlyScrolls = group.actions.length === 0;
      this.push({
        name: this.uniqueName('scroll'),
        type: 'scroll',
        actions: onlyScrolls && wait ? [...group.scrolls, wait] : group.scrolls,
      });
      if (onlyScrolls) return;
    }
    if (group.actions.length === 0) {
      if (wait) {
        const last = this.steps[this.steps.length - 1];
        if (last && last.type !== 'reference' && last.type !== 'pause') last.actions = [...(last.actions ?? []), wait];
      }
      return;
    }
    const actions = wait ? [...group.actions, wait] : group.actions;
    const type = group.navigated ? 'load' : 'action';
    this.push({ name: this.uniqueName(group.title ?? waitName ?? group.hint ?? type), type, actions });
  }

  userAction(step: Schema.UserStep, index: number, next: Schema.Step | undefined): void {
    this.openLoad = undefined;
    const group = this.group;
    const add = (action: FileAction, hint?: string): void => {
      if (action && typeof action === 'object' && 'scroll' in action && group.actions.length === 0) group.scrolls.push(action);
      else group.actions.push(action);
      if (hint && group.hint === undefined) group.hint = hint;
    };
    switch (step.type) {
      case StepType.Click: {
        // The Recorder clicks a field before it records the change: the fill focuses it itself.
        if (next?.type === StepType.Change && sameTarget(step.selectors, next.selectors)) break;
        const locator = this.locate(step, index, 'click');
        add({ click: locator }, locatorName(locator));
        break;
      }
      case StepType.Change: {
        const locator = this.locate(step, index, 'fill');
        if (looksLikePasswordField(step.selectors)) {
          let variable = this.secrets.get(step.value);
          if (variable === undefined) {
            variable = `RECORDING_SECRET_${this.variables.length + 1}`;
            this.secrets.set(step.value, variable);
            this.variables.push(variable);
            this.note(index, `the text typed into the password field ${locatorName(locator)} is not kept: set the environment variable ${variable} to it before running the journey`);
          }
          add({ fill: { ...locator, value: `\${env:${variable}}`, secret: true } }, locatorName(locator));
        } else add({ fill: { ...locator, value: step.value } }, locatorName(locator));
        break;
      }
      case StepType.KeyDown:
        add({ press: step.key === '\r' || step.key === '\n' ? 'Enter' : step.key });
        break;
      case StepType.KeyUp:
        break; // the press above is a key down and up
      case StepType.Scroll: {
        if ('selectors' in step && step.selectors) {
          add({ scroll: this.locate(step, index, 'scroll') });
          break;
        }
        const y = step.y ?? 0;
        const by = y - this.scrollY;
        this.scrollY = y;
        if ((step.x ?? 0) !== 0) this.note(index, 'the horizontal scroll position is not kept (journeys scroll vertically)');
        if (by !== 0) add({ scroll: { by } });
        break;
      }
      default:
        break;
    }
    if (navigates(step)) {
      group.navigated = true;
      group.title = navigationTitle(step) ?? group.title;
      this.scrollY = 0;
    }
  }

  navigate(step: Schema.NavigateStep, index: number): void {
    this.flush();
    const { goto, origin } = this.url(step.url, index);
    if (origin !== undefined) this.origin = origin;
    const title = navigationTitle(step);
    const first = !this.steps.some((s) => s.type === 'first-load' || s.type === 'load');
    this.openLoad = this.push({ name: this.uniqueName(title || `load ${goto}`), type: first ? 'first-load' : 'load', actions: [{ goto }] });
    this.scrollY = 0;
  }

  waitFor(step: Schema.AssertionStep, index: number): void {
    let wait: FileAction;
    let name: string | undefined;
    if (step.type === StepType.WaitForExpression) {
      const pause = PAUSE_EXPRESSION.exec(step.expression);
      if (pause) {
        this.flush();
        this.openLoad = undefined;
        this.push({ name: this.uniqueName('pause'), type: 'pause', duration: formatDurationMs(Number(pause[2])) });
        return;
      }
      this.note(index, 'waitForExpression runs JavaScript, which ecoscore never takes from a journey file: it waits for the network to be idle instead');
      wait = { waitFor: { networkIdle: true } };
    } else {
      const locator = this.locate(step, index, 'waitFor');
      const presence = (step.count ?? 1) === 1 && ['==', '>='].includes(step.operator ?? '==');
      if (!presence || step.attributes || step.properties) {
        this.note(index, 'only the presence of the element is waited for (count, operator, attributes and properties are not kept)');
      }
      const waitFor: FileLocator = { ...locator };
      if (step.visible === false) waitFor.gone = true;
      if (step.timeout !== undefined) waitFor.timeout = formatDurationMs(step.timeout);
      wait = { waitFor };
      name = locatorName(locator);
    }
    if (this.openLoad) {
      this.openLoad.actions = [...(this.openLoad.actions ?? []), wait];
      return;
    }
    this.flush(wait, name);
  }

  visit(step: Schema.Step, index: number, next: Schema.Step | undefined): void {
    const why = UNSUPPORTED[step.type];
    if (why) this.fail(index, `${step.type} is not supported: ${why}`);
    if (step.target !== undefined && step.target !== 'main') this.fail(index, `the step acts on another tab or window ("${step.target}"); journeys measure one page`);
    if ('frame' in step && Array.isArray(step.frame) && step.frame.length > 0) this.fail(index, 'the step acts inside a frame (iframe), which journeys do not support');
    switch (step.type) {
      case StepType.Navigate:
        return this.navigate(step, index);
      case StepType.WaitForElement:
      case StepType.WaitForExpression:
        return this.waitFor(step, index);
      case StepType.SetViewport:
      case StepType.Close:
        return;
      case StepType.EmulateNetworkConditions:
        return this.note(index, 'emulated network conditions are not kept: choose a network profile with `network:` or --network');
      default:
        return this.userAction(step, index, next);
    }
  }

  target(): FileJourney['target'] {
    if (this.targetOrigin === 'demo') return { platform: 'web', url: 'demo' };
    const origin = this.targetOrigin ?? this.origin;
    if (origin === undefined) throw inputErrorAt(this.file, undefined, ['steps'], 'the recording never navigates: it needs a navigate step (the Recorder records the first page as one)');
    return { platform: 'web', url: origin };
  }
}

function device(flow: Schema.UserFlow, importer: Importer): string | undefined {
  const viewports = flow.steps
    .map((step, index) => ({ step, index }))
    .filter((entry): entry is { step: Schema.SetViewportStep; index: number } => entry.step.type === StepType.SetViewport);
  if (viewports.length === 0) return undefined;
  const [{ step }] = viewports;
  const id = closestDeviceProfile(step);
  importer.notes.push(`${step.width}×${step.height} viewport${step.isMobile ? ' (mobile)' : ''} recorded: device profile ${id}, the closest one`);
  if (viewports.length > 1) importer.note(viewports[1].index, 'a journey has one device: later viewport changes are not kept');
  return id;
}

/**
 * Reads a Chrome DevTools Recorder export into a journey (file form) and notes. Throws an InputError
 * naming the file, line and step on bad JSON, a step `@puppeteer/replay` rejects, or a step ecoscore
 * cannot replay.
 */
export function importRecording(text: string, file: string, options: RecorderImportOptions = {}): RecorderImport {
  const input = parseYamlInput(text, file);
  const data = input.data as { steps?: unknown };
  const lineOf = (index: number): number | undefined => input.lineOf(['steps', index]);
  if (data === null || typeof data !== 'object' || !Array.isArray(data.steps)) {
    throw inputErrorAt(file, input.lineOf([]), ['steps'], 'is required: a Chrome DevTools Recorder export is a JSON object with a `steps` list');
  }
  data.steps.forEach((raw, index) => {
    try {
      parseStep(raw, index);
    } catch (error) {
      throw inputErrorAt(file, lineOf(index), ['steps', index], `${(error as Error).message.replace(/\.$/, '')} (@puppeteer/replay)`);
    }
  });
  let flow: Schema.UserFlow;
  try {
    flow = parse(data);
  } catch (error) {
    throw inputErrorAt(file, input.lineOf([]), [], `not a Chrome DevTools Recorder export: ${(error as Error).message.replace(/\.$/, '')}`);
  }
  const targetOrigin = options.target === undefined || options.target === 'demo' ? options.target : new URL(options.target).origin;
  const importer = new Importer(file, lineOf, targetOrigin);
  importer.push({ name: 'reference', type: 'reference', duration: options.referenceDuration ?? '10s' });
  const deviceId = device(flow, importer);
  flow.steps.forEach((step, index) => importer.visit(step, index, flow.steps[index + 1]));
  importer.flush();
  const journey: FileJourney = {
    name: flow.title,
    target: importer.target(),
    ...(deviceId ? { device: deviceId } : {}),
    ...(flow.timeout !== undefined ? { timeout: formatDurationMs(flow.timeout) } : {}),
    steps: importer.steps,
  };
  return { journey, notes: importer.notes, variables: importer.variables };
}

/** {@link importRecording} as journey YAML with a header comment (where it came from, variables to set, notes). */
export function importRecordingToYaml(text: string, file: string, options: RecorderImportOptions = {}): string {
  const { journey, notes, variables } = importRecording(text, file, options);
  const fileName = file.split(/[\\/]/).pop() ?? file;
  const header = [`Journey imported from the Chrome DevTools Recorder export ${fileName} by \`ecoscore import recorder\`. Check it with \`ecoscore validate\`.`];
  if (variables.length > 0) header.push(`Set these environment variables before running it (the secrets typed into password fields): ${variables.join(', ')}.`);
  for (const note of notes) header.push(`Note: ${note}`);
  return journeyYaml(journey, header);
}
