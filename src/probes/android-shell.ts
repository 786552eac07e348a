/**
 * How the Android probes run shell commands on the device: an injected function, so that tests feed recorded
 * outputs and the driver picks the transport.
 *
 * - {@link adbShell}: `adb [-s serial] shell <command> <args…>` on this machine (the device is plugged in or
 *   reachable with `adb connect`).
 * - {@link appiumShell}: Appium's `mobile: shell` (UiAutomator2), which runs `adb shell` on the Appium server's
 *   machine — the way to reach a device on a remote server or a farm. The server must be started with
 *   `--allow-insecure=uiautomator2:adb_shell` (Appium 3; `*:adb_shell` for any driver), which the toolkit does
 *   for the servers it starts itself.
 */
import { execFile } from 'node:child_process';

/** Runs `command args…` in the device's shell and resolves with its standard output. */
export type AndroidShell = (command: string, args?: string[]) => Promise<string>;

/** Timeout of one shell command, ms (a full `dumpsys batterystats` takes a few seconds on a phone). */
export const SHELL_TIMEOUT_MS = 20_000;

/** A shell through the local `adb` executable (`ADB` env or `adb` on the PATH). */
export function adbShell(serial?: string, adbPath = process.env.ADB ?? 'adb'): AndroidShell {
  return (command, args = []) =>
    new Promise((resolve, reject) => {
      const argv = [...(serial ? ['-s', serial] : []), 'shell', command, ...args];
      execFile(adbPath, argv, { timeout: SHELL_TIMEOUT_MS, maxBuffer: 64 * 1024 * 1024, encoding: 'utf8' }, (error, stdout, stderr) => {
        if (error) {
          const code = (error as NodeJS.ErrnoException).code;
          const detail = code === 'ENOENT' ? `${adbPath} is not installed or not on the PATH` : (stderr || error.message).trim().split(/\r?\n/)[0];
          reject(new Error(`adb shell ${command}: ${detail}`));
        } else resolve(stdout);
      });
    });
}

/** A shell through Appium's `mobile: shell` execute method (`execute` is the session's `executeScript`). */
export function appiumShell(execute: (script: string, args: unknown[]) => Promise<unknown>): AndroidShell {
  return async (command, args = []) => {
    try {
      const output = await execute('mobile: shell', [{ command, args, timeout: SHELL_TIMEOUT_MS }]);
      return typeof output === 'string' ? output : String((output as { stdout?: unknown })?.stdout ?? '');
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (/Unsupported execute method|not (yet )?implemented/i.test(message)) {
        throw new Error('this Appium driver has no `mobile: shell` (no Android device behind it): nothing to read on a device');
      }
      const hint = /insecure|adb_shell/i.test(message)
        ? ' (start the Appium server with --allow-insecure=uiautomator2:adb_shell)'
        : '';
      throw new Error(`mobile: shell ${command}: ${cleanWebDriverMessage(message)}${hint}`);
    }
  };
}

/** First line of a WebDriver error without WebdriverIO's `WebDriverError:` prefix and "when running…" suffix. */
export function cleanWebDriverMessage(message: string): string {
  const first = message.split(/\r?\n/).find((line) => line.trim() !== '') ?? message;
  return first
    .replace(/^(\w*Error:\s*)+/, '')
    .replace(/\s+when running "[^"]*" with method "[^"]*"\s*$/, '')
    .trim();
}
