/**
 * Every GDSL snippet of the public Greenspector pages cited in docs/gdsl.md (fixtures in
 * test/fixtures/gdsl/public/, each with its source URL on its first line) imports, or is rejected with the
 * reason docs/gdsl.md gives. Fragments (no URL or app to measure, or no measured step) are also read inside
 * a minimal script this test builds around them (a browserGoToUrl line, and a measured step when they
 * have none), to check what their commands become. The generated command table of docs/gdsl.md is checked
 * to be up to date.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importGdslDetailed, importGdslToYaml } from '../../src/journey/gdsl.js';
import { withGeneratedTable } from '../../src/journey/gdsl/doc-table.js';
import { parseJourney } from '../../src/journey/load.js';
import { InputError } from '../../src/shared/input-error.js';

const DIR = 'test/fixtures/gdsl/public';
const read = (name: string) => readFileSync(`${DIR}/${name}`, 'utf8');

function rejection(text: string, file: string): string {
  try {
    importGdslDetailed(text, file);
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return (error as Error).message;
  }
  throw new Error(`${file} imported`);
}

/** The fragment inside a minimal web script: a URL to measure, and a measured step when it has none. */
function inScript(text: string): string {
  const body = text.includes('measureStart') || text.includes('startMeasure') ? text : `measureStart,ACTION_snippet\n${text}\nmeasureStop\n`;
  return `browserGoToUrl,https://example.org/\n${body}`;
}

const actionsOf = (text: string, file: string) => importGdslDetailed(inScript(text), file).journey.steps.map((step) => [step.type, step.actions ?? step.duration]);

const OUTCOMES: Record<string, { rejected?: RegExp; inScript?: unknown }> = {
  'presentation-structure.testgb': { rejected: /:3: unknown GDSL command "GDSL instructions \(input"/ },
  'presentation-scroll.testgb': { rejected: /:5: unknown GDSL command "swipeDownard"; did you mean "swipeDownward"\?/ },
  'presentation-load.testgb': {
    rejected: /cannot tell what is measured/,
    inScript: [['first-load', [{ goto: '/' }, { waitFor: { text: 'Accept cookies' } }, { pause: '1s' }]]],
  },
  'presentation-action.testgb': {
    rejected: /cannot tell what is measured/,
    inScript: [['action', [{ goto: '/' }, { click: { text: 'Accept cookies' } }, { pause: '500ms' }, { click: { id: 'onetrust-accept-btn-handler' } }, { pause: '1s' }]]],
  },
  'presentation-pause.testgb': { rejected: /cannot tell what is measured/, inScript: [['pause', [{ goto: '/' }]]] },
  'scroll-swipe.testgb': {
    rejected: /no measured step/,
    inScript: [['action', [{ goto: '/' }, ...Array(3).fill({ swipe: { direction: 'up', distance: 0.8 } })]]],
  },
  'discover-format.testgb': { rejected: /cannot tell what is measured/, inScript: [['action', [{ goto: '/' }, { fill: { selector: ':focus', value: 'my first text' } }]]] },
  'write-script-package.testgb': { rejected: /no measured step/ },
  'blog-syntax.testgb': { rejected: /no measured step/, inScript: [['action', [{ goto: '/' }, { waitFor: { text: 'username', timeout: '10s' } }]]] },
  'write-script-app.testgb': {},
};

describe('the GDSL snippets of Greenspector’s public pages', () => {
  const files = readdirSync(DIR).filter((name) => name.endsWith('.testgb')).sort();

  it('are all covered here, each with its source URL on its first line', () => {
    expect(files).toEqual(Object.keys(OUTCOMES).sort());
    for (const file of files) expect(read(file).split('\n')[0]).toMatch(/^# Source: https:\/\/greenspector(studio\.atlassian\.net\/wiki\/spaces\/DPP\/pages\/\d+\/|\.com\/en\/)/);
  });

  it.each(Object.entries(OUTCOMES))('%s imports or is rejected with the documented reason', (file, outcome) => {
    const text = read(file);
    if (outcome.rejected) expect(rejection(text, file)).toMatch(outcome.rejected);
    if (outcome.inScript) expect(actionsOf(text, file)).toEqual(outcome.inScript);
  });

  it('the application launch example of "Write GDSL script" imports into an Android journey that validates', () => {
    const file = 'write-script-app.testgb';
    const yaml = importGdslToYaml(read(file), file);
    const { journey } = parseJourney(yaml, 'write-script-app.yaml', { env: { PAUSEDURATION: '30000', PAUSEAFTERLOAD: '5000' } });
    expect(journey.target).toEqual({ platform: 'android', appPackage: 'com.google.android.youtube' });
    expect(journey.steps.map((step) => [step.name, step.type])).toEqual([
      ['reference', 'reference'],
      ['homePage', 'first-load'],
    ]);
    expect(journey.steps[0].duration).toBe(30_000);
    expect(journey.steps[1].actions).toEqual([
      { kind: 'launchApp' },
      { kind: 'waitFor', locator: { text: 'Home' }, gone: false, networkIdle: false },
      { kind: 'pause', durationMs: 5000 },
    ]);
  });

  it('startMeasure / StopMeasure, the spelling of the GDSL presentation’s pseudo-code, read as measureStart / measureStop', () => {
    const { journey } = importGdslDetailed('browserGoToUrl,https://example.org/\nstartMeasure,CHRGT_home\npressEnter\nwaitUntilText,Welcome\nStopMeasure\n', 'spelling.testgb');
    expect(journey.steps).toEqual([{ name: 'home', type: 'first-load', actions: [{ goto: '/' }, { waitFor: { text: 'Welcome' } }] }]);
  });
});

describe('docs/gdsl.md', () => {
  it('holds the command table generated from src/journey/gdsl/commands.ts (npm run docs:gdsl)', () => {
    const doc = readFileSync('docs/gdsl.md', 'utf8');
    expect(withGeneratedTable(doc)).toBe(doc);
  });

  it('cites the public page of every snippet fixture', () => {
    const doc = readFileSync('docs/gdsl.md', 'utf8');
    for (const file of readdirSync(DIR).filter((name) => name.endsWith('.testgb'))) {
      const url = read(file).split('\n')[0].replace(/^# Source: (\S+).*$/, '$1');
      expect(doc, file).toContain(url);
      expect(doc, file).toContain(file);
    }
  });
});
