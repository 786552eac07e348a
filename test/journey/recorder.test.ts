/**
 * Chrome DevTools Recorder export → journey: step segmentation, locators, secrets, device profile and the
 * errors of unsupported steps. Recordings are parsed by @puppeteer/replay.
 */
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { parse as parseRecording } from '@puppeteer/replay';
import { describe, expect, it } from 'vitest';
import { parseJourney } from '../../src/journey/load.js';
import { closestDeviceProfile, importRecording, importRecordingToYaml } from '../../src/journey/recorder.js';
import { locatorOf } from '../../src/journey/recorder-selectors.js';
import { InputError } from '../../src/shared/input-error.js';

const DEMO = 'journeys/recordings/demo-health.recording.json';
const APPOINTMENTS = 'journeys/recordings/demo-appointments.recording.json';
const read = (file: string) => readFileSync(file, 'utf8');
const recording = (steps: unknown[], title = 'Synthetic recording') => JSON.stringify({ title, steps }, null, 2);
const nav = { type: 'navigate', url: 'https://app.example.org/start' };

function importError(text: string): InputError {
  try {
    importRecording(text, 'flow.json');
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return error as InputError;
  }
  throw new Error('no error');
}

describe('the example recordings', () => {
  it.each([DEMO, APPOINTMENTS])('%s is a recording @puppeteer/replay accepts', (file) => {
    expect(parseRecording(JSON.parse(read(file))).steps.length).toBeGreaterThan(5);
  });

  it('the demo recording becomes the steps of the demo journey', () => {
    const { journey } = importRecording(read(DEMO), DEMO, { target: 'demo' });
    expect(journey.target).toEqual({ platform: 'web', url: 'demo' });
    expect(journey.device).toBe('mid-range-phone');
    expect(journey.timeout).toBe('15s');
    expect(journey.steps.map((s) => s.type)).toEqual(['reference', 'first-load', 'load', 'pause', 'load', 'scroll', 'load', 'load', 'load']);
    expect(journey.steps[1].actions?.[0]).toEqual({ goto: '/' });
    expect(journey.steps[3].duration).toBe('5s');
    expect(journey.steps[2].actions).toContainEqual({ click: { role: 'button', name: 'Se connecter' } });
  });

  it('keeps the recorded origin without --target', () => {
    expect(importRecording(read(APPOINTMENTS), APPOINTMENTS).journey.target).toEqual({ platform: 'web', url: 'http://127.0.0.1:8080' });
  });

  it('validates as a journey once the secret variable is set, and never holds the typed password', () => {
    const yaml = importRecordingToYaml(read(DEMO), DEMO, { target: 'demo' });
    expect(yaml).not.toContain('tensio-demo-2026');
    expect(yaml).toMatch(/set the environment variable RECORDING_SECRET_1/);
    const loaded = parseJourney(yaml, 'imported.yaml', { env: { RECORDING_SECRET_1: 'x' } });
    expect(loaded.journey.steps).toHaveLength(9);
    const fills = loaded.journey.steps.flatMap((s) => s.actions ?? []).filter((a) => a.kind === 'fill' && a.secret);
    expect(fills).toHaveLength(2);
  });
});

describe('Recorder steps → journey steps', () => {
  it('a click and change on the same field become one fill; clicks between two assertions form an action step', () => {
    const field = [['aria/Search'], ['#q']];
    const { journey } = importRecording(
      recording([
        nav,
        { type: 'waitForElement', selectors: [['text/Welcome']] },
        { type: 'click', selectors: field, offsetX: 1, offsetY: 1 },
        { type: 'change', selectors: field, value: 'tension' },
        { type: 'click', selectors: [['aria/Filter[role="button"]']], offsetX: 1, offsetY: 1 },
        { type: 'waitForElement', selectors: [['#results']], visible: false, timeout: 2000 },
      ]),
      'flow.json',
    );
    expect(journey.steps[1]).toEqual({ name: 'load /start', type: 'first-load', actions: [{ goto: '/start' }, { waitFor: { text: 'Welcome' } }] });
    expect(journey.steps[2]).toEqual({
      name: '#results',
      type: 'action',
      actions: [
        { fill: { label: 'Search', value: 'tension' } },
        { click: { role: 'button', name: 'Filter' } },
        { waitFor: { selector: '#results', gone: true, timeout: '2s' } },
      ],
    });
  });

  it('a later navigation to the same origin is a relative load step, to another origin an absolute one', () => {
    const { journey } = importRecording(recording([nav, { type: 'navigate', url: 'https://app.example.org/b?x=1' }, { type: 'navigate', url: 'https://other.example.com/' }]), 'f.json');
    expect(journey.steps.map((s) => [s.type, s.actions?.[0]])).toEqual([
      ['reference', undefined],
      ['first-load', { goto: '/start' }],
      ['load', { goto: '/b?x=1' }],
      ['load', { goto: 'https://other.example.com/' }],
    ]);
  });

  it('a key down and up is one press; a JavaScript wait becomes a network-idle wait with a note', () => {
    const { journey, notes } = importRecording(
      recording([nav, { type: 'keyDown', key: 'Escape' }, { type: 'keyUp', key: 'Escape' }, { type: 'waitForExpression', expression: 'window.ready === true' }]),
      'f.json',
    );
    expect(journey.steps[2].actions).toEqual([{ press: 'Escape' }, { waitFor: { networkIdle: true } }]);
    expect(notes.join('\n')).toMatch(/f\.json:\d+: steps\[3\]: waitForExpression runs JavaScript/);
  });

  it('a desktop viewport picks the desktop profile, a small phone the entry-level one', () => {
    expect(closestDeviceProfile({ width: 1280, height: 720, isMobile: false })).toBe('desktop');
    expect(closestDeviceProfile({ width: 360, height: 640, isMobile: true })).toBe('entry-level-phone');
    expect(closestDeviceProfile({ width: 412, height: 915, isMobile: true })).toBe('high-end-phone');
  });

  it('a title with a line break cannot add a key to the YAML', () => {
    const yaml = importRecordingToYaml(recording([nav], 'Flow\ntarget: { platform: android }\n\u001b[2J'), 'f.json');
    const data = parseYaml(yaml) as { name: string; target: unknown };
    expect(data.target).toEqual({ platform: 'web', url: 'https://app.example.org' });
    expect(data.name.startsWith('Flow\ntarget')).toBe(true);
  });
});

describe('Recorder selectors → locators', () => {
  it('prefers aria, then text, then CSS, then XPath', () => {
    expect(locatorOf([['#a'], ['xpath///div'], ['text/Go'], ['aria/Go[role="link"]']], 'click')).toEqual({ role: 'link', name: 'Go' });
    expect(locatorOf([['#a'], ['xpath///div'], ['text/Go']], 'click')).toEqual({ text: 'Go' });
    expect(locatorOf([['xpath///div'], ['#a']], 'click')).toEqual({ selector: '#a' });
    expect(locatorOf([['xpath///div[2]']], 'click')).toEqual({ xpath: '//div[2]' });
  });

  it('an aria name without role is a label for a field, a text for a click', () => {
    expect(locatorOf([['aria/Email']], 'fill')).toEqual({ label: 'Email' });
    expect(locatorOf([['aria/Email']], 'click')).toEqual({ text: 'Email' });
  });

  it('pierce selectors and shadow-root chains become CSS that Playwright looks up inside shadow roots', () => {
    expect(locatorOf([['pierce/#save']], 'click')).toEqual({ selector: '#save' });
    expect(locatorOf([['my-app', 'settings-panel', 'button.save']], 'click')).toEqual({ selector: 'my-app settings-panel button.save' });
    expect(locatorOf([['aria/App', 'aria/Save'], ['pierce/my-app', 'pierce/button']], 'click')).toEqual({ selector: 'my-app button' });
  });
});

describe('what cannot be imported is an error naming the step', () => {
  it.each([
    [{ type: 'customStep', name: 'x', parameters: {} }, /steps\[1\]: customStep is not supported/],
    [{ type: 'hover', selectors: [['#menu']] }, /steps\[1\]: hover is not supported/],
    [{ type: 'doubleClick', selectors: [['#a']], offsetX: 1, offsetY: 1 }, /steps\[1\]: doubleClick is not supported/],
    [{ type: 'click', selectors: [['#a']], offsetX: 1, offsetY: 1, frame: [0] }, /steps\[1\]: the step acts inside a frame/],
    [{ type: 'click', selectors: [['#a']], offsetX: 1, offsetY: 1, target: 'popup.html' }, /steps\[1\]: the step acts on another tab/],
    [{ type: 'click', selectors: [['#a']] }, /steps\[1\]: Step\.offsetX is not a number \(@puppeteer\/replay\)/],
  ])('%j', (step, message) => {
    const error = importError(recording([nav, step]));
    expect(error.message).toMatch(message);
    expect(error.message).toMatch(/^flow\.json:\d+: /);
    expect(error.exitCode).toBe(2);
  });

  it('a recording that is not JSON names the line', () => {
    expect(importError('{\n  "title": "x",\n  "steps": [,]\n}').message).toMatch(/^flow\.json:3: syntax error/);
  });

  it('a file that is not a recording says what one is', () => {
    expect(importError('{"name": "journey"}').message).toMatch(/steps: is required: a Chrome DevTools Recorder export/);
  });
});
