/** The Android example journeys shipped in journeys/ validate, as `ecoscore validate` sees them. */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/program.js';
import { loadJourney } from '../../src/journey/load.js';
import { capabilitiesFor } from '../../src/drivers/appium.js';
import { getDeviceProfile } from '../../src/profiles/index.js';

const files = readdirSync('journeys')
  .filter((name) => /^android-.*\.ya?ml$/.test(name))
  .map((name) => `journeys/${name}`);

describe('journeys/android-*.yaml', () => {
  it('exist: Chrome on Android and a native app', () => {
    expect(files).toEqual(['journeys/android-demo-chrome.yaml', 'journeys/android-native-example.yaml']);
  });

  it('pass `ecoscore validate`', async () => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await main(['validate', ...files], { out: (text) => out.push(text), err: (text) => err.push(text), isTTY: false });
    expect(err.join('\n')).toBe('');
    expect(code).toBe(0);
  });

  it('give the UiAutomator2 capabilities a real device needs', async () => {
    const device = getDeviceProfile('mid-range-phone');
    const chrome = (await loadJourney('journeys/android-demo-chrome.yaml', { env: {} })).journey.target;
    const native = (await loadJourney('journeys/android-native-example.yaml', { env: {} })).journey.target;
    if (chrome.platform !== 'android' || native.platform !== 'android') throw new Error('android targets expected');
    expect(capabilitiesFor(chrome, device)).toMatchObject({ platformName: 'Android', browserName: 'Chrome', 'appium:automationName': 'UiAutomator2' });
    expect(chrome.url).toBe('http://127.0.0.1:8080');
    expect(capabilitiesFor(native, device)).toMatchObject({ 'appium:appPackage': 'org.example.health', 'appium:appActivity': '.MainActivity' });
  });
});
