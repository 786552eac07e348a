/**
 * The `ecoscore` command line (commander). Thin: parses flags, calls the library, prints, and sets
 * `process.exitCode` (0 success, 1 a step or gate failed, 2 bad input or usage).
 */
import { Command, CommanderError, InvalidArgumentError } from 'commander';
import { stringify } from 'yaml';
import { DEMO_PASSWORD, startDemoServer } from '../demo/server.js';
import { loadJourney } from '../journey/load.js';
import { resolveProfiles } from '../journey/profiles.js';
import { journeyWarnings } from '../methodology/journey-checks.js';
import { journeyJsonSchema } from '../journey/schema.js';
import { GRID_REGIONS, type GridRegion } from '../profiles/footprint/index.js';
import { InputError } from '../shared/input-error.js';
import { withSecretScope } from '../journey/secrets.js';
import { guardIo } from './safe-io.js';
import { TOOL } from '../shared/version.js';
import { mergeCampaigns } from '../run/merge.js';
import type { Result } from '../model/result.js';
import type { CliIo } from './io.js';
import { runCommand, type RunFlags, type RunHooks } from './run-command.js';
import { readResult } from '../output/result-file.js';
import { regenerateReports, writeAllReports, writeCampaignPages } from './reports.js';
import { whiteLabelCommand, type WhiteLabelFlags } from './whitelabel-command.js';
import { compareCommand, type CompareFlags } from './compare-command.js';
import { DEFAULT_HISTORY_FILE } from '../result/history.js';
import { registerHistoryCommand } from './history-command.js';
import { renderCampaignSummary, renderSummary } from './summary.js';
import { registerImportCommand } from './import-command.js';
import { registerGdslCommand, validateGdslFile } from './gdsl-command.js';

export type { CliIo };

/** Exit codes of the design. */
export const EXIT = { ok: 0, failed: 1, badInput: 2 } as const;

const defaultIo: CliIo = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  write: (text) => process.stderr.write(text),
  isTTY: Boolean(process.stderr.isTTY) && !process.env.CI,
};

function positiveInt(value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) throw new InvalidArgumentError('must be a whole number ≥ 1');
  if (number > 1_000_000_000) throw new InvalidArgumentError('must be at most 1000000000');
  return number;
}

/** A whole number from 1 to `max`. */
function intUpTo(max: number): (value: string) => number {
  return (value) => {
    const number = positiveInt(value);
    if (number > max) throw new InvalidArgumentError(`must be at most ${max}`);
    return number;
  };
}

function percent(value: string): number {
  const number = Number(value.replace(/%$/, ''));
  if (!Number.isFinite(number) || number <= 0 || number >= 100) throw new InvalidArgumentError('must be a percentage between 0 and 100');
  return number;
}

function gridRegion(value: string): GridRegion {
  const upper = value.toUpperCase();
  if (!(GRID_REGIONS as readonly string[]).includes(upper)) throw new InvalidArgumentError(`must be one of ${GRID_REGIONS.join(', ')}`);
  return upper as GridRegion;
}

function nonNegative(value: string): number {
  const number = Number(value);
  if (!Number.isFinite(number) || number < 0) throw new InvalidArgumentError('must be a number ≥ 0');
  if (number > 1_000_000) throw new InvalidArgumentError('must be at most 1000000');
  return number;
}

function shardSpec(value: string): { index: number; total: number } {
  const match = /^(\d+)\/(\d+)$/.exec(value);
  const index = Number(match?.[1]);
  const total = Number(match?.[2]);
  if (!match || index < 1 || total < 1 || index > total || total > 10_000) throw new InvalidArgumentError('must be I/N with 1 ≤ I ≤ N ≤ 10000, e.g. 1/4');
  return { index, total };
}

/** Receives the exit code of a command. */
type SetExit = (code: number) => void;

/** Builds the commander program. `setExit` receives the exit code of each command. */
export function buildProgram(
  io: CliIo = defaultIo,
  setExit: SetExit = (code) => (process.exitCode = code),
  hooks: RunHooks = {},
): Command {
  const program = new Command()
    .name('ecoscore')
    .description('Measure the ecoscore of a web or mobile app along a described user journey.')
    .version(TOOL.version)
    .option('--debug', 'print stack traces of errors')
    .showSuggestionAfterError(true)
    .configureOutput({ writeOut: (text) => io.out(text.trimEnd()), writeErr: (text) => io.err(text.trimEnd()) })
    .exitOverride();

  // The order of these calls is the order of the commands in `ecoscore --help`.
  registerRunCommand(program, io, setExit, hooks);
  registerReportCommand(program, io, setExit);
  registerWhiteLabelCommand(program, io, setExit);
  registerCompareCommand(program, io, setExit);
  registerHistoryCommand(program, io, setExit, positiveInt);
  registerMergeCommand(program, io, setExit);
  registerValidateCommand(program, io, setExit);
  registerSchemaCommand(program, io, setExit);
  registerGdslCommand(program, io, setExit);
  registerImportCommand(program, io, setExit);
  registerDemoCommand(program, io, setExit);
  return program;
}

/** `ecoscore run <file...>`: its flags; the work is {@link runCommand}. */
function registerRunCommand(program: Command, io: CliIo, setExit: SetExit, hooks: RunHooks): void {
  program
    .command('run')
    .description('replay journeys in real Chromium and measure every step')
    .argument('<file...>', 'journey or campaign files (.yaml, .json)')
    .option('-o, --out <dir>', 'output folder (default: reports/<journey>/<date>, or the campaign’s out)')
    .option('-n, --iterations <n>', 'iterations (default: the journey’s; at most 100)', intUpTo(100))
    .option('--device <id>', 'device profile id or JSON file (overrides the journey)')
    .option('--network <id>', 'network profile id or JSON file (overrides the journey)')
    .option('--browser-endpoint <ws>', 'use a remote browser (Playwright server or CDP ws:// endpoint)')
    .option('--headed', 'show the browser window')
    .option('--lighthouse', 'web: after the measured iterations, one more pass with Lighthouse per step (metrics and sobriety recommendations; not in the medians)')
    .option('--constrained', 'web journeys: then replay once on the entry-level phone over 3G and compare step by step (DEV.1.4 evidence, not scored)')
    .option('--until-stable', 'add iterations until the ecoscore’s cv is under --cv-threshold (at most --max-iterations)')
    .option('--max-iterations <n>', 'upper bound for --until-stable (at most 100)', intUpTo(100), 10)
    .option('--cv-threshold <percent>', 'coefficient of variation above which a figure is reported unstable', percent, 5)
    .option('--scoring <file>', 'a custom scoring profile (JSON or YAML), e.g. official thresholds')
    .option('--grid <region>', 'electricity grid of the footprint: FRA or WORLD', gridRegion, 'FRA')
    .option('--users <n>', 'users, for the yearly footprint projection', positiveInt)
    .option('--journeys-per-user <n>', 'journeys per user per year, for the projection (default 52 with --users)', positiveInt)
    .option('-q, --quiet', 'print only the summary')
    .option('-w, --workers <n>', 'campaigns: combinations run at the same time (perturbs energy figures; at most 64)', intUpTo(64), 1)
    .option('--shard <i/n>', 'campaigns: run only shard i of n (split deterministically)', shardSpec)
    .option('--resume', 'campaigns: keep the combinations already measured in the output folder')
    .option('--no-reports', 'write result.json and screenshots only (no HTML, Markdown, JUnit or evidence)')
    .option('--var <name=value>', 'value of ${var:NAME} in the journeys (repeatable)', (value: string, previous: string[] = []) => [...previous, value])
    .option('--budget <file>', 'fail (exit 1) when a result breaks a budget of this file')
    .option('--history <file>', 'history file each result is appended to', DEFAULT_HISTORY_FILE)
    .option('--no-history', 'do not append to the history file')
    .action(async (files: string[], options: RunFlags) => {
      const writeReports = options.reports === false ? undefined : hooks.writeReports ?? ((result: Result, outDir: string) => writeAllReports(result, outDir, io));
      setExit(await runCommand(files, options, io, { writeCampaignPages, ...hooks, writeReports }));
    });
}

/** `ecoscore report <result>`: the reports of a result written again. */
function registerReportCommand(program: Command, io: CliIo, setExit: SetExit): void {
  program
    .command('report')
    .description('regenerate report.html, report.md, junit.xml and the evidence bundle of a result')
    .argument('<result>', 'result.json')
    .option('-o, --out <dir>', 'output folder (default: the result’s folder)')
    .action(async (file: string, options: { out?: string }) => {
      const result = await readResult(file);
      const report = await regenerateReports(result, file, options.out, io);
      io.out(`${renderSummary(result)}\n\nreport: ${report ?? 'not written'}`);
      setExit(result.status === 'passed' ? EXIT.ok : EXIT.failed);
    });
}

/** `ecoscore whitelabel <result...>`: the white-label statement; the work is {@link whiteLabelCommand}. */
function registerWhiteLabelCommand(program: Command, io: CliIo, setExit: SetExit): void {
  program
    .command('whitelabel')
    .description('minimum, maximum and estimated value of every indicator over white-label variants (annex 12.1)')
    .argument('<result...>', 'result.json of each measured variant, as name=path or path (named after its folder)')
    .requiredOption('--estimate <variant>', 'the variant the statement is for: a name among the results, or its result.json')
    .option('--rule <rule>', 'estimate when that variant was not measured: median (default) or conservative', (value) => {
      if (value !== 'median' && value !== 'conservative') throw new InvalidArgumentError('must be median or conservative');
      return value;
    })
    .option('--lang <lang>', 'first language of the HTML statement: fr (default) or en')
    .option('-o, --out <dir>', 'output folder (default: whitelabel/ beside the first result)')
    .action(async (results: string[], options: WhiteLabelFlags) => {
      setExit(await whiteLabelCommand(results, options, io));
    });
}

/** `ecoscore compare <base> <head>`: the regression gate; the work is {@link compareCommand}. */
function registerCompareCommand(program: Command, io: CliIo, setExit: SetExit): void {
  program
    .command('compare')
    .description('compare two results: deltas, regressions beyond the measured noise, budgets (exit 1 on failure)')
    .argument('<base>', 'result.json of the reference (e.g. the main branch)')
    .argument('<head>', 'result.json to check')
    .option('--max-drop <points>', 'score points a score may lose before it is a regression', nonNegative, 2)
    .option('--tolerance <percent>', 'relative rise of bytes or requests before it is a regression', nonNegative, 5)
    .option('--time-tolerance <percent>', 'relative rise of durations, CPU time or energy before it is a regression', nonNegative, 10)
    .option('--budget <file>', 'budget file (YAML or JSON) checked on the head result')
    .option('--allow-methodology-change', 'gate a head against a base scored with another major version of the methodology')
    .option('--format <format>', 'text, markdown or json', (value) => {
      if (!['text', 'markdown', 'json'].includes(value)) throw new InvalidArgumentError('must be text, markdown or json');
      return value;
    }, 'text')
    .action(async (base: string, head: string, options: CompareFlags) => {
      setExit(await compareCommand(base, head, options, io));
    });
}

/** `ecoscore merge <campaign...>`: campaign shards joined into one campaign folder. */
function registerMergeCommand(program: Command, io: CliIo, setExit: SetExit): void {
  program
    .command('merge')
    .description('join the outputs of campaign shards into one campaign folder')
    .argument('<campaign...>', 'shard folders or their campaign.json files')
    .requiredOption('-o, --out <dir>', 'output folder of the merged campaign')
    .action(async (sources: string[], options: { out: string }) => {
      const { index, indexFile } = await mergeCampaigns(sources, options.out);
      await writeCampaignPages(index, options.out);
      io.out(`${renderCampaignSummary(index)}\n\ncampaign index: ${indexFile}`);
      setExit(index.status === 'passed' ? EXIT.ok : EXIT.failed);
    });
}

/** `ecoscore validate <file...>`: journey and GDSL files checked without running them. */
function registerValidateCommand(program: Command, io: CliIo, setExit: SetExit): void {
  program
    .command('validate')
    .description('check journey files without running them')
    .argument('<file...>', 'journey files (.yaml, .json) or GDSL files (.testgb)')
    .action(async (files: string[]) => {
      for (const file of files) {
        if (/\.testgb$/i.test(file)) {
          const { steps, warnings } = await validateGdslFile(file);
          for (const warning of warnings) io.err(`warning: ${warning}`);
          io.out(`${file}: valid GDSL (${steps} steps once imported with \`ecoscore gdsl import\`)`);
          continue;
        }
        const loaded = await loadJourney(file);
        await resolveProfiles(loaded);
        io.out(`${file}: valid (${loaded.journey.steps.length} steps, device ${loaded.journey.device}, network ${loaded.journey.network})`);
        for (const warning of journeyWarnings(loaded.journey)) io.err(`${file}: warning: ${warning}`);
      }
      setExit(EXIT.ok);
    });
}

/** `ecoscore schema`: the JSON Schema of journey files. */
function registerSchemaCommand(program: Command, io: CliIo, setExit: SetExit): void {
  program
    .command('schema')
    .description('print the JSON Schema of journey files (for editors)')
    .option('--yaml', 'print it as YAML')
    .action((options: { yaml?: boolean }) => {
      const schema = journeyJsonSchema();
      io.out(options.yaml ? stringify(schema) : JSON.stringify(schema, null, 2));
      setExit(EXIT.ok);
    });
}

/** `ecoscore demo`: the embedded demo app served until Ctrl-C. */
function registerDemoCommand(program: Command, io: CliIo, setExit: SetExit): void {
  program
    .command('demo')
    .description('serve the embedded demo health app until Ctrl-C')
    .option('-p, --port <port>', 'port (default: a free one)', (value) => Number(value))
    .action(async (options: { port?: number }) => {
      const server = await startDemoServer({ port: options.port });
      const password = process.env.DEMO_PASSWORD ? 'the value of $DEMO_PASSWORD' : DEMO_PASSWORD;
      io.out(`demo health app on ${server.url} (identifiant: any, mot de passe: ${password}) — Ctrl-C to stop`);
      await new Promise<void>((resolve) => process.once('SIGINT', () => resolve()));
      await server.close();
      setExit(EXIT.ok);
    });
}

/**
 * Runs the CLI with `argv` (without `node` and the script). Bad input is reported in one sentence with
 * exit code 2; other errors in one sentence with exit code 1; stack traces only with `--debug`.
 */
export function main(argv: string[], io: CliIo = defaultIo): Promise<number> {
  // Each command has its own set of known secrets; everything it prints is redacted with them.
  return withSecretScope(() => runMain(argv, guardIo(io)));
}

async function runMain(argv: string[], io: CliIo): Promise<number> {
  let code: number = EXIT.ok;
  const program = buildProgram(io, (value) => (code = value));
  const debug = argv.includes('--debug');
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      // help and version exit with 0; usage errors with 2 (commander already printed the message)
      return error.exitCode === 0 ? EXIT.ok : EXIT.badInput;
    }
    if (error instanceof InputError) {
      io.err(`error: ${error.message}`);
      if (debug) io.err(String(error.stack));
      return EXIT.badInput;
    }
    io.err(`error: ${error instanceof Error ? error.message : String(error)}`);
    if (debug && error instanceof Error) io.err(String(error.stack));
    return EXIT.failed;
  }
  return code;
}
