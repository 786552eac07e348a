import { averageIntensity, co2 } from '@tgwf/co2';
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
const wifi = getNetworkProfile('wifi');
const fourG = getNetworkProfile('4g');

const FR: FootprintOptions = { device: phone };
const WORLD: FootprintOptions = { device: phone, grid: 'WORLD' };

// Grid intensities are read from @tgwf/co2 (Ember yearly averages), not copied: FRA 44.18, WORLD 472.94
// g CO2e/kWh in @tgwf/co2 0.19.0. The arithmetic below uses the symbols.
const I_FR = averageIntensity.data.FRA as number;
const I_WORLD = averageIntensity.data.WORLD as number;

// Sustainable Web Design v4 as published in co2.js 0.19.0 (src/constants/index.js @ 43e7d19f, SWDV4):
// operational kWh/GB data centre 0.055, network 0.059; embodied kWh/GB data centre 0.012, network 0.013,
// always at the global intensity 494 g/kWh. Used to check that the library still implements that model.
const SWD = { dcOperational: 0.055, networkOperational: 0.059, dcEmbodied: 0.012, networkEmbodied: 0.013, embodiedIntensity: 494 };

/** co2.js's own per-segment SWD v4 output for `bytes` (g CO2e), at the given network and data-centre intensities. */
function co2jsSegments(bytes: number, network: number, dataCenter: number) {
  const result = new co2({ model: 'swd', version: 4, results: 'segment' }).perByteTrace(bytes, false, { gridIntensity: { network, dataCenter } }).co2;
  if (typeof result === 'number') throw new Error('expected per-segment results');
  return result;
}

/** The source entry of a factor in the built-in footprint factors. */
function sourceOf(field: string): string {
  const entry = defaultFootprintFactors.sources.find((s) => s.field === field);
  if (!entry) throw new Error(`no source entry for ${field}`);
  return entry.source;
}

/** A number written as the NegaOctet CSV writes it ("8,40E+01"), read from a quoted cell of a source entry. */
function csvNumber(source: string, cellIndex: number): number {
  const cells = [...source.matchAll(/"(-?\d+,\d+E[+-]\d+)"/g)].map((m) => Number(m[1]!.replace(',', '.')));
  const value = cells[cellIndex];
  if (value === undefined) throw new Error(`no quoted CSV number #${cellIndex} in: ${source}`);
  return value;
}

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

  it('takes each device GHG and ADPe from one NegaOctet row, the one its source entry quotes', () => {
    // Rows of Boavizta's ademe_base_impacts_negaoctet.csv @ 7c452d1c, as quoted in the source entries:
    // 'Smartphone,,"2,05E-03",…,"8,40E+01"' (ADPe kg Sb eq, then GWP kg CO2e), same for tablet and laptop.
    for (const device of ['smartphone', 'tablet', 'laptop'] as const) {
      const { embodied } = defaultFootprintFactors.devices[device];
      const row = sourceOf(`devices.${device}.embodied.ghgGrams`);
      expect(embodied.ghgGrams).toBeCloseTo(csvNumber(row, 1) * 1000, 6);
      expect(embodied.adpKgSbEq).toBeCloseTo(csvNumber(row, 0), 12);
      expect(csvNumber(sourceOf(`devices.${device}.embodied.adpKgSbEq`), 0)).toBe(csvNumber(row, 0));
    }
    expect(defaultFootprintFactors.devices.smartphone.embodied.ghgGrams).toBe(84_000);
  });

  it('amortises a smartphone over the 2 years its source states', () => {
    expect(sourceOf('devices.smartphone.lifetimeYears')).toContain('2 ans pour un smartphone');
    expect(defaultFootprintFactors.devices.smartphone.lifetimeYears).toBe(2);
  });

  it('derives the world water factor from Mekonnen et al.: operation share of 4,241 m³/TJe', () => {
    const source = sourceOf('electricity.WORLD.waterLitresPerKWh');
    expect(source).toContain('4241 m3 TJe−1');
    expect(source).toContain('Operations (global average 57%)');
    // 4,241 m³ per TJ × 3.6e-6 TJ per kWh × 1,000 L per m³ × 0.57 (operation stage)
    expect(defaultFootprintFactors.electricity.WORLD.waterLitresPerKWh).toBeCloseTo(4241 * 3.6e-6 * 1000 * 0.57, 9);
    expect(defaultFootprintFactors.electricity.FRA.waterLitresPerKWh).toBe(0.91); // EDF DEU 2019, 2015-2019 mean
  });

  it('has no fixed or mobile network factor: the network is one model', () => {
    expect(Object.keys(defaultFootprintFactors)).not.toContain('network');
    const withOldFactor = { ...JSON.parse(JSON.stringify(defaultFootprintFactors)), network: { fixed: { ghgGramsPerGB: 18 } } };
    expect(() => parseFootprintFactors(withOldFactor, 'factors.json')).toThrow(/^factors\.json: invalid footprint factors: .*network/);
  });

  it('maps device kinds to classes', () => {
    expect(deviceClassOf('phone')).toBe('smartphone');
    expect(deviceClassOf('tablet')).toBe('tablet');
    expect(deviceClassOf('desktop')).toBe('laptop');
  });

  it('describes what a footprint is computed with', () => {
    expect(describeFootprintModel({ device: phone, grid: 'WORLD', dataCentreGrid: 'FRA' })).toMatchObject({
      version: FOOTPRINT_MODEL_VERSION,
      grid: 'WORLD',
      gridIntensityGPerKWh: I_WORLD,
      dataCentreGrid: 'FRA',
      dataCentreGridIntensityGPerKWh: I_FR,
      deviceClass: 'smartphone',
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
  // A step of 10 s, 1 mAh, 1 MB (10⁶ bytes), mid-range phone (3.7 V), France.
  const input = { durationMs: 10_000, energyMah: 1, bytes: 1_000_000 };
  const smartphone = defaultFootprintFactors.devices.smartphone.embodied;

  // Device manufacturing: seconds of use over the lifetime = 2 years × 365.25 × 86,400 s × 0.3 = 18,934,560 s;
  // share = 10 / 18,934,560 = 5.2813e-7 → 84,000 g × share = 0.044363 g; 7,800 L × share = 0.0041195 L;
  // 2.05e-3 kg Sb eq × share = 1.0827e-9.
  const share = 10 / (2 * 365.25 * 86_400 * 0.3);
  const manufacturing = { ghgGrams: smartphone.ghgGrams * share, waterLitres: smartphone.waterLitres * share, adpKgSbEq: smartphone.adpKgSbEq * share };

  // Device electricity: 1 mAh × 3.7 V = 3.7 mWh = 3.7e-6 kWh.
  const kWh = (1 * 3.7) / 1e6;

  // Network (SWD v4): operational 0.059 × 0.001 GB = 5.9e-5 kWh at the grid's intensity, embodied
  // 0.013 × 0.001 = 1.3e-5 kWh at 494 g/kWh = 0.006422 g.
  const netKWh = SWD.networkOperational * 0.001;
  const netEmbodiedGrams = SWD.networkEmbodied * 0.001 * SWD.embodiedIntensity;

  // Data centre (SWD v4): operational 0.055 × 0.001 = 5.5e-5 kWh at the grid's intensity,
  // embodied 0.012 × 0.001 = 1.2e-5 kWh at 494 g/kWh = 0.005928 g.
  const dcKWh = SWD.dcOperational * 0.001;
  const dcEmbodiedGrams = SWD.dcEmbodied * 0.001 * SWD.embodiedIntensity;

  it('gives network and data-centre GHG as co2.js computes SWD v4, per GB', () => {
    for (const [grid, intensity] of [['FRA', I_FR], ['WORLD', I_WORLD]] as const) {
      const f = computeStepFootprint({ durationMs: 0, energyMah: 0, bytes: BYTES_PER_GB }, { device: phone, grid }) as Footprint;
      const expected = co2jsSegments(BYTES_PER_GB, intensity, intensity);
      expect(f.breakdown.network.ghgGrams).toBeCloseTo(expected.networkCO2e, 12);
      expect(f.breakdown.dataCentre.ghgGrams).toBeCloseTo(expected.dataCenterCO2e, 12);
      // ... which is the published SWD v4 model: 0.059 kWh × grid + 0.013 kWh × 494 (network)
      expect(expected.networkCO2e).toBeCloseTo(SWD.networkOperational * intensity + SWD.networkEmbodied * SWD.embodiedIntensity, 9);
      expect(expected.dataCenterCO2e).toBeCloseTo(SWD.dcOperational * intensity + SWD.dcEmbodied * SWD.embodiedIntensity, 9);
    }
    // @tgwf/co2 0.19.0 (FRA 44.18, WORLD 472.94): 9.029 and 34.325 g CO2e per GB on the network
    if (I_FR === 44.18) expect(computeStepFootprint({ durationMs: 0, energyMah: 0, bytes: BYTES_PER_GB }, FR)!.breakdown.network.ghgGrams).toBeCloseTo(9.02862, 5);
    if (I_WORLD === 472.94) expect(computeStepFootprint({ durationMs: 0, energyMah: 0, bytes: BYTES_PER_GB }, WORLD)!.breakdown.network.ghgGrams).toBeCloseTo(34.32546, 5);
  });

  it('computes each part on hand-checked arithmetic (France)', () => {
    const f = computeStepFootprint(input, FR) as Footprint;
    expectImpactsClose(f.breakdown.deviceManufacturing, manufacturing);
    // 3.7e-6 kWh × 44.18 g = 1.63466e-4 g; × 0.91 L = 3.367e-6 L; × 4.85798e-8 = 1.79745e-13 kg Sb eq
    expectImpactsClose(f.breakdown.deviceElectricity, { ghgGrams: kWh * I_FR, waterLitres: kWh * 0.91, adpKgSbEq: kWh * 4.85798e-8 });
    // network: 5.9e-5 × 44.18 + 0.006422 = 0.0090286 g; water 5.9e-5 kWh × 0.91 = 5.369e-5 L; × 4.85798e-8 = 2.8662e-12
    expectImpactsClose(f.breakdown.network, { ghgGrams: netKWh * I_FR + netEmbodiedGrams, waterLitres: netKWh * 0.91, adpKgSbEq: netKWh * 4.85798e-8 });
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
    // with @tgwf/co2 0.19.0 (FRA = 44.18): 0.0443630 + 0.0001635 + 0.0090286 + 0.0083579 = 0.0619130 g
    if (I_FR === 44.18) expect(f.ghgGrams).toBeCloseTo(0.061913, 6);
  });

  it('uses the world grid for the device, the network and the data centre when asked', () => {
    const f = computeStepFootprint(input, WORLD) as Footprint;
    const w = defaultFootprintFactors.electricity.WORLD; // 8.702532 L/kWh, 7.37708e-8 kg Sb eq/kWh
    expectImpactsClose(f.breakdown.deviceElectricity, { ghgGrams: kWh * I_WORLD, waterLitres: kWh * w.waterLitresPerKWh, adpKgSbEq: kWh * w.adpKgSbEqPerKWh });
    expectImpactsClose(f.breakdown.network, { ghgGrams: netKWh * I_WORLD + netEmbodiedGrams, waterLitres: netKWh * w.waterLitresPerKWh, adpKgSbEq: netKWh * w.adpKgSbEqPerKWh });
    expect(f.breakdown.dataCentre.ghgGrams).toBeCloseTo(dcKWh * I_WORLD + dcEmbodiedGrams, 12);
    // manufacturing does not depend on the grid
    expectImpactsClose(f.breakdown.deviceManufacturing, manufacturing);
  });

  it('keeps the device and network grids apart from the data-centre grid', () => {
    const f = computeStepFootprint(input, { device: phone, grid: 'FRA', dataCentreGrid: 'WORLD' }) as Footprint;
    expect(f.breakdown.network.ghgGrams).toBeCloseTo(netKWh * I_FR + netEmbodiedGrams, 12);
    expect(f.breakdown.dataCentre.ghgGrams).toBeCloseTo(dcKWh * I_WORLD + dcEmbodiedGrams, 12);
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

  it('gives the same network footprint on every network kind (one model, no fixed/mobile split)', () => {
    const onWifi = computeStepFootprint(input, { device: phone, network: wifi } as FootprintOptions) as Footprint;
    const on4g = computeStepFootprint(input, { device: phone, network: fourG } as FootprintOptions) as Footprint;
    expect(on4g.breakdown.network).toEqual(onWifi.breakdown.network);
    expect(on4g).toEqual(onWifi);
  });

  it('uses the laptop factors and the 11.1 V battery for the desktop profile', () => {
    const f = computeStepFootprint(input, { device: laptop }) as Footprint;
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
      ['France', FR],
      ['world', { device: phone, grid: 'WORLD' }],
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
