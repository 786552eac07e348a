/**
 * JUnit XML report, for CI systems that show test results (GitLab, Jenkins, Azure, GitHub test-report
 * actions): one `<testsuite>` per journey, one `<testcase>` per step, a `<failure>` for a failed step, a
 * `<skipped>` for a step that was not run, and the step's figures in `<system-out>`. A journey without a grade
 * (methodology 2.0: a failed or skipped step, an input that could not be measured, no reference step…) gets one
 * more test case, `ecoscore`, failing with the reason, so that every CI reporter shows it; the suite's
 * properties carry `grade.status` and `grade.reason` too.
 *
 * Follows the common JUnit schema (the one Jenkins, GitLab and Ant tools read): `testsuites` →
 * `testsuite` (name, tests, failures, errors, skipped, time, timestamp) → `properties`, `testcase`
 * (classname, name, time) → `failure`/`skipped`, `system-out`. Times are seconds.
 *
 * Pure: a Result in, text out.
 */
import type { Result, StepResult } from '../model/result.js';
import { formatBytes, formatMs, formatPercent } from '../shared/format.js';
import { englishText, gradeStatusOf, gradeStatusSentence, isGraded, stepEnergyBasis, stepGap, stepGapPhrase, stepGrade, toUah, type GradeStatus } from './grade-view.js';
import { REPORT_LABELS } from './i18n.js';
import { warningsOf } from './i18n-warnings.js';
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

/** The scores line of a step: one decimal and its grade, or why it has none. */
function scoresLine(step: StepResult): string {
  const s = step.scores;
  const gap = stepGap(step);
  const grade = stepGrade(step);
  const scores = s
    ? `ecoscore ${formatScore(s.ecoscore)}${grade ? ` (grade ${grade})` : ''}, energy ${formatScore(s.energy)}, performance ${formatScore(s.performance)}, data ${formatScore(s.data)}`
    : null;
  const why = gap ? englishText(stepGapPhrase(gap, REPORT_LABELS.en)) : null;
  return `scores: ${[scores, why].filter((part) => part !== null).join('; ') || 'not computed'}`;
}

/** The CPU line: main thread, the browser's other threads and processes (methodology 2.0), the whole process tree. */
function cpuLine(step: StepResult): string {
  const m = step.metrics;
  const others = [
    m.rendererOtherCpuMs != null ? `other renderer threads ${formatMs(m.rendererOtherCpuMs)}` : null,
    m.gpuCpuMs != null ? `GPU ${formatMs(m.gpuCpuMs)}` : null,
    m.utilityCpuMs != null ? `network service ${formatMs(m.utilityCpuMs)}` : null,
  ].filter((part) => part !== null);
  return `main-thread CPU: ${formatMs(m.cpuMs)} (script ${formatMs(m.scriptMs)}, layout ${formatMs(m.layoutMs)})${others.length > 0 ? `; ${others.join(', ')}` : ''}; browser processes CPU: ${formatMs(m.processCpuMs)}`;
}

/** The figures of one step as plain text lines (the `<system-out>` of its test case). */
export function stepFigures(step: StepResult): string {
  const m = step.metrics;
  const added = toUah(m.excessEnergyMah);
  const basis = stepEnergyBasis(step);
  const lines = [
    `type: ${step.type}${step.critical ? ' (critical)' : ''}`,
    `status: ${step.status} (passed in ${step.passedIterations}, failed in ${step.failedIterations} iteration(s))`,
    `response time: ${formatMs(m.responseMs)}; duration: ${formatMs(m.durationMs)}${m.readyMs !== null ? ` (ready after ${formatMs(m.readyMs)})` : ''}`,
    `transfer: ${formatBytes(m.bytes)} in ${m.requests ?? '–'} requests (${m.cachedRequests ?? '–'} from cache)`,
    cpuLine(step),
    `memory: ${formatBytes(m.memoryBytes)} JS heap; DOM: ${m.domElements ?? '–'} elements${m.documentElements != null ? ` (main document ${m.documentElements})` : ''}`,
    `energy: added charge ${added === null ? '–' : `${significant(added)} µAh`}; total ${m.energyMah === null ? '–' : `${significant(m.energyMah)} mAh`}${basis ? ` (${basis.basis === 'measured' ? 'measured' : 'modelled'}${basis.reason ? `: ${basis.reason}` : ''})` : ''}; discharge: ${m.dischargeUahPerS === null ? '–' : `${significant(m.dischargeUahPerS)} µAh/s`}${
      step.dischargeRatio !== null && step.dischargeRatio !== undefined ? ` (× ${significant(step.dischargeRatio)} the reference)` : ''
    }`,
    scoresLine(step),
    step.ecoindex
      ? `EcoIndex of the step: ${step.ecoindex.score} (${step.ecoindex.grade}), ${significant(step.ecoindex.ghgGrams)} g CO2e, ${significant(step.ecoindex.waterCl)} cl water`
      : 'EcoIndex of the step: –',
    step.footprint
      ? `footprint: ${formatGhg(step.footprint.ghgGrams)}, ${formatWater(step.footprint.waterLitres)} water, ${formatAdp(step.footprint.adpKgSbEq)}`
      : 'footprint: not computed',
  ];
  const cv = step.spread.durationMs?.cv;
  if (cv !== undefined && cv !== null) lines.push(`duration spread: cv ${formatPercent(cv)} over ${step.spread.durationMs.n} iteration(s)`);
  if (step.screenshot) lines.push(`screenshot: ${step.screenshot}`);
  return lines.join('\n');
}

/** The failing `ecoscore` test case of a journey without a grade: the reason as its message. */
function noGradeTestcase(result: Result, status: GradeStatus): string {
  const suite = escapeXmlAttribute(result.journey.name);
  const reason = gradeStatusSentence(status);
  const detail = [reason, REPORT_LABELS.en.noGradeRule, `status code: ${status.code}`].join('\n');
  return [
    `    <testcase classname="${suite}" name="ecoscore" time="0">`,
    `      <failure message="${escapeXmlAttribute(reason)}" type="NoGrade">${escapeXml(detail)}</failure>`,
    '    </testcase>',
  ].join('\n');
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
  const status = gradeStatusOf(result);
  const graded = isGraded(status);
  const tests = steps.length + (graded ? 0 : 1);
  const failures = steps.filter((step) => step.status === 'failed').length + (graded ? 0 : 1);
  const skipped = steps.filter((step) => step.status === 'skipped').length;
  const totalMs = result.summary.totals.durationMs ?? steps.reduce((sum, step) => sum + (step.metrics.durationMs ?? 0), 0);
  const time = seconds(totalMs);
  const name = escapeXmlAttribute(result.journey.name);
  const timestamp = junitTimestamp(result.environment.startedAt);
  const energy = energySourceInfo(result);
  const env = result.environment;
  const scores = graded ? result.summary.scores : null;
  const score = (value: number | null | undefined) => (value === null || value === undefined ? null : formatScore(value));
  const methodologyVersion = env.methodology?.version;
  const counts = `tests="${tests}" failures="${failures}" errors="0" skipped="${skipped}" time="${time}"`;
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${escapeXmlAttribute(result.tool.name)}" ${counts}>`,
    `  <testsuite name="${name}" ${counts}${timestamp ? ` timestamp="${timestamp}"` : ''}>`,
    '    <properties>',
    property('ecoscore', graded ? score(result.summary.ecoscore) : null),
    property('grade', graded ? result.summary.grade : null),
    property('grade.status', status.code),
    property('grade.reason', gradeStatusSentence(status)),
    property('score.energy', score(scores?.energy)),
    property('score.performance', score(scores?.performance)),
    property('score.data', score(scores?.data)),
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
    ...(typeof methodologyVersion === 'string' ? [property('methodology', methodologyVersion)] : []),
    property('tool', `${result.tool.name} ${result.tool.version}`),
    '    </properties>',
    ...(graded ? [] : [noGradeTestcase(result, status)]),
    ...steps.map((step) => testcase(result, step)),
  ];
  const messages = warningsOf(result).map((warning) => warning.message);
  if (messages.length > 0) lines.push(`    <system-err>${escapeXml(messages.join('\n'))}</system-err>`);
  lines.push('  </testsuite>', '</testsuites>');
  return `${lines.join('\n')}\n`;
}
