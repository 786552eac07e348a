/**
 * Outputs that gather several results, on methodology 2.0 results: the campaign index (index.html / index.md),
 * the white-label statement (HTML / Markdown) and `ecoscore compare` (text / Markdown / JSON). Inputs are the
 * recorded 2.0 demo result and SYNTHETIC variants of it (test/report/fixture-2.0.ts); the combinations and the
 * statement are built from them here.
 */
import { describe, expect, it } from 'vitest';
import { whiteLabelStatement } from '../../src/methodology/whitelabel.js';
import { renderCampaignIndexHtml, renderCampaignIndexMarkdown } from '../../src/report/campaign-index.js';
import { compareGrades, renderCompareJson, renderCompareMarkdown, renderCompareText, type CompareReport } from '../../src/report/compare.js';
import { renderWhiteLabelHtml, renderWhiteLabelMarkdown, whiteLabelVariantFacts } from '../../src/report/whitelabel.js';
import type { CampaignIndex, Combination } from '../../src/result/campaign.js';
import { compareResults } from '../../src/result/compare.js';
import type { Result } from '../../src/model/result.js';
import { at80, partlyMeasured, recorded, withoutGrade } from './fixture-2.0.js';

const AT = '2026-12-01T10:00:00.000Z';

/** SYNTHETIC: the campaign entry of a result (the fields the index reads), with an optional run summary.status. */
function combination(id: string, result: Result, scoreStatus?: unknown): Combination {
  const totals = result.summary.totals as Result['summary']['totals'] & { energyMah?: number | null };
  return {
    id,
    journey: { name: result.journey.name, file: result.journey.file },
    device: result.environment.device.id,
    network: result.environment.network.id,
    variant: id,
    status: result.status === 'passed' ? 'passed' : 'failed',
    resultFile: `${id}/result.json`,
    iterations: result.completedIterations,
    ecoscore: result.summary.ecoscore,
    grade: result.summary.grade,
    scores: result.summary.scores,
    ecoscoreCv: null,
    totals: { durationMs: totals.durationMs, bytes: totals.bytes, requests: totals.requests, energyMah: totals.energyMah ?? null },
    footprint: result.summary.footprint,
    wallTimeMs: 60_000,
    parallel: false,
    ...(scoreStatus ? { scoreStatus } : {}),
  } as Combination;
}

async function campaign(): Promise<CampaignIndex> {
  const noReference = withoutGrade(await recorded(), 'no-reference');
  return {
    schemaVersion: 1,
    tool: { name: 'ecoscore', version: '0.1.0' },
    name: 'demo',
    file: 'campaigns/demo.yaml',
    sha256: 'a'.repeat(64),
    startedAt: '2026-12-01T08:50:57.924Z',
    finishedAt: AT,
    status: 'failed',
    workers: 1,
    iterations: 1,
    combinations: [
      combination('plain', at80(await recorded())),
      combination('broken', withoutGrade(await recorded(), 'step-failed')),
      // A passed run without a grade, whose entry keeps the run's summary.status.
      combination('no-ref', noReference, noReference.summary.status),
    ],
    warnings: [],
  };
}

const rowOf = (md: string, id: string) => md.split('\n').find((line) => line.includes(`| ${id} |`)) ?? '';

describe('campaign index', () => {
  it('index.html: the reason instead of a score for combinations without a grade, 80,0 B and one-decimal sub-scores', async () => {
    const html = renderCampaignIndexHtml(await campaign());
    const row = (id: string) => html.slice(html.indexOf(`id="${id}"`), html.indexOf('</tr>', html.indexOf(`id="${id}"`)));
    expect(row('plain')).toContain('<strong>80,0</strong> <span class="grade"');
    expect(row('plain')).toContain('<td class="num">75,0</td>');
    expect(row('broken')).toContain('<span class="no-grade">Pas de note : la mesure a échoué (voir son rapport).</span>');
    expect(row('broken')).not.toContain('class="grade"');
    expect(row('no-ref')).toContain('Pas de note : le parcours n’a pas d’étape de référence');
    expect(renderCampaignIndexHtml(await campaign(), { lang: 'en' })).toContain('No grade: the run failed (see its report).');
  });

  it('index.md: the same, in English', async () => {
    const md = renderCampaignIndexMarkdown(await campaign());
    expect(rowOf(md, 'plain')).toContain('| **80.0** B | 80.0 | 75.0 | 85.0 |');
    expect(rowOf(md, 'broken')).toContain('| No grade: the run failed (see its report). | – | – | – |');
    expect(rowOf(md, 'no-ref')).toContain('No grade: the journey has no reference step');
  });
});

describe('white-label statement', () => {
  async function inputs() {
    return [
      { name: 'acme', result: at80(await recorded()) },
      { name: 'beta', result: await recorded() },
      { name: 'gamma', result: withoutGrade(await recorded(), 'step-failed') },
    ];
  }

  it('shows a variant without a grade with its reason, in HTML (French and English) and Markdown', async () => {
    const variants = await inputs();
    const statement = whiteLabelStatement(variants, { estimate: 'acme', generatedAt: AT });
    const facts = whiteLabelVariantFacts(variants);
    const html = renderWhiteLabelHtml(statement, { variants: facts });
    expect(html).toContain('« gamma » n’a pas de note — Pas de note : l’étape « sign in » a échoué (itération(s) 1).');
    expect(html).toContain('“gamma” has no grade — No grade: step “sign in” failed (iteration(s) 1).');
    expect(html).toContain('<span class="no-grade">Pas de note : l’étape « sign in » a échoué (itération(s) 1).</span>');
    expect(html).toContain('Écoscore retenu : 80,0 /100');
    const md = renderWhiteLabelMarkdown(statement, { variants: facts });
    expect(md).toContain('- ⛔ “gamma” has no grade — No grade: step “sign in” failed (iteration(s) 1).');
    expect(md).toMatch(/^\| gamma \| no grade \|/m);
    expect(md).toContain('**Ecoscore retained (écoscore retenu): 80.0 / 100** (grade B)');
  });

  it('says that no ecoscore is retained when no measured variant has a grade (the variant without grade)', async () => {
    const variants = [{ name: 'gamma', result: withoutGrade(await recorded(), 'no-reference') }];
    const statement = whiteLabelStatement(variants, { estimate: 'gamma', generatedAt: AT });
    const html = renderWhiteLabelHtml(statement, { variants: whiteLabelVariantFacts(variants) });
    expect(html).toContain('Aucun écoscore retenu : aucune variante mesurée n’a de note.');
    expect(html).not.toMatch(/note [A-G]\b|grade [A-G]\b/);
    const md = renderWhiteLabelMarkdown(statement, { variants: whiteLabelVariantFacts(variants) });
    expect(md).toContain('**No ecoscore retained: no measured variant has a grade.**');
    expect(md).toContain('No grade: the journey has no reference step');
  });

  it('names the energy source with its one label', async () => {
    const variants = [
      { name: 'acme', result: await recorded() },
      { name: 'beta', result: partlyMeasured(await recorded()) },
    ];
    const statement = whiteLabelStatement(variants, { estimate: 'acme', generatedAt: AT });
    const md = renderWhiteLabelMarkdown(statement, { variants: whiteLabelVariantFacts(variants) });
    expect(md).toMatch(/^\| acme \|.*\| modelled \|/m);
    expect(md).toMatch(/^\| beta \|.*\| partly-measured \|/m);
    expect(renderWhiteLabelHtml(statement, { variants: whiteLabelVariantFacts(variants) })).toContain('<td>en partie mesurée</td>');
  });
});

describe('ecoscore compare', () => {
  async function report(base: Result, head: Result): Promise<CompareReport> {
    return { comparison: compareResults(base, head), budget: null, failed: true, grades: compareGrades(base, head) };
  }

  it('shows that the head has no grade and why, in text, Markdown and JSON', async () => {
    const base = await recorded();
    const r = await report(base, withoutGrade(await recorded(), 'step-failed'));
    // The base is the recorded result: its ecoscore with one decimal and its grade.
    const { ecoscore, grade } = base.summary;
    const before = `${ecoscore!.toFixed(1)} ${grade}`;
    const text = renderCompareText(r);
    expect(text.split('\n')[0]).toBe(`ecoscore ${before} → no grade (Demo health app — record a blood pressure measure)`);
    expect(text).toContain('head: No grade: step “sign in” failed (iteration(s) 1).');
    const md = renderCompareMarkdown(r);
    expect(md.split('\n')[0]).toBe(`### Ecoscore: ${before} → no grade ❌`);
    expect(md).toContain('⛔ **head**: No grade: step “sign in” failed (iteration(s) 1).');
    const json = JSON.parse(renderCompareJson(r)) as CompareReport;
    expect(json.grades?.head).toMatchObject({ ecoscore: null, grade: null, status: { code: 'step-failed', step: 'sign in', iterations: [1] } });
    expect(json.grades?.base).toMatchObject({ ecoscore, grade, status: { code: 'graded' } });
  });

  it('shows that the base has no grade, and scores with one decimal (80.0)', async () => {
    const r = await report(withoutGrade(await recorded(), 'no-reference'), at80(await recorded()));
    const text = renderCompareText(r);
    expect(text.split('\n')[0]).toMatch(/^ecoscore no grade → 80\.0 B /);
    expect(text).toContain('base: No grade: the journey has no reference step');
    const md = renderCompareMarkdown(r);
    expect(md).toMatch(/^\| ecoscore \| – \| 80\.0 \| – \|/m);
    expect(md).toMatch(/^\| energy \| – \| 80\.0 \| – \|/m);
  });
});
