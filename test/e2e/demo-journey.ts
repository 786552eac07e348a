/**
 * The short demo journey the Playwright Test specs measure through the fixture (reference, first load, sign in,
 * pause): one definition, so that test/e2e/step-lifecycle.spec.ts compares the runner with exactly the journey
 * test/fixtures/journeys/valid/lifecycle.yaml writes as a file.
 */
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../src/demo/server.js';
import { expect, type Ecoscore } from '../../src/playwright-test/index.js';

/** Measures the four steps on the demo app served at `demoUrl`. */
export async function measureDemoJourney(page: Page, ecoscore: Ecoscore, demoUrl: string): Promise<void> {
  await ecoscore.step('reference', { type: 'reference', duration: '500ms' });
  await ecoscore.step('login page', { type: 'first-load', critical: true }, async () => {
    await page.goto(`${demoUrl}/`);
    await expect(page.getByText('Connexion').first()).toBeVisible();
  });
  await ecoscore.step('sign in', { type: 'load', critical: true }, async () => {
    await page.getByLabel('Identifiant').fill('patient.demo');
    await page.getByLabel('Mot de passe').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await expect(page.getByText('Tableau de bord').first()).toBeVisible();
  });
  await ecoscore.step('read dashboard', { type: 'pause', duration: 500 });
}
