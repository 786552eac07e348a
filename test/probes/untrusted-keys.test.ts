/**
 * Objects keyed by names from pages and devices (issue 11, item 8): a host or an item named `__proto__`
 * is one more key, and never reaches `Object.prototype`.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { trafficOfPerformanceLog } from '../../src/probes/chromium-perf-log.js';
import { parseAndroidPowerProfileXml } from '../../src/profiles/android-power-profile.js';

const entry = (method: string, params: Record<string, unknown>) => ({ message: JSON.stringify({ message: { method, params } }) });

afterEach(() => {
  for (const key of ['bytes', 'requests']) delete (Object.prototype as Record<string, unknown>)[key];
});

describe('untrusted names as keys', () => {
  it('a host named __proto__ in the Chromium performance log is counted as a host', () => {
    const traffic = trafficOfPerformanceLog(
      [
        entry('Network.requestWillBeSent', { requestId: '1', request: { url: 'http://__proto__/poison.js' } }),
        entry('Network.loadingFinished', { requestId: '1', encodedDataLength: 1234 }),
        entry('Network.requestWillBeSent', { requestId: '2', request: { url: 'http://constructor/x' } }),
      ],
      'app.example',
    );
    expect(({} as Record<string, unknown>).requests).toBeUndefined();
    expect(({} as Record<string, unknown>).bytes).toBeUndefined();
    expect(Object.keys(traffic.domains).sort()).toEqual(['__proto__', 'constructor']);
    expect(traffic.domains['__proto__']).toEqual({ bytes: 1234, requests: 1 });
    expect(traffic.requests).toBe(2);
  });

  it('an item or array named __proto__ in a power_profile.xml is one more entry', () => {
    const profile = parseAndroidPowerProfileXml('<device><item name="__proto__">7</item><array name="__proto__"><value>1</value></array><item name="cpu.idle">3</item></device>');
    expect(profile.items['cpu.idle']).toBe(3);
    expect(Object.getPrototypeOf(profile.arrays)).toBeNull();
    expect(profile.arrays['__proto__']).toEqual([1]);
    expect(Array.isArray(Object.getPrototypeOf(profile.arrays))).toBe(false);
  });
});
