/**
 * The Markdown report (PR comment / CI job summary) of the recorded demo result: headline, energy source,
 * one row per step, footprint, and strings from the journey or the page rendered as text, never as HTML.
 */
import { describe, expect, it } from 'vitest';
import { escapeMarkdown, formatGhg, formatWater, renderMarkdown } from '../../src/report/markdown.js';
import { readResult } from '../../src/output/result-file.js';
import { normaliseWarning, type Result } from '../../src/model/result.js';
import { asMethodology1x } from '../helpers/methodology-1x.js';

const FIXTURE = 'test/fixtures/results/demo-health/result.json';

const fixture = async (): Promise<Result> => readResult(FIXTURE);

/** A step's four scores as the table prints them (one decimal), then its ecoscore in bold with its grade. */
const scoreCells = (step: Result['steps'][number], grade: string | null | undefined = step.grade): string[] => {
  const { energy, performance, data, ecoscore } = step.scores!;
  return [energy!.toFixed(1), performance!.toFixed(1), data!.toFixed(1), `**${ecoscore!.toFixed(1)}** ${grade}`];
};

/** Cells of a Markdown table row, split on unescaped pipes. */
const cells = (row: string): string[] => row.replace(/^\|/, '').replace(/\|$/, '').split(/(?<!\\)\|/).map((cell) => cell.trim());

const tableRows = (markdown: string, header: RegExp): string[] => {
  const lines = markdown.split('\n');
  const start = lines.findIndex((line) => header.test(line));
  expect(start).toBeGreaterThanOrEqual(0);
  const rows: string[] = [];
  for (let i = start + 2; i < lines.length && lines[i].startsWith('|'); i++) rows.push(lines[i]);
  return rows;
};

describe('renderMarkdown on the recorded demo result', () => {
  it('leads with the ecoscore, its grade, the three sub-scores and the spread over iterations', async () => {
    const result = await fixture();
    const md = renderMarkdown(result);
    expect(md.startsWith('### 🌿 Ecoscore — Demo health app — record a blood pressure measure\n')).toBe(true);
    const [headline] = tableRows(md, /^\| Ecoscore \(écoscore\) \| Grade \(note\)/);
    // The recorded summary (result.json): ecoscore, grade and sub-scores with one decimal; the spread over the iterations.
    const { ecoscore, grade, scores, spread } = result.summary;
    expect(cells(headline)).toEqual([`**${ecoscore!.toFixed(1)}** / 100`, `**${grade}**`, scores!.energy!.toFixed(1), scores!.performance!.toFixed(1), scores!.data!.toFixed(1)]);
    const { min, max, cv } = spread!.ecoscore!;
    expect(md).toContain(`✅ all 9 steps passed · 3/3 iterations · spread (dispersion) over 3 iterations: ${min!.toFixed(1)} – ${max!.toFixed(1)} (cv ${(cv! * 100).toFixed(1)} %)`);
  });

  it('says the energy is modelled, with the model’s own description', async () => {
    const md = renderMarkdown(await fixture());
    expect(md).toMatch(/\*\*Energy source \(source de l’énergie\):\*\* \*\*modelled\*\* — Modelled from the measured CPU time of every browser process/);
  });

  it('has one table row per step with status, type, response, transfer, requests, added charge, scores and EcoIndex of the step', async () => {
    const result = await fixture();
    const md = renderMarkdown(result);
    const rows = tableRows(md, /^\| # \| \| Step \(étape\)/);
    expect(rows).toHaveLength(result.steps.length);
    result.steps.forEach((step, i) => expect(cells(rows[i])[2]).toContain(escapeMarkdown(step.name)));
    // login page as recorded: first-load, critical, response 771.2 ms, 28,202 bytes, 5 requests, added charge 63.404 µAh,
    // scores with one decimal, its grade, EcoIndex 95 A
    expect(cells(rows[1])).toEqual(['2', '✅', 'login page ★', 'first-load', '771 ms', '28.2 kB', '5', '63.4', ...scoreCells(result.steps[1]), '95 A']);
    // reference: no response time, its added charge (4.023 µAh), no score (2.0 does not score it), no EcoIndex
    expect(cells(rows[0]).slice(4)).toEqual(['–', '0 B', '0', '4.02', '–', '–', '–', '–', '–']);
    // summary.totals as recorded: 24,843.1 ms, 3,767,684 bytes, 44 requests, 2,863.0 ms of main-thread CPU, 2.318009 mAh
    expect(md).toContain('**Journey totals:** duration 24.84 s · transfer 3.77 MB · 44 requests · main-thread CPU 2.86 s · energy 2.32 mAh');
  });

  it('shows – for what a 1.x result has not: response time and added charge (synthetic 1.x variant of the fixture)', async () => {
    const result = asMethodology1x(await fixture(), { referenceScores: true });
    const rows = tableRows(renderMarkdown(result), /^\| # \| \| Step \(étape\)/);
    expect(rows).toHaveLength(result.steps.length);
    // login page: no response time, no added charge; the scores and the grade taken from the ecoscore (no steps[].grade in 1.x)
    expect(cells(rows[1])).toEqual(['2', '✅', 'login page ★', 'first-load', '–', '28.2 kB', '5', '–', ...scoreCells(result.steps[1], 'A'), '95 A']);
    // reference: no performance score, no EcoIndex (1.x scored its data)
    expect(cells(rows[0]).slice(8)).toEqual(['–', '–', '100.0', '**100.0** A', '–']);
  });

  it('gives the footprint per journey, per 1,000 journeys and per year', async () => {
    const md = renderMarkdown(await fixture());
    const rows = tableRows(md, /^\| Footprint \(empreinte\)/).map(cells);
    // summary.footprint and summary.projection as recorded (0.15386 g, 8.944 mL, 2.169e-9 kg per journey; 80,005 g,
    // 4,650.9 L, 1.128e-3 kg per year), to 3 significant digits
    expect(rows[0]).toEqual(['per journey', '0.154 g CO2e', '8.94 mL', '2.17e-9 kg Sb eq']);
    expect(rows[1]).toEqual(['per 1,000 journeys', '154 g CO2e', '8.94 L', '2.17e-6 kg Sb eq']);
    expect(rows[2]).toEqual(['per year (520,000 journeys)', '80 kg CO2e', '4.65 m³', '1.13e-3 kg Sb eq']);
  });

  it('ends with a one-line environment', async () => {
    const md = renderMarkdown(await fixture());
    const last = md.trimEnd().split('\n').pop() ?? '';
    expect(last.startsWith('<sub>journey journeys/demo-health.yaml · device Mid-range phone')).toBe(true);
    // The recorded environment: Chromium 156.0.8078.114, scoring profile 2.0.0, started on 2026-12-01.
    expect(last).toContain(' · chromium 156.0.8078.114 · host linux x64, 2 CPUs · scoring ecoscore-default 2.0.0 · started 2026-12-01T');
    expect(last.endsWith(' · ecoscore 0.1.0</sub>')).toBe(true);
  });
});

describe('renderMarkdown escaping and failures', () => {
  const hostile = async (): Promise<Result> => {
    const result = await fixture();
    result.journey.name = 'Journey <script>alert(1)</script>';
    result.steps[1].name = '<img src=x onerror=alert(1)>';
    result.steps[2].name = 'a | b\nc [click](javascript:alert(1)) **bold** @octocat $x$';
    result.steps[2].status = 'failed';
    result.steps[2].failedIterations = 1;
    result.steps[2].passedIterations = 2;
    result.steps[2].error = 'Timeout | waiting for <button>\nsecond line';
    result.status = 'failed';
    result.summary.failedSteps = 1;
    result.summary.passedSteps = 8;
    // Strings as an older version wrote them: read back as `step-failed` (left to the failures section) and `legacy-text`.
    result.warnings = [normaliseWarning(`step "${result.steps[2].name}" failed in 1 of 3 iteration(s): x`), normaliseWarning('# not a heading <b>bold</b>')];
    return result;
  };

  it('renders a step named <img src=x onerror=alert(1)> as text, not HTML', async () => {
    const md = renderMarkdown(await hostile());
    expect(md).not.toMatch(/<img|<script|<button|<b>/i);
    expect(md).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(md).toContain('Journey &lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('keeps the table intact: pipes escaped, line breaks removed, links and emphasis neutralised', async () => {
    const md = renderMarkdown(await hostile());
    const rows = tableRows(md, /^\| # \| \| Step \(étape\)/);
    expect(rows).toHaveLength(9);
    for (const row of rows) expect(cells(row)).toHaveLength(13);
    const name = cells(rows[2])[2];
    expect(name).toBe('a \\| b c \\[click\\](javascript:alert(1)) \\*\\*bold\\*\\* @\u200boctocat \\$x\\$ ★');
    expect(cells(rows[2])[1]).toBe('❌');
  });

  it('lists failures with their error, and the other warnings, once each', async () => {
    const md = renderMarkdown(await hostile());
    expect(md).toContain('❌ 1 of 9 steps failed');
    expect(md).toContain('**Failures (échecs)**');
    expect(md).toMatch(/^- a \\\| b c .* — failed in 1 of 3 iteration\(s\): Timeout \\\| waiting for &lt;button&gt; second line$/m);
    expect(md).toContain('- \\# not a heading &lt;b&gt;bold&lt;/b&gt;');
    expect(md.match(/failed in 1 of 3/g)).toHaveLength(1);
  });

  it('copes with a result that has no scores, footprint, spread or energy source yet', async () => {
    const result = await fixture();
    result.summary = { ...result.summary, ecoscore: null, grade: null, scores: null, footprint: null, spread: null, projection: undefined };
    result.environment.energySource = null;
    result.environment.browser = null;
    for (const step of result.steps) {
      step.scores = null;
      step.ecoindex = null;
      step.footprint = null;
    }
    const md = renderMarkdown(result);
    expect(md).toContain('| **–** / 100 | **no grade (pas de note)** | – | – | – |');
    expect(md).toContain('No grade: the result does not say why.');
    expect(md).toContain('no spread');
    expect(md).toContain('**Footprint (empreinte):** not computed.');
    expect(md).toContain('**unknown**');
  });
});

describe('footprint units', () => {
  it('switches to kg and m³ for large values and mL for small ones', () => {
    expect(formatGhg(0.0123)).toBe('0.0123 g CO2e');
    expect(formatGhg(1234)).toBe('1.23 kg CO2e');
    expect(formatWater(0.5)).toBe('500 mL');
    expect(formatWater(2)).toBe('2 L');
    expect(formatWater(12345)).toBe('12.3 m³');
  });
});
