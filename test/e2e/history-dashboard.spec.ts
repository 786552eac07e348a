/**
 * The history dashboard in a real Chromium, opened from file:// as from a CI artifact folder: no console
 * error, no request outside the file, and a chart per journey (with its step small multiples). The
 * history is SYNTHETIC (test/helpers/synthetic-history.ts): 1,000 runs of 2 journeys.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, test } from '@playwright/test';
import { renderHistoryHtml } from '../../src/report/history-html.js';
import { historyDashboardModel } from '../../src/report/history-model.js';
import { syntheticHistory } from '../helpers/synthetic-history.js';

let dir: string;
let url: string;

test.beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ecoscore-history-e2e-'));
  const entries = syntheticHistory(1000, 2);
  const model = historyDashboardModel(entries, { source: 'reports/history.jsonl', generatedAt: '2026-12-01T00:00:00.000Z', reportLink: (e) => e.resultFile.replace(/result\.json$/, 'report.html') });
  writeFileSync(join(dir, 'history.html'), renderHistoryHtml(model));
  url = pathToFileURL(join(dir, 'history.html')).href;
});

test.afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

test('opens with no console error and no request outside the file, and draws a chart per journey', async ({ page }) => {
  const problems: string[] = [];
  const requests: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('request', (request) => requests.push(request.url()));
  await page.goto(url);
  await expect(page.locator('#history')).toHaveAttribute('data-ready', 'true');
  expect(problems).toEqual([]);
  expect(requests).toEqual([url]);

  const sections = page.locator('section.journey');
  await expect(sections).toHaveCount(2);
  for (let i = 0; i < 2; i++) {
    const section = sections.nth(i);
    await expect(section.locator('canvas.trend')).toHaveCount(1);
    await expect(section.locator('.step canvas')).toHaveCount(27);
    await expect(section.locator('.break')).toContainText('Methodology changed from 1.x to 2.0.0');
  }
  // Chart.js drew into every canvas (each has a chart instance).
  const charts = await page.evaluate(() => {
    const chart = (window as unknown as { Chart: { getChart(canvas: HTMLCanvasElement): unknown } }).Chart;
    return [...document.querySelectorAll('canvas')].filter((canvas) => chart.getChart(canvas as HTMLCanvasElement) !== undefined).length;
  });
  expect(charts).toBe(2 * 28);
  // The runs table links each report relatively.
  await sections.nth(0).locator('summary').click();
  await expect(sections.nth(0).locator('tbody tr')).toHaveCount(500);
  await expect(sections.nth(0).locator('tbody a').first()).toHaveAttribute('href', /^reports\/synthetic\/run-\d+\/report\.html$/);
  await page.screenshot({ path: join(dir, 'history.png'), fullPage: false });
});
