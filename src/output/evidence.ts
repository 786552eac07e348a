/**
 * The evidence bundle that the "Mon espace santé" referencing asks for (criterion DEV.1.1): a screenshot
 * of the ecoscore results and the GDSL file describing the measured journey, with what backs them.
 *
 * `evidence/` in the output folder holds:
 * - `journey.yaml`   the journey file as measured (`result.journey.source`, secrets already redacted);
 * - `journey.testgb` the same journey in GDSL, Greenspector's journey language;
 * - `results.png`    the summary section of report.html, rendered by a callback (the caller passes it: output/ drives no browser);
 * - `constrained.png` the DEV.1.4 section of report.html (`ecoscore run --constrained` only), rendered the same way;
 * - `steps/NN-name.png` each step's screenshot (last iteration that reached the end of the step);
 * - `manifest.json`  sha256 and size of every file and of result.json, and what is missing and why;
 * - `evidence.zip`   all of the above (not itself) under the same relative paths, ready to upload.
 *
 * A part that cannot be produced is listed in the manifest's `missing` with the reason, never invented,
 * and the other parts are still written. Every file is written atomically (temporary file + rename).
 */
import { createHash } from 'node:crypto';
import { lstat, mkdir, readFile, rename, unlink } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { zipSync, type Zippable } from 'fflate';
import { exportLoadedJourneyGdsl } from '../journey/gdsl.js';
import { parseJourney } from '../journey/load.js';
import { SECRET_PLACEHOLDER } from '../journey/secrets.js';
import type { Result } from '../model/result.js';
import { writeFileAtomic } from '../shared/json-file.js';
import { firstLinkUnder, isInside, readFileInside } from '../shared/safe-path.js';
import { stepFileStem } from '../shared/text.js';
import { TOOL } from '../shared/version.js';
import { gradeStatusOf, gradeStatusSentence } from '../report/grade-view.js';

/** Renders a section of an HTML report file (`#summary` by default) to a PNG file; returns its size in pixels. */
export type SummaryPngRenderer = (htmlFile: string, pngFile: string, selector?: string) => Promise<{ width: number; height: number }>;

/** A file of the bundle: path relative to `evidence/` (forward slashes), sha256 (hex) and size (bytes). */
export interface ManifestFile {
  path: string;
  sha256: string;
  size: number;
}

/** A part of the bundle that could not be produced, and why. */
export interface ManifestMissing {
  path: string;
  reason: string;
}

/** evidence/manifest.json. */
export interface EvidenceManifest {
  /** The tool that wrote the bundle. */
  tool: { name: string; version: string };
  /** When the bundle was written (ISO 8601). */
  generatedAt: string;
  /** The measured journey, as the result names it (sha256 of the journey file as written). */
  journey: { name: string; file: string; sha256: string };
  /** Headline of the result, for a reader of the manifest alone. */
  /** The headline; `gradeStatus` and `gradeReason` say why there is no grade (`graded` otherwise). */
  summary: { ecoscore: number | null; grade: string | null; status: Result['status']; gradeStatus: string; gradeReason: string };
  /** result.json beside evidence/ (sha256 and size null when it is not there). */
  result: { file: 'result.json'; sha256: string | null; size: number | null };
  files: ManifestFile[];
  missing: ManifestMissing[];
}

/** A file that could not be written or read, and why. */
export interface ReportError {
  /** The file concerned. */
  file: string;
  message: string;
}

/** What {@link writeEvidence} wrote. */
export interface EvidenceFiles {
  /** The evidence/ folder. */
  dir: string;
  /** evidence/manifest.json, null if it could not be written. */
  manifest: string | null;
  /** evidence/evidence.zip, null if it could not be written. */
  zip: string | null;
  /** The manifest as written. */
  content: EvidenceManifest;
  errors: ReportError[];
}

/** Options of {@link writeEvidence}. */
export interface EvidenceOptions {
  /** Folder that the result's relative screenshot paths are read from (default: the output folder). */
  sourceDir?: string;
  /** result.json whose hash the manifest records (default: `<outDir>/result.json`). */
  resultFile?: string;
  /** The HTML report to take `results.png` from; null or absent: no results.png (recorded as missing). */
  htmlFile?: string | null;
  /** Why there is no HTML report, when `htmlFile` is null. */
  htmlMissingReason?: string;
  /** Renders report.html's summary to PNG; null or absent: no results.png (recorded as missing). */
  renderSummaryPng?: SummaryPngRenderer | null;
  /** ISO date of the manifest (default: now). */
  generatedAt?: string;
}

/** Name of the bundle's folder inside the output folder. */
export const EVIDENCE_DIR = 'evidence';
/** Name of the zip inside the evidence folder. */
export const EVIDENCE_ZIP = 'evidence.zip';


/** sha256 of bytes, hex. */
export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Stands for the redaction placeholder while the source is parsed: a plain YAML scalar anywhere. */
const PLACEHOLDER_TOKEN = 'ECOSCORE_REDACTED_SECRET';

/**
 * GDSL of a journey source whose secrets are already redacted (`result.journey.source`). `[secret]` is
 * a YAML flow sequence when unquoted (`value: [secret]`), so it is swapped for a plain token while the
 * journey is parsed and put back in the output. Environment variables are left unset: they become GDSL
 * variables, never values. Throws the loader's error when the source is not a valid journey.
 */
export function gdslFromRedactedSource(source: string, file: string): string {
  const prepared = source.split(SECRET_PLACEHOLDER).join(PLACEHOLDER_TOKEN);
  const loaded = parseJourney(prepared, file, { env: {}, allowMissingEnv: true });
  return exportLoadedJourneyGdsl(loaded).split(PLACEHOLDER_TOKEN).join(SECRET_PLACEHOLDER);
}

/** Path of a step's screenshot in the bundle: `steps/03-sign-in.png` (1-based, two digits). */
export function stepScreenshotPath(index: number, name: string): string {
  return `steps/${stepFileStem(index, name)}.png`;
}

const message = (error: unknown): string => (error instanceof Error ? error.message : String(error)).split('\n')[0];

/** The first bytes of every PNG file. */
export const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** A step screenshot path as results write them: `screenshots/<iteration>/<file>.png`, nothing else. */
export const SCREENSHOT_PATH = /^screenshots\/[A-Za-z0-9._-]+\/[A-Za-z0-9._-]+\.png$/;

/**
 * Removes the files of an earlier bundle, as its manifest lists them (and the manifest and zip): a file
 * in evidence/ that no bundle wrote is left alone, and is never packed.
 */
async function removeEarlierBundle(dir: string, errors: ReportError[]): Promise<void> {
  let listed: string[] = [];
  try {
    const earlier = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')) as { files?: { path?: unknown }[] };
    listed = (earlier.files ?? []).map((file) => file.path).filter((path): path is string => typeof path === 'string');
  } catch {
    // no earlier bundle, or not one of ours
  }
  for (const path of [...listed, 'manifest.json', EVIDENCE_ZIP]) {
    const file = resolve(dir, path);
    if (!isInside(dir, file) || (await firstLinkUnder(dir, path))) continue;
    await unlink(file).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') errors.push({ file, message: message(error) });
    });
  }
}

/** The bundle being written: the files written so far, what is missing and why, the I/O errors. */
class Bundle {
  readonly files = new Map<string, Uint8Array>();
  readonly missing: ManifestMissing[] = [];
  readonly errors: ReportError[] = [];

  constructor(readonly dir: string) {}

  /** Writes `path` of the bundle (never through a link); a failure is recorded, not thrown. */
  async put(path: string, data: Uint8Array): Promise<boolean> {
    try {
      const link = await firstLinkUnder(this.dir, path);
      if (link) throw new Error(`${link} is a symbolic link; not written through`);
      await writeFileAtomic(join(this.dir, path), data);
      this.files.set(path, data);
      return true;
    } catch (error) {
      this.errors.push({ file: join(this.dir, path), message: message(error) });
      this.missing.push({ path, reason: `could not be written: ${message(error)}` });
      return false;
    }
  }

  /** The journey, as measured, and as GDSL. */
  async journey(result: Result): Promise<void> {
    const source = result.journey.source;
    if (source === undefined) {
      const reason = 'result.json holds no journey source (it was written by another tool, an older ecoscore or the Playwright Test fixture); attach the journey file yourself, without its secrets';
      this.missing.push({ path: 'journey.yaml', reason });
      this.missing.push({ path: 'journey.testgb', reason: 'no journey source to convert to GDSL' });
      return;
    }
    await this.put('journey.yaml', utf8(source));
    let gdsl: string | null = null;
    try {
      gdsl = gdslFromRedactedSource(source, result.journey.file);
    } catch (error) {
      this.missing.push({ path: 'journey.testgb', reason: `the journey could not be converted to GDSL: ${message(error)}` });
    }
    if (gdsl !== null) await this.put('journey.testgb', utf8(gdsl));
  }

  /** A section of report.html drawn to `path` (results.png, constrained.png). */
  async section(path: string, selector: string, options: EvidenceOptions): Promise<void> {
    if (!options.renderSummaryPng) {
      this.missing.push({ path, reason: 'no renderer for the results screenshot was given (it needs Chromium: run `ecoscore report` where one is installed)' });
      return;
    }
    if (!options.htmlFile) {
      this.missing.push({ path, reason: `no HTML report to take it from${options.htmlMissingReason ? `: ${options.htmlMissingReason}` : ''}` });
      return;
    }
    const target = join(this.dir, path);
    const temporary = join(this.dir, `.${path}.${process.pid}.png`);
    try {
      await options.renderSummaryPng(options.htmlFile, temporary, selector);
      const png = await readFile(temporary);
      await rename(temporary, target);
      this.files.set(path, png);
    } catch (error) {
      await unlink(temporary).catch(() => undefined);
      this.errors.push({ file: target, message: message(error) });
      this.missing.push({ path, reason: `the ${path === 'results.png' ? 'results' : 'constrained comparison'} screenshot failed: ${message(error)}` });
    }
  }

  /** One screenshot per step, copied only from a `screenshots/<iteration>/<name>.png` inside the result folder. */
  async stepScreenshots(result: Result, sourceDir: string): Promise<void> {
    for (const [index, step] of result.steps.entries()) {
      const path = stepScreenshotPath(index, step.name);
      const refused = (reason: string) => void this.missing.push({ path, reason });
      if (!step.screenshot) {
        refused(step.status === 'skipped' ? 'the step was not run' : 'no screenshot: the step reached its end in no iteration');
        continue;
      }
      if (!isInside(sourceDir, resolve(sourceDir, step.screenshot))) {
        refused(`screenshot path ${step.screenshot} points outside the result folder; not copied`);
        continue;
      }
      if (!SCREENSHOT_PATH.test(step.screenshot)) {
        refused(`screenshot path ${step.screenshot} is not a screenshots/<iteration>/<name>.png path; not copied`);
        continue;
      }
      let png: Uint8Array;
      try {
        png = await readFileInside(sourceDir, step.screenshot);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        refused(`${step.screenshot} ${code === 'ENOENT' ? 'not found' : `not copied: ${code === 'ELOOP' ? 'it is a symbolic link' : message(error)}`} in ${sourceDir}`);
        continue;
      }
      if (!PNG_SIGNATURE.every((byte, i) => png[i] === byte)) {
        refused(`${step.screenshot} is not a PNG file; not copied`);
        continue;
      }
      await this.put(path, png);
    }
  }

  /** The manifest: the hash of result.json and of every file written, and what is missing. */
  async manifest(result: Result, resultFile: string, generatedAt: string): Promise<{ content: EvidenceManifest; file: string | null }> {
    let resultEntry: EvidenceManifest['result'] = { file: 'result.json', sha256: null, size: null };
    try {
      const bytes = await readFile(resultFile);
      resultEntry = { file: 'result.json', sha256: sha256(bytes), size: bytes.byteLength };
    } catch (error) {
      this.missing.push({ path: '../result.json', reason: `result.json not found beside the evidence folder (${(error as NodeJS.ErrnoException).code ?? message(error)})` });
    }
    const grade = gradeStatusOf(result);
    const content: EvidenceManifest = {
      tool: { name: TOOL.name, version: TOOL.version },
      generatedAt,
      journey: { name: result.journey.name, file: result.journey.file, sha256: result.journey.sha256 },
      summary: { ecoscore: result.summary.ecoscore, grade: result.summary.grade, status: result.status, gradeStatus: grade.code, gradeReason: gradeStatusSentence(grade) },
      result: resultEntry,
      files: [...this.files.entries()].map(([path, data]) => ({ path, sha256: sha256(data), size: data.byteLength })).sort((a, b) => a.path.localeCompare(b.path)),
      missing: this.missing,
    };
    const written = await this.put('manifest.json', utf8(`${JSON.stringify(content, null, 2)}\n`));
    return { content, file: written ? join(this.dir, 'manifest.json') : null };
  }

  /** The zip: every file written (manifest included), PNGs stored as they are (already compressed). */
  async zip(result: Result): Promise<string | null> {
    try {
      const mtime = zipDate(result);
      const entries: Zippable = {};
      for (const [path, data] of [...this.files.entries()].sort(([a], [b]) => a.localeCompare(b))) {
        entries[path] = [data, { level: path.endsWith('.png') ? 0 : 9, mtime }];
      }
      const zipFile = join(this.dir, EVIDENCE_ZIP);
      await writeFileAtomic(zipFile, zipSync(entries));
      return zipFile;
    } catch (error) {
      this.errors.push({ file: join(this.dir, EVIDENCE_ZIP), message: message(error) });
      return null;
    }
  }
}

const utf8 = (text: string) => new TextEncoder().encode(text);

/**
 * Writes `<outDir>/evidence/` (see the module comment). Never throws for a missing or failed part: it is
 * listed in the manifest's `missing` (and, when it was an I/O error, in `errors`).
 */
export async function writeEvidence(result: Result, outDir: string, options: EvidenceOptions = {}): Promise<EvidenceFiles> {
  const bundle = new Bundle(join(outDir, EVIDENCE_DIR));
  const { dir, errors } = bundle;
  // evidence/ must be a real folder of the output folder: a link would send the bundle elsewhere.
  const linked = await lstat(dir).then((info) => info.isSymbolicLink(), () => false);
  if (linked) throw new Error(`${dir} is a symbolic link; the evidence bundle is written only into a real folder`);
  // No file of an earlier bundle lingers; nothing else is deleted.
  await removeEarlierBundle(dir, errors);
  try {
    await mkdir(dir, { recursive: true });
  } catch (error) {
    errors.push({ file: dir, message: message(error) });
  }
  await bundle.journey(result);
  // The results screenshot, and the DEV.1.4 comparison's when the run had a constrained replay.
  await bundle.section('results.png', '#summary', options);
  if (result.constrained) await bundle.section('constrained.png', '#constrained', options);
  await bundle.stepScreenshots(result, resolve(options.sourceDir ?? outDir));
  const { content, file: manifest } = await bundle.manifest(result, options.resultFile ?? join(outDir, 'result.json'), options.generatedAt ?? new Date().toISOString());
  const zip = await bundle.zip(result);
  return { dir, manifest, zip, content, errors };
}

/** Date stored in the zip entries: the end of the measure (not the time of writing), as for the files' content. */
function zipDate(result: Result): Date {
  const date = new Date(result.environment.finishedAt ?? result.environment.startedAt);
  // Zip dates start in 1980.
  return Number.isNaN(date.getTime()) || date.getFullYear() < 1980 ? new Date(1980, 0, 1) : date;
}
