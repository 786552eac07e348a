/** Parsers of small `pm` / `dumpsys package` / `pidof` / `settings` / window outputs. Pure. */

/** The app's Linux uid from `dumpsys package <package>` (`userId=10475 …`). Throws when absent. */
export function parseUserId(text: string): number {
  const match = /\buserId=(\d+)/.exec(text);
  if (!match) throw new Error('no userId= line in the `dumpsys package` output (is the app installed?)');
  return Number(match[1]);
}

/** The first pid of `pidof <process>`; null when the process is not running. */
export function parsePidof(text: string): number | null {
  const first = text.trim().split(/\s+/)[0];
  return first && /^\d+$/.test(first) ? Number(first) : null;
}

/** An integer `settings get …` value; null for `null` or anything not a number. */
export function parseSettingInt(text: string): number | null {
  const value = text.trim();
  return /^-?\d+$/.test(value) ? Number(value) : null;
}

/**
 * The package of the focused window in `dumpsys window` (`mCurrentFocus=Window{2a1b u0 pkg/pkg.Activity}`);
 * null when none is focused. Format of AOSP WindowManagerService's dump, untested on a recording.
 */
export function parseFocusedPackage(text: string): string | null {
  const match = /mCurrentFocus=Window\{\S+\s+u\d+\s+([A-Za-z0-9_.]+)(?:\/[^}\s]*)?\}/.exec(text);
  return match ? match[1] : null;
}
