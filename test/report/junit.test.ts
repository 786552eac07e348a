/**
 * The JUnit XML report: one suite per journey, one case per step, failures and skips counted as CI tools
 * read them, and well-formed XML whatever the step names and errors hold.
 */
import { describe, expect, it } from 'vitest';
import { renderJunit } from '../../src/report/junit.js';
import { readResult } from '../../src/output/result-file.js';
import { normaliseWarning, type Result } from '../../src/model/result.js';

const FIXTURE = 'test/fixtures/results/demo-health/result.json';
const fixture = async (): Promise<Result> => readResult(FIXTURE);

interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(text: string, where: string): string {
  if (/&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/.test(text)) throw new Error(`bare & in ${where}`);
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (_, ref: string) =>
    ref.startsWith('#x') ? String.fromCodePoint(parseInt(ref.slice(2), 16)) : ref.startsWith('#') ? String.fromCodePoint(Number(ref.slice(1))) : ENTITIES[ref],
  );
}

/**
 * A small strict XML reader (enough for this report): one root element, balanced tags, quoted and unique
 * attributes, only the five predefined entities and character references, no characters XML forbids.
 * Throws on anything malformed.
 */
function parseXml(xml: string): XmlElement {
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/.test(xml)) throw new Error('character not allowed in XML');
  let rest = xml.replace(/^<\?xml version="1\.0" encoding="UTF-8"\?>\n/, '');
  if (rest === xml) throw new Error('missing XML declaration');
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  const token = /^(?:<!--[\s\S]*?-->|<\/([A-Za-z_][\w.-]*)\s*>|<([A-Za-z_][\w.-]*)((?:\s+[A-Za-z_][\w.:-]*\s*=\s*"[^"<]*")*)\s*(\/?)>|([^<]+))/;
  while (rest.length > 0) {
    const match = token.exec(rest);
    if (!match) throw new Error(`malformed XML near: ${rest.slice(0, 60)}`);
    rest = rest.slice(match[0].length);
    const [, close, open, attrs, selfClosing, text] = match;
    if (text !== undefined) {
      if (stack.length === 0) {
        if (text.trim() !== '') throw new Error('text outside the root element');
      } else stack[stack.length - 1].text += decode(text, 'text');
    } else if (close !== undefined) {
      const top = stack.pop();
      if (!top || top.name !== close) throw new Error(`</${close}> does not close <${top?.name}>`);
    } else if (open !== undefined) {
      const element: XmlElement = { name: open, attributes: {}, children: [], text: '' };
      for (const [, key, value] of (attrs ?? '').matchAll(/([A-Za-z_][\w.:-]*)\s*=\s*"([^"]*)"/g)) {
        if (key in element.attributes) throw new Error(`duplicate attribute ${key}`);
        element.attributes[key] = decode(value, `attribute ${key}`);
      }
      if (stack.length > 0) stack[stack.length - 1].children.push(element);
      else if (root) throw new Error('two root elements');
      else root = element;
      if (!selfClosing) stack.push(element);
    }
  }
  if (stack.length > 0) throw new Error(`<${stack[stack.length - 1].name}> is not closed`);
  if (!root) throw new Error('no root element');
  return root;
}

const child = (element: XmlElement, name: string): XmlElement | undefined => element.children.find((c) => c.name === name);
const childrenNamed = (element: XmlElement, name: string): XmlElement[] => element.children.filter((c) => c.name === name);

describe('renderJunit on the recorded demo result', () => {
  it('is one test suite named after the journey, with one test case per step and the counts CI tools read', async () => {
    const result = await fixture();
    const root = parseXml(renderJunit(result));
    expect(root.name).toBe('testsuites');
    const suites = childrenNamed(root, 'testsuite');
    expect(suites).toHaveLength(1);
    const suite = suites[0];
    // time: summary.totals.durationMs as recorded, in seconds to the ms; timestamp: the recorded run's start, to the second.
    const time = (result.summary.totals.durationMs! / 1000).toFixed(3);
    const timestamp = result.environment.startedAt.slice(0, 19);
    expect(suite.attributes).toMatchObject({ name: result.journey.name, tests: '9', failures: '0', errors: '0', skipped: '0', time, timestamp });
    expect(root.attributes).toMatchObject({ tests: '9', failures: '0', errors: '0', skipped: '0' });
    const cases = childrenNamed(suite, 'testcase');
    expect(cases.map((c) => c.attributes.name)).toEqual(result.steps.map((step) => step.name));
    for (const [i, testcase] of cases.entries()) {
      expect(testcase.attributes.classname).toBe(result.journey.name);
      expect(Number(testcase.attributes.time)).toBeCloseTo((result.steps[i].metrics.durationMs ?? 0) / 1000, 3);
      expect(child(testcase, 'failure')).toBeUndefined();
      expect(child(testcase, 'skipped')).toBeUndefined();
    }
  });

  it('puts each step’s figures in its system-out and the headline in the suite properties', async () => {
    const result = await fixture();
    const root = parseXml(renderJunit(result));
    const suite = root.children[0];
    const properties = Object.fromEntries((child(suite, 'properties')?.children ?? []).map((p) => [p.attributes.name, p.attributes.value]));
    // The recorded headline (result.json summary), with one decimal.
    expect(properties).toMatchObject({ ecoscore: result.summary.ecoscore!.toFixed(1), grade: result.summary.grade, 'grade.status': 'graded', energySource: 'modelled', device: 'mid-range-phone', network: 'wifi', 'journey.file': 'journeys/demo-health.yaml' });
    const login = childrenNamed(suite, 'testcase')[1];
    const out = child(login, 'system-out')?.text ?? '';
    expect(out).toContain('type: first-load (critical)');
    expect(out).toContain('transfer: 28.2 kB in 5 requests');
    // The login page as recorded: 108.061 µAh/s, discharge ratio 1.738 (3 significant digits), scores with one decimal.
    expect(out).toContain('discharge: 108 µAh/s (× 1.74 the reference)');
    const { scores, grade } = result.steps[1];
    expect(out).toContain(`scores: ecoscore ${scores!.ecoscore!.toFixed(1)} (grade ${grade}), energy ${scores!.energy!.toFixed(1)}, performance ${scores!.performance!.toFixed(1)}, data ${scores!.data!.toFixed(1)}`);
    expect(out).toContain('EcoIndex of the step: 95 (A), 1.1 g CO2e, 1.65 cl water');
    expect(out).toContain('screenshot: screenshots/3/02-login-page.png');
  });
});

describe('renderJunit with failures, skips and hostile strings', () => {
  const broken = async (): Promise<Result> => {
    const result = await fixture();
    const failed = result.steps[2];
    failed.name = 'sign <in> & "go" \'now\'';
    failed.status = 'failed';
    failed.failedIterations = 3;
    failed.passedIterations = 0;
    failed.error = 'Timeout 15000ms exceeded waiting for text "Tableau de bord" <div>\nline two \u0001 ]]>';
    for (const run of result.runs) {
      const sample = run.samples.find((s) => s.index === 2);
      if (sample) Object.assign(sample, { status: 'failed', failedAction: 'actions[3] waitFor' });
    }
    for (const step of result.steps.slice(3)) step.status = 'skipped';
    result.journey.name = 'Journey <&> "quoted"';
    result.status = 'failed';
    result.warnings = [normaliseWarning('a warning with <angle> & ampersand')];
    return result;
  };

  it('stays well-formed and gives back the exact names', async () => {
    const result = await broken();
    const root = parseXml(renderJunit(result));
    const suite = root.children[0];
    expect(suite.attributes.name).toBe('Journey <&> "quoted"');
    const cases = childrenNamed(suite, 'testcase');
    expect(cases[2].attributes.name).toBe('sign <in> & "go" \'now\'');
    expect(cases[2].attributes.classname).toBe('Journey <&> "quoted"');
    expect(child(suite, 'system-err')?.text).toBe('a warning with <angle> & ampersand');
  });

  it('counts the failed step as a failure with its message and where it failed, and the rest as skipped', async () => {
    const root = parseXml(renderJunit(await broken()));
    const suite = root.children[0];
    expect(suite.attributes).toMatchObject({ tests: '9', failures: '1', skipped: '6', errors: '0' });
    const cases = childrenNamed(suite, 'testcase');
    const failure = child(cases[2], 'failure');
    expect(failure?.attributes.message).toBe('Timeout 15000ms exceeded waiting for text "Tableau de bord" <div>\nline two \uFFFD ]]>');
    expect(failure?.attributes.type).toBe('CriticalStepFailed');
    expect(failure?.text).toContain('at actions[3] waitFor');
    expect(failure?.text).toContain('failed in 3 of 3 iteration(s)');
    for (const testcase of cases.slice(3)) {
      expect(child(testcase, 'skipped')).toBeDefined();
      expect(child(testcase, 'failure')).toBeUndefined();
    }
    for (const testcase of cases.slice(0, 2)) expect(testcase.children.map((c) => c.name)).toEqual(['system-out']);
  });
});
