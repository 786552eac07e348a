/**
 * The WebDriver commands the mobile driver sends, and how a session is opened: WebdriverIO's `remote` with the
 * server URL's credentials as an HTTP Basic `Authorization` header, quiet and without retries. Text typed into a
 * secret field is sent with WebdriverIO's mask, which adds Appium's `X-Appium-Is-Sensitive` header so that the
 * server logs the request body masked (never the value).
 */
import { CommandRuntimeOptions } from 'webdriver';
import { cleanWebDriverMessage } from '../../probes/android-shell.js';
import type { Capabilities } from './capabilities.js';
import { connectionOptions, splitCredentials } from './credentials.js';

/** The WebDriver commands the driver uses (a subset of a WebdriverIO browser; tests inject a recorder). */
export interface WebDriverClient {
  readonly capabilities: Record<string, unknown>;
  findElements(using: string, value: string): Promise<Array<Record<string, string>>>;
  elementClick(elementId: string): Promise<unknown>;
  elementClear(elementId: string): Promise<unknown>;
  /** `options` is WebdriverIO's `CommandRuntimeOptions` (`{ mask: true }` for secrets). */
  elementSendKeys(elementId: string, text: string, options?: unknown): Promise<unknown>;
  isElementDisplayed(elementId: string): Promise<boolean>;
  getElementRect(elementId: string): Promise<{ x: number; y: number; width: number; height: number }>;
  executeScript(script: string, args: unknown[]): Promise<unknown>;
  performActions(actions: object[]): Promise<unknown>;
  releaseActions(): Promise<unknown>;
  navigateTo(url: string): Promise<unknown>;
  back(): Promise<unknown>;
  getUrl(): Promise<string>;
  getWindowRect(): Promise<{ width: number; height: number; x: number; y: number }>;
  getPageSource(): Promise<string>;
  takeScreenshot(): Promise<string>;
  getLogs(type: string): Promise<object[]>;
  deleteSession(): Promise<unknown>;
}

/** Opens a WebDriver session on `serverUrl` (default: WebdriverIO's `remote`). */
export type ConnectFunction = (serverUrl: string, capabilities: Capabilities) => Promise<WebDriverClient>;

/**
 * WebdriverIO's `remote`, quiet and without retries (a failed command fails the action, once). Credentials in
 * the URL are sent as an `Authorization: Basic` header (UTF-8) on every request — WebdriverIO's own `user`/`key`
 * would authenticate the new-session request only, which a grid behind an authenticating proxy refuses.
 */
export const connectWithWebdriverIO: ConnectFunction = async (serverUrl, capabilities) => {
  const { remote } = await import('webdriverio');
  const { url, authorization } = splitCredentials(serverUrl);
  const browser = await remote({
    ...connectionOptions(url),
    ...(authorization ? { headers: { Authorization: authorization } } : {}),
    logLevel: 'silent',
    connectionRetryCount: 0,
    connectionRetryTimeout: 180_000,
    capabilities: { ...capabilities, 'wdio:enforceWebDriverClassic': true } as WebdriverIO.Capabilities,
  });
  return browser as unknown as WebDriverClient;
};

/** The runtime option that masks a command's text in WebdriverIO's log and Appium's (`X-Appium-Is-Sensitive`). */
export function sensitiveText(): unknown {
  return new CommandRuntimeOptions({ mask: true });
}

/** One sentence for a WebDriver or connection error, with `redact` applied (credentials of the server URL). */
export function describeError(error: unknown, redact: (text: string) => string = (text) => text): string {
  const message = error instanceof Error ? error.message : String(error);
  return redact(cleanWebDriverMessage(message));
}

/** Resolves after `ms`. */
export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, Math.max(0, ms)));

/** Rejects after `ms` with `message`, whatever `promise` does. */
export async function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
