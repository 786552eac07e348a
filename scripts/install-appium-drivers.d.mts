// Types of install-appium-drivers.mjs (a plain ES module so that npm scripts run it without a compiler).

/** Appium drivers the toolkit knows how to install: name → npm package spec. */
export const KNOWN_DRIVERS: Record<string, string>;
/** Drivers the test suite needs. */
export const TEST_DRIVERS: string[];
/** APPIUM_HOME of the project (`.appium/` at the repository root unless APPIUM_HOME is set). */
export function appiumHome(): string;
/** Whether driver `name` is installed under `home`. */
export function isInstalled(home: string, name: string): boolean;
/** Installs the drivers of `names` missing from `home`; returns those it installed, throws one clear error when one cannot be. */
export function ensureAppiumDrivers(names?: string[], home?: string, log?: (line: string) => void): string[];
