/**
 * Markdown report: a short, GitHub-flavoured summary of a result for a pull-request comment or a CI job
 * summary (`$GITHUB_STEP_SUMMARY`). English labels (the GitHub audience) with the French term in
 * parentheses for the headline figures, as the official service names them.
 *
 * Pure: a Result in, text out. Every string that comes from the journey or the page (names, errors,
 * warnings, URLs) is escaped so that it renders as text: no HTML, no links, no tables broken by `|`.
 */
import { constrainedMarkdown } from './constrained-text.js';
import type { Impacts, Result, StepResult } from '../model/result.js';
import { formatBytes, formatMs, formatPercent, significant } from '../shared/format.js';
import {
  ecoindexNoteApplies,
  ENERGY_LABEL_TEXT,
  energyLabelOf,
  englishText,
  gradeStatusOf,
  gradeStatusPhrase,
  isGraded,
  scoreText,
  stepEnergyBasis,
  stepGap,
  stepGapPhrase,
  stepGrade,
  toUah,
  type EnergyLabelView,
} from './grade-view.js';
import { REPORT_LABELS } from './i18n.js';
import { warningsOf } from './i18n-warnings.js';

/**
 * Characters that start Markdown inline syntax, table cells (`|`) or GitHub math (`$`): escaped with a
 * backslash. With `[` and `]` escaped no link or image can form, so parentheses are left alone.
 */
const MARKDOWN_SPECIAL = /[\\`*_[\]|~$]/g;

/**
 * A string from the journey or the page as inline Markdown text: line breaks become spaces, Markdown
 * punctuation is backslash-escaped, `<`, `>` and `&` become entities (so `<img onerror>` is shown, not
 * rendered), and `@name` does not notify anyone. Safe inside a table cell.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\r\n|\r|\n/g, ' ')
    .replace(MARKDOWN_SPECIAL, '\\$&')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/^(\s*)([-+#])/, '$1\\$2')
    .replace(/^(\s*\d+)\./, '$1\\.')
    .replace(/@(?=\w)/g, '@\u200b');
}

export { significant };

/** Greenhouse gases: `0.155 g CO2e`, `80.7 kg CO2e`. */
export function formatGhg(grams: number | null | undefined): string {
  if (grams === null || grams === undefined) return '–';
  return Math.abs(grams) >= 1000 ? `${significant(grams / 1000)} kg CO2e` : `${significant(grams)} g CO2e`;
}

/** Water: `9.1 mL`, `4.73 m³`. */
export function formatWater(litres: number | null | undefined): string {
  if (litres === null || litres === undefined) return '–';
  const abs = Math.abs(litres);
  if (abs !== 0 && abs < 1) return `${significant(litres * 1000)} mL`;
  if (abs >= 1000) return `${significant(litres / 1000)} m³`;
  return `${significant(litres)} L`;
}

/** Abiotic resource depletion: `2.21e-9 kg Sb eq`. */
export function formatAdp(kgSbEq: number | null | undefined): string {
  if (kgSbEq === null || kgSbEq === undefined) return '–';
  return `${kgSbEq === 0 ? '0' : kgSbEq.toExponential(2)} kg Sb eq`;
}

/** A 0..100 score with exactly one decimal, the value its grade was taken from: `89.5`, `80.0`; null → `–`. */
export function formatScore(score: number | null | undefined): string {
  return scoreText(score);
}

/** Emoji of a step's status: passed, passed with failed iterations, failed, skipped. */
export function stepStatusEmoji(step: Pick<StepResult, 'status' | 'failedIterations'>): string {
  if (step.status === 'failed') return '❌';
  if (step.status === 'skipped') return '⏭️';
  return step.failedIterations > 0 ? '⚠️' : '✅';
}

/** What kind of energy figures a result holds, and the source's own description. */
export interface EnergySourceInfo {
  /** The one label of every output: `modelled`, `measured`, `partly-measured`, or `unknown` when the result has none. */
  kind: EnergyLabelView['label'];
  description: string | null;
}

/** Reads `environment.energySource` into its one label and its description. */
export function energySourceInfo(result: Result): EnergySourceInfo {
  const view = energyLabelOf(result);
  return { kind: view.label, description: view.description };
}

/** The three totals of a footprint (without its breakdown). */
function impactsOf(footprint: Impacts): Impacts {
  return { ghgGrams: footprint.ghgGrams, waterLitres: footprint.waterLitres, adpKgSbEq: footprint.adpKgSbEq };
}

/** Footprint rows: per journey, per 1,000 journeys and, when the run had a usage, per year. */
export function footprintRows(result: Result): Array<{ label: string; impacts: Impacts }> {
  const perJourney = result.summary.footprint;
  if (!perJourney) return [];
  const rows: Array<{ label: string; impacts: Impacts }> = [{ label: 'per journey', impacts: perJourney }];
  const projection = result.summary.projection ?? null;
  const perThousand = projection ? impactsOf(projection.perThousandJourneys) : {
    ghgGrams: perJourney.ghgGrams * 1000,
    waterLitres: perJourney.waterLitres * 1000,
    adpKgSbEq: perJourney.adpKgSbEq * 1000,
  };
  rows.push({ label: 'per 1,000 journeys', impacts: perThousand });
  const perYear = projection?.perYear ?? null;
  if (perYear) {
    const usage = projection?.usage ?? null;
    const journeys = usage ? ` (${usage.journeysPerYear.toLocaleString('en-US')} journeys)` : '';
    rows.push({ label: `per year${journeys}`, impacts: impactsOf(perYear) });
  }
  return rows;
}

/** The energy source line: its one label, how many steps were measured when only some were, why modelled. */
function energyLine(result: Result): string {
  const energy = energyLabelOf(result);
  const parts: string[] = [];
  if (energy.label === 'partly-measured' && energy.measuredSteps !== null && energy.modelledSteps !== null) {
    parts.push(`${energy.measuredSteps} step(s) measured on the device, ${energy.modelledSteps} modelled`);
  }
  if (energy.description) parts.push(escapeMarkdown(energy.description));
  else if (energy.label === 'modelled') parts.push('estimated by a model from measured resource use, not measured');
  if (energy.reason) parts.push(`modelled because: ${escapeMarkdown(energy.reason)}`);
  return `**Energy source (source de l’énergie):** **${ENERGY_LABEL_TEXT[energy.label]}**${parts.length > 0 ? ` — ${parts.join(' — ')}` : ''}`;
}

function headline(result: Result): string[] {
  const { summary } = result;
  const status = gradeStatusOf(result);
  const graded = isGraded(status);
  const lines = [`### 🌿 Ecoscore — ${escapeMarkdown(result.journey.name)}`, ''];
  const statusLine =
    result.status === 'passed'
      ? `✅ all ${summary.passedSteps} steps passed`
      : result.status === 'failed'
        ? `❌ ${summary.failedSteps} of ${result.steps.length} steps failed`
        : result.status === 'interrupted'
          ? `⏹️ interrupted: ${summary.passedSteps} steps passed, ${summary.failedSteps} failed, ${summary.skippedSteps} not run`
          : `⏳ still running: ${summary.passedSteps} steps passed so far`;
  const scores = graded ? summary.scores : null;
  lines.push(
    '| Ecoscore (écoscore) | Grade (note) | Energy (énergie) | Performance | Data (données) |',
    '|:---:|:---:|:---:|:---:|:---:|',
    `| **${graded ? formatScore(summary.ecoscore) : '–'}** / 100 | **${graded ? escapeMarkdown(summary.grade ?? '–') : 'no grade (pas de note)'}** | ${formatScore(scores?.energy)} | ${formatScore(scores?.performance)} | ${formatScore(scores?.data)} |`,
    '',
  );
  if (!graded) lines.push(`⛔ **${englishText(gradeStatusPhrase(status, REPORT_LABELS.en), escapeMarkdown)}** ${REPORT_LABELS.en.noGradeRule}`, '');
  const spread = graded ? summary.spread?.ecoscore : null;
  const spreadText = spread
    ? `spread (dispersion) over ${spread.n} iteration${spread.n === 1 ? '' : 's'}: ${formatScore(spread.min)} – ${formatScore(spread.max)} (cv ${formatPercent(spread.cv)})`
    : graded
      ? 'no spread (fewer than two iterations scored)'
      : 'no spread (no grade)';
  lines.push(`${statusLine} · ${result.completedIterations}/${result.iterations} iterations · ${spreadText}`, '', energyLine(result), '');
  return lines;
}

function ecoindexCell(step: StepResult): string {
  return step.ecoindex ? `${step.ecoindex.score} ${escapeMarkdown(step.ecoindex.grade)}` : '–';
}

/** The ecoscore of a step with its grade (`steps[].grade`), or `–` and why it has none. */
export function stepScoreCell(step: StepResult): string {
  const score = step.scores?.ecoscore;
  if (score !== null && score !== undefined) {
    const grade = stepGrade(step);
    return `**${formatScore(score)}**${grade ? ` ${escapeMarkdown(grade)}` : ''}`;
  }
  const gap = stepGap(step);
  return gap && gap.kind !== 'reference' ? `– ${englishText(stepGapPhrase(gap, REPORT_LABELS.en), escapeMarkdown)}` : '–';
}

/** The added charge of a step in µAh (what energy is scored on), with its basis when the steps' bases differ. */
function addedChargeCell(step: StepResult, perStepBasis: boolean): string {
  const uah = toUah(step.metrics.excessEnergyMah);
  const basis = perStepBasis ? stepEnergyBasis(step) : null;
  return `${uah === null ? '–' : significant(uah)}${basis ? ` (${basis.basis === 'measured' ? 'measured' : 'modelled'})` : ''}`;
}

/** The note under the step table: what EcoIndex of the step is, and how it differs from ecoindex.fr's. */
export const ECOINDEX_NOTE_MARKDOWN = `_${escapeMarkdown(REPORT_LABELS.en.ecoindexNote)}_`;

function stepTable(result: Result): string[] {
  if (result.steps.length === 0) return ['_No step measured._', ''];
  const perStepBasis = energyLabelOf(result).label === 'partly-measured';
  const lines = [
    '| # | | Step (étape) | Type | Response | Transfer | Requests | Added charge (µAh) | Energy | Perf. | Data | Ecoscore | EcoIndex of the step |',
    '|---:|:---:|---|---|---:|---:|---:|---:|---:|---:|---:|---:|:---:|',
  ];
  result.steps.forEach((step, index) => {
    const m = step.metrics;
    const name = `${escapeMarkdown(step.name)}${step.critical ? ' ★' : ''}`;
    lines.push(
      `| ${index + 1} | ${stepStatusEmoji(step)} | ${name} | ${step.type} | ${formatMs(m.responseMs)} | ${formatBytes(m.bytes)} | ${m.requests ?? '–'} | ${addedChargeCell(step, perStepBasis)} | ${formatScore(step.scores?.energy)} | ${formatScore(step.scores?.performance)} | ${formatScore(step.scores?.data)} | ${stepScoreCell(step)} | ${ecoindexCell(step)} |`,
    );
  });
  lines.push(
    '',
    '★ critical step (weighs more in the ecoscore) · ✅ passed · ⚠️ passed, failed in some iterations · ❌ failed · ⏭️ not run · Response: from the last input to the end of the wait and of the requests (what performance is scored on) · Added charge: what the step’s work adds to an idle phone (what energy is scored on)',
    '',
    ...(ecoindexNoteApplies(result) ? [ECOINDEX_NOTE_MARKDOWN, ''] : []),
  );
  const t = result.summary.totals;
  const totals = [
    `duration ${formatMs(t.durationMs)}`,
    `transfer ${formatBytes(t.bytes)}`,
    `${t.requests ?? '–'} requests`,
    `main-thread CPU ${formatMs(t.cpuMs)}`,
    ...(typeof t.energyMah === 'number' ? [`energy ${significant(t.energyMah)} mAh`] : []),
  ];
  lines.push(`**Journey totals:** ${totals.join(' · ')}`, '');
  return lines;
}

/**
 * A string from the page (a URL) as an inline code span: shown as typed, never a link (GitHub autolinks
 * bare URLs), never HTML. Backticks and line breaks are dropped; `|` is escaped for table cells (GitHub reads
 * `\|` as `|` inside a code span in a table).
 */
export function codeSpan(text: string): string {
  const clean = text.replace(/[`\r\n]/g, '').replace(/\|/g, '\\|');
  return clean === '' ? '–' : `\`${clean}\``;
}

/** Recommendations shown per step in report.md (the HTML report lists them all). */
export const MARKDOWN_RECOMMENDATIONS_PER_STEP = 3;

/**
 * Lighthouse's sobriety recommendations (`--lighthouse`): one row per recommendation, at most
 * {@link MARKDOWN_RECOMMENDATIONS_PER_STEP} per step, with the resource that saves the most.
 */
function recommendations(result: Result): string[] {
  const audited = result.steps.map((step, index) => ({ step, index })).filter(({ step }) => step.lighthouse);
  const pass = result.environment.lighthouse ?? null;
  if (audited.length === 0 && !pass) return [];
  // A version is digits and dots; anything else in it is dropped rather than escaped.
  const version = typeof pass?.lighthouseVersion === 'string' ? ` ${pass.lighthouseVersion.replace(/[^0-9A-Za-z.+-]/g, '')}` : '';
  const lines = [
    '**Recommendations (recommandations)**',
    '',
    `_Lighthouse${version}, separate pass after the measured iterations: not in the medians, scores or footprint. Energy: radio charge of the saved bytes in the energy model._`,
    '',
  ];
  if (typeof pass?.error === 'string') lines.push(`⚠️ ${escapeMarkdown(pass.error)}`, '');
  const rows: string[] = [];
  for (const { step, index } of audited) {
    const lh = step.lighthouse!;
    const name = escapeMarkdown(step.name);
    if (lh.error) {
      rows.push(`| ${index + 1} | ${name} | no audit: ${escapeMarkdown(lh.error)} | – | – | – |`);
      continue;
    }
    for (const rec of lh.recommendations.slice(0, MARKDOWN_RECOMMENDATIONS_PER_STEP)) {
      const top = rec.items[0];
      const saved = rec.estimatedSavingsBytes !== null ? formatBytes(rec.estimatedSavingsBytes) : rec.displayValue ? escapeMarkdown(rec.displayValue) : '–';
      rows.push(
        `| ${index + 1} | ${name} | ${escapeMarkdown(rec.title)}${rec.repeatVisit ? ' (next visit)' : ''} | ${saved} | ${
          rec.estimatedEnergyMah === null ? '–' : `${significant(rec.estimatedEnergyMah)} mAh`
        } | ${top ? codeSpan(top.url) : '–'} |`,
      );
    }
  }
  if (rows.length === 0) return [...lines, '_No sobriety recommendation._', ''];
  lines.push('| # | Step (étape) | Recommendation | Saving | Energy | Main resource |', '|---:|---|---|---:|---:|---|', ...rows, '');
  return lines;
}

function failures(result: Result): string[] {
  const failed = result.steps.filter((step) => step.status === 'failed' || step.failedIterations > 0);
  if (failed.length === 0) return [];
  const lines = ['**Failures (échecs)**', ''];
  for (const step of failed) {
    const where = lastFailedAction(result, step);
    lines.push(
      `- ${escapeMarkdown(step.name)} — failed in ${step.failedIterations} of ${step.failedIterations + step.passedIterations} iteration(s)${
        where ? ` at ${escapeMarkdown(where)}` : ''
      }: ${escapeMarkdown(step.error ?? 'no error recorded')}`,
    );
  }
  lines.push('');
  return lines;
}

/** `actions[2] click` of the last failed sample of a step, when the runner recorded it. */
export function lastFailedAction(result: Result, step: StepResult): string | undefined {
  const index = result.steps.indexOf(step);
  let found: string | undefined;
  for (const run of result.runs) {
    for (const sample of run.samples) if (sample.index === index && sample.status === 'failed' && sample.failedAction) found = sample.failedAction;
  }
  return found;
}

function footprint(result: Result): string[] {
  const rows = footprintRows(result);
  if (rows.length === 0) return ['**Footprint (empreinte):** not computed.', ''];
  const lines = [
    '| Footprint (empreinte) | Greenhouse gases (GES) | Water (eau) | Resources (ADP) |',
    '|---|---:|---:|---:|',
    ...rows.map((row) => `| ${row.label} | ${formatGhg(row.impacts.ghgGrams)} | ${formatWater(row.impacts.waterLitres)} | ${formatAdp(row.impacts.adpKgSbEq)} |`),
    '',
  ];
  return lines;
}

/** The result's warnings in English (their `message`, as the CI logs print them); failed steps have their own section. */
function warnings(result: Result): string[] {
  const shown = warningsOf(result).filter((warning) => warning.code !== 'step-failed');
  if (shown.length === 0) return [];
  return ['**Warnings (avertissements)**', '', ...shown.map((warning) => `- ${escapeMarkdown(warning.message)}`), ''];
}

/** One line naming where and how the journey was measured. */
export function environmentLine(result: Result): string {
  const env = result.environment;
  const scoring = env.methodology?.scoring;
  const parts = [
    `journey ${result.journey.file}`,
    `device ${env.device.name}`,
    `network ${env.network.name}`,
    env.browser ? `${env.browser.name} ${env.browser.version}` : 'no browser',
    `host ${env.host.platform} ${env.host.arch}, ${env.host.cpus} CPUs`,
    ...(scoring?.id ? [`scoring ${scoring.id} ${scoring.version}`.trim()] : []),
    `started ${env.startedAt}`,
    `${result.tool.name} ${result.tool.version}`,
  ];
  return parts.map((part) => escapeMarkdown(part)).join(' · ');
}

/**
 * The result as GitHub-flavoured Markdown: headline (ecoscore, grade, sub-scores, spread), energy
 * source, one table row per step, footprint per journey and per 1,000 journeys, failures, warnings and
 * a one-line environment.
 */
export function renderMarkdown(result: Result): string {
  const lines = [
    ...headline(result),
    ...stepTable(result),
    ...footprint(result),
    ...constrainedMarkdown(result, escapeMarkdown),
    ...recommendations(result),
    ...failures(result),
    ...warnings(result),
    `<sub>${environmentLine(result)}</sub>`,
  ];
  return `${lines.join('\n').trimEnd()}\n`;
}
