import { averageIntensity } from '@tgwf/co2';
import { describe, expect, it } from 'vitest';
import {
  BYTES_PER_GB,
  computeStepFootprint,
  defaultFootprintFactors,
  describeFootprintModel,
  deviceClassOf,
  FOOTPRINT_MODEL_VERSION,
  gridIntensityGPerKWh,
  journeyFootprint,
  networkClassOf,
  parseFootprintFactors,
  projectFootprint,
  SECONDS_PER_YEAR,
  sumFootprints,
  type Footprint,
  type FootprintOptions,
  type Impacts,
} from '../../src/methodology/footprint.js';
import { getDeviceProfile, getNetworkProfile } from '../../src/profiles/index.js';
import { InputError } from '../../src/shared/input-error.js';

const phone = getDeviceProfile('mid-range-phone'); // battery 3.7 V
const laptop = getDeviceProfile('desktop'); // battery 11.1 V
const wifi = getNetworkProfile('wifi'); // fixed network
const fourG = getNetworkProfile('4g'); // mobile network

const FR: FootprintOptions = { device: phone, network: wifi };
const WORLD: FootprintOptions = { device: phone, network: wifi, grid: 'WORLD' };

// Grid intensities are read from @tgwf/co2 (Ember yearly averages), not copied: FRA 44.18, WORLD 472.94
// g CO2e/kWh in @tgwf/co2 0.19.0. The arithmetic below uses the symbols.
const I_FR = averageIntensity.data.FRA as number;
const I_WORLD = averageIntensity.data.WORLD as number;

// Sustainable Web Design v4 (as implemented by @tgwf/co2 0.19.0): operational kWh/GB data centre 0.055,
// network 0.059; embodied kWh/GB data centre 0.012, always at the global intensity 494 g/kWh.
const SWD = { dcOperational: 0.055, networkOperational: 0.059, dcEmbodied: 0.012, embodiedIntensity: 494 };

function expectImpactsClose(actual: Impacts, expected: Impacts, digits = 12): void {
  expect(actual.ghgGrams).toBeCloseTo(expected.ghgGrams, digits);
  expect(actual.waterLitres).toBeCloseTo(expected.waterLitres, digits);
  expect(actual.adpKgSbEq).toBeCloseTo(expected.adpKgSbEq, digits + 6);
}

describe('footprint factors', () => {
  it('versions the model and the factors', () => {
    expect(FOOTPRINT_MODEL_VERSION).toMatch(/^\d+\.\d+\.\d+$/);
    expect(defaultFootprintFactors.version).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('takes grid intensities from @tgwf/co2, world above France', () => {
    expect(gridIntensityGPerKWh('FRA')).toBe(I_FR);
    expect(gridIntensityGPerKWh('WORLD')).toBe(I_WORLD);
    expect(I_WORLD).toBeGreaterThan(I_FR);
  });

  it('has the documented embodied figures of a smartphone and a laptop', () => {
    const s = defaultFootprintFactors.devices.smartphone;
    expect(s.embodied.ghgGrams).toBe(52_000); // Greenspector/EVEA, 52 ± 16 kg CO2e
    expect(s.lifetimeYears).toBe(2);
    expect(s.embodied.adpKgSbEq).toBeCloseTo(2.05e-3, 12); // NegaOctet via ADEME Base IMPACTS
    expect(s.embodied.waterLitres).toBe(7_800); // 13,000 L × 3/5 (grey water excluded)
    expect(defaultFootprintFactors.devices.laptop.embodied.ghgGrams).toBe(175_000);
    expect(defaultFootprintFactors.network.mobile.ghgGramsPerGB).toBe(50);
    expect(defaultFootprintFactors.network.fixed.ghgGramsPerGB).toBe(18);
  });

  it('maps device and network kinds to classes', () => {
    expect(deviceClassOf('phone')).toBe('smartphone');
    expect(deviceClassOf('tablet')).toBe('tablet');
    expect(deviceClassOf('desktop')).toBe('laptop');
    expect(networkClassOf('cellular')).toBe('mobile');
    expect(networkClassOf('wifi')).toBe('fixed');
    expect(networkClassOf('wired')).toBe('fixed');
  });

  it('describes what a footprint is computed with', () => {
    expect(describeFootprintModel({ device: phone, network: fourG, grid: 'WORLD', dataCentreGrid: 'FRA' })).toMatchObject({
      version: FOOTPRINT_MODEL_VERSION,
      grid: 'WORLD',
      gridIntensityGPerKWh: I_WORLD,
      dataCentreGrid: 'FRA',
      dataCentreGridIntensityGPerKWh: I_FR,
      deviceClass: 'smartphone',
      networkClass: 'mobile',
    });
  });

  it('refuses factors with an unsourced number or a bad field, naming it', () => {
    const data = JSON.parse(JSON.stringify(defaultFootprintFactors)) as Record<string, any>;
    data.sources = data.sources.filter((s: { field: string }) => s.field !== 'dataCentre.onSiteWaterLitresPerKWh');
    expect(() => parseFootprintFactors(data)).toThrow(InputError);
    expect(() => parseFootprintFactors(data)).toThrow(/no source cites "dataCentre\.onSiteWaterLitresPerKWh"/);
    const bad = JSON.parse(JSON.stringify(defaultFootprintFactors)) as Record<string, any>;
    bad.devices.smartphone.activeUseRatio = 2;
    expect(() => parseFootprintFactors(bad, 'factors.json')).toThrow(/^factors\.json: invalid footprint factors: devices\.smartphone\.activeUseRatio/);
  });
});

describe('computeStepFootprint', () => {
  // A step of 10 s, 1 mAh, 1 MB (10⁶ bytes), mid-range phone (3.7 V), Wi-Fi (fixed network), France.
  const input = { durationMs: 10_000, energyMah: 1, bytes: 1_000_000 };

  // Device manufacturing: seconds of use over the lifetime = 2 years × 365.25 × 86,400 s × 0.3 = 18,934,560 s;
  // share = 10 / 18,934,560 = 5.2813e-7 → 52,000 g × share = 0.027463 g; 7,800 L × share = 0.0041195 L;
  // 2.05e-3 kg Sb eq × share = 1.0827e-9.
  const share = 10 / (2 * 365.25 * 86_400 * 0.3);
  const manufacturing = { ghgGrams: 52_000 * share, waterLitres: 7_800 * share, adpKgSbEq: 2.05e-3 * share };

  // Device electricity: 1 mAh × 3.7 V = 3.7 mWh = 3.7e-6 kWh.
  const kWh = (1 * 3.7) / 1e6;

  // Network (fixed, 18 g/GB): 10⁶ / 10⁹ = 0.001 GB → 0.018 g; SWD network energy 0.059 × 0.001 = 5.9e-5 kWh.
  const netKWh = SWD.networkOperational * 0.001;

  // Data centre (SWD v4): operational 0.055 × 0.001 = 5.5e-5 kWh at the grid's intensity,
  // embodied 0.012 × 0.001 = 1.2e-5 kWh at 494 g/kWh = 0.005928 g.
  const dcKWh = SWD.dcOperational * 0.001;
  const dcEmbodiedGrams = SWD.dcEmbodied * 0.001 * SWD.embodiedIntensity;

  it('computes each part on hand-checked arithmetic (France)', () => {
    const f = computeStepFootprint(input, FR) as Footprint;
    const e = defaultFootprintFactors.electricity.FRA; // 0.91 L/kWh, 4.85798e-8 kg Sb eq/kWh
    expectImpactsClose(f.breakdown.deviceManufacturing, manufacturing);
    expect(f.breakdown.deviceManufacturing.ghgGrams).toBeCloseTo(0.0274630094, 9);
    // 3.7e-6 kWh × 44.18 g = 1.63466e-4 g; × 0.91 L = 3.367e-6 L; × 4.85798e-8 = 1.79745e-13 kg Sb eq
    expectImpactsClose(f.breakdown.deviceElectricity, { ghgGrams: kWh * I_FR, waterLitres: kWh * 0.91, adpKgSbEq: kWh * 4.85798e-8 });
    expect(e.waterLitresPerKWh).toBe(0.91);
    // network: 0.018 g; 5.9e-5 kWh × 0.91 = 5.369e-5 L; × 4.85798e-8 = 2.8662e-12
    expectImpactsClose(f.breakdown.network, { ghgGrams: 0.018, waterLitres: netKWh * 0.91, adpKgSbEq: netKWh * 4.85798e-8 });
    // data centre: 5.5e-5 × 44.18 + 0.005928 = 0.0083579 g; water 5.5e-5 × (1.8 + 0.91) = 1.4905e-4 L;
    // ADPe 5.5e-5 × 4.85798e-8 = 2.6719e-12
    expectImpactsClose(f.breakdown.dataCentre, {
      ghgGrams: dcKWh * I_FR + dcEmbodiedGrams,
      waterLitres: dcKWh * (1.8 + 0.91),
      adpKgSbEq: dcKWh * 4.85798e-8,
    });
    // totals = sum of the four parts
    const parts = Object.values(f.breakdown);
    expect(f.ghgGrams).toBeCloseTo(parts.reduce((s, p) => s + p.ghgGrams, 0), 12);
    expect(f.waterLitres).toBeCloseTo(parts.reduce((s, p) => s + p.waterLitres, 0), 12);
    expect(f.adpKgSbEq).toBeCloseTo(parts.reduce((s, p) => s + p.adpKgSbEq, 0), 18);
    // with @tgwf/co2 0.19.0 (FRA = 44.18): 0.0274630 + 0.0001635 + 0.018 + 0.0083579 = 0.0539844 g
    if (I_FR === 44.18) expect(f.ghgGrams).toBeCloseTo(0.0539844, 6);
  });

  it('uses the world grid for the device, the network energy and the data centre when asked', () => {
    const f = computeStepFootprint(input, WORLD) as Footprint;
    const w = defaultFootprintFactors.electricity.WORLD; // 15.2676 L/kWh, 7.37708e-8 kg Sb eq/kWh
    expectImpactsClose(f.breakdown.deviceElectricity, { ghgGrams: kWh * I_WORLD, waterLitres: kWh * w.waterLitresPerKWh, adpKgSbEq: kWh * w.adpKgSbEqPerKWh });
    expect(f.breakdown.dataCentre.ghgGrams).toBeCloseTo(dcKWh * I_WORLD + dcEmbodiedGrams, 12);
    // the network's g CO2e/GB are French AGEC figures whatever the grid; manufacturing does not depend on the grid
    expect(f.breakdown.network.ghgGrams).toBeCloseTo(0.018, 12);
    expectImpactsClose(f.breakdown.deviceManufacturing, manufacturing);
  });

  it('gives a higher footprint on the world grid than on the French one, on all three indicators', () => {
    for (const sample of [input, { durationMs: 500, energyMah: 0.01, bytes: 2_000 }, { durationMs: 60_000, energyMah: 5, bytes: 5e7 }]) {
      const fr = computeStepFootprint(sample, FR) as Footprint;
      const world = computeStepFootprint(sample, WORLD) as Footprint;
      expect(world.ghgGrams).toBeGreaterThan(fr.ghgGrams);
      expect(world.waterLitres).toBeGreaterThan(fr.waterLitres);
      expect(world.adpKgSbEq).toBeGreaterThan(fr.adpKgSbEq);
    }
  });

  it('uses the mobile network factor on cellular networks: 50 g CO2e/GB', () => {
    const f = computeStepFootprint(input, { device: phone, network: fourG }) as Footprint;
    expect(f.breakdown.network.ghgGrams).toBeCloseTo(50 * (input.bytes / BYTES_PER_GB), 12); // 0.05 g
  });

  it('uses the laptop factors and the 11.1 V battery for the desktop profile', () => {
    const f = computeStepFootprint(input, { device: laptop, network: wifi }) as Footprint;
    // 175,000 g × 10 s / (5 years × 365.25 × 86,400 s × 0.3) = 175,000 × 10 / 47,336,400 = 0.036969 g
    expect(f.breakdown.deviceManufacturing.ghgGrams).toBeCloseTo((175_000 * 10) / (5 * SECONDS_PER_YEAR * 0.3), 12);
    // 1 mAh × 11.1 V = 11.1 mWh = 1.11e-5 kWh
    expect(f.breakdown.deviceElectricity.ghgGrams).toBeCloseTo(1.11e-5 * I_FR, 12);
  });

  it('transfers nothing, emits nothing on the network and data-centre side', () => {
    const f = computeStepFootprint({ durationMs: 5000, energyMah: 0.2, bytes: 0 }, FR) as Footprint;
    expectImpactsClose(f.breakdown.network, { ghgGrams: 0, waterLitres: 0, adpKgSbEq: 0 });
    expectImpactsClose(f.breakdown.dataCentre, { ghgGrams: 0, waterLitres: 0, adpKgSbEq: 0 });
    expect(f.breakdown.deviceManufacturing.ghgGrams).toBeGreaterThan(0);
  });

  it('has no footprint when an input was not measured (null, never a partial total)', () => {
    expect(computeStepFootprint({ durationMs: null, energyMah: 1, bytes: 1 }, FR)).toBeNull();
    expect(computeStepFootprint({ durationMs: 1, energyMah: null, bytes: 1 }, FR)).toBeNull();
    expect(computeStepFootprint({ durationMs: 1, energyMah: 1, bytes: null }, FR)).toBeNull();
  });

  it('rejects negative inputs and unknown grids, naming the field', () => {
    expect(() => computeStepFootprint({ durationMs: -1, energyMah: 1, bytes: 1 }, FR)).toThrow(/"durationMs" must be a non-negative/);
    expect(() => computeStepFootprint({ durationMs: 1, energyMah: 1, bytes: Number.NaN }, FR)).toThrow(/"bytes" must be a non-negative/);
    expect(() => computeStepFootprint(input, { ...FR, grid: 'DEU' as 'FRA' })).toThrow(/"grid" must be "FRA" or "WORLD"/);
  });

  describe('monotonicity: more bytes, more energy or a longer step never lower a footprint', () => {
    const indicators = ['ghgGrams', 'waterLitres', 'adpKgSbEq'] as const;
    const check = (make: (x: number) => { durationMs: number; energyMah: number; bytes: number }, xs: number[], options: FootprintOptions) => {
      let previous: Footprint | null = null;
      for (const x of xs) {
        const f = computeStepFootprint(make(x), options) as Footprint;
        if (previous) {
          for (const k of indicators) {
            expect(f[k]).toBeGreaterThanOrEqual(previous[k]);
            for (const part of Object.keys(f.breakdown) as Array<keyof Footprint['breakdown']>) {
              expect(f.breakdown[part][k]).toBeGreaterThanOrEqual(previous.breakdown[part][k]);
            }
          }
        }
        previous = f;
      }
    };
    const xs = [0, 0.5, 1, 10, 1e3, 1e5, 1e7, 1e9];
    for (const [name, options] of [
      ['France, Wi-Fi', FR],
      ['world, 4G', { device: phone, network: fourG, grid: 'WORLD' }],
    ] as const) {
      it(`bytes (${name})`, () => check((bytes) => ({ durationMs: 1000, energyMah: 0.1, bytes }), xs, options));
      it(`energy (${name})`, () => check((energyMah) => ({ durationMs: 1000, energyMah, bytes: 1000 }), xs, options));
      it(`duration (${name})`, () => check((durationMs) => ({ durationMs, energyMah: 0.1, bytes: 1000 }), xs, options));
    }
  });
});

describe('journey footprint and projections', () => {
  const a = computeStepFootprint({ durationMs: 10_000, energyMah: 1, bytes: 1_000_000 }, FR) as Footprint;
  const b = computeStepFootprint({ durationMs: 2_000, energyMah: 0.3, bytes: 20_000 }, FR) as Footprint;
  const ref = computeStepFootprint({ durationMs: 5_000, energyMah: 0.2, bytes: 0 }, FR) as Footprint;

  it('sums the steps, leaving the reference step out', () => {
    const journey = journeyFootprint([
      { type: 'reference', footprint: ref },
      { type: 'first-load', footprint: a },
      { type: 'action', footprint: b },
    ]) as Footprint;
    expect(journey.ghgGrams).toBeCloseTo(a.ghgGrams + b.ghgGrams, 12);
    expect(journey.waterLitres).toBeCloseTo(a.waterLitres + b.waterLitres, 12);
    expect(journey.adpKgSbEq).toBeCloseTo(a.adpKgSbEq + b.adpKgSbEq, 18);
    expect(journey.breakdown.network.ghgGrams).toBeCloseTo(a.breakdown.network.ghgGrams + b.breakdown.network.ghgGrams, 12);
  });

  it('is null when a counted step has no footprint', () => {
    expect(journeyFootprint([{ type: 'load', footprint: a }, { type: 'pause', footprint: null }])).toBeNull();
    expect(journeyFootprint([{ type: 'reference', footprint: null }, { type: 'load', footprint: a }])).not.toBeNull();
  });

  it('sums nothing to zero', () => {
    const zero = sumFootprints([]);
    expect(zero.ghgGrams).toBe(0);
    expect(zero.breakdown.dataCentre.waterLitres).toBe(0);
  });

  it('projects per 1,000 journeys and per year for a number of users', () => {
    const journey = sumFootprints([a, b]);
    const p = projectFootprint(journey, { journeysPerUserPerYear: 52, users: 10_000 });
    // per 1,000 journeys: × 1,000; per year: 52 × 10,000 = 520,000 journeys
    expect(p.perThousandJourneys.ghgGrams).toBeCloseTo(journey.ghgGrams * 1000, 9);
    expect(p.journeysPerYear).toBe(520_000);
    expect(p.perYear.ghgGrams).toBeCloseTo(journey.ghgGrams * 520_000, 6);
    expect(p.perYear.waterLitres).toBeCloseTo(journey.waterLitres * 520_000, 6);
    expect(p.perYear.breakdown.deviceManufacturing.adpKgSbEq).toBeCloseTo(journey.breakdown.deviceManufacturing.adpKgSbEq * 520_000, 12);
    expect(p.perJourney).toBe(journey);
    expect(() => projectFootprint(journey, { journeysPerUserPerYear: -1, users: 1 })).toThrow(/"journeysPerUserPerYear"/);
  });
});
