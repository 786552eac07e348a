/**
 * Small pieces of the Playwright Test integration: attachment names, result folder names, the browser
 * process check and the warnings about measuring conditions.
 */
import { describe, expect, it } from 'vitest';
import { screenshotAttachmentName, screenshotPathOfAttachment, testSlug } from '../../src/playwright-test/attachments.js';
import { browserPidOf } from '../../src/playwright-test/browser-process.js';
import { conditionWarnings, recordsDuringAttempt } from '../../src/playwright-test/conditions.js';
import { getDeviceProfile } from '../../src/profiles/index.js';

describe('screenshot attachments', () => {
  it('carry the screenshot path of the result folder in their name', () => {
    const name = screenshotAttachmentName('screenshots/1/02-home.png');
    expect(name).toBe('ecoscore:screenshots/1/02-home.png');
    expect(screenshotPathOfAttachment(name)).toBe('screenshots/1/02-home.png');
  });

  it('never name a path outside screenshots/', () => {
    for (const name of ['ecoscore:screenshots/../result.json', 'ecoscore:../x.png', 'ecoscore:/etc/passwd', 'ecoscore:screenshots//x.png', 'ecoscore:screenshots\\..\\x.png', 'trace', 'ecoscore:screenshots']) {
      expect(screenshotPathOfAttachment(name)).toBeNull();
    }
  });
});

describe('testSlug', () => {
  it('names a result folder after the project, describe titles and title', () => {
    expect(testSlug(['Espace santé', 'Record a measure!'], { project: 'mobile' })).toBe('mobile-espace-sante-record-a-measure');
    expect(testSlug(['home'], { repeatEachIndex: 2, retry: 1 })).toBe('home-repeat2-retry1');
    expect(testSlug(['a'.repeat(59) + ' b'])).toBe('a'.repeat(59));
  });
});

describe('browserPidOf', () => {
  const processes = [
    { type: 'browser', id: 100 },
    { type: 'GPU', id: 101 },
    { type: 'renderer', id: 110 },
  ];

  it('takes the browser process when its children are local processes', () => {
    const parents = new Map([[100, 1], [101, 100], [110, 105]]);
    expect(browserPidOf(processes, (pid) => parents.get(pid) ?? null)).toEqual({ pid: 100 });
  });

  it('refuses a pid that is not this machine\'s (remote browser)', () => {
    expect(browserPidOf(processes, () => null)).toMatchObject({ pid: null, reason: expect.stringContaining('remote browser') });
    const unrelated = new Map([[100, 1], [101, 7], [110, 8]]);
    expect(browserPidOf(processes, (pid) => unrelated.get(pid) ?? null)).toMatchObject({ pid: null });
    expect(browserPidOf([{ type: 'renderer', id: 3 }], () => 1)).toMatchObject({ pid: null });
  });
});

describe('measuring conditions', () => {
  const device = getDeviceProfile('mid-range-phone');

  it('say nothing when the page has the profile viewport and nothing records', () => {
    expect(conditionWarnings({ device, viewport: device.viewport, trace: 'on-first-retry', video: 'off', retry: 0 })).toEqual([]);
  });

  it('warn about another viewport, a trace and a video', () => {
    const warnings = conditionWarnings({ device, viewport: { width: 1280, height: 720 }, trace: { mode: 'on' }, video: 'retain-on-failure', retry: 0 });
    expect(warnings).toHaveLength(3);
    expect(warnings[0]).toContain(`the page's viewport (1280×720) is not the device profile's (${device.viewport.width}×${device.viewport.height})`);
  });

  it('know which attempt a trace or video mode records', () => {
    expect(recordsDuringAttempt('on-first-retry', 1)).toBe(true);
    expect(recordsDuringAttempt('on-first-retry', 2)).toBe(false);
    expect(recordsDuringAttempt('on-all-retries', 0)).toBe(false);
    expect(recordsDuringAttempt('retain-on-first-failure', 0)).toBe(true);
    expect(recordsDuringAttempt('retain-on-first-failure', 1)).toBe(false);
    expect(recordsDuringAttempt(undefined, 0)).toBe(false);
  });
});
