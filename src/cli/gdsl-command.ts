/**
 * `ecoscore gdsl export|import`: journeys to and from GDSL (.testgb). Thin: reads files, calls the
 * library, writes the output. `export` is strict by default (only commands a public Greenspector page
 * attests); `--lenient` also writes ecoscore's extensions, each under a comment.
 */
import type { Command } from 'commander';
import { exportLoadedJourneyGdsl, importGdslDetailed, importGdslToYaml } from '../journey/gdsl.js';
import { loadJourney, parseJourney } from '../journey/load.js';
import { writeOutput, type CliIo } from './io.js';
import { readInputFile } from '../shared/input-file.js';
import { assertNotAnInput } from '../shared/safe-path.js';

/** Options of `gdsl export`. */
interface ExportFlags {
  out?: string;
  lenient?: boolean;
  strict?: boolean;
}

/** Adds `gdsl export` and `gdsl import` to the program. */
export function registerGdslCommand(program: Command, io: CliIo, setExit: (code: number) => void): void {
  const gdsl = program.command('gdsl').description('convert journeys to and from GDSL (.testgb), the official service’s journey language');
  gdsl
    .command('export')
    .description('write a journey as GDSL (secrets become placeholders); strict by default: only commands a public Greenspector page attests')
    .argument('<journey>', 'journey file')
    .option('-o, --out <file>', 'write to a file instead of standard output')
    .option('--strict', 'only attested commands; an action with none is an error naming it (the default)')
    .option('--lenient', 'also write ecoscore’s extensions (not attested), each under a "# ecoscore extension" comment')
    .action(async (file: string, options: ExportFlags) => {
      if (options.out) await assertNotAnInput(options.out, [file]);
      const loaded = await loadJourney(file, { allowMissingEnv: true });
      const text = exportLoadedJourneyGdsl(loaded, options.lenient && !options.strict ? 'lenient' : 'strict');
      await writeOutput(io, options.out, text);
      setExit(0);
    });
  gdsl
    .command('import')
    .description('turn a GDSL file into a journey YAML')
    .argument('<file>', '.testgb file')
    .option('-o, --out <file>', 'write to a file instead of standard output')
    .action(async (file: string, options: { out?: string }) => {
      if (options.out) await assertNotAnInput(options.out, [file]);
      const text = await readInputFile(file, 'GDSL file');
      const yaml = importGdslToYaml(text, file);
      for (const warning of gdslWarnings(text, file)) io.err(`warning: ${warning}`);
      await writeOutput(io, options.out, yaml);
      setExit(0);
    });
}

/** Warnings worth printing about a GDSL script (a browser ecoscore does not run). */
export function gdslWarnings(text: string, file: string): string[] {
  const { notes, foreignBrowser } = importGdslDetailed(text, file);
  return foreignBrowser ? notes.filter((note) => note.includes(foreignBrowser)) : [];
}

/** `validate` of a .testgb file: imports it, validates the journey it gives, and returns its step count and warnings. */
export async function validateGdslFile(file: string): Promise<{ steps: number; warnings: string[] }> {
  const text = await readInputFile(file, 'GDSL file');
  const yaml = importGdslToYaml(text, file);
  const loaded = parseJourney(yaml, `${file} (imported)`, { allowMissingEnv: true });
  return { steps: loaded.journey.steps.length, warnings: gdslWarnings(text, file) };
}
