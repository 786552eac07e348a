/**
 * `ecoscore import recorder <recording.json> [--out journey.yaml] [--target demo|URL]`: a Chrome DevTools
 * Recorder export as a journey file. Thin: reads the file, calls the library, writes the YAML.
 */
import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import { readInputFile } from '../shared/input-file.js';
import { assertNotAnInput } from '../shared/safe-path.js';
import { parseDurationMs } from '../journey/duration.js';
import { importRecordingToYaml } from '../journey/recorder.js';
import { writeOutput, type CliIo } from './io.js';

/** Options of `import recorder`. */
interface RecorderFlags {
  out?: string;
  target?: string;
  reference: string;
}

function targetOption(value: string): string {
  if (value === 'demo') return value;
  try {
    const url = new URL(value);
    if (url.protocol === 'http:' || url.protocol === 'https:') return url.origin;
  } catch {
    // fall through
  }
  throw new InvalidArgumentError('must be demo or an http(s) origin such as https://staging.example.org');
}

function durationOption(value: string): string {
  if (parseDurationMs(value) === undefined) throw new InvalidArgumentError('must be a duration such as 10s or 500ms');
  return value;
}

/** Adds `import recorder` to the program. */
export function registerImportCommand(program: Command, io: CliIo, setExit: (code: number) => void): void {
  const command = program.command('import').description('turn a journey recorded by another tool into a journey file');
  command
    .command('recorder')
    .description('a Chrome DevTools Recorder export (JSON) as a journey YAML')
    .argument('<recording>', 'the JSON exported from the Recorder panel')
    .option('-o, --out <file>', 'write the journey to a file instead of standard output')
    .option('--target <url>', 'measure another address than the recorded one: demo (the embedded demo app) or an origin', targetOption)
    .option('--reference <duration>', 'duration of the reference step added first', durationOption, '10s')
    .action(async (file: string, options: RecorderFlags) => {
      if (options.out) await assertNotAnInput(options.out, [file]);
      const text = await readInputFile(file, 'Recorder export');
      const yaml = importRecordingToYaml(text, file, { target: options.target, referenceDuration: options.reference });
      await writeOutput(io, options.out, yaml);
      setExit(0);
    });
}
