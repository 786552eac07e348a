/**
 * What in a Playwright test's set-up makes its measures differ from `ecoscore run`'s, said as result
 * warnings: a viewport that is not the device profile's, a trace or a video recorded during the steps.
 */
import type { DeviceProfile } from '../profiles/schema.js';

/** Playwright's `trace` or `video` option: a mode, or an object with a mode. */
export type RecordingOption = string | { mode: string } | undefined;

/** True when Playwright records a trace or video during this attempt (`retry` 0 is the first run). */
export function recordsDuringAttempt(option: RecordingOption, retry: number): boolean {
  const mode = typeof option === 'string' ? option : option?.mode ?? 'off';
  switch (mode) {
    case 'off':
      return false;
    case 'on-first-retry':
    case 'retry-with-trace':
    case 'retry-with-video':
      return retry === 1;
    case 'on-all-retries':
      return retry > 0;
    case 'retain-on-first-failure':
      return retry === 0;
    default:
      // on, retain-on-failure, retain-on-failure-and-retries
      return true;
  }
}

/** Warnings about the conditions of a measured test (none when they match `ecoscore run`'s). */
export function conditionWarnings(conditions: {
  device: DeviceProfile;
  /** The page's viewport (null: none, the window's size). */
  viewport: { width: number; height: number } | null;
  trace?: RecordingOption;
  video?: RecordingOption;
  retry: number;
}): string[] {
  const { device, viewport } = conditions;
  const warnings: string[] = [];
  if (!viewport || viewport.width !== device.viewport.width || viewport.height !== device.viewport.height) {
    warnings.push(
      `the page's viewport (${viewport ? `${viewport.width}×${viewport.height}` : 'none'}) is not the device profile's ` +
        `(${device.viewport.width}×${device.viewport.height}): Playwright's context options were kept (emulateDevice: false, or test.use() set them); ` +
        'DOM size, bytes and energy may differ from what the profile gives',
    );
  }
  if (recordsDuringAttempt(conditions.trace, conditions.retry)) {
    warnings.push('Playwright recorded a trace during the measures: its snapshots add CPU time and duration to every step (set trace: "off" for measured tests)');
  }
  if (recordsDuringAttempt(conditions.video, conditions.retry)) {
    warnings.push('Playwright recorded a video during the measures: encoding it adds CPU time to every step (set video: "off" for measured tests)');
  }
  return warnings;
}
