/**
 * `ecoscore report result.json --out DIR`: the run's files copied into a new folder before its reports are written
 * there: result.json, the screenshots it names and the constrained replay beside it. Nothing is overwritten that
 * this did not write, no link is followed, only PNG screenshots are copied.
 */
import { mkdir, readdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { CONSTRAINED_DIR } from '../model/constrained.js';
import type { Result } from '../model/result.js';
import { InputError } from '../shared/input-error.js';
import { writeFileAtomic } from '../shared/json-file.js';
import { firstLinkUnder, readFileInside } from '../shared/safe-path.js';
import { errorSummary } from '../shared/text.js';
import { PNG_SIGNATURE, SCREENSHOT_PATH } from './evidence.js';
import { parseResult } from './result-file.js';

const listed = (items: string[]) => `${items.slice(0, 3).join(', ')}${items.length > 3 ? ', …' : ''}`;

/**
 * The folder `ecoscore report --out DIR` writes into must hold nothing it did not write: it is new or
 * empty, or holds this very result.json (a report regenerated again). Anything else is refused (exit 2)
 * rather than overwritten.
 */
async function checkReportFolder(target: string, resultBytes: Buffer): Promise<void> {
  let entries: string[];
  try {
    entries = await readdir(target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw new InputError(`--out ${target}: cannot be used (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  if (entries.length === 0) return;
  const existing = await readFile(join(target, 'result.json')).catch(() => null);
  if (existing && existing.equals(resultBytes)) return;
  throw new InputError(`--out ${target}: the folder is not empty and holds ${existing ? 'another result.json' : 'no result of this run'}; give a new or empty folder (nothing there is overwritten)`);
}

/** The screenshots a result refers to (steps and every sample), as checked relative paths. */
function screenshotsOf(result: Result): string[] {
  const paths = [...result.steps.map((step) => step.screenshot), ...result.runs.flatMap((run) => run.samples.map((sample) => sample.screenshot))];
  return [...new Set(paths.filter((path): path is string => typeof path === 'string' && SCREENSHOT_PATH.test(path)))];
}

/**
 * Copies a result.json (`bytes`) and the screenshots its result names from `sourceDir` to `target`: each read
 * without following a link and checked to be a PNG; what cannot be copied is returned with the reason.
 */
async function copyRunFiles(result: Result, bytes: Buffer, sourceDir: string, target: string): Promise<string[]> {
  await mkdir(target, { recursive: true });
  await writeFileAtomic(join(target, 'result.json'), bytes);
  const notCopied: string[] = [];
  for (const path of screenshotsOf(result)) {
    try {
      const png = await readFileInside(sourceDir, path);
      if (!PNG_SIGNATURE.every((byte, i) => png[i] === byte)) throw new Error('not a PNG file');
      if (await firstLinkUnder(target, path)) throw new Error('the destination goes through a symbolic link');
      await writeFileAtomic(join(target, path), png);
    } catch (error) {
      notCopied.push(`${path} (${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'not found' : errorSummary(error)})`);
    }
  }
  return notCopied;
}

/**
 * The constrained replay (`run --constrained`, DEV.1.4) beside a result: its result.json and screenshots in
 * `constrained/`, copied like the run's own. Only the folder the run writes is followed; a missing or unreadable
 * replay is a warning (the section still renders from the result).
 */
async function copyConstrainedReplay(result: Result, sourceDir: string, target: string): Promise<string[]> {
  if (result.constrained?.resultFile !== `${CONSTRAINED_DIR}/result.json`) return [];
  const from = join(sourceDir, CONSTRAINED_DIR);
  try {
    const bytes = await readFileInside(sourceDir, result.constrained.resultFile);
    if (await firstLinkUnder(target, CONSTRAINED_DIR)) throw new Error('the destination goes through a symbolic link');
    const replay = parseResult(bytes.toString('utf8'), join(sourceDir, result.constrained.resultFile));
    const notCopied = await copyRunFiles(replay, bytes, from, join(target, CONSTRAINED_DIR));
    return notCopied.length > 0 ? [`${notCopied.length} screenshot(s) of the constrained replay not copied: ${listed(notCopied)}`] : [];
  } catch (error) {
    return [`the constrained replay (${result.constrained.resultFile}) was not copied: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'not found' : errorSummary(error)}`];
  }
}

/**
 * Copies the run of `resultFile` (whose parsed content is `result`) into `target`. Throws an InputError (exit 2)
 * when `target` holds anything else; returns the warnings of what could not be copied.
 */
export async function copyResultFolder(result: Result, resultFile: string, target: string): Promise<string[]> {
  const sourceDir = dirname(resultFile);
  const bytes = await readFile(resultFile);
  await checkReportFolder(target, bytes);
  const notCopied = await copyRunFiles(result, bytes, sourceDir, target);
  const warnings = notCopied.length > 0 ? [`${notCopied.length} screenshot(s) not copied: ${listed(notCopied)}`] : [];
  return [...warnings, ...(await copyConstrainedReplay(result, sourceDir, target))];
}
