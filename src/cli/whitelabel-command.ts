/**
 * `ecoscore whitelabel <[name=]result.json...> --estimate <name|result.json>`: the minimum, maximum and
 * estimated value of every indicator over the measured variants of a white-label product (guide annex
 * 12.1), as JSON, Markdown and an HTML statement ready to attach.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { whiteLabelStatement } from '../methodology/whitelabel.js';
import { renderWhiteLabelHtml, renderWhiteLabelJson, renderWhiteLabelMarkdown, whiteLabelVariantFacts } from '../report/whitelabel.js';
import { whiteLabelWarningText } from '../report/i18n-whitelabel.js';
import { readResult } from '../output/result-file.js';
import type { Result } from '../model/result.js';
import { closestMatch } from '../shared/closest-match.js';
import { InputError } from '../shared/input-error.js';
import { assertNotAnInput } from '../shared/safe-path.js';
import { stripControlCharactersDeep } from '../shared/text.js';
import { TOOL } from '../shared/version.js';
import type { CliIo } from './io.js';

/** Flags of `ecoscore whitelabel`. */
export interface WhiteLabelFlags {
  estimate: string;
  rule?: 'median' | 'conservative';
  lang?: 'fr' | 'en';
  out?: string;
}

/**
 * The name of a variant given as a path: its folder's name, or for a campaign combination folder
 * (`journey--device--network--variant`) the variant part.
 */
export function variantName(file: string): string {
  const folder = basename(dirname(resolve(file)));
  const parts = folder.split('--');
  return (parts.length === 4 ? parts[3] : folder) || basename(file, '.json');
}

/** Refuses (exit code 2) variants that are not measures of one journey: their figures cannot be set side by side. */
function checkSameJourney(variants: ReadonlyArray<{ name: string; result: Result }>): void {
  const [first, ...others] = variants;
  if (!first) return;
  const steps = (result: Result) => result.steps.map((step) => step.name).join('\u0000');
  for (const other of others) {
    if (other.result.journey.name !== first.result.journey.name) {
      throw new InputError(`whitelabel: variants ${first.name} and ${other.name} measure different journeys ("${first.result.journey.name}" and "${other.result.journey.name}"); a white-label statement compares one journey across variants`);
    }
    if (steps(other.result) !== steps(first.result)) {
      throw new InputError(`whitelabel: variants ${first.name} and ${other.name} have different steps; a white-label statement compares the same journey across variants`);
    }
  }
}

/** Runs the command; returns the exit code. */
export async function whiteLabelCommand(args: string[], flags: WhiteLabelFlags, io: CliIo): Promise<number> {
  const variants: { name: string; result: Result }[] = [];
  for (const arg of args) {
    const named = /^([^=/\\]+)=(.+)$/.exec(arg);
    const file = named ? named[2] : arg;
    variants.push({ name: named ? named[1] : variantName(file), result: await readResult(file) });
  }
  let estimate = flags.estimate;
  if (estimate.endsWith('.json')) {
    const name = variantName(estimate);
    if (!variants.some((variant) => variant.name === name)) variants.push({ name, result: await readResult(estimate) });
    estimate = name;
  }
  checkSameJourney(variants);
  const names = variants.map((variant) => variant.name);
  if (!names.includes(estimate) && flags.rule === undefined) {
    // An unknown name is most often a typo: stating an unmeasured service's estimate must be asked for.
    const suggestion = closestMatch(estimate, names);
    throw new InputError(
      `--estimate ${estimate} is not one of the measured variants (${names.join(', ')}${suggestion ? `; did you mean ${suggestion}?` : ''}): to state the estimate of a service that was not measured, give --rule median or --rule conservative`,
    );
  }
  let statement;
  try {
    // Names come from arguments and folder names: no control character reaches the statement files.
    statement = stripControlCharactersDeep(whiteLabelStatement(variants, { estimate, rule: flags.rule, generatedAt: new Date().toISOString(), tool: { ...TOOL } }));
  } catch (error) {
    throw new InputError(`whitelabel: ${(error as Error).message}`);
  }
  const out = flags.out ?? join(dirname(args[0].replace(/^[^=/\\]+=/, '')), 'whitelabel');
  const inputs = [...args.map((arg) => arg.replace(/^[^=/\\]+=/, '')), ...(flags.estimate.endsWith('.json') ? [flags.estimate] : [])];
  for (const name of ['whitelabel.json', 'whitelabel.md', 'whitelabel.html']) await assertNotAnInput(join(out, name), inputs);
  await mkdir(out, { recursive: true });
  await writeFile(join(out, 'whitelabel.json'), renderWhiteLabelJson(statement));
  // What the statement does not keep of each result: why a variant has no grade, the energy source's label.
  const facts = whiteLabelVariantFacts(variants);
  await writeFile(join(out, 'whitelabel.md'), renderWhiteLabelMarkdown(statement, { variants: facts }));
  await writeFile(join(out, 'whitelabel.html'), renderWhiteLabelHtml(statement, { lang: flags.lang, variants: facts }));
  for (const warning of statement.warnings) io.err(`warning: ${whiteLabelWarningText(warning, 'en')}`);
  io.out(renderWhiteLabelMarkdown(statement, { variants: facts }));
  io.out(`\nwhite-label statement: ${join(out, 'whitelabel.html')} (also .md, .json)`);
  return 0;
}
