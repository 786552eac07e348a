import { describe, expect, it } from 'vitest';
import { parseJourney } from '../../src/journey/load.js';
import { journeyJsonSchema } from '../../src/journey/schema.js';
import { parseDurationMs } from '../../src/journey/duration.js';
import { InputError } from '../../src/shared/input-error.js';

const valid = `
name: t
target: { platform: web, url: demo }
steps:
  - { name: ref, type: reference, duration: 2s }
  - name: home
    type: first-load
    critical: true
    actions:
      - goto: /
      - waitFor: { text: "Connexion", timeout: 500ms }
      - fill: { label: "Mot de passe", value: "\${env:PW}", secret: true }
      - back
`;

function errorOf(source: string, env: Record<string, string> = {}): InputError {
  try {
    parseJourney(source, 'j.yaml', { env });
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return error as InputError;
  }
  throw new Error('expected an InputError');
}

describe('journey loading', () => {
  it('parses durations in ms, s and m', () => {
    expect(parseDurationMs('500ms')).toBe(500);
    expect(parseDurationMs('1.5s')).toBe(1500);
    expect(parseDurationMs('2m')).toBe(120_000);
    expect(parseDurationMs(250)).toBe(250);
    expect(parseDurationMs('ten seconds')).toBeUndefined();
  });

  it('applies defaults and normalises actions', () => {
    const { journey } = parseJourney(valid, 'j.yaml', { env: { PW: 'hunter22' } });
    expect(journey.device).toBe('mid-range-phone');
    expect(journey.network).toBe('wifi');
    expect(journey.iterations).toBe(1);
    expect(journey.steps[0].duration).toBe(2000);
    expect(journey.steps[1].critical).toBe(true);
    expect(journey.steps[0].critical).toBe(false);
    expect(journey.steps[1].actions).toEqual([
      { kind: 'goto', url: '/' },
      { kind: 'waitFor', locator: { text: 'Connexion' }, gone: false, networkIdle: false, timeoutMs: 500 },
      { kind: 'fill', locator: { label: 'Mot de passe' }, value: 'hunter22', secret: true },
      { kind: 'back' },
    ]);
  });

  it('collects env values and secret fills so they can be redacted', () => {
    const loaded = parseJourney(valid, 'j.yaml', { env: { PW: 'hunter22' } });
    expect(loaded.redactor.redact('typed hunter22 in the field')).toBe('typed [secret] in the field');
    expect(loaded.source).toContain('${env:PW}');
    expect(loaded.source).not.toContain('hunter22');
  });

  it('uses ${env:NAME:-default} when the variable is unset', () => {
    const loaded = parseJourney(valid.replace('${env:PW}', '${env:PW:-fallback-pw}'), 'j.yaml', { env: {} });
    const fill = loaded.journey.steps[1].actions![2];
    expect(fill.kind === 'fill' && fill.value).toBe('fallback-pw');
  });

  it('names file, line and path of an unknown key and suggests the closest', () => {
    const error = errorOf(valid.replace('waitFor: { text:', 'waitFor: { txt:'), { PW: 'x' });
    expect(error.message).toBe('j.yaml:11: steps[1].actions[1].waitFor.txt: unknown key, did you mean "text"?');
    expect(error.line).toBe(11);
  });

  it('rejects a misspelt action with a suggestion', () => {
    const error = errorOf(valid.replace('- goto: /', '- goot: /'), { PW: 'x' });
    expect(error.message).toMatch(/^j\.yaml:10: steps\[1\]\.actions\[0\]\.goot: unknown key, did you mean "goto"\?$/);
  });

  it('rejects a step without actions where the type needs them', () => {
    const error = errorOf('name: t\ntarget: { platform: web, url: demo }\nsteps:\n  - { name: a, type: load }\n');
    expect(error.message).toBe('j.yaml:4: steps[0].actions: a load step needs at least one action');
  });

  it('rejects duplicate step names', () => {
    const error = errorOf('name: t\ntarget: { platform: web, url: demo }\nsteps:\n  - { name: a, type: pause, duration: 1s }\n  - { name: a, type: pause, duration: 1s }\n');
    expect(error.message).toContain('steps[1].name: duplicate step name "a"');
  });

  it('rejects mobile actions on a web target', () => {
    const error = errorOf('name: t\ntarget: { platform: web, url: demo }\nsteps:\n  - name: a\n    type: action\n    actions: [ closeApp ]\n');
    expect(error.message).toContain('closeApp is a mobile action');
  });

  it('reads JSON journeys with line numbers', () => {
    const json = '{\n  "name": "t",\n  "target": { "platform": "web", "url": "demo" },\n  "steps": [\n    { "name": "a", "type": "pauze", "duration": "1s" }\n  ]\n}\n';
    const error = errorOf(json);
    expect(error.message).toMatch(/^j\.yaml:5: steps\[0\]\.type: must be one of "reference", "pause"/);
  });

  it('exports a JSON Schema that editors can use', () => {
    const schema = journeyJsonSchema() as { properties: Record<string, unknown>; required: string[]; additionalProperties: boolean };
    expect(schema.required).toEqual(expect.arrayContaining(['name', 'target', 'steps']));
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['device', 'network', 'iterations', 'steps']));
    expect(schema.additionalProperties).toBe(false);
  });
});

describe('campaign variables', () => {
  const source = 'name: "Tensio ${var:BRAND}"\ntarget: { platform: web, url: demo, variant: { heavyHome: "${var:HEAVY}" } }\nsteps:\n  - { name: a, type: pause, duration: 1s }\n';
  it('substitutes ${var:NAME}, keeping the type of a whole-value variable', () => {
    const { journey } = parseJourney(source, 'j.yaml', { env: {}, vars: { BRAND: 'Pharma', HEAVY: true } });
    expect(journey.name).toBe('Tensio Pharma');
    expect(journey.target.platform === 'web' && journey.target.variant).toEqual({ heavyHome: true });
  });
  it('names an undefined variable with its line', () => {
    expect(() => parseJourney(source, 'j.yaml', { env: {}, vars: { BRAND: 'x' } })).toThrow(
      'j.yaml:2: target.variant.heavyHome: variable HEAVY is not defined (defined: BRAND)',
    );
  });
  it('does not treat variables as secrets', () => {
    const loaded = parseJourney(source, 'j.yaml', { env: {}, vars: { BRAND: 'Pharma', HEAVY: false } });
    expect(loaded.redactor.redact('Tensio Pharma')).toBe('Tensio Pharma');
  });
});
