/**
 * vitest globalSetup: installs the Appium drivers the mobile tests use (Appium's fake driver and its Chromium
 * driver) into the project-local APPIUM_HOME before any test runs (`scripts/install-appium-drivers.mjs`:
 * idempotent, milliseconds when already installed). A failure does not stop the other tests: it is handed to
 * the mobile tests (`inject('appiumSetupError')`), which fail with that message.
 */
import type { TestProject } from 'vitest/node';
import { ensureAppiumDrivers } from '../../scripts/install-appium-drivers.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    appiumSetupError: string | null;
  }
}

export default function setup(project: TestProject): void {
  let error: string | null = null;
  try {
    ensureAppiumDrivers();
  } catch (caught) {
    error = (caught as Error).message;
    console.error(`ecoscore: the mobile tests will fail: ${error}`);
  }
  project.provide('appiumSetupError', error);
}
