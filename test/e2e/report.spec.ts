/**
 * The HTML report in a real Chromium: rendered from the recorded demo result (one step renamed to carry a
 * `<script>`), opened from file:// with its screenshots beside it, as a publisher or reviewer opens it; and a
 * SYNTHETIC variant of the recorded methodology 2.0 result without a grade (test/report/fixture-2.0.ts), whose
 * summary card — what results.png is taken from — must show the no-grade state and its reason.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { renderHtmlReport } from '../../src/report/html.js';
import type { Result } from '../../src/model/result.js';
import { recorded, withoutGrade } from '../report/fixture-2.0.js';

const FIXTURE_DIR = resolve('test/fixtures/results/demo-health');
const HOSTILE_NAME = '<script>alert("x")</script>';

let dir: string;
let url: string;
let embeddedUrl: string;
let noGradeUrl: string;
/** The recorded ecoscore with one decimal, as the English report prints it. */
let recordedScore: string;

test.beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ecoscore-report-e2e-'));
  const result = JSON.parse(readFileSync(join(FIXTURE_DIR, 'result.json'), 'utf8')) as Result;
  recordedScore = result.summary.ecoscore!.toFixed(1);
  result.steps[5].name = HOSTILE_NAME;
  cpSync(join(FIXTURE_DIR, 'screenshots'), join(dir, 'screenshots'), { recursive: true });
  writeFileSync(join(dir, 'report.html'), renderHtmlReport(result, { generatedAt: '2026-11-21T23:10:00.000Z' }));
  url = pathToFileURL(join(dir, 'report.html')).href;
  // The same report with its screenshots embedded, alone in a folder (no screenshots/ beside it).
  const embed = new Map<string, string>();
  for (const step of result.steps) {
    if (step.screenshot) embed.set(step.screenshot, `data:image/png;base64,${readFileSync(join(FIXTURE_DIR, step.screenshot)).toString('base64')}`);
  }
  mkdirSync(join(dir, 'alone'));
  writeFileSync(join(dir, 'alone', 'report.html'), renderHtmlReport(result, { embedScreenshots: embed }));
  embeddedUrl = pathToFileURL(join(dir, 'alone', 'report.html')).href;
});

test.beforeAll(async () => {
  mkdirSync(join(dir, 'no-grade'));
  writeFileSync(join(dir, 'no-grade', 'report.html'), renderHtmlReport(withoutGrade(await recorded(), 'step-failed')));
  noGradeUrl = pathToFileURL(join(dir, 'no-grade', 'report.html')).href;
});

test.afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** Opens the report and records console errors, page errors, dialogs and requests to anything but file: or data:. */
async function open(page: Page, address = url) {
  const problems: string[] = [];
  const foreign: string[] = [];
  const dialogs: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('request', (request) => {
    if (!/^(file|data):/.test(request.url())) foreign.push(request.url());
  });
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.goto(address);
  await expect(page.locator('#report')).toHaveAttribute('data-ready', 'true');
  return { problems, foreign, dialogs };
}

/** For each chart canvas: its kind, whether chart.js made a chart with data, and how many pixels are drawn. */
function chartState(page: Page) {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll<HTMLCanvasElement>('canvas[data-chart]')).map((canvas) => {
      const chart = (window as unknown as { Chart: { getChart(c: HTMLCanvasElement): { data: { datasets: { data: unknown[] }[] }; options: { animation: unknown } } | undefined } }).Chart.getChart(canvas);
      const { width, height } = canvas;
      const pixels = canvas.getContext('2d')!.getImageData(0, 0, width, height).data;
      let drawn = 0;
      for (let i = 3; i < pixels.length; i += 4) if (pixels[i] !== 0) drawn++;
      return {
        kind: canvas.dataset.chart,
        values: chart ? chart.data.datasets.reduce((sum, dataset) => sum + dataset.data.filter((value) => value !== null).length, 0) : 0,
        animation: chart ? chart.options.animation : 'no chart',
        drawnFraction: drawn / (width * height),
      };
    }),
  );
}

test('draws every chart, offline, without errors', async ({ page }) => {
  const { problems, foreign } = await open(page);
  await page.waitForTimeout(700); // let the (short) chart animation finish
  const charts = await chartState(page);
  expect(charts.map((chart) => chart.kind).sort()).toEqual(['data', 'duration', 'energy', 'scores', 'share']);
  for (const chart of charts) {
    expect(chart.values, `${chart.kind} has data`).toBeGreaterThan(0);
    expect(chart.drawnFraction, `${chart.kind} is drawn`).toBeGreaterThan(0.01);
  }
  expect(problems).toEqual([]);
  expect(foreign).toEqual([]);
});

test('switches between French and English, labels, numbers, lang and charts', async ({ page }) => {
  const { problems } = await open(page);
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(page.locator('#summary h2')).toHaveText('Résumé');
  await expect(page.locator('#summary .g-num').first()).toHaveText(recordedScore.replace('.', ',')); // the recorded ecoscore, French decimal comma
  await expect(page.locator('#warnings h2')).toHaveText('Avertissements');

  await page.getByRole('button', { name: /English/ }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.locator('#summary h2')).toHaveText('Summary');
  await expect(page.locator('#summary .g-num').first()).toHaveText(recordedScore);
  await expect(page.locator('#warnings h2')).toHaveText('Warnings');
  await expect(page.locator('#steps h2')).toHaveText('Step details');
  await expect(page).toHaveTitle(/^Ecoscore report — /);
  await expect(page.getByRole('button', { name: /français/i })).toBeFocused();
  const english = await chartState(page);
  expect(english).toHaveLength(5);
  const axis = await page.evaluate(() => {
    const canvas = document.querySelector<HTMLCanvasElement>('canvas[data-chart="energy"]')!;
    const chart = (window as unknown as { Chart: { getChart(c: HTMLCanvasElement): { options: { scales: { y: { title: { text: string } } } } } } }).Chart.getChart(canvas);
    return chart.options.scales.y.title.text;
  });
  expect(axis).toBe('Energy (mAh)');

  // The choice is remembered.
  await page.reload();
  await expect(page.locator('#report')).toHaveAttribute('data-ready', 'true');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.getByRole('button', { name: /français/i }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(page.locator('#summary h2')).toHaveText('Résumé');
  expect(problems).toEqual([]);
});

test('shows a step name carrying <script> as text, and runs no injected script', async ({ page }) => {
  const { dialogs, problems } = await open(page);
  await expect(page.locator('#steps .step-name').filter({ hasText: HOSTILE_NAME })).toHaveCount(1);
  await page.getByRole('button', { name: /English/ }).click();
  await expect(page.locator('#steps .step-name').filter({ hasText: HOSTILE_NAME })).toHaveCount(1);
  await page.waitForTimeout(300);
  expect(dialogs).toEqual([]);
  expect(problems).toEqual([]);
  expect(await page.evaluate(() => document.querySelectorAll('script').length)).toBe(2);
});

test('has a summary card the size of an evidence screenshot', async ({ page }) => {
  await open(page);
  const box = await page.locator('#summary').boundingBox();
  expect(box).not.toBeNull();
  expect(box!.width).toBeGreaterThanOrEqual(600);
  expect(box!.height).toBeGreaterThanOrEqual(300);
  expect(box!.width).toBeLessThanOrEqual(1000);
});

test('opens a step screenshot full size in a dialog that Escape closes', async ({ page }) => {
  await open(page);
  await page.locator('a.shot').nth(1).click();
  const dialog = page.locator('dialog.shot-dialog');
  await expect(dialog).toBeVisible();
  const size = await dialog.locator('img').evaluate((img: HTMLImageElement) => img.naturalWidth);
  expect(size).toBeGreaterThan(100);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});

test('turns chart animation off for prefers-reduced-motion', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await open(page);
  for (const chart of await chartState(page)) expect(chart.animation, chart.kind).toBe(false);
});

test('keeps embedded screenshots in both languages', async ({ page }) => {
  const { problems, foreign } = await open(page, embeddedUrl);
  const loaded = () =>
    page.evaluate(() => Array.from(document.querySelectorAll<HTMLImageElement>('a.shot img')).map((img) => img.complete && img.naturalWidth > 0 && img.src.startsWith('data:image/png')));
  expect(await loaded()).toEqual(Array(9).fill(true));
  await page.getByRole('button', { name: /English/ }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect.poll(loaded).toEqual(Array(9).fill(true));
  expect(problems).toEqual([]);
  expect(foreign).toEqual([]);
});

test('shows a journey without a grade as such in the summary card (results.png), in both languages', async ({ page }) => {
  const { problems } = await open(page, noGradeUrl);
  const summary = page.locator('#summary');
  await expect(summary.locator('.grade-badge')).toHaveText(/Pas de note/);
  const reason = summary.locator('.sc-nograde');
  await expect(reason).toHaveText('Pas de note : l’étape « sign in » a échoué (itération(s) 1).');
  await expect(summary.locator('.g-num')).toHaveText(['–', '–', '–', '–']);
  // The reason is drawn inside the card that results.png captures.
  const [card, box] = [await summary.boundingBox(), await reason.boundingBox()];
  expect(box!.y).toBeGreaterThanOrEqual(card!.y);
  expect(box!.y + box!.height).toBeLessThanOrEqual(card!.y + card!.height);
  expect(box!.width).toBeGreaterThan(100);
  await page.getByRole('button', { name: /English/ }).click();
  await expect(page.locator('#summary .sc-nograde')).toHaveText('No grade: step “sign in” failed (iteration(s) 1).');
  await expect(page.locator('#summary .grade-badge')).not.toHaveText(/\b[A-G]$/);
  // The 2.0 fixture keeps no screenshots (see its README): only their loads may fail.
  expect(problems.filter((problem) => !problem.includes('ERR_FILE_NOT_FOUND'))).toEqual([]);
});
