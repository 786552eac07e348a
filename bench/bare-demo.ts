/**
 * The demo journey's actions written as a bare Playwright script: same browser, flags, device and network
 * emulation, same actions and the same end-of-step waits (load event + quiet network), but no probe, no
 * screenshot and no result file. The baseline the toolkit's overhead is measured against.
 */
import { chromium } from 'playwright-core';
import { CHROMIUM_FLAGS } from '../src/drivers/playwright.js';
import { DEMO_PASSWORD, startDemoServer } from '../src/demo/server.js';
import { getDeviceProfile, getNetworkProfile, toCdpNetworkConditions } from '../src/profiles/index.js';
import type { Page } from 'playwright-core';

const SETTLE_MAX_MS = 5000;

async function settle(page: Page): Promise<void> {
  const deadline = Date.now() + SETTLE_MAX_MS;
  await page.waitForLoadState('load', { timeout: SETTLE_MAX_MS }).catch(() => undefined);
  await page.waitForLoadState('networkidle', { timeout: Math.max(1, deadline - Date.now()) }).catch(() => undefined);
}

/** Runs the demo journey once with bare Playwright, with the journey's idle durations. */
export async function runBareDemo(
  executablePath: string,
  idle: { referenceMs: number; pauseMs: number },
  deviceId: string,
  networkId: string,
): Promise<void> {
  const device = getDeviceProfile(deviceId);
  const network = getNetworkProfile(networkId);
  const server = await startDemoServer();
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_FLAGS });
  try {
    const context = await browser.newContext({
      viewport: device.viewport,
      deviceScaleFactor: device.deviceScaleFactor,
      userAgent: device.userAgent,
      isMobile: device.isMobile,
      hasTouch: device.hasTouch,
      locale: 'fr-FR',
    });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: device.cpuSlowdownFactor });
    await cdp.send('Network.emulateNetworkConditions', toCdpNetworkConditions(network));
    const url = (path: string) => new URL(path, server.url).toString();

    await page.goto('about:blank');
    await page.waitForTimeout(idle.referenceMs); // reference
    await page.goto(url('/'));
    await page.getByText('Connexion', { exact: true }).first().waitFor();
    await settle(page);
    await page.getByLabel('Identifiant').fill('patient.demo');
    await page.getByLabel('Mot de passe').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByText('Tableau de bord', { exact: true }).first().waitFor();
    await settle(page);
    await page.waitForTimeout(idle.pauseMs); // read dashboard
    await page.getByRole('link', { name: 'Mesures' }).first().click();
    await page.locator('#measures').waitFor();
    await settle(page);
    for (let i = 0; i < 200; i++) {
      const atBottom = await page.evaluate<boolean>('Math.ceil(window.scrollY + window.innerHeight) >= document.documentElement.scrollHeight - 1');
      if (atBottom) break;
      await page.mouse.move(device.viewport.width / 2, device.viewport.height / 2);
      await page.mouse.wheel(0, Math.round(device.viewport.height * 0.8));
      await page.waitForTimeout(100);
    }
    await settle(page);
    await page.getByRole('button', { name: 'Ajouter' }).first().click();
    await page.getByLabel('Systolique').first().fill('120');
    await page.getByLabel('Diastolique').first().fill('80');
    await page.getByLabel('Pouls').first().fill('72');
    await page.getByLabel('Mot de passe').first().fill(DEMO_PASSWORD);
    await page.keyboard.press('Enter');
    await page.getByText('Mesure enregistrée', { exact: true }).first().waitFor();
    await settle(page);
    await page.getByRole('link', { name: 'Rendez-vous' }).first().click();
    await page.getByText('Rendez-vous', { exact: true }).first().waitFor();
    await settle(page);
    await page.getByRole('link', { name: 'Ressources' }).first().click();
    await page.getByText('Ressources santé', { exact: true }).first().waitFor();
    await settle(page);
    await context.close();
  } finally {
    await browser.close();
    await server.close();
  }
}
