/**
 * Journey loading against hostile and careless input (issue 11): the kept source never holds a secret in
 * any YAML form (item 3), messages never echo a secret or an env value (item 4), numbers and placeholders
 * are bounded and well formed (item 8).
 */
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseJourney } from '../../src/journey/load.js';
import { InputError } from '../../src/shared/input-error.js';

const head = 'name: t\ntarget: { platform: web, url: demo }\nsteps:\n';
const action = (yaml: string) => `${head}  - name: s\n    type: action\n    actions:\n      - ${yaml}\n`;

function errorOf(source: string, env: Record<string, string> = {}): InputError {
  try {
    parseJourney(source, 'j.yaml', { env });
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return error as InputError;
  }
  throw new Error('expected an InputError');
}

describe('journey.source is rebuilt from the document, with no secret in any form', () => {
  const cases: [string, string, string[]][] = [
    ['double-quoted with escapes', '"pa\\"ss\\\\word"', ['pa"ss\\word', 'pa\\"ss\\\\word', 'pa\\"ss']],
    ['single-quoted with a doubled quote', "'it''s-a-secret'", ["it's-a-secret", "it''s-a-secret"]],
    ['a \\u escape', '"s\\u0065cr\\u0065t-value"', ['secret-value', 's\\u0065cr\\u0065t']],
    ['plain', 'plain-secret-42', ['plain-secret-42']],
    ['a number', '482915', ['482915']],
  ];
  for (const [form, written, forbidden] of cases) {
    it(`a secret fill value ${form}`, () => {
      const source = `${head}  - name: s\n    type: action\n    actions:\n      - fill: { label: PIN, value: ${written}, secret: true }\n`;
      if (form === 'a number') {
        // A number is no fill value: the error names the field and does not echo it.
        const error = errorOf(source);
        expect(error.message).toBe('j.yaml:7: steps[0].actions[0].fill.value: expected string, got number (a secret value, not shown)');
        return;
      }
      const loaded = parseJourney(source, 'j.yaml', { env: {} });
      for (const text of forbidden) expect(loaded.source).not.toContain(text);
      expect(parse(loaded.source).steps[0].actions[0].fill.value).toBe('[secret]');
    });
  }

  it('a folded block secret, and a literal block one', () => {
    const source = `${head}  - name: s\n    type: action\n    actions:\n      - fill:\n          label: A\n          value: >-\n            folded-secret\n            second-line\n          secret: true\n      - fill:\n          label: B\n          value: |\n            literal-secret\n          secret: true\n`;
    const loaded = parseJourney(source, 'j.yaml', { env: {} });
    for (const text of ['folded-secret', 'second-line', 'literal-secret']) expect(loaded.source).not.toContain(text);
  });

  it('an anchored secret used through an alias', () => {
    const source = `${head}  - name: s\n    type: action\n    description: &pw anchored-secret-1\n    actions:\n      - fill: { label: A, value: *pw, secret: true }\n`;
    const loaded = parseJourney(source, 'j.yaml', { env: {} });
    expect(loaded.source).not.toContain('anchored-secret-1');
  });

  it('every ${env:…} default, even when the variable is set (the demo password)', () => {
    const source = `# default password: tensio-demo-2026\n${head}  - name: s\n    type: action\n    actions:\n      - fill: { label: P, value: "\${env:DEMO_PASSWORD:-tensio-demo-2026}", secret: true }\n      - goto: "/?ref=\${env:REF:-default-ref-value}"\n`;
    const loaded = parseJourney(source, 'j.yaml', { env: { DEMO_PASSWORD: 'set-in-ci-9876' } });
    for (const text of ['tensio-demo-2026', 'default-ref-value', 'set-in-ci-9876']) expect(loaded.source).not.toContain(text);
    expect(loaded.source).toContain('${env:DEMO_PASSWORD:-[secret]}');
    expect(loaded.source).toContain('/?ref=${env:REF:-[secret]}');
  });

  it('a value typed from ${env:…} is a secret fill even without secret: true (masked, never written)', () => {
    const source = `${head}  - name: s\n    type: action\n    actions:\n      - fill: { label: User, value: "\${env:APP_USER}" }\n`;
    const loaded = parseJourney(source, 'j.yaml', { env: { APP_USER: 'dr.house' } });
    const fill = loaded.journey.steps[0].actions![0];
    expect(fill.kind === 'fill' && fill.secret).toBe(true);
  });

  it('keeps the rest of the file: keys, comments, other values', () => {
    const loaded = parseJourney(`# a comment\n${head}  - { name: pause here, type: pause, duration: 2s }\n`, 'j.yaml', { env: {} });
    expect(loaded.source).toContain('# a comment');
    expect(parse(loaded.source).steps[0].name).toBe('pause here');
  });
});

describe('messages never echo a secret or an env value', () => {
  it.each([
    ['iterations', 'iterations: "${env:N}"\n', { N: 'seven' }, 'j.yaml:3: iterations: expected number, got string (the value of ${env:N}, not shown)'],
    ['device', 'device: "${env:DEVICE}"\n', { DEVICE: 'my-secret-phone' }, 'j.yaml:3: device: the value of ${env:DEVICE} is not a known device profile id'],
    ['duration', '', { READ_MS: 'ten-seconds-please' }, 'j.yaml:6: steps[0].duration: (the value of ${env:READ_MS}) is not a duration; write it like 500ms, 10s or 2m'],
  ])('an env value used as %s', (_, extra, env, message) => {
    const source = `name: t\ntarget: { platform: web, url: demo }\n${extra}steps:\n  - name: p\n    type: pause\n    duration: ${extra === '' ? '"${env:READ_MS}"' : '1s'}\n`;
    const error = errorOf(source, env as Record<string, string>);
    expect(error.message).toBe(message);
    for (const value of Object.values(env)) expect(error.message).not.toContain(value);
  });

  it('an env value used as a duration works when it is one', () => {
    const loaded = parseJourney(`${head}  - { name: p, type: pause, duration: "\${env:READ_MS:-5000}" }\n`, 'j.yaml', { env: {} });
    expect(loaded.journey.steps[0].duration).toBe(5000);
  });
});

describe('bounds and malformed placeholders', () => {
  it.each([
    ['duration: 1e300', 'duration: 1e300', 'is longer than 24h'],
    ['duration: 99999999999999999999s', 'duration: 99999999999999999999s', 'is longer than 24h'],
    ['duration: 25h as minutes', 'duration: 1500m', 'is longer than 24h'],
    ['timeout: 0', 'timeout: 0', 'a timeout is at least 1ms'],
    ['timeout: 0.4ms', 'timeout: 0.4ms', 'a timeout is at least 1ms'],
  ])('%s is refused', (_, field, message) => {
    const error = errorOf(`${head}  - name: p\n    type: pause\n    ${field}\n    actions: [ { pause: 1s } ]\n`);
    expect(error.message).toContain(message);
    expect(error.message).toMatch(/^j\.yaml:6: steps\[0\]\.(duration|timeout): /);
  });

  it.each([
    ['an unterminated ${env:', '"${env:PASSWORD"', 'never ends with "}"'],
    ['${ENV:X} in upper case', '"${ENV:X}"', 'write ${env:NAME} in lower case'],
    ['an empty name', '"${env:}"', 'a name is letters, digits and _'],
    ['a name starting with a digit', '"${env:1X}"', 'a name is letters, digits and _'],
    ['an unknown kind', '"${secret:X}"', 'starts no known placeholder'],
  ])('%s is refused with file, line and field', (_, value, message) => {
    const error = errorOf(`${head}  - name: s\n    type: action\n    actions:\n      - fill: { label: P, value: ${value} }\n`);
    expect(error.message).toMatch(/^j\.yaml:7: steps\[0\]\.actions\[0\]\.fill\.value: /);
    expect(error.message).toContain(message);
  });

  it('a placeholder named after a prototype property is just an unset name', () => {
    expect(errorOf(action('goto: "/${env:__proto__}"')).message).toContain('environment variable __proto__ is not set');
    expect(() => parseJourney(action('goto: "/${var:constructor}"'), 'j.yaml', { env: {}, vars: {} })).toThrow('variable constructor is not defined');
  });

  it('$${ writes a literal ${', () => {
    const loaded = parseJourney(`${head}  - name: s\n    type: action\n    actions:\n      - waitFor: { text: "costs $\${price}" }\n`, 'j.yaml', { env: {} });
    const wait = loaded.journey.steps[0].actions![0];
    expect(wait.kind === 'waitFor' && wait.locator?.text).toBe('costs ${price}');
  });

  it('a YAML alias bomb is one sentence with the file and the line', () => {
    let bomb = `${head}  - { name: p, type: pause, duration: 1s }\na: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n`;
    let previous = 'a';
    for (const name of ['b', 'c', 'd', 'e', 'f', 'g', 'h']) {
      bomb += `${name}: &${name} [${Array(9).fill(`*${previous}`).join(',')}]\n`;
      previous = name;
    }
    const error = errorOf(bomb);
    expect(error.message).toMatch(/^j\.yaml:6: cannot be read: its aliases expand to more than 100 copies/);
  });

  it('a scroll by more than a million pixels is refused', () => {
    expect(errorOf(`${head}  - { name: s, type: scroll, actions: [ { scroll: { by: 1e12 } } ] }\n`).message).toContain('steps[0].actions[0].scroll.by');
  });
});
