/**
 * Shared by the Appium tests: the drivers must be installed (by the vitest globalSetup test/setup/appium.ts,
 * or here when the file runs without it).
 */
import { inject } from 'vitest';
import { ensureAppiumDrivers } from '../../scripts/install-appium-drivers.mjs';

/** Throws the setup's message when the Appium drivers could not be installed. */
export function requireAppiumDrivers(): void {
  let error: string | null | undefined;
  try {
    error = inject('appiumSetupError');
  } catch {
    error = undefined;
  }
  if (error === undefined) ensureAppiumDrivers(); // globalSetup not wired: install (or check) here
  else if (error) throw new Error(error);
}
