/**
 * `ecoscore run <file...>`: journeys and campaign files. Everything is validated before the first
 * measure (bad input: exit code 2, nothing run); then each file runs in turn. Ctrl-C finishes the
 * current step, writes what was measured and exits 1; a second Ctrl-C quits at once.
 */
import { basename, extname, join } from 'node:path';
import { runCampaign, type CampaignEvent } from '../run/campaign.js';
import { loadCampaign, looksLikeCampaign, type LoadedCampaign } from '../run/campaign-file.js';
import { runJourney, type RunEvent, type RunOptions } from '../run/journey.js';
import { CONSTRAINED_DEVICE, CONSTRAINED_DIR, CONSTRAINED_NETWORK, runConstrainedReplay } from '../run/constrained.js';
import { loadJourney, typedVariable, type LoadedJourney } from '../journey/load.js';
import { resolveProfiles } from '../journey/profiles.js';
import { loadScoringProfile } from '../journey/scoring-file.js';
import type { GridRegion } from '../profiles/footprint/index.js';
import type { CampaignIndex } from '../result/campaign.js';
import type { Result } from '../model/result.js';
import { budgetScopeProblems, checkBudget, loadBudget, type Budget } from '../result/budget.js';
import { appendHistory } from '../output/history-file.js';
import { historyEntry } from '../result/history.js';
import { scoreText } from '../report/grade-view.js';
import { InputError } from '../shared/input-error.js';
import { readInputFile } from '../shared/input-file.js';
import { assertNotAnInput } from '../shared/safe-path.js';
import { slugify } from '../shared/text.js';
import { parseYamlInput } from '../shared/yaml-input.js';
import { createProgress } from './progress.js';
import { renderCampaignSummary, renderSummary } from './summary.js';
import type { CliIo } from './io.js';

/** Flags of `ecoscore run`. */
export interface RunFlags {
  out?: string;
  iterations?: number;
  device?: string;
  network?: string;
  browserEndpoint?: string;
  headed?: boolean;
  /** --lighthouse: a Lighthouse pass after the measured iterations. */
  lighthouse?: boolean;
  /** --constrained: a replay on the entry-level phone over 3G after the measured run (DEV.1.4). */
  constrained?: boolean;
  quiet?: boolean;
  grid: GridRegion;
  scoring?: string;
  untilStable?: boolean;
  maxIterations: number;
  cvThreshold: number;
  users?: number;
  journeysPerUser?: number;
  workers: number;
  shard?: { index: number; total: number };
  resume?: boolean;
  /** False with --no-reports. */
  reports?: boolean;
  budget?: string;
  /** `NAME=VALUE` values of `${var:NAME}` (repeatable). */
  var?: string[];
  /** History file, or false with --no-history. */
  history: string | false;
}

/** Hooks the CLI gives the command (report writing). */
export interface RunHooks {
  /** Writes the reports of one result in its folder; returns the report file to print, if any. */
  writeReports?: (result: Result, outDir: string) => Promise<string | null>;
  /** Writes a campaign's index pages beside its campaign.json. */
  writeCampaignPages?: (index: CampaignIndex, outDir: string) => Promise<void>;
}

function timestamp(date = new Date()): string {
  return date.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
}

/** Default output folder of a journey: `reports/<journey-file>/<yyyymmdd-hhmmss>`. */
export function defaultOutDir(journeyFile: string, date = new Date()): string {
  return join('reports', slugify(basename(journeyFile, extname(journeyFile))), timestamp(date));
}

/** `--var NAME=VALUE` flags as typed variables. */
export function parseVars(flags: string[] | undefined): Record<string, string | number | boolean> {
  const vars = Object.create(null) as Record<string, string | number | boolean>;
  for (const flag of flags ?? []) {
    const match = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(flag);
    if (!match) throw new InputError(`--var ${flag}: write it NAME=VALUE`);
    vars[match[1]] = typedVariable(match[2]);
  }
  return vars;
}

type Loaded = { kind: 'journey'; loaded: LoadedJourney } | { kind: 'campaign'; loaded: LoadedCampaign };

async function loadAny(file: string, flags: RunFlags): Promise<Loaded> {
  const source = await readInputFile(file, 'file');
  if (looksLikeCampaign(parseYamlInput(source, file).data)) {
    if (flags.device || flags.network) throw new InputError(`--device and --network apply to journeys; set devices and networks in the campaign file ${file}`);
    return { kind: 'campaign', loaded: await loadCampaign(file, parseVars(flags.var)) };
  }
  const loaded = await loadJourney(file, { vars: parseVars(flags.var) });
  await resolveProfiles(loaded, { device: flags.device, network: flags.network });
  return { kind: 'journey', loaded };
}

/**
 * What can be checked before the first measure: the budget's scopes against the journeys (a budget that
 * cannot be checked fails now, exit code 2), and that `--out` would replace none of the inputs.
 */
async function checkBeforeRunning(files: string[], all: Loaded[], flags: RunFlags, budget: Budget | null): Promise<void> {
  const journeys = all.flatMap((item) => (item.kind === 'journey' ? [item.loaded] : []));
  if (budget) {
    const names = journeys.map((loaded) => ({ name: loaded.journey.name, steps: loaded.journey.steps.map((step) => step.name) }));
    const problem = budgetScopeProblems(budget, names, { allJourneys: journeys.length === all.length })[0];
    if (problem) throw new InputError(`${flags.budget}: ${problem}`, flags.budget);
  }
  if (flags.out) {
    const inputs = [...files, ...(flags.budget ? [flags.budget] : []), ...(flags.scoring ? [flags.scoring] : [])];
    for (const name of ['result.json', 'report.html', 'report.md', 'junit.xml', 'campaign.json', 'index.html', 'index.md']) {
      await assertNotAnInput(join(flags.out, name), inputs);
    }
  }
}

/**
 * Ctrl-C (and SIGTERM, SIGHUP: a CI job cancelled, a terminal closed): the current step finishes and is
 * kept, result.json is written, the browser and servers are closed; a second signal quits at once (the
 * browser is then killed by Playwright's exit handler, the embedded demo server dies with the process).
 */
function interruptOnSignals(io: CliIo): { controller: AbortController; dispose: () => void } {
  const controller = new AbortController();
  let interrupts = 0;
  const onSignal = (signal: NodeJS.Signals) => {
    interrupts++;
    if (interrupts === 1) {
      io.err(`\nInterrupted (${signal}): finishing the current step and writing what was measured (Ctrl-C again to quit now).`);
      controller.abort();
    } else process.exit(signal === 'SIGINT' ? 130 : 128 + (signal === 'SIGTERM' ? 15 : 1));
  };
  const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
  for (const signal of signals) process.on(signal, onSignal);
  return { controller, dispose: () => signals.forEach((signal) => process.off(signal, onSignal)) };
}

/** `--shard`, `--resume` and `--constrained` apply to some files only: bad input (exit code 2) before anything runs. */
function checkFlagsApply(all: Loaded[], flags: RunFlags): void {
  const journeys = all.filter((item) => item.kind === 'journey');
  if (journeys.length > 0 && (flags.shard || flags.resume)) {
    throw new InputError(`--shard and --resume apply to campaign files; ${journeys[0].loaded.file} is a journey`);
  }
  if (flags.constrained) {
    const campaign = all.find((item) => item.kind === 'campaign');
    if (campaign) throw new InputError(`--constrained applies to journeys; ${campaign.loaded.file} is a campaign file (add the entry-level-phone and 3g combination to it instead)`);
    const mobile = journeys.find((item) => item.kind === 'journey' && item.loaded.journey.target.platform !== 'web');
    if (mobile?.kind === 'journey') {
      throw new InputError(`--constrained emulates a phone and a network in Chromium, so it applies to web journeys; ${mobile.loaded.file} targets ${mobile.loaded.journey.target.platform}`);
    }
  }
}

/** The run options every journey and campaign of the command shares (each gets its own `outDir`). */
function sharedRunOptions(flags: RunFlags, scoring: RunOptions['scoring'], signal: AbortSignal): Omit<RunOptions, 'outDir'> {
  const usage = flags.users ? { users: flags.users, journeysPerUserPerYear: flags.journeysPerUser ?? 52 } : undefined;
  return {
    iterations: flags.iterations,
    device: flags.device,
    network: flags.network,
    browserEndpoint: flags.browserEndpoint,
    headed: flags.headed,
    lighthouse: flags.lighthouse,
    grid: flags.grid,
    scoring,
    usage,
    cvThreshold: flags.cvThreshold / 100,
    untilStable: flags.untilStable ? { cvThreshold: flags.cvThreshold / 100, maxIterations: flags.maxIterations } : undefined,
    signal,
    keepBrowserOnSignals: true,
  };
}

/** What one `ecoscore run` shares across its files, and what it has seen so far. */
interface RunContext {
  flags: RunFlags;
  io: CliIo;
  hooks: RunHooks;
  budget: Budget | null;
  runOptions: Omit<RunOptions, 'outDir'>;
  /** Progress output (stderr). */
  write: (text: string) => void;
  /** More than one file: each gets a subfolder of `--out`. */
  severalFiles: boolean;
  /** A result failed, or broke the budget. */
  anyFailed: boolean;
  /** The budget could not be checked on a passed result: the gate fails closed (exit code 2). */
  budgetUnchecked: boolean;
}

/** History and budget, after each result; false when the result breaks the budget or the budget cannot be checked. */
async function afterResult(context: RunContext, result: Result, resultFile: string): Promise<boolean> {
  const { flags, io, budget } = context;
  if (flags.history !== false) {
    await appendHistory(flags.history, historyEntry(result, resultFile)).catch((error: unknown) => io.err(`warning: history ${flags.history}: ${(error as Error).message}`));
  }
  if (!budget) return true;
  const check = checkBudget(result, budget);
  for (const warning of check.warnings) io.err(`warning: budget: ${warning}`);
  for (const violation of check.violations) io.err(`BUDGET ${result.journey.name}: ${violation.message}`);
  if (check.unchecked.length > 0 && result.status === 'passed') {
    // The gate cannot check: it fails closed (exit code 2); what was measured is kept.
    io.err(`error: ${flags.budget}: ${check.unchecked[0]}`);
    context.budgetUnchecked = true;
  }
  return check.violations.length === 0 && check.unchecked.length === 0;
}

/** Runs one journey file (then its constrained replay with `--constrained`), writes its reports and prints its summary. */
async function runJourneyFile(context: RunContext, journey: LoadedJourney): Promise<void> {
  const { flags, io, hooks, runOptions, write } = context;
  const outDir = flags.out ? (context.severalFiles ? join(flags.out, slugify(basename(journey.file, extname(journey.file)))) : flags.out) : defaultOutDir(journey.file);
  const progress = createProgress({ write, isTTY: io.isTTY }, (text) => journey.redactor.redact(text));
  const onEvent = (event: RunEvent) => (flags.quiet ? undefined : progress(event));
  const measured = await runJourney(journey, { ...runOptions, outDir, onEvent });
  const { resultFile } = measured;
  let result = measured.result;
  if (flags.constrained && !runOptions.signal?.aborted) {
    if (!flags.quiet) write(`\nconstrained replay (DEV.1.4): ${CONSTRAINED_DEVICE} over ${CONSTRAINED_NETWORK}, 1 iteration → ${join(outDir, CONSTRAINED_DIR)}\n`);
    result = await runConstrainedReplay(journey, result, resultFile, { ...runOptions, outDir, onEvent });
  }
  const report = (await hooks.writeReports?.(result, outDir)) ?? null;
  io.out(journey.redactor.redact(`\n${result.journey.name}\n${renderSummary(result)}\n\nresult: ${resultFile}${report ? `\nreport: ${report}` : ''}`));
  if (result.status !== 'passed') context.anyFailed = true;
  if (!(await afterResult(context, result, resultFile))) context.anyFailed = true;
}

/** One line of campaign progress for the events worth printing. */
function printCampaignEvent(event: CampaignEvent, write: (text: string) => void): void {
  if (event.type === 'campaign-start') {
    write(`campaign ${event.name}: ${event.combinations} combination(s), ${event.skipped} kept from a previous run, ${event.workers} worker(s) → ${event.outDir}\n`);
  } else if (event.type === 'combination-end') {
    const c = event.combination;
    write(`[${c.id}] ${c.status}${c.ecoscore !== null ? `: ecoscore ${scoreText(c.ecoscore)} (${c.grade})` : c.status === 'error' ? '' : ': no grade'}${c.error ? `: ${c.error}` : ''}\n`);
  } else if (event.type === 'combination-event' && event.event.type === 'step-end' && event.event.sample.status === 'failed') {
    write(`[${event.id}] step "${event.event.sample.step}" failed: ${event.event.sample.error ?? ''}\n`);
  }
}

/** Runs one campaign file (reports, history and budget after each combination), writes its index pages and prints its summary. */
async function runCampaignFile(context: RunContext, campaign: LoadedCampaign): Promise<void> {
  const { flags, io, hooks, write } = context;
  const outDir = flags.out && context.severalFiles ? join(flags.out, slugify(campaign.campaign.name)) : flags.out;
  const { index, indexFile, outDir: campaignDir } = await runCampaign(campaign, {
    ...context.runOptions,
    outDir,
    workers: flags.workers,
    shard: flags.shard,
    resume: flags.resume,
    afterCombination: async (result, dir) => {
      await hooks.writeReports?.(result, dir);
      if (!(await afterResult(context, result, join(dir, 'result.json')))) context.anyFailed = true;
    },
    onEvent: (event: CampaignEvent) => {
      if (!flags.quiet) printCampaignEvent(event, write);
    },
  });
  await hooks.writeCampaignPages?.(index, campaignDir);
  io.out(`\n${renderCampaignSummary(index)}\n\ncampaign index: ${indexFile}${hooks.writeCampaignPages ? ` (and index.html)` : ''}`);
  if (index.status !== 'passed') context.anyFailed = true;
}

/** Runs the command; returns the exit code. */
export async function runCommand(files: string[], flags: RunFlags, io: CliIo, hooks: RunHooks = {}): Promise<number> {
  const scoring = flags.scoring ? await loadScoringProfile(flags.scoring) : undefined;
  const budget = flags.budget ? await loadBudget(flags.budget) : null;
  const all: Loaded[] = [];
  for (const file of files) all.push(await loadAny(file, flags));
  checkFlagsApply(all, flags);
  await checkBeforeRunning(files, all, flags, budget);
  const interrupt = interruptOnSignals(io);
  const signal = interrupt.controller.signal;
  const context: RunContext = {
    flags,
    io,
    hooks,
    budget,
    runOptions: sharedRunOptions(flags, scoring, signal),
    write: io.write ?? ((text: string) => io.err(text.replace(/\n$/, ''))),
    severalFiles: all.length > 1,
    anyFailed: false,
    budgetUnchecked: false,
  };
  try {
    for (const item of all) {
      if (item.kind === 'journey') await runJourneyFile(context, item.loaded);
      else await runCampaignFile(context, item.loaded);
      if (signal.aborted) break;
    }
  } finally {
    interrupt.dispose();
  }
  if (context.budgetUnchecked) return 2;
  return context.anyFailed || signal.aborted ? 1 : 0;
}
