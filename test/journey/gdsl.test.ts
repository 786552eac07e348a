import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/demo/server.js';
import { exportGdsl, exportLoadedJourneyGdsl, gdslStepName, importGdsl, importGdslDetailed, importGdslToYaml } from '../../src/journey/gdsl.js';
import { parseJourney, type LoadedJourney } from '../../src/journey/load.js';
import { InputError } from '../../src/shared/input-error.js';

const demoFile = fileURLToPath(new URL('../../journeys/demo-health.yaml', import.meta.url));
const fixture = (name: string): string => readFileSync(fileURLToPath(new URL(`../fixtures/gdsl/${name}`, import.meta.url)), 'utf8');

function loadDemo(): LoadedJourney {
  return parseJourney(readFileSync(demoFile, 'utf8'), demoFile, { env: {} });
}

/** Lines of a GDSL text without comments and blank lines. */
function commands(text: string): string[] {
  return text.split('\n').filter((line) => line.trim() !== '' && !line.startsWith('#'));
}

/** The commands of the measure block named `measure`. */
function block(text: string, measure: string): string[] {
  const lines = commands(text);
  const start = lines.indexOf(`measureStart,${measure}`);
  expect(start, `measureStart,${measure}`).toBeGreaterThanOrEqual(0);
  return lines.slice(start + 1, lines.indexOf('measureStop', start));
}

function importError(text: string, file = 'flow.testgb'): InputError {
  try {
    importGdsl(text, file);
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return error as InputError;
  }
  throw new Error('expected an InputError');
}

/** export → YAML import → parseJourney → export again. */
function reexport(text: string, env: Record<string, string> = {}, mode: 'strict' | 'lenient' = 'strict'): string {
  const yaml = importGdslToYaml(text, 'round-trip.testgb');
  const loaded = parseJourney(yaml, 'round-trip.yaml', { env });
  return exportLoadedJourneyGdsl(loaded, mode);
}

describe('GDSL export of the demo journey', () => {
  const loaded = loadDemo();
  const text = exportLoadedJourneyGdsl(loaded);

  it('starts with a header naming the journey, device and network, then prepares the browser for the reference', () => {
    const lines = text.split('\n');
    expect(lines[0]).toBe('# Journey: Demo health app — record a blood pressure measure');
    expect(text).toContain('# Device profile: mid-range-phone; network: wifi; iterations: 3.');
    expect(commands(text).slice(0, 2)).toEqual(['setBrowser,com.android.chrome', 'browserPrepareAndOpenForReference']);
  });

  it('writes one measureStart,PREFIX_NAME … measureStop block per step, prefixed by type', () => {
    const measures = commands(text).filter((line) => line.startsWith('measureStart,'));
    expect(measures).toEqual([
      'measureStart,PAUSE_REFERENCE',
      'measureStart,CHRGT_LOGIN_PAGE',
      'measureStart,CHRGT_SIGN_IN',
      'measureStart,PAUSE_READ_DASHBOARD',
      'measureStart,CHRGT_OPEN_MEASURES',
      'measureStart,SCROLL_MEASURES',
      'measureStart,ACTION_ADD_A_MEASURE',
      'measureStart,CHRGT_APPOINTMENTS',
      'measureStart,CHRGT_HEALTH_RESOURCES_HEAVY_PAGE',
    ]);
    expect(commands(text).filter((line) => line === 'measureStop')).toHaveLength(measures.length);
  });

  it('writes reference and pause steps as a pause of their duration in milliseconds', () => {
    expect(block(text, 'PAUSE_REFERENCE')).toEqual(['pause,5000']);
    expect(block(text, 'PAUSE_READ_DASHBOARD')).toEqual(['pause,5000']);
  });

  it('types the URL before a load step and measures from pressEnter on, as Greenspector does', () => {
    const lines = commands(text);
    expect(lines[lines.indexOf('measureStart,CHRGT_LOGIN_PAGE') - 1]).toBe('browserGoToUrl,/');
    expect(block(text, 'CHRGT_LOGIN_PAGE')).toEqual(['pressEnter', 'waitUntilText,Connexion,15000']);
  });

  it('writes fills as a click on the label then enterText, and secrets as a GDSL variable', () => {
    expect(block(text, 'CHRGT_SIGN_IN')).toEqual([
      'clickByText,Identifiant',
      'enterText,patient.demo',
      'clickByText,Mot de passe',
      'enterText,${SECRET_1}',
      'clickByText,Se connecter',
      'waitUntilText,Tableau de bord,15000',
    ]);
    expect(text).toContain('# Secrets: ${SECRET_1} stands for a secret value');
  });

  it('approximates role locators and CSS selectors, with a comment saying what the journey had', () => {
    expect(text).toContain('# ecoscore action: {"click":{"role":"button","name":"Se connecter"}}\nclickByText,Se connecter');
    expect(text).toContain('# ecoscore action: {"click":{"role":"link","name":"Mesures"}}\nclickByText,Mesures');
  });

  it('scrolls to the bottom with repeated swipeDownward and presses Enter with pressEnter', () => {
    expect(block(text, 'SCROLL_MEASURES')).toEqual(Array(5).fill('swipeDownward'));
    expect(text).toContain('# ecoscore action: {"scroll":{"to":"bottom"}}');
    expect(block(text, 'ACTION_ADD_A_MEASURE').slice(-2)).toEqual(['pressEnter', 'waitUntilText,Mesure enregistrée,15000']);
  });

  it('never writes the demo password, with or without the source and redactor', () => {
    expect(text).not.toContain(DEMO_PASSWORD);
    expect(exportGdsl(loaded.journey)).not.toContain(DEMO_PASSWORD);
    expect(loaded.source).not.toContain(DEMO_PASSWORD); // the source keeps placeholders, never a default
  });

  it('gives the same text after export → import → export', () => {
    expect(reexport(text, { SECRET_1: 'whatever-it-is' })).toBe(text);
  });
});

describe('GDSL export of other journeys', () => {
  const android = `
name: Android, every action
target: { platform: android, appPackage: org.example.health }
timeout: 20s
steps:
  - { name: reference, type: reference }
  - name: start
    type: first-load
    critical: true
    actions:
      - launchApp
      - waitFor: { accessibilityId: "Home", timeout: 5s }
  - name: act
    type: action
    timeout: 8s
    actions:
      - { click: { id: "org.example.health:id/menu" }, timeout: 3s }
      - fill: { id: "org.example.health:id/search", value: "tension, pouls" }
      - fill: { selector: ":focus", value: "\${env:PIN}" }
      - click: { text: "Valider", exact: true }
      - press: Tab
      - press: Escape
      - waitFor: { networkIdle: true }
      - waitFor: { text: "Chargement", gone: true }
      - swipe: { direction: left, distance: 0.8 }
      - scroll: { by: -900 }
      - back
  - { name: idle, type: background, actions: [ { background: 10s } ] }
  - { name: close, type: action, actions: [ closeApp ] }
`;

  it('starts and kills an Android app with applicationStart / applicationKill and clicks by id and content description', () => {
    const loaded = parseJourney(android, 'android.yaml', { env: { PIN: '4821-secret' } });
    const text = exportLoadedJourneyGdsl(loaded, 'lenient');
    expect(commands(text)[0]).toBe('applicationKill,org.example.health');
    expect(block(text, 'CHRGT_START')).toEqual(['applicationStart,org.example.health', 'waitUntilContentDesc,Home,5000']);
    const act = block(text, 'ACTION_ACT');
    expect(act).toContain('clickById,org.example.health:id/menu');
    expect(act).toContain('enterText,tension\\, pouls');
    expect(act).toContain('enterText,${SECRET_1}');
    expect(act).toContain('swipeLeft');
    expect(act).toContain('pressBack');
    expect(act).toContain('waitUntilTextGone,Chargement,8000');
    expect(block(text, 'PAUSE_BACKGROUND_IDLE')).toEqual(['pressHome', 'pause,10000']);
    expect(block(text, 'ACTION_CLOSE')).toEqual(['applicationKill,org.example.health']);
    expect(text).toContain('# ecoscore action: {"press":"Tab"}');
    expect(text).toContain('Warning: GDSL does not allow a comma inside a parameter');
    expect(text).not.toContain('4821-secret');
    expect(reexport(text, { SECRET_1: 'x-secret' }, 'lenient')).toBe(text);
    expect(text).toContain("# ecoscore extension: pressHome is not attested by Greenspector's public pages (docs/gdsl.md)\npressHome");
  });

  it('writes a fill whose value came from ${env:…} as a secret placeholder even without secret: true', () => {
    const source = `
name: env fill
target: { platform: web, url: "https://example.org/app/" }
steps:
  - name: home
    type: first-load
    actions: [ { goto: "login" }, { fill: { label: "Code", value: "\${env:CODE:-fallback-code}" } } ]
`;
    const loaded = parseJourney(source, 'env.yaml', { env: { CODE: 'abc-123-xyz' } });
    const text = exportLoadedJourneyGdsl(loaded);
    expect(text).toContain('enterText,${SECRET_1}');
    expect(text).not.toContain('abc-123-xyz');
    expect(text).not.toContain('fallback-code');
    expect(text).toContain('browserGoToUrl,https://example.org/app/login');
    expect(reexport(text, { SECRET_1: 'abc-123-xyz' })).toBe(text);
  });

  it('names measures in upper snake case ASCII, unique', () => {
    expect(gdslStepName('Connexion réussie !')).toBe('CONNEXION_REUSSIE');
    const source = `
name: twins
target: { platform: web, url: demo }
steps:
  - { name: "Sign in", type: load, actions: [ { goto: / } ] }
  - { name: "sign-in", type: load, actions: [ { goto: / } ] }
`;
    const text = exportGdsl(parseJourney(source, 't.yaml', { env: {} }).journey);
    expect(commands(text).filter((line) => line.startsWith('measureStart,'))).toEqual(['measureStart,CHRGT_SIGN_IN', 'measureStart,CHRGT_SIGN_IN_2']);
    expect(reexport(text)).toBe(text);
  });
});

describe('GDSL import', () => {
  it('reads a hand-written web script into a journey that validates', () => {
    const yaml = importGdslToYaml(fixture('web-shop.testgb'), 'web-shop.testgb');
    const { journey } = parseJourney(yaml, 'web-shop.yaml', { env: { PASSWORD: 'p4ssw0rd-test' } });
    expect(journey.name).toBe('Shop — search and sign in');
    expect(journey.target).toEqual({ platform: 'web', url: 'https://shop.example.org' });
    expect(journey.steps.map((step) => [step.name, step.type])).toEqual([
      ['reference', 'reference'],
      ['homePage', 'first-load'],
      ['acceptCookies', 'action'],
      ['catalogue', 'scroll'],
      ['search', 'load'],
      ['readResults', 'pause'],
      ['signIn', 'load'],
    ]);
    expect(journey.steps[0].duration).toBe(10_000);
    expect(journey.steps[1].actions).toEqual([
      { kind: 'goto', url: '/fr/accueil' },
      { kind: 'waitFor', locator: { text: 'Bienvenue' }, gone: false, networkIdle: false, timeoutMs: 20_000 },
      { kind: 'pause', durationMs: 1000 },
    ]);
    expect(journey.steps[2].actions?.[1]).toMatchObject({ kind: 'waitFor', locator: { text: 'Nous utilisons des cookies' }, gone: true });
    // swipeDownward without parameters: from 90 % to 10 % of the height ("Scroll and swipe methods").
    expect(journey.steps[3].actions?.[0]).toEqual({ kind: 'swipe', direction: 'up', distance: 0.8 });
    expect(journey.steps[4].actions?.[0]).toEqual({ kind: 'fill', locator: { label: 'Rechercher' }, value: 'chaussures, taille 42', secret: false });
    expect(journey.steps[5].duration).toBe(30_000);
    expect(journey.steps[6].actions?.[0]).toEqual({ kind: 'fill', locator: { label: 'Mot de passe' }, value: 'p4ssw0rd-test', secret: true });
    expect(yaml).not.toContain('p4ssw0rd-test');
    expect(yaml).toContain('PASSWORD');
  });

  it('reads a hand-written Android script (applicationStart, clickById, swipe, applicationKill)', () => {
    const { journey, notes } = importGdslDetailed(fixture('android-app.testgb'), 'android-app.testgb');
    expect(journey.target).toEqual({ platform: 'android', appPackage: 'org.example.health' });
    const yaml = importGdslToYaml(fixture('android-app.testgb'), 'android-app.testgb');
    const loaded = parseJourney(yaml, 'android-app.yaml', { env: { PAUSEDURATION: '30000' } });
    const steps = loaded.journey.steps;
    expect(steps.map((step) => step.type)).toEqual(['reference', 'first-load', 'action', 'scroll', 'action', 'background', 'action']);
    expect(steps[0].duration).toBe(30_000);
    expect(steps[1].actions?.[0]).toEqual({ kind: 'launchApp' });
    expect(steps[2].actions).toEqual([
      { kind: 'click', locator: { accessibilityId: 'Open navigation drawer' } },
      { kind: 'click', locator: { id: 'org.example.health:id/settings' } },
      { kind: 'waitFor', locator: { accessibilityId: 'Settings screen' }, gone: false, networkIdle: false },
    ]);
    expect(steps[3].actions).toEqual([
      { kind: 'swipe', direction: 'up', distance: 0.5 },
      { kind: 'swipe', direction: 'down', distance: 0.8 },
    ]);
    expect(notes.some((note) => note.startsWith('android-app.testgb:23: swipe by coordinates'))).toBe(true);
    expect(steps[4].actions?.[0]).toEqual({ kind: 'back' });
    expect(steps[5].actions).toEqual([{ kind: 'background', durationMs: 15_000 }]);
    expect(steps[6].actions).toEqual([{ kind: 'closeApp' }]);
  });

  it('names the file and line of an unknown command and suggests the closest one', () => {
    const error = importError(fixture('unknown-command.testgb'), 'unknown-command.testgb');
    expect(error.message).toBe('unknown-command.testgb:7: unknown GDSL command "clikByText"; did you mean "clickByText"?');
    expect(error.line).toBe(7);
    expect(error.exitCode).toBe(2);
  });

  it('names the file and line of a wrong parameter count', () => {
    const text = 'browserGoToUrl,https://example.org/\nmeasureStart,CHRGT_home\nclickByText,Oui,Non\nmeasureStop\n';
    expect(importError(text).message).toBe(
      'flow.testgb:3: clickByText takes 1 parameter (text), got 2; a GDSL parameter cannot hold a comma (ecoscore reads \\, as one)',
    );
    expect(importError('measureStart,CHRGT_a\npressEnter,now\nmeasureStop').message).toBe('flow.testgb:2: pressEnter takes no parameter, got 1');
    expect(importError('browserReset\nmeasureStart,PAUSE_a\npause,long\nbrowserGoToUrl,https://e.org/\nmeasureStop').message).toBe('flow.testgb:3: pause expects a number of milliseconds, got "long"');
  });

  it('reports unbalanced measure blocks and scripts with nothing measured', () => {
    expect(importError('measureStart,CHRGT_a\nmeasureStart,CHRGT_b\nmeasureStop').message).toBe(
      'flow.testgb:2: measureStart inside the step "CHRGT_a" opened on line 1; close it with measureStop first',
    );
    expect(importError('browserGoToUrl,https://e.org/\nmeasureStop').message).toBe('flow.testgb:2: measureStop without a measureStart before it');
    expect(importError('browserGoToUrl,https://e.org/\nmeasureStart,CHRGT_a\npressEnter').message).toBe(
      'flow.testgb:2: the step "CHRGT_a" is never closed: add measureStop after its commands',
    );
    expect(importError('browserGoToUrl,https://e.org/\n').message).toContain('no measured step');
    expect(importError('measureStart,PAUSE_a\npause,1000\nmeasureStop').message).toBe(
      'flow.testgb: cannot tell what is measured: add a browserGoToUrl,<url> (web) or applicationStart,<package> (Android) line',
    );
  });

  it('ignores comment lines and blank lines', () => {
    const plain = 'browserGoToUrl,https://example.org/\nmeasureStart,CHRGT_home\npressEnter\nwaitUntilText,Accueil\nmeasureStop\n';
    const commented = `# Journey: plain\n\n# a comment\n   \nbrowserGoToUrl,https://example.org/\n\n# another\nmeasureStart,CHRGT_home\n  # indented comment\npressEnter\r\n\nwaitUntilText,Accueil\nmeasureStop\n\n# end\n`;
    expect(importGdsl(commented, 'plain.testgb')).toEqual(importGdsl(plain, 'plain.testgb'));
  });

  it('keeps commands outside measure blocks by moving them into a step, and says so', () => {
    const { journey, notes } = importGdslDetailed(fixture('outside-commands.testgb'), 'outside-commands.testgb');
    expect(journey.steps).toHaveLength(1);
    expect(journey.steps[0].actions).toEqual([{ goto: '/' }, { pause: '2s' }, { press: 'Enter' }, { waitFor: { text: 'Accueil' } }, { click: { text: 'Fermer' } }]);
    expect(notes).toEqual([
      expect.stringMatching(/^outside-commands\.testgb:4: browserGoToUrl is outside/),
      expect.stringMatching(/^outside-commands\.testgb:5: pause is outside/),
      expect.stringMatching(/^outside-commands\.testgb:10: clickByText after the last measureStop/),
    ]);
    expect(importGdslToYaml(fixture('outside-commands.testgb'), 'outside-commands.testgb')).toContain('# Note: outside-commands.testgb:10:');
  });

  it('imports the commands as written when an "# ecoscore action" comment no longer matches them', () => {
    const text = exportLoadedJourneyGdsl(loadDemo()).replace('clickByText,Se connecter', 'clickByText,Connexion');
    const { journey, notes } = importGdslDetailed(text, 'edited.testgb');
    expect(journey.steps[2].actions?.[2]).toEqual({ click: { text: 'Connexion' } });
    expect(notes.some((note) => /edited\.testgb:\d+: this "# ecoscore action" comment does not match/.test(note))).toBe(true);
  });

  it('turns a secret placeholder into ${env:SECRET_n} with secret: true, and the secret never leaks on export', () => {
    const text = 'browserGoToUrl,https://example.org/\nmeasureStart,CHRGT_login\nclickById,password\nenterText,${SECRET_1}\npressEnter\nmeasureStop\n';
    const yaml = importGdslToYaml(text, 'login.testgb');
    expect(importGdsl(text, 'login.testgb').steps[0].actions?.[1]).toEqual({ fill: { id: 'password', value: '${env:SECRET_1}', secret: true } });
    const loaded = parseJourney(yaml, 'login.yaml', { env: { SECRET_1: 'correct-horse-battery' } });
    expect(loaded.journey.steps[0].actions?.[1]).toMatchObject({ kind: 'fill', secret: true });
    const exported = exportLoadedJourneyGdsl(loaded);
    expect(exported).not.toContain('correct-horse-battery');
    expect(exportGdsl(loaded.journey)).not.toContain('correct-horse-battery');
    expect(exported).toContain('enterText,${SECRET_1}');
  });

  it('takes the journey name from the header comment, else from the file name', () => {
    const body = 'browserGoToUrl,https://example.org/\nmeasureStart,CHRGT_home\npressEnter\nmeasureStop\n';
    expect(importGdsl(`# Journey: My shop\n${body}`, 'x.testgb').name).toBe('My shop');
    expect(importGdsl(body, 'dir/home-page.testgb').name).toBe('home-page');
  });
});
