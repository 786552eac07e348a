/**
 * `ecoscore/playwright-test`: Playwright Test integration. An existing test becomes a measured journey:
 *
 * ```ts
 * import { test, expect } from 'ecoscore/playwright-test';
 * test.use({ ecoscoreOptions: { device: 'mid-range-phone', network: 'wifi' } });
 * test('record a measure', async ({ page, ecoscore }) => {
 *   await ecoscore.step('home', { type: 'first-load', critical: true }, async () => {
 *     await page.goto('/');
 *     await expect(page.getByText('Connexion')).toBeVisible();
 *   });
 *   await ecoscore.step('read', { type: 'pause', duration: '2s' });
 * });
 * ```
 * The reporter `ecoscore/playwright-test/reporter` writes each test's result.json and reports.
 * See docs/playwright-test.md.
 */
export { test, expect, type Ecoscore, type EcoscoreOptions, type EcoscoreTestOptions, type EcoscoreTestFixtures, type EcoscoreWorkerFixtures } from './fixture.js';
export type { EcoscoreStepCallback, EcoscoreStepOptions, EcoscoreStepType } from './recorder.js';
export { recordsDuringAttempt } from './conditions.js';
export { RESULT_ATTACHMENT, SCREENSHOT_ATTACHMENT_PREFIX } from './attachments.js';
