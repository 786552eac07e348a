/**
 * Warnings in the outputs, from their codes: the HTML report phrases them in its language, Markdown leaves failed
 * steps to its failures section by code and prints the English message, JUnit and the CLI summary print the message;
 * a secret in a warning's params is redacted like any other value. Input: the recorded demo result
 * (test/fixtures/results/demo-health, see its PROVENANCE.md) with coded warnings added (synthetic texts).
 */
import { describe, expect, it } from 'vitest';
import { renderSummary } from '../../src/cli/summary.js';
import { Redactor } from '../../src/journey/secrets.js';
import { warning, type Result } from '../../src/model/result.js';
import { renderHtmlReport } from '../../src/report/html.js';
import { renderJunit } from '../../src/report/junit.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { readResult } from '../../src/output/result-file.js';

const STUB = '/* chart.js stub */ window.Chart = function () {};';

async function withWarnings(): Promise<Result> {
  const result = await readResult('test/fixtures/results/demo-health/result.json');
  result.warnings.push(
    warning('probe-unavailable', { probe: 'memory', reason: 'no heap figure' }, 'probe "memory" could not measure (its figures are null): no heap figure'),
    warning('browser-restarted', { restarts: 2 }, 'the browser crashed and was restarted 2 time(s)'),
    warning('step-failed', { step: 'sign in', failedIterations: 1, iterations: 3, error: 'boom' }, 'step "sign in" failed in 1 of 3 iteration(s): boom'),
  );
  return result;
}

/** The warnings section of the live language. */
function warningsSection(html: string): string {
  const live = html.slice(0, html.indexOf('<template'));
  const start = live.indexOf('<section id="warnings"');
  return live.slice(start, live.indexOf('</section>', start));
}

describe('warnings rendered from their codes', () => {
  it('HTML: phrased in the report’s language', async () => {
    const result = await withWarnings();
    const fr = warningsSection(renderHtmlReport(result, { chartJsSource: STUB, defaultLang: 'fr' }));
    const en = warningsSection(renderHtmlReport(result, { chartJsSource: STUB, defaultLang: 'en' }));
    expect(fr).toContain('La sonde « memory » n’a pas pu mesurer (ses chiffres sont vides) : no heap figure');
    expect(fr).toContain('Le navigateur s’est arrêté et a été relancé 2 fois.');
    expect(en).toContain('Probe “memory” could not measure (its figures are empty): no heap figure');
    expect(en).toContain('The browser crashed and was restarted 2 time(s).');
    // The English messages are not shown as such: they are for logs.
    expect(fr).not.toContain('could not measure (its figures are null)');
    // The recorded (older) unstable-figure sentences are read as codes, listed per step in French.
    expect(fr).toContain('Chiffres instables');
    expect(fr).not.toContain('is unstable (cv');
  });

  it('Markdown: no failed-step warning (the failures section has it), the other messages in English', async () => {
    const md = renderMarkdown(await withWarnings());
    const warnings = md.slice(md.indexOf('**Warnings (avertissements)**'));
    expect(warnings).toContain('- probe "memory" could not measure (its figures are null): no heap figure');
    expect(warnings).toContain('- the browser crashed and was restarted 2 time(s)');
    expect(warnings).not.toContain('failed in 1 of 3');
  });

  it('JUnit and the CLI summary: the messages', async () => {
    const result = await withWarnings();
    expect(renderJunit(result)).toContain('the browser crashed and was restarted 2 time(s)');
    expect(renderSummary(result)).toContain('warning: the browser crashed and was restarted 2 time(s)');
    expect(renderSummary(result)).toContain('warning: step "login page": readyMs is unstable (cv 14.1 %');
  });

  it('a secret in a warning’s params is redacted with the rest of the result', async () => {
    const result = await withWarnings();
    result.warnings.push(warning('lighthouse-failed', { error: 'login with s3cr3t-Value refused' }, 'Lighthouse: login with s3cr3t-Value refused'));
    const redacted = new Redactor(['s3cr3t-Value']).redactValue(result);
    expect(JSON.stringify(redacted)).not.toContain('s3cr3t-Value');
    expect(redacted.warnings.at(-1)).toMatchObject({ code: 'lighthouse-failed', params: { error: expect.stringContaining('login with') } });
  });
});
