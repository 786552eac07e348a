/**
 * Redaction (issue 11, item 2): a walk over values that replaces every form of a secret in strings only,
 * keeps keys and non-string values, works for secrets that are numbers or JSON keywords, and leaves
 * ordinary text alone around short secrets.
 */
import { describe, expect, it } from 'vitest';
import { Redactor, registerSecrets, scopeRedactor, secretForms, SECRET_PLACEHOLDER, withSecretScope } from '../../src/journey/secrets.js';

const S = SECRET_PLACEHOLDER;

describe('Redactor: a walk over values', () => {
  it('keeps keys, numbers, booleans and null, even when a secret equals them', () => {
    const redactor = new Redactor(['1234', 'true', 'null', 'name', 'bytes']);
    const value = { name: 'step bytes', bytes: 1234, ok: true, none: null, list: ['1234', 'true', 'null'], nested: { true: 'is true' } };
    expect(redactor.redactValue(value)).toEqual({ name: `step ${S}`, bytes: 1234, ok: true, none: null, list: [S, S, S], nested: { true: `is ${S}` } });
  });

  it('never throws on a secret that is a number or a JSON keyword (the save before every step)', () => {
    const redactor = new Redactor(['5000', 'false', '{', '"']);
    expect(() => redactor.redactValue({ durationMs: 5000, text: 'waited 5000 ms', flag: false, raw: '{"a":"b"}' })).not.toThrow();
    expect(redactor.redactValue({ text: 'waited 5000 ms' })).toEqual({ text: `waited ${S} ms` });
  });

  it('keeps a key named __proto__ as an own key and pollutes no prototype', () => {
    const redactor = new Redactor(['hunter22']);
    const input = JSON.parse('{"domains": {"__proto__": {"host": "hunter22"}}}') as { domains: Record<string, unknown> };
    const output = redactor.redactValue(input);
    expect(Object.keys(output.domains)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(output.domains)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).host).toBeUndefined();
  });

  it('redacts twice the same as once', () => {
    const redactor = new Redactor(['secret', 'secret-token']);
    const once = redactor.redact('a secret and a secret-token');
    expect(once).toBe(`a ${S} and a ${S}`);
    expect(redactor.redact(once)).toBe(once);
  });
});

describe('Redactor: every encoded form', () => {
  it.each([
    ['JSON-escaped quotes and backslashes', 'pa"ss\\word', 'body {"password":"pa\\"ss\\\\word"}'],
    ['JSON-escaped twice', 'pa"ss\\word', 'log "{\\"password\\":\\"pa\\\\\\"ss\\\\\\\\word\\"}"'],
    ['a tab', 'tab\there', 'value "tab\\there"'],
    ['percent-encoded UTF-8', 'Mot2passé!', 'POST /login?pw=Mot2pass%C3%A9%21'],
    ['percent-encoded, lower-case hex', 'Mot2passé!', 'pw=Mot2pass%c3%a9!'],
    ['form-encoded spaces', 'two words here', 'q=two+words+here'],
    ['URL userinfo', 'p@ss:word', 'http://user:p%40ss%3Aword@grid.example.com/wd/hub'],
    ['\\u-escaped non-ASCII', 'Mot2passé!', '{"pw":"Mot2pass\\u00e9!"}'],
    ['base64', 'tensio-demo-2026', `Authorization: Basic ${Buffer.from('tensio-demo-2026').toString('base64')}`],
    ['base64 inside a longer payload', 'tensio-demo-2026', `Basic ${Buffer.from('patient:tensio-demo-2026').toString('base64')}`],
    ['base64url', 'tensio-demo-2026??>>', Buffer.from('x:tensio-demo-2026??>>').toString('base64url')],
  ])('%s', (_, secret, text) => {
    const redacted = new Redactor([secret]).redact(text);
    expect(redacted).toContain(S);
    for (const form of secretForms(secret)) expect(redacted).not.toContain(form);
  });
});

describe('Redactor: short secrets do not corrupt ordinary text', () => {
  const pin = new Redactor(['2026']);
  it.each([
    ['2026-12-01T08:00:00.000Z', '2026-12-01T08:00:00.000Z'],
    ['12:20:26', '12:20:26'],
    ['version 1.2026.3', 'version 1.2026.3'],
    ['v2026 and 20265', 'v2026 and 20265'],
    ['PIN 2026 typed', `PIN ${S} typed`],
    ['https://app/?pin=2026&x=1', `https://app/?pin=${S}&x=1`],
    ['"2026"', `"${S}"`],
  ])('PIN 2026 in %j', (text, expected) => {
    expect(pin.redact(text)).toBe(expected);
  });

  it('a word secret is replaced as a word, not inside longer words', () => {
    const word = new Redactor(['true']);
    expect(word.redact('untrue, construe, true.')).toBe(`untrue, construe, ${S}.`);
  });

  it('a one- or two-character secret is replaced only where a whole string is it', () => {
    const tiny = new Redactor(['7', 'ab']);
    expect(tiny.redactValue(['7', 'ab', 'step 7 of 9', 'abc'])).toEqual([S, S, 'step 7 of 9', 'abc']);
  });
});

describe('secret scope of a command', () => {
  it('collects the secrets registered while a command runs, and only there', async () => {
    registerSecrets(['outside-any-scope']);
    const inside = await withSecretScope(async () => {
      registerSecrets(['inside-the-scope']);
      await Promise.resolve();
      return scopeRedactor().redact('inside-the-scope and outside-any-scope');
    });
    expect(inside).toBe(`${S} and outside-any-scope`);
    expect(scopeRedactor().redact('inside-the-scope')).toBe('inside-the-scope');
  });
});
