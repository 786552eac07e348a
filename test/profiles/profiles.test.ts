import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  closestMatch,
  deriveDevicePower,
  deviceProfileIds,
  editDistance,
  getDeviceProfile,
  getNetworkProfile,
  isFieldSourced,
  kbpsToBytesPerSecond,
  listDeviceProfiles,
  listNetworkProfiles,
  networkProfileIds,
  numericFieldPaths,
  parseAndroidPowerProfileXml,
  parseDeviceProfile,
  parseNetworkProfile,
  toCdpNetworkConditions,
  UnknownProfileError,
  type AndroidPowerProfile,
  type DeviceProfile,
} from '../../src/profiles/index.js';
import { InputError } from '../../src/shared/input-error.js';

const profilesDir = join(dirname(fileURLToPath(import.meta.url)), '../../src/profiles');
const idsInFolder = (folder: string) =>
  readdirSync(join(profilesDir, folder))
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -'.json'.length))
    .sort();

const PHONES = ['entry-level-phone', 'mid-range-phone', 'high-end-phone'];

describe('built-in profiles', () => {
  it('include every id the product relies on', () => {
    expect(deviceProfileIds).toEqual(['entry-level-phone', 'mid-range-phone', 'high-end-phone', 'desktop']);
    expect(networkProfileIds).toEqual(['wifi', '4g', '3g', 'fiber']);
  });

  it('are exactly the JSON files of the folders, each id equal to its file name', () => {
    expect([...deviceProfileIds].sort()).toEqual(idsInFolder('devices'));
    expect([...networkProfileIds].sort()).toEqual(idsInFolder('networks'));
    for (const id of deviceProfileIds) expect(getDeviceProfile(id).id).toBe(id);
    for (const id of networkProfileIds) expect(getNetworkProfile(id).id).toBe(id);
  });

  it('validate against the schemas (re-parsed here, not only at module load)', () => {
    for (const p of listDeviceProfiles()) expect(() => parseDeviceProfile(structuredClone(p))).not.toThrow();
    for (const p of listNetworkProfiles()) expect(() => parseNetworkProfile(structuredClone(p))).not.toThrow();
  });

  it('cite a source for every number', () => {
    for (const p of [...listDeviceProfiles(), ...listNetworkProfiles()]) {
      const unsourced = numericFieldPaths(p).filter((path) => !isFieldSourced(path, p.sources));
      expect(unsourced, p.id).toEqual([]);
    }
  });

  it('are frozen', () => {
    const device = getDeviceProfile('mid-range-phone');
    expect(Object.isFrozen(device)).toBe(true);
    expect(Object.isFrozen(device.power)).toBe(true);
  });
});

describe('phone profiles', () => {
  it('are mobile, touch, throttled, with positive battery and component currents', () => {
    for (const id of PHONES) {
      const phone = getDeviceProfile(id);
      expect(phone.kind).toBe('phone');
      expect(phone.isMobile && phone.hasTouch).toBe(true);
      expect(phone.cpuSlowdownFactor).toBeGreaterThan(1);
      expect(phone.battery.capacityMah).toBeGreaterThan(0);
      for (const [field, ma] of Object.entries(phone.power)) if (typeof ma === 'number' && field !== 'cpuBaseMa') expect(ma, `${id} ${field}`).toBeGreaterThan(0);
    }
  });

  it('draw more with a busy CPU than with an idle one', () => {
    for (const id of PHONES) {
      const { power } = getDeviceProfile(id);
      expect(power.cpuActiveMa, id).toBeGreaterThan(power.cpuIdleMa);
    }
  });

  it('are throttled more the lower their tier', () => {
    const [entry, mid, high] = PHONES.map((id) => getDeviceProfile(id).cpuSlowdownFactor);
    expect(entry).toBeGreaterThan(mid);
    expect(mid).toBeGreaterThan(high);
    expect(mid).toBe(4); // Lighthouse's mid-tier mobile emulation
  });
});

describe('desktop profile', () => {
  it('is an unthrottled 1366×768 laptop whose currents are GreenFrame watts at 11.1 V', () => {
    const desktop = getDeviceProfile('desktop');
    expect(desktop).toMatchObject({ kind: 'desktop', isMobile: false, hasTouch: false, deviceScaleFactor: 1, cpuSlowdownFactor: 1 });
    expect(desktop.viewport).toEqual({ width: 1366, height: 768 });
    expect(desktop.battery.voltageV).toBe(11.1);
    expect(desktop.power.cpuActiveMa).toBeCloseTo((45 / 11.1) * 1000, 1);
    expect(desktop.power.screenOnMa).toBeCloseTo((14 / 11.1) * 1000, 1);
  });
});

/**
 * The entries of the cited power_profile.xml files that the derivation reads, copied number by number
 * (sources and commits are in each device JSON). Recomputing the JSON values from them checks the
 * arithmetic of every derived current.
 */
const CITED_ANDROID_PROFILES: Record<string, AndroidPowerProfile> = {
  // LineageOS/android_device_motorola_athene @ 572d89926fb8220446b9780715c981b24232bf65
  'entry-level-phone': {
    items: {
      'screen.on': 71, 'screen.full': 247, 'wifi.active': 100, 'radio.active': 100,
      'cpu.idle': 2.9, 'cpu.awake': 7.1, 'battery.capacity': 3000,
    },
    arrays: {
      'radio.on': [28, 25, 20, 15, 10, 5, 2],
      'cpu.clusters.cores': [4, 4],
      'cpu.active.cluster0': [136, 159, 208, 242, 272],
      'cpu.speeds.cluster0': [960000, 1094400, 1344000, 1440000, 1516800],
      'cpu.active.cluster1': [95, 114, 159, 179],
      'cpu.speeds.cluster1': [806400, 998400, 1094400, 1209600],
    },
  },
  // LineageOS/android_device_google_sunfish @ 066b0e3a7f796447eeca238cb653bd347ff6a3ef
  'mid-range-phone': {
    items: {
      'battery.capacity': 3080, 'cpu.suspend': 5.6, 'cpu.idle': 5.4, 'cpu.active': 8.4,
      'cpu.cluster_power.cluster0': 2, 'cpu.cluster_power.cluster1': 2.2,
      'screen.on': 85, 'screen.full': 250,
      'modem.controller.sleep': 0, 'modem.controller.idle': 128, 'modem.controller.rx': 111,
      'wifi.controller.idle': 79, 'wifi.controller.rx': 138, 'wifi.controller.tx': 387,
    },
    arrays: {
      'cpu.clusters.cores': [6, 2],
      'cpu.core_speeds.cluster0': [300000, 576000, 768000, 1017600, 1248000, 1324800, 1497600, 1612800, 1708800, 1804800],
      'cpu.core_speeds.cluster1': [300000, 652800, 806400, 979200, 1094400, 1209600, 1324800, 1555200, 1708800, 1843200, 1939200, 2169600, 2208000],
      'cpu.core_power.cluster0': [34.55, 46.57, 54.84, 68.16, 80.7, 86.6, 99.13, 111.05, 119.59, 128.45],
      'cpu.core_power.cluster1': [42.23, 56.92, 63.41, 73.03, 80.38, 87.17, 96.55, 125.61, 145.51, 182.94, 198.92, 238.54, 266.21],
      'modem.controller.tx': [118, 163, 225, 277, 363],
    },
  },
  // LineageOS/android_device_google_raviole @ f5f532bbf6ab1629f7b59e14877ebfccac7fcd54
  'high-end-phone': {
    items: {
      'battery.capacity': 4614, 'cpu.suspend': 10, 'cpu.idle': 28.6, 'cpu.active': 12.37,
      'cpu.cluster_power.cluster0': 0.24, 'cpu.cluster_power.cluster1': 3.23, 'cpu.cluster_power.cluster2': 5.94,
      'screen.on': 98, 'screen.full': 470,
      'modem.controller.sleep': 2, 'modem.controller.idle': 3.5, 'modem.controller.rx': 198,
      'wifi.controller.idle': 38, 'wifi.controller.rx': 98, 'wifi.controller.tx': 470,
    },
    arrays: {
      'cpu.clusters.cores': [4, 2, 2],
      'cpu.core_speeds.cluster0': [300000, 574000, 738000, 930000, 1098000, 1197000, 1328000, 1401000, 1598000, 1704000, 1803000],
      'cpu.core_speeds.cluster1': [400000, 553000, 696000, 799000, 910000, 1024000, 1197000, 1328000, 1491000, 1663000, 1836000, 1999000, 2130000, 2253000],
      'cpu.core_speeds.cluster2': [500000, 851000, 984000, 1106000, 1277000, 1426000, 1582000, 1745000, 1826000, 2048000, 2188000, 2252000, 2401000, 2507000, 2630000, 2704000, 2802000],
      'cpu.core_power.cluster0': [1.89, 6.15, 9.34, 14.22, 18.94, 21.98, 26.83, 30.17, 41.55, 48.36, 58.45],
      'cpu.core_power.cluster1': [3.71, 6.16, 8, 10.94, 12.73, 14.4, 21.39, 24.1, 30.42, 42.49, 49.37, 58.09, 67.54, 79.04],
      'cpu.core_power.cluster2': [8.36, 16.33, 19.44, 36.71, 41.42, 48.24, 54.77, 65.32, 69.58, 128.49, 142.15, 149.74, 164.78, 188.68, 193.15, 227.98, 254.25],
      'modem.controller.tx': [223, 243, 298, 573, 668],
    },
  },
};

describe('phone power derived from the cited Android power profiles', () => {
  for (const id of PHONES) {
    it(`${id}: every current and the battery capacity follow from its power_profile.xml`, () => {
      const derived = deriveDevicePower(CITED_ANDROID_PROFILES[id]);
      const phone = getDeviceProfile(id);
      expect(phone.power).toEqual(derived.power);
      expect(phone.battery.capacityMah).toBe(derived.batteryCapacityMah);
    });
  }

  it('every phone has per-frequency cluster currents, ascending, with the big cluster last or first', () => {
    for (const id of PHONES) {
      const clusters = getDeviceProfile(id).power.cpuClusters ?? [];
      expect(clusters.length, id).toBeGreaterThanOrEqual(2);
      for (const cluster of clusters) {
        const mhz = cluster.steps.map((step) => step.mhz);
        expect(mhz, id).toEqual([...mhz].sort((a, b) => a - b));
        expect(cluster.steps.every((step) => step.coreMa > 0), id).toBe(true);
      }
    }
  });

  it('mid-range cpuActiveMa = cpu.active + core-weighted (cluster_power + core_power at the median step)', () => {
    const expected = 8.4 + (6 * (2 + 80.7) + 2 * (2.2 + 96.55)) / 8;
    expect(getDeviceProfile('mid-range-phone').power.cpuActiveMa).toBeCloseTo(expected, 2);
  });
});

describe('Android power_profile.xml reader', () => {
  // A small profile written for this test in the format of AOSP's frameworks/base/core/res/res/xml/power_profile.xml.
  const xml = `<?xml version="1.0" encoding="utf-8"?>
<device name="Android">
  <!-- <item name="screen.on">999</item> is commented out -->
  <item name="battery.capacity">4000</item>
  <item name="screen.on">90</item>
  <item name="screen.full">300</item>
  <item name="cpu.suspend">4</item>
  <item name="cpu.idle">1</item>
  <item name="cpu.idle">6</item>
  <item name="cpu.active">10</item>
  <array name="cpu.clusters.cores"><value>2</value><value>2</value></array>
  <item name="cpu.cluster_power.cluster0">1</item>
  <item name="cpu.cluster_power.cluster1">3</item>
  <array name="cpu.core_speeds.cluster0"><value>1800000</value><value>300000</value><value>1000000</value></array>
  <array name="cpu.core_power.cluster0"><value>60</value><value>10</value><value>30</value></array>
  <array name="cpu.core_speeds.cluster1"><value>500000</value><value>1500000</value></array>
  <array name="cpu.core_power.cluster1"><value>50</value><value>150</value></array>
  <array name="wifi.controller.tx_levels" />
  <item name="wifi.active">120</item>
  <array name="radio.on"><value>20</value><value>8</value><value>2</value></array>
  <item name="radio.active">200</item>
</device>`;

  it('reads items and arrays, ignores comments, keeps the last of duplicated names', () => {
    const profile = parseAndroidPowerProfileXml(xml);
    expect(profile.items['screen.on']).toBe(90);
    expect(profile.items['cpu.idle']).toBe(6);
    expect(profile.arrays['cpu.clusters.cores']).toEqual([2, 2]);
    expect(profile.arrays['wifi.controller.tx_levels']).toEqual([]);
  });

  it('derives currents by the documented rules', () => {
    const { power, batteryCapacityMah, derivation } = deriveDevicePower(parseAndroidPowerProfileXml(xml));
    expect(batteryCapacityMah).toBe(4000);
    // cluster0 sorted by frequency: 10 @300, 30 @1000, 60 @1800 → median 30; cluster1: 50 @500, 150 @1500 → lower median 50.
    expect(power.cpuActiveMa).toBeCloseTo(10 + (2 * (1 + 30) + 2 * (3 + 50)) / 4, 6);
    expect(power).toMatchObject({ screenOnMa: 90, screenFullMa: 300, cpuIdleMa: 10, wifiActiveMa: 120, radioActiveMa: 200, radioOnMa: 8 });
    expect(derivation.cpuActiveMa).toContain('1000 MHz');
  });

  it('says when an entry is missing instead of inventing it', () => {
    const { power, derivation } = deriveDevicePower({ items: { 'screen.on': 50 }, arrays: {} });
    expect(power.wifiActiveMa).toBe(0);
    expect(derivation.wifiActiveMa).toMatch(/absent/);
  });
});

describe('network profiles', () => {
  it('use the radio of their kind', () => {
    expect(getNetworkProfile('4g').radio).toBe('cellular');
    expect(getNetworkProfile('3g').radio).toBe('cellular');
    expect(getNetworkProfile('wifi').radio).toBe('wifi');
    expect(getNetworkProfile('fiber').radio).toBe('none');
  });

  it('4g is Lighthouse mobileSlow4G as DevTools applies it: 562.5 ms, 180 000 B/s down, 84 375 B/s up', () => {
    expect(toCdpNetworkConditions(getNetworkProfile('4g'))).toEqual({
      offline: false,
      latency: 562.5,
      downloadThroughput: 180_000,
      uploadThroughput: 84_375,
    });
    expect(getNetworkProfile('4g').target).toEqual({ rttMs: 150, downloadKbps: 1600, uploadKbps: 750 });
  });

  it('3g is DevTools "3G": 2000 ms, 50 000 B/s each way', () => {
    expect(toCdpNetworkConditions(getNetworkProfile('3g'))).toEqual({ offline: false, latency: 2000, downloadThroughput: 50_000, uploadThroughput: 50_000 });
  });

  it('applied values never exceed the target connection they emulate', () => {
    for (const p of listNetworkProfiles()) {
      if (!p.target) continue;
      expect(p.latencyMs, p.id).toBeGreaterThanOrEqual(p.target.rttMs);
      expect(p.downloadKbps, p.id).toBeLessThanOrEqual(p.target.downloadKbps);
      expect(p.uploadKbps, p.id).toBeLessThanOrEqual(p.target.uploadKbps);
    }
  });
});

describe('toCdpNetworkConditions', () => {
  it('converts kbit/s (1000 bits) to bytes/s and passes latency through', () => {
    expect(kbpsToBytesPerSecond(8)).toBe(1000);
    expect(toCdpNetworkConditions({ latencyMs: 40, downloadKbps: 10_000, uploadKbps: 2_000 })).toEqual({
      offline: false,
      latency: 40,
      downloadThroughput: 1_250_000,
      uploadThroughput: 250_000,
    });
  });
});

describe('unknown ids', () => {
  it('name the id, list the known ids and suggest the closest', () => {
    expect(() => getDeviceProfile('mid-range-phon')).toThrow(
      'unknown device "mid-range-phon" (did you mean "mid-range-phone"?); known devices: entry-level-phone, mid-range-phone, high-end-phone, desktop',
    );
    expect(() => getNetworkProfile('wfii')).toThrow(/unknown network "wfii" \(did you mean "wifi"\?\); known networks: wifi, 4g, 3g, fiber$/);
  });

  it('suggest case-insensitively and by containment', () => {
    expect(() => getNetworkProfile('4G')).toThrow(/did you mean "4g"/);
    expect(() => getDeviceProfile('high-end')).toThrow(/did you mean "high-end-phone"/);
  });

  it('suggest nothing for an unrelated word, and are bad-input errors', () => {
    let error: unknown;
    try {
      getDeviceProfile('toaster');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(UnknownProfileError);
    expect(error).toBeInstanceOf(InputError);
    expect((error as UnknownProfileError).suggestion).toBeUndefined();
    expect((error as Error).message).not.toMatch(/did you mean/);
    expect((error as InputError).exitCode).toBe(2);
  });
});

describe('custom profiles', () => {
  const custom = (): DeviceProfile => ({
    ...structuredClone(getDeviceProfile('mid-range-phone')),
    id: 'my-phone',
    name: 'My phone',
  });

  it('parse when valid', () => {
    expect(parseDeviceProfile(custom()).id).toBe('my-phone');
  });

  it('reject unknown keys, wrong types and negative currents, naming the field', () => {
    expect(() => parseDeviceProfile({ ...custom(), colour: 'red' })).toThrow(/invalid device profile: .*colour/);
    expect(() => parseDeviceProfile({ ...custom(), power: { ...custom().power, cpuActiveMa: '95' } })).toThrow(/power\.cpuActiveMa/);
    expect(() => parseDeviceProfile({ ...custom(), power: { ...custom().power, screenOnMa: -1 } })).toThrow(/power\.screenOnMa/);
    expect(() => parseNetworkProfile({ ...getNetworkProfile('4g'), kind: 'satellite' })).toThrow(/kind/);
  });

  it('must cite a source for each number', () => {
    const p = custom();
    p.sources = [{ field: 'viewport', source: 'my phone' }];
    expect(() => parseDeviceProfile(p)).toThrow(/no source cites "power\.screenOnMa"/);
    p.sources = [{ field: '*', source: 'measured on my phone with a power meter' }];
    expect(() => parseDeviceProfile(p)).not.toThrow();
  });
});

describe('closestMatch', () => {
  it('finds typos, swaps and case differences', () => {
    expect(editDistance('txt', 'text')).toBe(1);
    expect(editDistance('wfii', 'wifi')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
    expect(closestMatch('txt', ['selector', 'text', 'role'])).toBe('text');
    expect(closestMatch('Selecter', ['selector', 'text'])).toBe('selector');
  });

  it('returns undefined when nothing is close enough', () => {
    expect(closestMatch('banana', ['text', 'selector'])).toBeUndefined();
    expect(closestMatch('abc', [])).toBeUndefined();
  });

  it('prefers the first candidate on ties and honours maxDistance', () => {
    expect(closestMatch('ab', ['ac', 'ad'])).toBe('ac');
    expect(closestMatch('mid', ['mid-range-phone'], { maxDistance: 20 })).toBe('mid-range-phone');
  });
});
