/**
 * GDSL input that tries to reach the terminal or to add keys to the imported journey: control characters
 * are refused with their line, a file name holding a line break stays a name, and a Firefox script says
 * it will be measured in Chromium.
 */
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { exportGdsl, importGdslDetailed, importGdslToYaml } from '../../src/journey/gdsl.js';
import { parseJourney } from '../../src/journey/load.js';
import { InputError } from '../../src/shared/input-error.js';

const SCRIPT = 'browserGoToUrl,https://example.org/\nmeasureStart,CHRGT_home\npressEnter\nwaitUntilText,Welcome\nmeasureStop\n';

function error(text: string, file = 'flow.testgb'): InputError {
  try {
    importGdslDetailed(text, file);
  } catch (caught) {
    expect(caught).toBeInstanceOf(InputError);
    return caught as InputError;
  }
  throw new Error('imported');
}

describe('GDSL hardening', () => {
  it.each([
    ['an ESC sequence in a parameter', SCRIPT.replace('Welcome', 'Wel\u001b[2Jcome'), 4, 'U+001B'],
    ['a BEL in a comment', `# title\u0007\n${SCRIPT}`, 1, 'U+0007'],
    ['a C1 CSI in a command name', SCRIPT.replace('pressEnter', 'press\u009bEnter'), 3, 'U+009B'],
    ['a bidirectional override', SCRIPT.replace('Welcome', 'Wel\u202ecome'), 4, 'U+202E'],
  ])('refuses %s, naming the line and the character but never echoing it', (_what, text, line, code) => {
    const { message } = error(text);
    expect(message).toBe(`flow.testgb:${line}: control character ${code} in the GDSL text (terminal escape sequences are refused); remove it`);
    expect(message).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202e]/);
  });

  it('keeps a file name holding a line break as the journey name: no YAML key is added', () => {
    const file = 'evil\ntarget: { platform: android, appPackage: x }\nsteps: []\n.testgb';
    const yaml = importGdslToYaml(SCRIPT, file);
    const data = parseYaml(yaml) as { name: string; target: unknown; steps: unknown[] };
    expect(data.target).toEqual({ platform: 'web', url: 'https://example.org' });
    expect(data.steps).toHaveLength(1);
    expect(data.name).toBe('evil\ntarget: { platform: android, appPackage: x }\nsteps: []\n');
    expect(yaml.split('\n')[0]).toBe('# Journey imported from evil target: { platform: android, appPackage: x } steps: [] .testgb by `ecoscore gdsl import` (GDSL → journey). Check it with `ecoscore validate`.');
  });

  it('says when a script asks for a browser ecoscore does not run, in the notes and in the journey description', () => {
    const text = `setBrowser,org.mozilla.firefox\nbrowserReset\n${SCRIPT}`;
    const { journey, notes, foreignBrowser } = importGdslDetailed(text, 'firefox.testgb');
    expect(foreignBrowser).toBe('org.mozilla.firefox');
    expect(notes).toContain("firefox.testgb:1: the GDSL script asks for the browser org.mozilla.firefox, which ecoscore does not run: it measures this journey in Chromium, so its figures are Chromium's, not that browser's");
    expect(journey.description).toMatch(/org\.mozilla\.firefox.*Chromium/);
    expect(importGdslDetailed(`setBrowser,com.android.chrome\n${SCRIPT}`, 'chrome.testgb').foreignBrowser).toBeUndefined();
  });

  it('reads resetBrowser as browserReset (setup), and writes only attested commands in strict mode', () => {
    const { journey } = importGdslDetailed(`resetBrowser\n${SCRIPT}`, 'reset.testgb');
    expect(journey.steps).toHaveLength(1);
    const loaded = parseJourney(importGdslToYaml(`resetBrowser\n${SCRIPT}`, 'reset.testgb'), 'reset.yaml', { env: {} });
    const text = exportGdsl(loaded.journey);
    expect(text).toContain('browserReset');
    expect(text).not.toContain('resetBrowser');
  });
});
