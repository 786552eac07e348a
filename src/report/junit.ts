/**
 * JUnit XML report, for CI systems that show test results (GitLab, Jenkins, Azure, GitHub test-report
 * actions): one `<testsuite>` per journey, one `<testcase>` per step, a `<failure>` for a failed step, a
 * `<skipped>` for a step that was not run, and the step's figures in `<system-out>`.
 *
 * Follows the common JUnit schema (the one Jenkins, GitLab and Ant tools read): `testsuites` →
 * `testsuite` (name, tests, failures, errors, skipped, time, timestamp) → `properties`, `testcase`
 * (classname, name, time) → `failure`/`skipped`, `system-out`. Times are seconds.
 *
 * Pure: a Result in, text out.
 */
import type { Result, StepResult } from '../result/schema.js';
import { formatBytes, formatMs, formatPercent } from '../shared/format.js';
import { energySourceInfo, formatAdp, formatGhg, formatScore, formatWater, lastFailedAction, significant } from './markdown.js';

// Characters XML 1.0 cannot hold at all (control characters but tab and line breaks, lone surrogates, U+FFFE/U+FFFF).
// eslint-disable-next-line no-control-regex
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text content for XML: `& < >` escaped (quotes too), characters XML cannot hold replaced by U+FFFD. */
export function escapeXml(text: string): string {
  return text
    .replace(XML_INVALID, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** An attribute value: as {@link escapeXml}, with line breaks and tabs kept as character references. */
export function escapeXmlAttribute(text: string): string {
  return escapeXml(text).replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');
}

/** Milliseconds as JUnit seconds with 3 decimals; null → `0`. */
function seconds(ms: number | null | undefined): string {
  return ms === null || ms === undefined || !Number.isFinite(ms) ? '0' : (ms / 1000).toFixed(3);
}

/** ISO date as the schema's `xs:dateTime` without time zone or fraction (`2026-11-21T23:04:57`), UTC. */
function junitTimestamp(iso: string): string | null {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date.toISOString().slice(0, 19);
}

/** The figures of one step as plain text lines (the `<system-out>` of its test case). */
export function stepFigures(step: StepResult): string {
  const m = step.metrics;
  const lines = [
    `type: ${step.type}${step.critical ? ' (critical)' : ''}`,
    `status: ${step.status} (passed in ${step.passedIterations}, failed in ${step.failedIterations} iteration(s))`,
    `duration: ${formatMs(m.durationMs)}${m.readyMs !== null ? ` (ready after ${formatMs(m.readyMs)})` : ''}`,
    `transfer: ${formatBytes(m.bytes)} in ${m.requests ?? '–'} requests (${m.cachedRequests ?? '–'} from cache)`,
    `main-thread CPU: ${formatMs(m.cpuMs)} (script ${formatMs(m.scriptMs)}, layout ${formatMs(m.layoutMs)}); browser processes CPU: ${formatMs(m.processCpuMs)}`,
    `memory: ${formatBytes(m.memoryBytes)} JS heap; DOM: ${m.domElements ?? '–'} elements`,
    `energy: ${m.energyMah === null ? '–' : `${significant(m.energyMah)} mAh`}; discharge: ${m.dischargeUahPerS === null ? '–' : `${significant(m.dischargeUahPerS)} µAh/s`}${
      step.dischargeRatio !== null && step.dischargeRatio !== undefined ? ` (× ${significant(step.dischargeRatio)} the reference)` : ''
    }`,
    step.scores
      ? `scores: ecoscore ${formatScore(step.scores.ecoscore)}, energy ${formatScore(step.scores.energy)}, performance ${formatScore(step.scores.performance)}, data ${formatScore(step.scores.data)}`
      : 'scores: not computed',
    step.ecoindex
      ? `EcoIndex: ${formatScore(step.ecoindex.score)} (${step.ecoindex.grade}), ${significant(step.ecoindex.ghgGrams)} g CO2e, ${significant(step.ecoindex.waterCl)} cl water`
      : 'EcoIndex: –',
    step.footprint
      ? `footprint: ${formatGhg(step.footprint.ghgGrams)}, ${formatWater(step.footprint.waterLitres)} water, ${formatAdp(step.footprint.adpKgSbEq)}`
      : 'footprint: not computed',
  ];
  const cv = step.spread.durationMs?.cv;
  if (cv !== undefined && cv !== null) lines.push(`duration spread: cv ${formatPercent(cv)} over ${step.spread.durationMs.n} iteration(s)`);
  if (step.screenshot) lines.push(`screenshot: ${step.screenshot}`);
  return lines.join('\n');
}

function property(name: string, value: string | number | null | undefined): string {
  return `      <property name="${escapeXmlAttribute(name)}" value="${escapeXmlAttribute(value === null || value === undefined ? '' : String(value))}"/>`;
}

function testcase(result: Result, step: StepResult): string {
  const suite = escapeXmlAttribute(result.journey.name);
  const open = `    <testcase classname="${suite}" name="${escapeXmlAttribute(step.name)}" time="${seconds(step.metrics.durationMs)}">`;
  const body: string[] = [];
  if (step.status === 'failed') {
    const message = step.error ?? 'the step failed';
    const where = lastFailedAction(result, step);
    const detail = [
      message,
      ...(where ? [`at ${where}`] : []),
      `failed in ${step.failedIterations} of ${step.failedIterations + step.passedIterations} iteration(s)`,
    ].join('\n');
    body.push(`      <failure message="${escapeXmlAttribute(message)}" type="${step.critical ? 'CriticalStepFailed' : 'StepFailed'}">${escapeXml(detail)}</failure>`);
  } else if (step.status === 'skipped') {
    body.push(`      <skipped message="${escapeXmlAttribute(step.error ?? 'not run: the journey stopped before this step')}"/>`);
  }
  body.push(`      <system-out>${escapeXml(stepFigures(step))}</system-out>`);
  return [open, ...body, '    </testcase>'].join('\n');
}

/** The result as JUnit XML (one test suite, one test case per step). */
export function renderJunit(result: Result): string {
  const steps = result.steps;
  const tests = steps.length;
  const failures = steps.filter((step) => step.status === 'failed').length;
  const skipped = steps.filter((step) => step.status === 'skipped').length;
  const totalMs = result.summary.totals.durationMs ?? steps.reduce((sum, step) => sum + (step.metrics.durationMs ?? 0), 0);
  const time = seconds(totalMs);
  const name = escapeXmlAttribute(result.journey.name);
  const timestamp = junitTimestamp(result.environment.startedAt);
  const energy = energySourceInfo(result);
  const env = result.environment;
  const counts = `tests="${tests}" failures="${failures}" errors="0" skipped="${skipped}" time="${time}"`;
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${escapeXmlAttribute(result.tool.name)}" ${counts}>`,
    `  <testsuite name="${name}" ${counts}${timestamp ? ` timestamp="${timestamp}"` : ''}>`,
    '    <properties>',
    property('ecoscore', result.summary.ecoscore),
    property('grade', result.summary.grade),
    property('score.energy', result.summary.scores?.energy),
    property('score.performance', result.summary.scores?.performance),
    property('score.data', result.summary.scores?.data),
    property('footprint.ghgGrams', result.summary.footprint?.ghgGrams),
    property('footprint.waterLitres', result.summary.footprint?.waterLitres),
    property('status', result.status),
    property('iterations', `${result.completedIterations}/${result.iterations}`),
    property('journey.file', result.journey.file),
    property('journey.sha256', result.journey.sha256),
    property('device', env.device.id),
    property('network', env.network.id),
    property('browser', env.browser ? `${env.browser.name} ${env.browser.version}` : null),
    property('energySource', energy.kind),
    property('tool', `${result.tool.name} ${result.tool.version}`),
    '    </properties>',
    ...steps.map((step) => testcase(result, step)),
  ];
  if (result.warnings.length > 0) lines.push(`    <system-err>${escapeXml(result.warnings.join('\n'))}</system-err>`);
  lines.push('  </testsuite>', '</testsuites>');
  return `${lines.join('\n')}\n`;
}
