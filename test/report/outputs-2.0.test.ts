/**
 * report.html, report.md and junit.xml of methodology 2.0 results: the recorded demo result
 * (test/fixtures/results/demo-health-2.0) and SYNTHETIC variants of it (test/report/fixture-2.0.ts) — a
 * journey without a grade shows the no-grade state and why, and no grade letter; a headline of 80.0 shows
 * "80.0" and "B"; the energy source has one label; steps show response time, added charge, their own grade,
 * why they have no score, and the EcoIndex of the step with its note.
 */
import { describe, expect, it } from 'vitest';
import { renderHtmlReport } from '../../src/report/html.js';
import { renderJunit } from '../../src/report/junit.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { readResult } from '../../src/output/result-file.js';
import type { Result } from '../../src/model/result.js';
import { asMethodology1x } from '../helpers/methodology-1x.js';
import { at80, partlyMeasured, recorded, withoutGrade, BROKEN_STEP, type NoGradeKind } from './fixture-2.0.js';

const STUB = '/* chart.js stub */ window.Chart = function () {};';
const KINDS: NoGradeKind[] = ['step-failed', 'step-skipped', 'input-missing', 'no-reference'];

/** The live language's #summary section. */
function summaryOf(html: string): string {
  const start = html.indexOf('<section id="summary"');
  return html.slice(start, html.indexOf('</section>', start));
}
/** The live language's part of the page. */
const live = (html: string) => html.slice(0, html.indexOf('<template'));
const section = (html: string, id: string) => {
  const start = html.indexOf(`<section id="${id}"`);
  return html.slice(start, html.indexOf('</section>', start));
};
/** Markdown table cells, split on unescaped pipes. */
const cells = (row: string) => row.replace(/^\|/, '').replace(/\|$/, '').split(/(?<!\\)\|/).map((cell) => cell.trim());
const rowAfter = (md: string, header: RegExp, offset = 2) => {
  const lines = md.split('\n');
  return lines[lines.findIndex((line) => header.test(line)) + offset];
};
/** The recorded headline (summary.ecoscore) with one decimal, as the English outputs print it. */
const recordedHeadline = async () => (await recorded()).summary.ecoscore!.toFixed(1);
const properties = (xml: string) => Object.fromEntries([...xml.matchAll(/<property name="([^"]+)" value="([^"]*)"\/>/g)].map((m) => [m[1], m[2]]));

describe('report.html of a journey without a grade', () => {
  const reasons: Record<NoGradeKind, { fr: string; en: string }> = {
    'step-failed': { fr: 'Pas de note : l’étape « sign in » a échoué (itération(s) 1).', en: 'No grade: step “sign in” failed (iteration(s) 1).' },
    'step-skipped': { fr: 'Pas de note : l’étape « sign in » n’a pas été jouée.', en: 'No grade: step “sign in” never ran.' },
    'input-missing': {
      fr: 'Pas de note : le sous-score énergie de l’étape « sign in » n’a pas pu être calculé (the power sampler lost samples for 1.2 s).',
      en: 'No grade: the energy sub-score of step “sign in” could not be computed (the power sampler lost samples for 1.2 s).',
    },
    'no-reference': { fr: 'Pas de note : le parcours n’a pas d’étape de référence', en: 'No grade: the journey has no reference step' },
  };
  const escaped = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

  for (const kind of KINDS) {
    it(`shows "no grade" and the reason in the summary card (results.png) in French and English, and no grade letter: ${kind}`, async () => {
      const result = withoutGrade(await recorded(), kind);
      const headline = new RegExp(`\\b${(await recordedHeadline()).replace('.', '[,.]')}\\b`);
      for (const lang of ['fr', 'en'] as const) {
        const summary = summaryOf(live(renderHtmlReport(result, { chartJsSource: STUB, defaultLang: lang })));
        expect(summary).toContain(lang === 'fr' ? '>Pas de note</span>' : '>No grade</span>');
        expect(summary).toContain(escaped(reasons[kind][lang]));
        expect(summary).not.toMatch(/class="gv">[A-G]</);
        expect(summary).not.toMatch(headline); // the recorded headline is not shown
        // No sub-score either.
        expect([...summary.matchAll(/<span class="g-num">([^<]*)<\/span>/g)].map((m) => m[1])).toEqual(['–', '–', '–', '–']);
      }
    });
  }

  it('puts the reason first among the warnings, and "–" with why in the failed step’s row', async () => {
    const html = live(renderHtmlReport(withoutGrade(await recorded(), 'step-failed'), { chartJsSource: STUB, defaultLang: 'en' }));
    const warnings = section(html, 'warnings');
    expect(warnings.indexOf('No grade: step “sign in” failed')).toBeGreaterThan(-1);
    expect(warnings.indexOf('No grade: step “sign in” failed')).toBeLessThan(warnings.indexOf('alert-error', warnings.indexOf('no-grade') + 10));
    const row = html.slice(html.indexOf('<tr class="failed">'), html.indexOf('</tr>', html.indexOf('<tr class="failed">')));
    expect(row).toContain(BROKEN_STEP);
    expect(row).toContain('no score: step failed (iteration(s) 1)');
    expect(row).not.toMatch(/class="gr g-[A-G]"/);
  });

  it('says which probe could not measure in the step’s row', async () => {
    const html = live(renderHtmlReport(withoutGrade(await recorded(), 'input-missing'), { chartJsSource: STUB }));
    expect(section(html, 'steps')).toContain('pas de score : énergie non mesuré(es) (energy: the power sampler lost samples for 1.2 s)');
  });
});

describe('report.html of the recorded 2.0 result', () => {
  it('shows the headline, sub-scores and step scores with one decimal, and steps[].grade', async () => {
    const result = await recorded();
    const html = live(renderHtmlReport(result, { chartJsSource: STUB }));
    const summary = summaryOf(html);
    // The recorded headline and energy sub-score, with one decimal and a French decimal comma, and the grade.
    const fr = (score: number) => score.toFixed(1).replace('.', ',');
    expect(summary).toContain(`<span class="g-num">${fr(result.summary.ecoscore!)}</span>`);
    expect(summary).toContain(`<span class="g-num">${fr(result.summary.scores!.energy!)}</span>`);
    expect(summary).toContain(`<span class="gv">${result.summary.grade}</span>`);
    // SYNTHETIC: a step grade from a profile with other bounds is shown as recorded, not recomputed.
    expect(result.steps[1].grade).not.toBe('C');
    result.steps[1].grade = 'C';
    expect(section(live(renderHtmlReport(result, { chartJsSource: STUB })), 'steps')).toContain(`<span class="pill g-C">${fr(result.steps[1].scores!.ecoscore!)}</span><span class="gr g-C"`);
  });

  it('shows response time and added charge (µAh) in the step table, and the EcoIndex of the step with its differences note', async () => {
    const steps = section(live(renderHtmlReport(await recorded(), { chartJsSource: STUB, defaultLang: 'en' })), 'steps');
    expect(steps).toContain('>Response time</th>');
    expect(steps).toContain('>Added charge</th>');
    expect(steps).toContain('<span class="v">54.6 µAh</span>'); // login page: excessEnergyMah 0.05465 (stored 0.054649…), as report.md and junit.xml print it
    expect(steps).toContain('<span class="v">667 ms</span>'); // login page: responseMs 666.9
    expect(steps).toContain('EcoIndex of the step</a>');
    expect(steps).toContain('ecoindex.fr loads the page alone in a 1920 × 1080 window');
    const french = section(live(renderHtmlReport(await recorded(), { chartJsSource: STUB })), 'steps');
    expect(french).toContain('EcoIndex de l’étape</a>');
    expect(french).toContain('ecoindex.fr charge la page seule dans une fenêtre de 1920 × 1080');
  });

  it('prints 80.0 and B for a headline of exactly 80 (synthetic)', async () => {
    const html = live(renderHtmlReport(at80(await recorded()), { chartJsSource: STUB, defaultLang: 'en' }));
    const summary = summaryOf(html);
    expect(summary).toContain('<span class="g-num">80.0</span>');
    expect(summary).toContain('<span class="g-num">75.0</span>');
    expect(summary).toMatch(/<span class="gv">B<\/span>/);
    expect(summary).not.toMatch(/<span class="g-num">80<\/span>/);
    expect(section(html, 'steps')).toContain('<span class="pill g-B">80.0</span>');
  });

  it('labels the energy source with energySourceLabel, in French and English, and each step’s basis when they differ', async () => {
    const modelled = summaryOf(live(renderHtmlReport(await recorded(), { chartJsSource: STUB })));
    expect(modelled).toContain('Énergie modélisée');
    const partly = partlyMeasured(await recorded());
    const fr = live(renderHtmlReport(partly, { chartJsSource: STUB }));
    expect(summaryOf(fr)).toContain('Énergie en partie mesurée');
    expect(summaryOf(fr)).toContain('8 étape(s) mesurée(s) sur l’appareil, 1 modélisée(s)');
    const en = live(renderHtmlReport(partly, { chartJsSource: STUB, defaultLang: 'en' }));
    expect(summaryOf(en)).toContain('Partly measured energy');
    expect(section(en, 'steps')).toContain('basis-model');
    expect(section(en, 'steps')).toContain('basis-measured');
    expect(en).not.toContain('device-counter');
  });
});

describe('report.md', () => {
  it('shows no grade and why, no grade letter and no sub-score, for every synthetic no-grade result', async () => {
    for (const kind of KINDS) {
      const md = renderMarkdown(withoutGrade(await recorded(), kind));
      expect(cells(rowAfter(md, /^\| Ecoscore \(écoscore\)/))).toEqual(['**–** / 100', '**no grade (pas de note)**', '–', '–', '–']);
      expect(md).toMatch(/^⛔ \*\*No grade: .+\*\*/m);
      expect(md).not.toContain(await recordedHeadline());
    }
    const failed = renderMarkdown(withoutGrade(await recorded(), 'step-failed'));
    expect(failed).toContain('⛔ **No grade: step “sign in” failed (iteration(s) 1).**');
    const row = failed.split('\n').find((line) => line.startsWith('| 3 |'))!;
    expect(cells(row)[11]).toBe('– no score: step failed (iteration(s) 1)');
    const missing = renderMarkdown(withoutGrade(await recorded(), 'input-missing')).split('\n').find((line) => line.startsWith('| 3 |'))!;
    expect(cells(missing)[11]).toBe('– no score: energy not measured (energy: the power sampler lost samples for 1.2 s)');
  });

  it('shows response time, added charge in µAh, one-decimal scores with steps[].grade, and the EcoIndex note', async () => {
    const result = await recorded();
    const md = renderMarkdown(result);
    const { ecoscore, grade, scores } = result.summary;
    expect(cells(rowAfter(md, /^\| Ecoscore \(écoscore\)/))).toEqual([`**${ecoscore!.toFixed(1)}** / 100`, `**${grade}**`, scores!.energy!.toFixed(1), scores!.performance!.toFixed(1), scores!.data!.toFixed(1)]);
    const login = md.split('\n').find((line) => line.startsWith('| 2 |'))!;
    // login page as recorded: responseMs 666.9, 28,202 bytes, 5 requests, excessEnergyMah 0.05465; its scores and grade.
    const step = result.steps[1].scores!;
    const stepScores = [step.energy, step.performance, step.data].map((score) => score!.toFixed(1));
    expect(cells(login)).toEqual(['2', '✅', 'login page ★', 'first-load', '667 ms', '28.2 kB', '5', '54.6', ...stepScores, `**${step.ecoscore!.toFixed(1)}** ${result.steps[1].grade}`, '95 A']);
    expect(md).toContain('| Response | Transfer | Requests | Added charge (µAh) |');
    expect(md).toContain('EcoIndex of the step |');
    expect(md).toContain('ecoindex.fr loads the page alone in a 1920 × 1080 window');
  });

  it('adds the EcoIndex note only where it is true: a 2.0 result (cold loads only), not a 1.x one', async () => {
    // SYNTHETIC 1.x variant of the recorded demo result (no methodology version); it keeps the login page's EcoIndex.
    const legacyResult = asMethodology1x(await readResult('test/fixtures/results/demo-health/result.json'));
    expect(legacyResult.steps.some((step) => step.ecoindex !== null)).toBe(true);
    const legacy = renderMarkdown(legacyResult);
    expect(legacy).toContain('EcoIndex of the step |');
    expect(legacy).not.toContain('ecoindex.fr loads the page alone');
    expect(renderHtmlReport(legacyResult, { chartJsSource: STUB })).not.toContain('id="ecoindex-note"');
  });

  it('prints 80.0 and B (synthetic headline of exactly 80)', async () => {
    const md = renderMarkdown(at80(await recorded()));
    expect(cells(rowAfter(md, /^\| Ecoscore \(écoscore\)/))).toEqual(['**80.0** / 100', '**B**', '80.0', '75.0', '85.0']);
    expect(md).toContain('| **80.0** B |');
  });

  it('says why the energy is modelled when a device instrument ran but measured nothing usable (synthetic reason)', async () => {
    const result = await recorded();
    (result.environment.energySource as Record<string, unknown>).reason = 'the phone was charging';
    expect(renderMarkdown(result)).toMatch(/\*\*modelled\*\* — .* — modelled because: the phone was charging/);
    expect(summaryOf(live(renderHtmlReport(result, { chartJsSource: STUB })))).toContain('modélisée parce que : the phone was charging');
  });

  it('prints the one energy-source label, and each step’s basis when some are modelled', async () => {
    expect(renderMarkdown(await recorded())).toContain('**Energy source (source de l’énergie):** **modelled** —');
    const md = renderMarkdown(partlyMeasured(await recorded()));
    expect(md).toContain('**Energy source (source de l’énergie):** **partly-measured** — 8 step(s) measured on the device, 1 modelled');
    // Added charge as recorded (sign in 61.323 µAh, login page 54.65 µAh), then the step's basis.
    expect(cells(md.split('\n').find((line) => line.startsWith('| 3 |'))!)[7]).toBe('61.3 (modelled)');
    expect(cells(md.split('\n').find((line) => line.startsWith('| 2 |'))!)[7]).toBe('54.6 (measured)');
  });
});

describe('junit.xml', () => {
  it('fails an "ecoscore" test case with the reason, and leaves grade and scores empty, when there is no grade', async () => {
    for (const kind of KINDS) {
      const result: Result = withoutGrade(await recorded(), kind);
      const xml = renderJunit(result);
      const props = properties(xml);
      expect(props).toMatchObject({ ecoscore: '', grade: '', 'grade.status': kind, 'score.energy': '', 'score.performance': '', 'score.data': '' });
      expect(props['grade.reason']).toMatch(/^No grade: /);
      const testcase = /<testcase classname="[^"]*" name="ecoscore" time="0">\s*<failure message="([^"]*)" type="NoGrade">/.exec(xml);
      expect(testcase?.[1]).toBe(props['grade.reason']);
      const steps = result.steps.length;
      const failures = result.steps.filter((step) => step.status === 'failed').length + 1;
      expect(xml).toContain(`<testsuites name="ecoscore" tests="${steps + 1}" failures="${failures}"`);
    }
  });

  it('has no ecoscore test case for a graded result, one-decimal properties, and the one energy label', async () => {
    const result = await recorded();
    const xml = renderJunit(result);
    expect(xml).not.toContain('name="ecoscore" time');
    const { ecoscore, grade, scores } = result.summary;
    expect(properties(xml)).toMatchObject({ ecoscore: ecoscore!.toFixed(1), grade, 'grade.status': 'graded', 'score.energy': scores!.energy!.toFixed(1), energySource: 'modelled', methodology: '2.0.0' });
    expect(properties(renderJunit(at80(await recorded())))).toMatchObject({ ecoscore: '80.0', grade: 'B', 'score.energy': '80.0' });
    expect(properties(renderJunit(partlyMeasured(await recorded()))).energySource).toBe('partly-measured');
  });

  it('gives each step its response time, added charge, grade and the EcoIndex of the step', async () => {
    const result = await recorded();
    const xml = renderJunit(result);
    // login page as recorded: responseMs 666.9, durationMs 1152.8, readyMs 559.9, excessEnergyMah 0.05465, energyMah 0.125419.
    expect(xml).toContain('response time: 667 ms; duration: 1.15 s (ready after 560 ms)');
    expect(xml).toContain('energy: added charge 54.6 µAh; total 0.125 mAh (modelled)');
    const { scores, grade } = result.steps[1];
    expect(xml).toContain(`scores: ecoscore ${scores!.ecoscore!.toFixed(1)} (grade ${grade}), energy ${scores!.energy!.toFixed(1)}, performance ${scores!.performance!.toFixed(1)}, data ${scores!.data!.toFixed(1)}`);
    expect(xml).toContain('EcoIndex of the step: 95 (A)');
    expect(renderJunit(withoutGrade(await recorded(), 'step-failed'))).toContain('scores: no score: step failed (iteration(s) 1)');
  });
});
