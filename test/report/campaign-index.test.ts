/**
 * The campaign index page: combinations side by side with their status, figures and relative links, an
 * inline bar chart of the ecoscores, shard and merge information, pending combinations shown as pending.
 */
import { describe, expect, it } from 'vitest';
import { combinationLinks, renderCampaignIndexHtml, renderCampaignIndexMarkdown } from '../../src/report/campaign-index.js';
import { CampaignIndexSchema, type CampaignIndex, type Combination } from '../../src/result/campaign.js';

const XSS = '<script>alert(1)</script>';

/** Figures of the recorded demo result (test/fixtures/results/demo-health/result.json). */
function combination(id: string, overrides: Partial<Combination>): Combination {
  return {
    id,
    journey: { name: 'Demo health app — record a blood pressure measure', file: 'journeys/demo-health.yaml' },
    device: 'mid-range-phone',
    network: 'wifi',
    variant: 'default',
    status: 'passed',
    resultFile: `${id}/result.json`,
    iterations: 3,
    ecoscore: 86.43,
    grade: 'A',
    scores: { energy: 89.26, performance: 79.97, data: 90.05 },
    ecoscoreCv: 0.0050057742853675214,
    totals: { durationMs: 25237.9, bytes: 3767681, requests: 44, energyMah: 1.93256 },
    footprint: null,
    wallTimeMs: 81486,
    parallel: false,
    ...overrides,
  };
}

function index(overrides: Partial<CampaignIndex> = {}): CampaignIndex {
  return CampaignIndexSchema.parse({
    schemaVersion: 1,
    tool: { name: 'ecoscore', version: '0.1.0' },
    name: 'White-label <demo>',
    file: 'campaigns/white-label.yaml',
    sha256: 'a'.repeat(64),
    startedAt: '2026-11-21T23:04:54.308Z',
    finishedAt: null,
    status: 'interrupted',
    workers: 2,
    iterations: 3,
    combinations: [
      combination('demo-health--mid-range-phone--wifi--acme', { variant: 'acme', parallel: true }),
      combination('demo-health--mid-range-phone--wifi--beta', {
        variant: 'beta',
        status: 'failed',
        ecoscore: 61.2,
        grade: 'C',
        scores: { energy: 70, performance: 40.5, data: 73.1 },
        totals: { durationMs: 31000, bytes: 5_651_521, requests: 60, energyMah: 2.5 },
        parallel: true,
      }),
      combination('demo-health--mid-range-phone--wifi--gamma', {
        variant: XSS,
        status: 'pending',
        resultFile: null,
        iterations: null,
        ecoscore: null,
        grade: null,
        scores: null,
        ecoscoreCv: null,
        totals: { durationMs: null, bytes: null, requests: null, energyMah: null },
        wallTimeMs: null,
      }),
      combination('demo-health--mid-range-phone--4g--delta', {
        network: '4g',
        variant: 'delta',
        status: 'error',
        error: 'journeys/demo-health.yaml: steps[2]: <bad> step',
        resultFile: null,
        ecoscore: null,
        grade: null,
        scores: null,
        ecoscoreCv: null,
        totals: { durationMs: null, bytes: null, requests: null, energyMah: null },
      }),
    ],
    warnings: ['combination demo-health--mid-range-phone--4g--delta could not run: <bad> step'],
    ...overrides,
  });
}

const rowsOf = (html: string) => html.match(/<tr class="status-[^"]+"[\s\S]*?<\/tr>/g) ?? [];

describe('combinationLinks', () => {
  it('points to report.html beside result.json, relative to the campaign folder', () => {
    expect(combinationLinks('demo--phone--wifi--acme/result.json')).toEqual({ report: 'demo--phone--wifi--acme/report.html', result: 'demo--phone--wifi--acme/result.json' });
    expect(combinationLinks('result.json')).toEqual({ report: 'report.html', result: 'result.json' });
    expect(combinationLinks('a\\b c/result.json')).toEqual({ report: 'a/b%20c/report.html', result: 'a/b%20c/result.json' });
    expect(combinationLinks(null)).toBeNull();
  });
  it('stays relative and cannot become a scheme', () => {
    expect(combinationLinks('/abs/x/result.json')?.report).toBe('abs/x/report.html');
    expect(combinationLinks('javascript:alert(1)//result.json')?.report).toBe('javascript%3Aalert%281%29/report.html');
  });
});

describe('renderCampaignIndexHtml', () => {
  it('has one row per combination with its status, passed, failed, pending and error alike', () => {
    const html = renderCampaignIndexHtml(index());
    const rows = rowsOf(html);
    expect(rows).toHaveLength(4);
    expect(rows[0]).toContain('class="status-passed"');
    expect(rows[0]).toContain('réussie');
    expect(rows[1]).toContain('en échec');
    expect(rows[2]).toContain('en attente');
    expect(rows[3]).toContain('erreur');
    expect(rows[3]).toContain('steps[2]: &lt;bad&gt; step');
  });

  it('shows the figures side by side: ecoscore and grade, sub-scores, energy, data, duration, cv, parallel flag', () => {
    const rows = rowsOf(renderCampaignIndexHtml(index()));
    const cells = (row: string) => [...row.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((m) => m[1].replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim());
    const acme = cells(rows[0]!);
    expect(acme.slice(1, 15)).toEqual(['mid-range-phone', 'wifi', 'acme', 'réussie', '86,4 A', '89,3', '80,0', '90,1', '1,93', '3,77 Mo', '25,24 s', '–', '0,5 %', '∥']);
    const pending = cells(rows[2]);
    expect(pending.slice(5, 16)).toEqual(['–', '–', '–', '–', '–', '–', '–', '–', '–', '', '–']);
  });

  it('links each run combination to its report.html and result.json, relatively; pending ones have no link', () => {
    const html = renderCampaignIndexHtml(index());
    const rows = rowsOf(html);
    expect(rows[0]).toContain('<a href="demo-health--mid-range-phone--wifi--acme/report.html">rapport</a>');
    expect(rows[0]).toContain('<a href="demo-health--mid-range-phone--wifi--acme/result.json">result.json</a>');
    expect(rows[1]).toContain('href="demo-health--mid-range-phone--wifi--beta/report.html"');
    expect(rows[2]).not.toContain('href=');
    expect(rows[3]).not.toContain('href=');
    for (const [, href] of html.matchAll(/href="([^"]*)"/g)) expect(href).not.toMatch(/^([a-z]+:|\/)/i);
  });

  it('draws an inline SVG bar per scored combination and notes the parallel runs', () => {
    const html = renderCampaignIndexHtml(index());
    const svg = html.match(/<svg[\s\S]*?<\/svg>/)![0];
    expect(svg.match(/<rect /g)).toHaveLength(2);
    // 86.43 of a 340-wide axis = 293.9
    expect(svg).toContain('width="293.9"');
    expect(svg).toContain('86,4 A ∥');
    expect(html).toContain('peuvent avoir été perturbés');
    expect(html).toContain('may have been perturbed');
  });

  it('escapes names, errors and warnings', () => {
    const html = renderCampaignIndexHtml(index());
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<demo>');
    expect(html).not.toContain('<bad>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('White-label &lt;demo&gt;');
  });

  it('shows shard and merge information', () => {
    expect(renderCampaignIndexHtml(index({ shard: { index: 2, total: 3 } }))).toContain('Fragment 2 sur 3');
    expect(renderCampaignIndexHtml(index({ shard: { index: 2, total: 3 } }))).toContain('Shard 2 of 3');
    const merged = renderCampaignIndexHtml(index({ mergedFrom: ['shard-1/campaign.json', 'shard-2/campaign.json'] }));
    expect(merged).toContain('Index fusionné à partir de 2 fragment(s) : shard-1/campaign.json, shard-2/campaign.json.');
    expect(renderCampaignIndexHtml(index())).not.toContain('Fragment');
  });

  it('is self-contained: no script, no request to another host; English first on request', () => {
    const html = renderCampaignIndexHtml(index());
    expect(html).not.toMatch(/https?:\/\//);
    expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|url\(/i);
    const en = renderCampaignIndexHtml(index(), { lang: 'en' });
    expect(en).toMatch(/<html lang="en">/);
    expect(en).toContain('86.4');
    expect(en).toContain('Campaign &quot;White-label &lt;demo&gt;&quot;');
  });
});

describe('renderCampaignIndexMarkdown', () => {
  it('has one row per combination with relative links, pending shown as pending, names escaped', () => {
    const md = renderCampaignIndexMarkdown(index());
    const rows = md.split('\n').filter((line) => line.startsWith('| Demo health'));
    expect(rows).toHaveLength(4);
    expect(rows[0]).toContain('[report](demo-health--mid-range-phone--wifi--acme/report.html) · [result.json](demo-health--mid-range-phone--wifi--acme/result.json)');
    expect(rows[0]).toContain('| **86.4** A | 89.3 | 80.0 | 90.1 | 1.93 | 3.77 MB | 25.24 s |');
    expect(rows[2]).toContain('⏳ pending');
    expect(rows[2]).toContain('&lt;script&gt;');
    expect(rows[3]).toContain('⛔ error: journeys/demo-health.yaml: steps\\[2\\]: &lt;bad&gt; step');
    expect(md).toContain('1 passed, 1 failed, 1 error, 1 pending');
    expect(md).toContain('may have been perturbed');
    expect(md).not.toContain('<script>');
    expect(renderCampaignIndexMarkdown(index({ shard: { index: 1, total: 2 } }))).toContain('> Shard 1 of 2');
  });
});
