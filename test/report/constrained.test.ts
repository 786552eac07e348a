/**
 * The DEV.1.4 section in every output, on the recorded 2.0 demo result with a SYNTHETIC constrained replay built
 * in memory (a copy of the same result with a slower heavy page that failed and hostile step names): the HTML and
 * Markdown sections say what completed, the slowest steps and what an emulated profile does not show; names are
 * escaped; the evidence renders `#constrained` to `constrained.png` only when the run had a replay.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { constrainedSection } from '../../src/run/constrained.js';
import { renderSummary } from '../../src/cli/summary.js';
import { pngSize } from '../../src/browser/render-png.js';
import { writeEvidence, type EvidenceManifest, type SummaryPngRenderer } from '../../src/output/evidence.js';
import { renderHtmlReport } from '../../src/report/html.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import type { Result } from '../../src/model/result.js';
import { recorded } from './fixture-2.0.js';

const HOSTILE = 'heavy | <img src=x onerror=alert(1)>';

/** SYNTHETIC: the recorded result and a "replay" of it on the constrained profile, its last step failed. */
async function withReplay(): Promise<Result> {
  const usual = await recorded();
  usual.steps[usual.steps.length - 1]!.name = HOSTILE;
  const replay = structuredClone(usual);
  Object.assign(replay.environment, {
    device: { id: 'entry-level-phone', name: 'Entry-level phone' },
    network: { id: '3g', name: '3G' },
    emulation: { cpuSlowdownFactor: 6, latencyMs: 2000, downloadKbps: 400, uploadKbps: 400 },
  });
  replay.steps.forEach((step) => {
    if (step.metrics.durationMs !== null && step.type !== 'reference' && step.type !== 'pause') step.metrics.durationMs *= 3;
  });
  Object.assign(replay.steps[replay.steps.length - 1]!, { status: 'failed' });
  replay.status = 'failed';
  return { ...usual, constrained: constrainedSection(usual, replay, 'constrained/result.json') };
}

describe('the DEV.1.4 section', () => {
  it('is in report.html only when the run had a constrained replay, names escaped', async () => {
    expect(renderHtmlReport(await recorded())).not.toContain('id="constrained"');
    const html = renderHtmlReport(await withReplay());
    expect(html).toContain('<section id="constrained"');
    expect(html).toContain('Ce que cela ne montre pas : un vieux téléphone réel');
    expect(html).toContain('What this does not show: a real old phone');
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toMatch(/N’aboutissent pas : « heavy \| &lt;img/);
  });

  it('is in report.md and the CLI summary with the same facts', async () => {
    const result = await withReplay();
    const section = result.constrained!;
    expect(section.notCompleted).toEqual([HOSTILE]);
    const markdown = renderMarkdown(result);
    expect(markdown).toContain('### DEV.1.4 — Low bandwidth and older devices');
    expect(markdown).toContain(`${section.completedSteps} of ${section.totalSteps} step(s) completed`);
    expect(markdown).not.toContain('<img src=x');
    // The hostile name cannot break the table: its pipe is escaped.
    expect(markdown).toMatch(/\| heavy \\\| /);
    const slowest = section.slowest.map((index) => `“${section.steps[index]!.name}”`).join(', ');
    expect(renderSummary(result)).toContain(`Slowest completed steps in these conditions: ${slowest}.`);
    expect(renderMarkdown(await recorded())).not.toContain('DEV.1.4');
  });
});

describe('constrained.png in the evidence', () => {
  let outDir: string;
  beforeEach(async () => {
    outDir = await mkdtemp(join(tmpdir(), 'ecoscore-constrained-evidence-'));
  });
  afterEach(async () => {
    await rm(outDir, { recursive: true, force: true });
  });

  async function bundle(result: Result): Promise<{ selectors: string[]; manifest: EvidenceManifest }> {
    const selectors: string[] = [];
    const png = await readFile('test/fixtures/results/demo-health/screenshots/1/01-reference.png');
    const renderer: SummaryPngRenderer = async (_html, file, selector) => {
      selectors.push(selector ?? '#summary');
      await writeFile(file, png);
      return pngSize(png);
    };
    const htmlFile = join(outDir, 'report.html');
    await writeFile(htmlFile, renderHtmlReport(result));
    await writeEvidence(result, outDir, { htmlFile, renderSummaryPng: renderer, sourceDir: 'test/fixtures/results/demo-health-2.0' });
    return { selectors, manifest: JSON.parse(await readFile(join(outDir, 'evidence', 'manifest.json'), 'utf8')) as EvidenceManifest };
  }

  it('renders #constrained beside #summary when the run had a replay, and not otherwise', async () => {
    const withIt = await bundle(await withReplay());
    expect(withIt.selectors).toEqual(['#summary', '#constrained']);
    expect(withIt.manifest.files.map((file) => file.path)).toContain('constrained.png');
    await rm(join(outDir, 'evidence'), { recursive: true });
    const without = await bundle(await recorded());
    expect(without.selectors).toEqual(['#summary']);
    expect(without.manifest.files.map((file) => file.path)).not.toContain('constrained.png');
    expect(without.manifest.missing.map((entry) => entry.path)).not.toContain('constrained.png');
  });

  it('records constrained.png as missing, with the reason, when it cannot be rendered', async () => {
    const result = await withReplay();
    const htmlFile = join(outDir, 'report.html');
    await writeFile(htmlFile, renderHtmlReport(result));
    const failing: SummaryPngRenderer = async (_html, file, selector) => {
      if (selector === '#constrained') throw new Error('no element matches #constrained');
      await writeFile(file, await readFile('test/fixtures/results/demo-health/screenshots/1/01-reference.png'));
      return { width: 1, height: 1 };
    };
    await writeEvidence(result, outDir, { htmlFile, renderSummaryPng: failing, sourceDir: 'test/fixtures/results/demo-health-2.0' });
    const manifest = JSON.parse(await readFile(join(outDir, 'evidence', 'manifest.json'), 'utf8')) as EvidenceManifest;
    expect(manifest.missing).toContainEqual({ path: 'constrained.png', reason: 'the constrained comparison screenshot failed: no element matches #constrained' });
    expect(manifest.files.map((file) => file.path)).toContain('results.png');
  });
});
