import { describe, expect, it } from 'vitest';
import {
  ENERGY_MODEL_VERSION,
  LTE_TAIL,
  MS_PER_HOUR,
  REFERENCE_BENCHMARK_INDEX,
  REQUEST_CONCURRENCY,
  SCREEN_BRIGHTNESS_FRACTION,
  UMTS_TAIL,
  WIFI_TAIL,
  deviceCpuWorkOf,
  estimateStepEnergy,
  radioCharge,
  radioTailModel,
  relativeDischarge,
  type HostCalibration,
  type StepEnergyInput,
} from '../../src/methodology/energy.js';
import { PELT_HALF_LIFE_MS, SCHEDUTIL_HEADROOM, bigAndLittle, burstOnCluster, cpuCharge } from '../../src/methodology/energy-cpu.js';
import { energySourceLabel, energySourceOfModel, stepEnergyBases } from '../../src/methodology/energy-source.js';
import { getDeviceProfile, getNetworkProfile } from '../../src/profiles/index.js';

// Mid-range phone (Pixel 4a): screen.on 85, screen.full 250, cpu.active 8.4, clusters 6 × little (2 mA + 34.55…128.45 mA,
// 300–1804.8 MHz) and 2 × big (2.2 mA + 42.23…266.21 mA, 300–2208 MHz), cpuIdle 11, wifi rx 138, modem rx 111 / idle 128.
const phone = getDeviceProfile('mid-range-phone');
const wifi = getNetworkProfile('wifi');
const fourG = getNetworkProfile('4g');
const threeG = getNetworkProfile('3g');
const fiber = getNetworkProfile('fiber');
const PHONES = ['entry-level-phone', 'mid-range-phone', 'high-end-phone'].map(getDeviceProfile);

const step = (figures: Partial<StepEnergyInput> = {}): StepEnergyInput => ({
  durationMs: 2_000,
  cpuMs: 0,
  bytes: 0,
  requests: 0,
  rendererOtherCpuMs: 0,
  gpuCpuMs: 0,
  utilityCpuMs: 0,
  ...figures,
});

function calibration(benchmarkIndex: number, throttlingRate = 4): HostCalibration {
  return { benchmarkIndex, throttlingRate, hostBenchmarkIndex: benchmarkIndex * throttlingRate, durationMs: 1000, method: 'test' };
}

describe('constants', () => {
  it('uses the middle Android brightness bin, the middle of the high-end desktop bracket, PELT and schedutil', () => {
    expect(SCREEN_BRIGHTNESS_FRACTION).toBe((2 + 0.5) / 5);
    expect(REFERENCE_BENCHMARK_INDEX).toBe(1750);
    expect(MS_PER_HOUR).toBe(3_600_000);
    expect(ENERGY_MODEL_VERSION).toBe('2.0.0');
    expect(PELT_HALF_LIFE_MS).toBe(32);
    expect(SCHEDUTIL_HEADROOM).toBe(1.25);
    expect(REQUEST_CONCURRENCY).toBe(6);
  });

  it('carries the ARO radio tails and picks them from the network', () => {
    expect(LTE_TAIL.tail[0]!.durationMs).toBe(10_120);
    expect(LTE_TAIL.tail[0]!.powerRatio).toBeCloseTo(1.06 / 1.2, 10);
    expect(UMTS_TAIL.tail.map((s) => s.durationMs)).toEqual([4_000, 10_000]);
    expect(WIFI_TAIL.tail).toEqual([{ durationMs: 250, powerRatio: 1 }]);
    expect(radioTailModel(wifi)).toBe(WIFI_TAIL);
    expect(radioTailModel(fourG)).toBe(LTE_TAIL);
    expect(radioTailModel(threeG)).toBe(UMTS_TAIL);
    expect(radioTailModel(fiber)).toBeNull();
    expect(radioTailModel({ id: 'my-5g', radio: 'cellular' })).toBe(LTE_TAIL);
  });
});

describe('CPU charge at the governor frequency of a burst', () => {
  const { big, little } = bigAndLittle(phone.power.cpuClusters!);

  it('puts the main thread on the cluster with the highest frequency and the rest on the lowest', () => {
    expect(big.steps.at(-1)!.mhz).toBe(2208);
    expect(little.steps.at(-1)!.mhz).toBe(1804.8);
  });

  it('charges a long burst at the top frequency: cluster + core current × work', () => {
    const burst = burstOnCluster(10_000, big);
    // Below 0.8 of utilisation the governor climbs (≈ 74 ms of work); afterwards the top frequency holds.
    expect(burst.mahMs / 10_000).toBeCloseTo(2.2 + 266.21, 0);
    expect(burst.meanMhz!).toBeGreaterThan(2150);
  });

  it('runs a short burst at the low frequencies the governor starts from, for longer than its fmax-equivalent time', () => {
    const short = burstOnCluster(10, big);
    const long = burstOnCluster(1_000, big);
    expect(short.meanMhz!).toBeLessThan(1000);
    expect(long.meanMhz!).toBeGreaterThan(2000);
    expect(short.busyMs).toBeGreaterThan(10 * 2);
  });

  it('never falls when the work grows, on every cluster of every phone', () => {
    for (const device of PHONES) {
      for (const cluster of device.power.cpuClusters!) {
        let previous = 0;
        for (const workMs of [0, 1, 5, 20, 50, 74, 100, 300, 1_000, 5_000]) {
          const charge = burstOnCluster(workMs, cluster).mahMs;
          expect(charge, device.id).toBeGreaterThanOrEqual(previous);
          previous = charge;
        }
      }
    }
  });

  it('adds cpu.active once, for the longer of the two busy times', () => {
    const both = cpuCharge({ mainMs: 1_000, otherMs: 500 }, phone.power);
    const main = burstOnCluster(1_000, big);
    const other = burstOnCluster(500, little);
    expect(both.mah).toBeCloseTo((main.mahMs + other.mahMs + 8.4 * Math.max(main.busyMs, other.busyMs)) / MS_PER_HOUR, 12);
  });

  it('charges a profile without clusters at its single CPU current (the desktop)', () => {
    const desktop = getDeviceProfile('desktop');
    expect(cpuCharge({ mainMs: 1_000, otherMs: 0 }, desktop.power).mah).toBeCloseTo((desktop.power.cpuActiveMa * 1_000) / MS_PER_HOUR, 9);
  });
});

describe('device CPU work', () => {
  it('scales throttled main-thread time by the host calibration and other threads by the slowdown too', () => {
    const work = deviceCpuWorkOf(step({ cpuMs: 400, rendererOtherCpuMs: 30, gpuCpuMs: 50, utilityCpuMs: 20 }), phone, calibration(875), 'host-emulated')!;
    // cpuScale = 875 × 4 / 1750 = 2; other threads are host time: × k (4) × cpuScale.
    expect(work.mainMs).toBeCloseTo(800, 9);
    expect(work.otherMs).toBeCloseTo(100 * 4 * 2, 9);
  });

  it('takes a device measure as is, all on the big cluster', () => {
    expect(deviceCpuWorkOf(step({ cpuMs: 400, rendererOtherCpuMs: null }), phone, null, 'device')).toEqual({ mainMs: 400, otherMs: 0 });
  });

  it('is null when an off-main-thread figure of a browser run is missing (never a partial sum)', () => {
    expect(deviceCpuWorkOf(step({ cpuMs: 400, gpuCpuMs: null }), phone, null, 'host-emulated')).toBeNull();
    expect(estimateStepEnergy(step({ utilityCpuMs: null }), phone, wifi, null).excessEnergyMah).toBeNull();
  });
});

describe('radio charge with the whole tail', () => {
  it('charges transfer time, request round trips and the whole tail, whatever the step lasted', () => {
    const charge = radioCharge(450_000, 12, phone.power, wifi);
    const transferMs = (450_000 * 8) / wifi.downloadKbps;
    const waitMs = (12 * wifi.latencyMs) / REQUEST_CONCURRENCY;
    expect(charge.radioEquivalentMs).toBeCloseTo(transferMs + waitMs + 250, 9);
    expect(charge.mah).toBeCloseTo((138 * (transferMs + waitMs + 250)) / MS_PER_HOUR, 12);
    const short = estimateStepEnergy(step({ durationMs: 100, bytes: 450_000, requests: 12 }), phone, wifi, null);
    const long = estimateStepEnergy(step({ durationMs: 60_000, bytes: 450_000, requests: 12 }), phone, wifi, null);
    expect(short.components.networkMah).toBeCloseTo(long.components.networkMah!, 12);
  });

  it('charges the LTE tail in full: one request on 4G costs about ten seconds of radio', () => {
    const charge = radioCharge(0, 1, phone.power, fourG);
    expect(charge.radioEquivalentMs).toBeCloseTo(fourG.latencyMs / 6 + 10_120 * (1.06 / 1.2), 6);
  });

  it('charges nothing without traffic, and nothing on a wired network', () => {
    expect(radioCharge(0, 0, phone.power, fourG).mah).toBe(0);
    expect(radioCharge(1_000_000, 20, phone.power, fiber).mah).toBe(0);
  });
});

describe('estimateStepEnergy', () => {
  it('sums idle draw (screen, awake CPU, cellular idle) and the excess (CPU + radio)', () => {
    const energy = estimateStepEnergy(step({ durationMs: 10_000, cpuMs: 300, bytes: 50_000, requests: 3 }), phone, fourG, null);
    const idleMa = 85 + 0.5 * 250 + 11 + 128;
    expect(energy.components.screenMah! + energy.components.baseMah!).toBeCloseTo((idleMa * 10_000) / MS_PER_HOUR, 12);
    expect(energy.excessEnergyMah).toBeCloseTo(energy.components.cpuMah! + energy.components.networkMah!, 12);
    expect(energy.energyMah).toBeCloseTo(energy.excessEnergyMah! + energy.components.screenMah! + energy.components.baseMah!, 12);
    expect(energy.dischargeUahPerS).toBeCloseTo((energy.energyMah! * 1000) / 10, 9);
  });

  it('gives an excess that does not depend on the duration: padding or slowness cannot lower it', () => {
    const work = { cpuMs: 500, bytes: 200_000, requests: 8, rendererOtherCpuMs: 40, gpuCpuMs: 60, utilityCpuMs: 10 };
    for (const device of PHONES) {
      const fast = estimateStepEnergy(step({ durationMs: 800, ...work }), device, wifi, calibration(600));
      const slow = estimateStepEnergy(step({ durationMs: 20_000, ...work }), device, wifi, calibration(600));
      expect(slow.excessEnergyMah).toBeCloseTo(fast.excessEnergyMah!, 12);
      expect(slow.energyMah!).toBeGreaterThan(fast.energyMah!);
    }
  });

  it('keeps the CPU charge when the host is twice as slow (cpuMs × 2, benchmark index ÷ 2)', () => {
    const fast = estimateStepEnergy(step({ cpuMs: 1_200, rendererOtherCpuMs: 100, gpuCpuMs: 40, utilityCpuMs: 20 }), phone, wifi, calibration(600));
    const slow = estimateStepEnergy(step({ cpuMs: 2_400, rendererOtherCpuMs: 200, gpuCpuMs: 80, utilityCpuMs: 40 }), phone, wifi, calibration(300));
    expect(slow.components.cpuMah).toBeCloseTo(fast.components.cpuMah!, 12);
  });

  it('propagates a missing input as null, never 0', () => {
    const energy = estimateStepEnergy(step({ durationMs: null }), phone, wifi, null);
    expect(energy.energyMah).toBeNull();
    expect(energy.components.screenMah).toBeNull();
    expect(energy.excessEnergyMah).not.toBeNull();
    expect(estimateStepEnergy(step({ bytes: null }), phone, wifi, null).excessEnergyMah).toBeNull();
    expect(estimateStepEnergy(step({ cpuMs: null }), phone, wifi, null).excessEnergyMah).toBeNull();
  });

  it('rejects negative and non-finite inputs, naming them', () => {
    expect(() => estimateStepEnergy(step({ bytes: -1 }), phone, wifi, null)).toThrow(/"bytes"/);
    expect(() => estimateStepEnergy(step({ cpuMs: Number.NaN }), phone, wifi, null)).toThrow(/"cpuMs"/);
    expect(() => estimateStepEnergy(step(), phone, wifi, calibration(0))).toThrow(/benchmarkIndex/);
  });

  it('never falls when bytes, requests or CPU work grow', () => {
    const base = estimateStepEnergy(step({ cpuMs: 100, bytes: 10_000, requests: 2 }), phone, fourG, null).excessEnergyMah!;
    for (const more of [{ cpuMs: 101 }, { bytes: 10_001 }, { requests: 3 }, { gpuCpuMs: 1 }, { rendererOtherCpuMs: 1 }, { utilityCpuMs: 1 }]) {
      expect(estimateStepEnergy(step({ cpuMs: 100, bytes: 10_000, requests: 2, ...more }), phone, fourG, null).excessEnergyMah!).toBeGreaterThan(base);
    }
  });
});

describe('relativeDischarge', () => {
  it('divides the step rate by the reference rate, null without one', () => {
    expect(relativeDischarge({ dischargeUahPerS: 120 }, { dischargeUahPerS: 80 })).toBeCloseTo(1.5, 10);
    expect(relativeDischarge({ dischargeUahPerS: 120 }, null)).toBeNull();
    expect(relativeDischarge({ dischargeUahPerS: 120 }, { dischargeUahPerS: 0 })).toBeNull();
  });
});

describe('energy sources', () => {
  it('describes the model, its device, network, calibration and assumptions', () => {
    const source = energySourceOfModel(phone, wifi, calibration(525));
    expect(source).toMatchObject({ kind: 'model', version: '2.0.0', device: 'mid-range-phone', network: 'wifi', calibrated: true });
    expect(source.assumptions).toMatchObject({ radioTail: 'wifi', cpuFrequencyModel: 'pelt-schedutil-burst', requestConcurrency: 6 });
    expect(source.description).toMatch(/not a measurement/);
    expect(energySourceLabel(source)).toBe('modelled');
  });

  it('labels measured, partly measured and legacy charge-counter sources', () => {
    expect(energySourceLabel({ kind: 'measured', modelledSteps: 0 })).toBe('measured');
    expect(energySourceLabel({ kind: 'measured', modelledSteps: 2 })).toBe('partly-measured');
    expect(energySourceLabel({ kind: 'device-counter' })).toBe('partly-measured');
  });

  it('never mixes: a step is measured only when each of its iterations and of the reference was measured', () => {
    const s = (index: number, measured: number | null, reason?: string) => ({ index, status: 'passed', measuredEnergyMah: measured, ...(reason ? { unavailable: { energy: reason } } : {}) });
    const bases = stepEnergyBases(3, 0, [s(0, 0.1), s(1, 0.2), s(2, 0.3), s(0, 0.1), s(1, null, 'the device was charging'), s(2, 0.3)]);
    expect(bases.map((basis) => basis.measured)).toEqual([true, false, true]);
    expect(bases[1]!.reason).toMatch(/charging/);
    const noReference = stepEnergyBases(2, 0, [s(0, null, 'samples lost'), s(1, 0.2)]);
    expect(noReference[1]).toMatchObject({ measured: false });
    expect(noReference[1]!.reason).toMatch(/reference step was not measured.*samples lost/);
    expect(stepEnergyBases(2, 0, [s(0, null), s(1, null)]).every((basis) => !basis.measured && basis.reason === null)).toBe(true);
  });
});
