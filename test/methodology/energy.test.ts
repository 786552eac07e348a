import { describe, expect, it } from 'vitest';
import {
  ENERGY_MODEL_VERSION,
  LTE_TAIL,
  MS_PER_HOUR,
  REFERENCE_BENCHMARK_INDEX,
  SCREEN_BRIGHTNESS_FRACTION,
  UMTS_TAIL,
  WIFI_TAIL,
  energySourceOfModel,
  estimateStepEnergy,
  radioTailModel,
  relativeDischarge,
  type HostCalibration,
  type StepEnergyInput,
} from '../../src/methodology/energy.js';
import { getDeviceProfile, getNetworkProfile } from '../../src/profiles/index.js';

// Mid-range phone (Pixel 4a): screen.on 85, screen.full 250, cpuActive 95.11, cpuIdle 11,
// wifiActive 138, radioActive 111, radioOn 128 (mA). wifi: 4500 kbit/s; 4g: 1440; 3g: 400.
const phone = getDeviceProfile('mid-range-phone');
const wifi = getNetworkProfile('wifi');
const fourG = getNetworkProfile('4g');
const threeG = getNetworkProfile('3g');
const fiber = getNetworkProfile('fiber');

const idle = (durationMs: number): StepEnergyInput => ({ durationMs, cpuMs: 0, processCpuMs: 0, bytes: 0, requests: 0 });

function calibration(benchmarkIndex: number, throttlingRate = 4): HostCalibration {
  return { benchmarkIndex, throttlingRate, hostBenchmarkIndex: benchmarkIndex * throttlingRate, durationMs: 1000, method: 'test' };
}

describe('constants', () => {
  it('uses the middle Android brightness bin and the middle of the high-end desktop bracket', () => {
    expect(SCREEN_BRIGHTNESS_FRACTION).toBe((2 + 0.5) / 5);
    expect(REFERENCE_BENCHMARK_INDEX).toBe(1750);
    expect(MS_PER_HOUR).toBe(3_600_000);
    expect(ENERGY_MODEL_VERSION).toBe('1.0.0');
  });

  it('carries the ARO radio tails', () => {
    // LTE: 0.1 + 0.02 + 10 s at 1.06 W / 1.2 W
    expect(LTE_TAIL.tail).toHaveLength(1);
    expect(LTE_TAIL.tail[0].durationMs).toBe(10_120);
    expect(LTE_TAIL.tail[0].powerRatio).toBeCloseTo(0.88333, 5);
    // 3G: DCH 4 s at full power, FACH 10 s at 0.30 / 1.30 W
    expect(UMTS_TAIL.tail.map((s) => s.durationMs)).toEqual([4_000, 10_000]);
    expect(UMTS_TAIL.tail[1].powerRatio).toBeCloseTo(0.230769, 6);
    expect(WIFI_TAIL.tail).toEqual([{ durationMs: 250, powerRatio: 1 }]);
    for (const model of [LTE_TAIL, UMTS_TAIL, WIFI_TAIL]) for (const segment of model.tail) expect(segment.powerRatio).toBeLessThanOrEqual(1);
  });

  it('picks the tail from the network radio', () => {
    expect(radioTailModel(wifi)).toBe(WIFI_TAIL);
    expect(radioTailModel(fourG)).toBe(LTE_TAIL);
    expect(radioTailModel(threeG)).toBe(UMTS_TAIL);
    expect(radioTailModel(fiber)).toBeNull();
    expect(radioTailModel({ id: 'my-5g', radio: 'cellular' })).toBe(LTE_TAIL);
  });
});

describe('estimateStepEnergy — components', () => {
  it('charges the screen and the awake baseline for the step duration', () => {
    const energy = estimateStepEnergy(idle(10_000), phone, wifi, null);
    // screen: (85 + 0.5 × 250) mA × 10 000 ms / 3.6e6 = 210 × 10 000 / 3.6e6 = 0.583333 mAh
    expect(energy.components.screenMah).toBeCloseTo(0.583333, 6);
    // base on Wi-Fi: cpuIdle 11 mA × 10 000 ms / 3.6e6 = 0.030556 mAh
    expect(energy.components.baseMah).toBeCloseTo(0.030556, 6);
    expect(energy.components.cpuMah).toBe(0);
    expect(energy.components.networkMah).toBe(0);
    // total 0.613889 mAh over 10 s = 61.3889 µAh/s
    expect(energy.energyMah).toBeCloseTo(0.613889, 6);
    expect(energy.dischargeUahPerS).toBeCloseTo(61.3889, 4);
  });

  it('adds the cellular radio idle-on current to the baseline', () => {
    // (11 + 128) mA × 5 000 ms / 3.6e6 = 0.193056 mAh
    expect(estimateStepEnergy(idle(5_000), phone, fourG, null).components.baseMah).toBeCloseTo(0.193056, 6);
  });

  it('charges CPU active current × main-thread CPU time, as measured without calibration', () => {
    const energy = estimateStepEnergy({ ...idle(2_000), cpuMs: 1_000 }, phone, wifi, null);
    // 95.11 mA × 1 000 ms / 3.6e6 = 0.0264194 mAh
    expect(energy.components.cpuMah).toBeCloseTo(0.0264194, 7);
    expect(energy.deviceCpuMs).toBe(1_000);
    expect(energy.calibrated).toBe(false);
    expect(energy.cpuScale).toBe(1);
  });

  it('scales CPU time by host index / reference index when calibrated', () => {
    // host index 525 × 4 = 2100 → scale 2100 / 1750 = 1.2 → device CPU 1 200 ms
    const energy = estimateStepEnergy({ ...idle(2_000), cpuMs: 1_000 }, phone, wifi, calibration(525));
    expect(energy.cpuScale).toBeCloseTo(1.2, 10);
    expect(energy.deviceCpuMs).toBeCloseTo(1_200, 6);
    // 95.11 × 1 200 / 3.6e6 = 0.0317033 mAh
    expect(energy.components.cpuMah).toBeCloseTo(0.0317033, 7);
    expect(energy.calibrated).toBe(true);
  });

  it('charges Wi-Fi for the transfer time plus a 0.25 s tail', () => {
    // 450 000 B × 8 = 3.6e6 bit / 4500 kbit/s = 800 ms; + 250 ms tail = 1 050 ms
    const energy = estimateStepEnergy({ ...idle(5_000), bytes: 450_000, requests: 10 }, phone, wifi, null);
    expect(energy.radioEquivalentMs).toBeCloseTo(1_050, 6);
    // 138 mA × 1 050 ms / 3.6e6 = 0.04025 mAh
    expect(energy.components.networkMah).toBeCloseTo(0.04025, 7);
  });

  it('charges the LTE tail at 1.06/1.2 of the active current, within the step only', () => {
    // 180 000 B × 8 / 1440 kbit/s = 1 000 ms transfer
    // 5 s step: tail 4 000 ms (capped) × 0.883333 = 3 533.33 ms → 4 533.33 ms × 111 mA / 3.6e6 = 0.139778 mAh
    const short = estimateStepEnergy({ ...idle(5_000), bytes: 180_000, requests: 5 }, phone, fourG, null);
    expect(short.radioEquivalentMs).toBeCloseTo(4_533.33, 2);
    expect(short.components.networkMah).toBeCloseTo(0.139778, 6);
    // 20 s step: full tail 10 120 × 0.883333 = 8 939.33 → 9 939.33 ms × 111 / 3.6e6 = 0.306463 mAh
    const long = estimateStepEnergy({ ...idle(20_000), bytes: 180_000, requests: 5 }, phone, fourG, null);
    expect(long.radioEquivalentMs).toBeCloseTo(9_939.33, 2);
    expect(long.components.networkMah).toBeCloseTo(0.306463, 6);
  });

  it('charges the 3G DCH then FACH tails', () => {
    // 50 000 B × 8 / 400 kbit/s = 1 000 ms; DCH 4 000 × 1; FACH 10 000 × 0.230769 = 2 307.69 → 7 307.69 ms
    const energy = estimateStepEnergy({ ...idle(20_000), bytes: 50_000, requests: 1 }, phone, threeG, null);
    expect(energy.radioEquivalentMs).toBeCloseTo(7_307.69, 2);
    // 111 × 7 307.69 / 3.6e6 = 0.225321 mAh
    expect(energy.components.networkMah).toBeCloseTo(0.225321, 6);
  });

  it('never charges the radio longer than the step', () => {
    // 10 MB on 4G would take 55.6 s; the step lasted 3 s: 3 000 ms at full current
    const energy = estimateStepEnergy({ ...idle(3_000), bytes: 10_000_000, requests: 50 }, phone, fourG, null);
    expect(energy.radioEquivalentMs).toBeCloseTo(3_000, 6);
  });

  it('wakes the radio for a request that moved no byte (a failed request)', () => {
    // 0 ms transfer + 250 ms Wi-Fi tail: 138 × 250 / 3.6e6 = 0.00958333 mAh
    const energy = estimateStepEnergy({ ...idle(1_000), bytes: 0, requests: 1 }, phone, wifi, null);
    expect(energy.components.networkMah).toBeCloseTo(0.00958333, 8);
  });

  it('charges no radio on a wired network', () => {
    const energy = estimateStepEnergy({ ...idle(5_000), bytes: 1_000_000, requests: 20 }, phone, fiber, null);
    expect(energy.components.networkMah).toBe(0);
    // base: cpuIdle only, 11 × 5 000 / 3.6e6 = 0.0152778
    expect(energy.components.baseMah).toBeCloseTo(0.0152778, 7);
  });

  it('adds the components into the total', () => {
    const energy = estimateStepEnergy({ durationMs: 3_000, cpuMs: 1_500, processCpuMs: 900, bytes: 1_000_000, requests: 40 }, phone, wifi, calibration(525));
    // screen 210 × 3 000 = 630 000; cpu 95.11 × 1 800 = 171 198; base 11 × 3 000 = 33 000
    // network: 8e6 / 4500 = 1 777.78 ms + 250 = 2 027.78 ms × 138 = 279 833.3  (mA·ms)
    // total 1 114 031.3 mA·ms / 3.6e6 = 0.309453 mAh; / 3 s = 103.151 µAh/s
    expect(energy.energyMah).toBeCloseTo(0.309453, 6);
    expect(energy.dischargeUahPerS).toBeCloseTo(103.151, 3);
  });

  it('works with the laptop profile (no radio, one screen power)', () => {
    const desktop = getDeviceProfile('desktop');
    const energy = estimateStepEnergy({ ...idle(1_000), cpuMs: 100 }, desktop, wifi, null);
    // screen 1261.26 × 1 000 / 3.6e6 = 0.350350; cpu 4054.05 × 100 / 3.6e6 = 0.1126125
    expect(energy.components.screenMah).toBeCloseTo(0.35035, 6);
    expect(energy.components.cpuMah).toBeCloseTo(0.1126125, 7);
    expect(energy.energyMah).toBeCloseTo(0.4629625, 7);
  });

  it('accepts a raw step sample as is', () => {
    const sample = {
      step: 'home', index: 1, type: 'load' as const, status: 'passed' as const, startedAt: '2025-01-01T00:00:00Z',
      durationMs: 1_000, readyMs: null, bytes: 0, requests: 0, cachedRequests: 0, failedRequests: 0, firstPartyBytes: 0, thirdPartyBytes: 0,
      domains: {}, cpuMs: 0, scriptMs: 0, layoutMs: 0, styleMs: 0, processCpuMs: 0, memoryBytes: 0, domElements: 0,
      energyMah: null, dischargeUahPerS: null, url: null, screenshot: null,
    };
    expect(estimateStepEnergy(sample, phone, wifi, null).energyMah).toBeCloseTo(((210 + 11) * 1_000) / 3.6e6, 8);
  });
});

describe('estimateStepEnergy — what a failed probe gives', () => {
  it('gives null energy, not 0, when the duration is unknown', () => {
    const energy = estimateStepEnergy({ ...idle(1_000), durationMs: null }, phone, wifi, null);
    expect(energy.energyMah).toBeNull();
    expect(energy.dischargeUahPerS).toBeNull();
    expect(energy.components.screenMah).toBeNull();
    expect(energy.components.baseMah).toBeNull();
    expect(energy.components.networkMah).toBeNull();
  });

  it('gives null energy when CPU time is unknown, keeping the parts it can compute', () => {
    const energy = estimateStepEnergy({ ...idle(1_000), cpuMs: null }, phone, wifi, null);
    expect(energy.energyMah).toBeNull();
    expect(energy.dischargeUahPerS).toBeNull();
    expect(energy.components.cpuMah).toBeNull();
    expect(energy.deviceCpuMs).toBeNull();
    expect(energy.components.screenMah).toBeCloseTo(0.058333, 6);
  });

  it('gives null energy when bytes or requests are unknown', () => {
    for (const input of [{ ...idle(1_000), bytes: null }, { ...idle(1_000), requests: null }]) {
      const energy = estimateStepEnergy(input, phone, wifi, null);
      expect(energy.energyMah).toBeNull();
      expect(energy.components.networkMah).toBeNull();
      expect(energy.radioEquivalentMs).toBeNull();
    }
  });

  it('does not need processCpuMs', () => {
    const withIt = estimateStepEnergy({ ...idle(1_000), processCpuMs: 5_000 }, phone, wifi, null);
    const without = estimateStepEnergy({ ...idle(1_000), processCpuMs: null }, phone, wifi, null);
    expect(without.energyMah).not.toBeNull();
    expect(withIt.energyMah).toBe(without.energyMah);
  });

  it('gives no rate for a step of 0 ms', () => {
    const energy = estimateStepEnergy(idle(0), phone, wifi, null);
    expect(energy.energyMah).toBe(0);
    expect(energy.dischargeUahPerS).toBeNull();
  });

  it('rejects negative or non-finite figures and bad calibrations, naming the field', () => {
    expect(() => estimateStepEnergy({ ...idle(1_000), bytes: -1 }, phone, wifi, null)).toThrow(/"bytes"/);
    expect(() => estimateStepEnergy({ ...idle(1_000), cpuMs: Number.NaN }, phone, wifi, null)).toThrow(/"cpuMs"/);
    expect(() => estimateStepEnergy(idle(1_000), phone, wifi, calibration(0))).toThrow(/benchmarkIndex/);
  });
});

describe('estimateStepEnergy — monotony', () => {
  const devices = ['entry-level-phone', 'mid-range-phone', 'high-end-phone', 'desktop'].map(getDeviceProfile);
  const networks = [wifi, fourG, threeG, fiber];

  it('a longer idle step never lowers energy', () => {
    for (const device of devices) {
      for (const network of networks) {
        let previous = -1;
        for (const durationMs of [0, 100, 1_000, 5_000, 10_000, 30_000, 60_000]) {
          const energy = estimateStepEnergy({ ...idle(durationMs), bytes: 20_000, requests: 2 }, device, network, null).energyMah!;
          expect(energy).toBeGreaterThanOrEqual(previous);
          previous = energy;
        }
      }
    }
  });

  it('more bytes never lower energy', () => {
    for (const device of devices) {
      for (const network of networks) {
        for (const durationMs of [500, 3_000, 8_000, 30_000]) {
          let previous = -1;
          for (const bytes of [0, 1, 1_000, 50_000, 200_000, 1_000_000, 5_000_000, 50_000_000]) {
            const energy = estimateStepEnergy({ ...idle(durationMs), bytes, requests: bytes === 0 ? 0 : 3 }, device, network, null).energyMah!;
            expect(energy).toBeGreaterThanOrEqual(previous);
            previous = energy;
          }
        }
      }
    }
  });

  it('more CPU time never lowers energy, calibrated or not', () => {
    for (const device of devices) {
      for (const cal of [null, calibration(300), calibration(900, 2)]) {
        let previous = -1;
        for (const cpuMs of [0, 1, 50, 500, 2_000, 10_000]) {
          const energy = estimateStepEnergy({ ...idle(10_000), cpuMs }, device, wifi, cal).energyMah!;
          expect(energy).toBeGreaterThan(previous);
          previous = energy;
        }
      }
    }
  });
});

describe('estimateStepEnergy — host calibration', () => {
  it('gives the same energy on a host twice as slow (cpuMs × 2, benchmarkIndex ÷ 2)', () => {
    const step: StepEnergyInput = { durationMs: 4_000, cpuMs: 1_200, processCpuMs: 2_000, bytes: 300_000, requests: 12 };
    const fast = estimateStepEnergy(step, phone, wifi, calibration(600));
    const slow = estimateStepEnergy({ ...step, cpuMs: 2_400, processCpuMs: 4_000 }, phone, wifi, calibration(300));
    expect(slow.deviceCpuMs).toBeCloseTo(fast.deviceCpuMs!, 9);
    expect(slow.energyMah).toBeCloseTo(fast.energyMah!, 12);
    // 1 200 × (600 × 4) / 1750 = 1 645.714 ms on the device
    expect(fast.deviceCpuMs).toBeCloseTo(1_645.714, 3);
  });

  it('gives the figure a reference-speed host measures, uncalibrated, when the host is the reference', () => {
    const step: StepEnergyInput = { ...idle(4_000), cpuMs: 800 };
    const atReference = estimateStepEnergy(step, phone, wifi, calibration(REFERENCE_BENCHMARK_INDEX / 4));
    expect(atReference.energyMah).toBeCloseTo(estimateStepEnergy(step, phone, wifi, null).energyMah!, 12);
  });
});

describe('relativeDischarge', () => {
  it('divides a step rate by the reference rate', () => {
    expect(relativeDischarge({ dischargeUahPerS: 120 }, { dischargeUahPerS: 80 })).toBeCloseTo(1.5, 10);
  });

  it('is null without a usable reference', () => {
    expect(relativeDischarge({ dischargeUahPerS: 120 }, null)).toBeNull();
    expect(relativeDischarge({ dischargeUahPerS: 120 }, { dischargeUahPerS: null })).toBeNull();
    expect(relativeDischarge({ dischargeUahPerS: 120 }, { dischargeUahPerS: 0 })).toBeNull();
    expect(relativeDischarge({ dischargeUahPerS: null }, { dischargeUahPerS: 80 })).toBeNull();
  });

  it('is 1 for an idle step as long as the idle reference', () => {
    const reference = estimateStepEnergy(idle(10_000), phone, wifi, null);
    expect(relativeDischarge(estimateStepEnergy(idle(30_000), phone, wifi, null), reference)).toBeCloseTo(1, 12);
  });
});

describe('energySourceOfModel', () => {
  it('says the energy is modelled, with which profiles and calibration', () => {
    const source = energySourceOfModel(phone, wifi, calibration(525));
    expect(source).toMatchObject({
      kind: 'model',
      model: 'ecoscore-energy',
      version: ENERGY_MODEL_VERSION,
      device: 'mid-range-phone',
      network: 'wifi',
      calibrated: true,
      calibration: { benchmarkIndex: 525, throttlingRate: 4, hostBenchmarkIndex: 2100, referenceBenchmarkIndex: 1750 },
      assumptions: { screenBrightnessFraction: 0.5, radioTail: 'wifi' },
    });
    expect(source.description).toMatch(/^Modelled from measured CPU time, bytes and duration with the mid-range-phone power profile \(AOSP power_profile\.xml of the Mid-range phone \(Google Pixel 4a/);
    expect(source.description).toMatch(/not a measurement\.$/);
    expect(JSON.parse(JSON.stringify(source))).toEqual(source);
  });

  it('says when there was no calibration, and names non-Android profiles plainly', () => {
    const source = energySourceOfModel(getDeviceProfile('desktop'), fiber, null);
    expect(source.calibrated).toBe(false);
    expect(source.calibration).toBeNull();
    expect(source.assumptions.radioTail).toBeNull();
    expect(source.description).not.toMatch(/power_profile/);
    expect(source.description).toMatch(/not normalised by a host calibration/);
  });
});
