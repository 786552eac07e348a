/**
 * Environmental footprint of a step and of a journey, on three indicators: greenhouse gases (g CO2e),
 * water consumed (litres) and abiotic resource depletion of minerals and metals (ADPe, kg Sb eq), split
 * into four parts:
 *
 * - device manufacturing: the device's embodied impact shared out by time of use,
 *   `embodied × durationS / (lifetimeYears × 365.25 × 86400 × activeUseRatio)`;
 * - device electricity: `energyMah × battery voltage / 10⁶` kWh × the grid's factors (carbon intensity
 *   from `@tgwf/co2`'s average intensities, France by default, world as an option);
 * - network: `bytes / 10⁹` GB × the French AGEC g CO2e/GB of the network type (mobile for cellular
 *   networks, fixed otherwise); water and ADPe from the Sustainable Web Design v4 network operational
 *   energy (kWh, computed by `@tgwf/co2`) × the grid's factors;
 * - data centre: g CO2e of the data-centre segment of the Sustainable Web Design model v4 computed by
 *   `@tgwf/co2` (operational at the data-centre grid's intensity + embodied); water = its operational
 *   energy × (on-site water per kWh + the grid's water per kWh); ADPe = operational energy × the grid's ADPe.
 *
 * This mirrors the environmental model of the official service (measured phone energy and data exchanged,
 * modelled network and server, device manufacturing allocated by time; shared/DOMAIN.md). Factors with
 * their sources: `src/profiles/footprint/default.json`. See docs/methodology.md, "Footprint".
 *
 * Null rule: a step whose duration, energy or bytes was not measured has no footprint (`null`), never a
 * partial one that would read as complete.
 *
 * Pure: no I/O, no clock.
 */
import { averageIntensity, co2 } from '@tgwf/co2';
import type { StepType } from '../journey/schema.js';
import {
  defaultFootprintFactors,
  parseFootprintFactors,
  type DeviceClass,
  type FootprintFactors,
  type GridRegion,
  type NetworkClass,
} from '../profiles/footprint/index.js';
import type { DeviceProfile, NetworkProfile } from '../profiles/schema.js';

export { defaultFootprintFactors, parseFootprintFactors, type DeviceClass, type FootprintFactors, type GridRegion, type NetworkClass };

/** Version of the footprint model (formulas and default factors); recorded with the results. */
export const FOOTPRINT_MODEL_VERSION = '1.0.0';

/** Bytes in a GB, as in the AGEC figures and in `@tgwf/co2` (10⁹). */
export const BYTES_PER_GB = 1e9;
/** Seconds in a year of 365.25 days. */
export const SECONDS_PER_YEAR = 365.25 * 24 * 3600;

/** The three indicators. */
export interface Impacts {
  /** Greenhouse gases, g CO2e. */
  ghgGrams: number;
  /** Freshwater consumed, litres. */
  waterLitres: number;
  /** Abiotic resource depletion, minerals and metals, kg Sb eq. */
  adpKgSbEq: number;
}

/** Where the impacts come from. */
export interface FootprintBreakdown {
  deviceManufacturing: Impacts;
  deviceElectricity: Impacts;
  network: Impacts;
  dataCentre: Impacts;
}

/** Footprint of a step or a journey: totals and breakdown. */
export interface Footprint extends Impacts {
  breakdown: FootprintBreakdown;
}

/** Measured figures of a step (medians, as in result.json). */
export interface FootprintInput {
  /** Wall time of the step, ms. */
  readonly durationMs: number | null;
  /** Energy drawn from the battery during the step, mAh. */
  readonly energyMah: number | null;
  /** Transferred bytes. */
  readonly bytes: number | null;
}

/** The context of a measure. */
export interface FootprintOptions {
  /** Device profile: its kind picks the embodied factors, its battery voltage converts mAh to Wh. */
  readonly device: Pick<DeviceProfile, 'kind' | 'battery'>;
  /** Network profile: `cellular` uses the mobile network factor, `wifi` and `wired` the fixed one. */
  readonly network: Pick<NetworkProfile, 'kind'>;
  /** Grid of the device's electricity (and, by default, of the network and data centre): `FRA` (default) or `WORLD`. */
  readonly grid?: GridRegion;
  /** Grid of the data centre; default: `grid`. */
  readonly dataCentreGrid?: GridRegion;
  /** Footprint factors; default: {@link defaultFootprintFactors}. */
  readonly factors?: FootprintFactors;
}

/** What a footprint was computed with (to record beside it). */
export interface FootprintModelInfo {
  version: string;
  factors: { id: string; version: string };
  grid: GridRegion;
  gridIntensityGPerKWh: number;
  dataCentreGrid: GridRegion;
  dataCentreGridIntensityGPerKWh: number;
  deviceClass: DeviceClass;
  networkClass: NetworkClass;
  /** Where the grid intensities come from. */
  intensitySource: string;
}

const MORE_INFO = 'see docs/methodology.md#footprint';

/** Sustainable Web Design v4, per-segment results (`@tgwf/co2`). */
const swd = new co2({ model: 'swd', version: 4, results: 'segment' });
const swdModel = swd.SustainableWebDesignV4();

const ZERO: Impacts = Object.freeze({ ghgGrams: 0, waterLitres: 0, adpKgSbEq: 0 });

function assertNonNegativeFinite(fn: string, field: string, value: unknown): asserts value is number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new Error(`${fn}: "${field}" must be a non-negative finite number, got ${String(value)}; ${MORE_INFO}`);
  }
}

/**
 * Average carbon intensity of a grid, g CO2e/kWh, as shipped by `@tgwf/co2` (`averageIntensity.data`,
 * Ember yearly averages): `FRA` for France, `WORLD` for the world average.
 *
 * @throws Error when `@tgwf/co2` has no figure for the region
 */
export function gridIntensityGPerKWh(region: GridRegion): number {
  const value = averageIntensity.data[region];
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new Error(`gridIntensityGPerKWh: @tgwf/co2 has no average intensity for "${String(region)}"; ${MORE_INFO}`);
  }
  return value;
}

/** Device class of a device kind: phone → smartphone, tablet → tablet, desktop → laptop (the desktop profile is a laptop). */
export function deviceClassOf(kind: DeviceProfile['kind']): DeviceClass {
  switch (kind) {
    case 'phone':
      return 'smartphone';
    case 'tablet':
      return 'tablet';
    case 'desktop':
      return 'laptop';
    default:
      throw new Error(`deviceClassOf: unknown device kind "${String(kind)}"; ${MORE_INFO}`);
  }
}

/** Network class of a network kind: cellular → mobile; wifi and wired → fixed (a Wi-Fi access point sits on a fixed line). */
export function networkClassOf(kind: NetworkProfile['kind']): NetworkClass {
  switch (kind) {
    case 'cellular':
      return 'mobile';
    case 'wifi':
    case 'wired':
      return 'fixed';
    default:
      throw new Error(`networkClassOf: unknown network kind "${String(kind)}"; ${MORE_INFO}`);
  }
}

function resolveGrid(fn: string, field: string, value: unknown): GridRegion {
  if (value !== 'FRA' && value !== 'WORLD') {
    throw new Error(`${fn}: "${field}" must be "FRA" or "WORLD", got ${String(value)}; ${MORE_INFO}`);
  }
  return value;
}

/** The grids, classes and intensities a footprint is computed with. */
export function describeFootprintModel(options: FootprintOptions): FootprintModelInfo {
  const factors = options.factors ?? defaultFootprintFactors;
  const grid = resolveGrid('describeFootprintModel', 'grid', options.grid ?? 'FRA');
  const dataCentreGrid = resolveGrid('describeFootprintModel', 'dataCentreGrid', options.dataCentreGrid ?? grid);
  return {
    version: FOOTPRINT_MODEL_VERSION,
    factors: { id: factors.id, version: factors.version },
    grid,
    gridIntensityGPerKWh: gridIntensityGPerKWh(grid),
    dataCentreGrid,
    dataCentreGridIntensityGPerKWh: gridIntensityGPerKWh(dataCentreGrid),
    deviceClass: deviceClassOf(options.device.kind),
    networkClass: networkClassOf(options.network.kind),
    intensitySource: '@tgwf/co2 averageIntensity (Ember yearly averages); Sustainable Web Design model v4 for the data centre',
  };
}

/** Sum of impacts. */
function addImpacts(a: Impacts, b: Impacts): Impacts {
  return { ghgGrams: a.ghgGrams + b.ghgGrams, waterLitres: a.waterLitres + b.waterLitres, adpKgSbEq: a.adpKgSbEq + b.adpKgSbEq };
}

function scaleImpacts(a: Impacts, k: number): Impacts {
  return { ghgGrams: a.ghgGrams * k, waterLitres: a.waterLitres * k, adpKgSbEq: a.adpKgSbEq * k };
}

function withTotals(breakdown: FootprintBreakdown): Footprint {
  const total = [breakdown.deviceManufacturing, breakdown.deviceElectricity, breakdown.network, breakdown.dataCentre].reduce(addImpacts, ZERO);
  return { ...total, breakdown };
}

/** Data-centre g CO2e of `bytes` from the SWD v4 data-centre segment of `@tgwf/co2`. */
function dataCentreGhgGrams(bytes: number, intensity: number): number {
  if (bytes < 1) return 0; // @tgwf/co2 returns 0 (a number, not segments) below one byte
  const result = swd.perByteTrace(bytes, false, { gridIntensity: { dataCenter: intensity } }).co2;
  return typeof result === 'number' ? result : result.dataCenterCO2e;
}

/**
 * Footprint of one step.
 *
 * @param input - duration (ms), energy (mAh) and transferred bytes of the step
 * @param options - device and network profiles, grid (`FRA` by default), factors
 * @returns the footprint, or null when any of the three inputs was not measured
 * @throws Error when an input is negative or not finite, or an option is invalid
 */
export function computeStepFootprint(input: FootprintInput, options: FootprintOptions): Footprint | null {
  const fn = 'computeStepFootprint';
  if (input.durationMs === null || input.energyMah === null || input.bytes === null) return null;
  assertNonNegativeFinite(fn, 'durationMs', input.durationMs);
  assertNonNegativeFinite(fn, 'energyMah', input.energyMah);
  assertNonNegativeFinite(fn, 'bytes', input.bytes);
  assertNonNegativeFinite(fn, 'device.battery.voltageV', options.device.battery?.voltageV);
  const model = describeFootprintModel(options);
  const factors = options.factors ?? defaultFootprintFactors;
  const device = factors.devices[model.deviceClass];
  const electricity = factors.electricity[model.grid];
  const dataCentreElectricity = factors.electricity[model.dataCentreGrid];

  // Device manufacturing: share of the embodied impact by time of use over the lifetime.
  const secondsOfUse = device.lifetimeYears * SECONDS_PER_YEAR * device.activeUseRatio;
  const deviceManufacturing = scaleImpacts(device.embodied, input.durationMs / 1000 / secondsOfUse);

  // Device electricity: mAh × V = mWh; / 10⁶ = kWh.
  const deviceKWh = (input.energyMah * options.device.battery.voltageV) / 1e6;
  const deviceElectricity: Impacts = {
    ghgGrams: deviceKWh * model.gridIntensityGPerKWh,
    waterLitres: deviceKWh * electricity.waterLitresPerKWh,
    adpKgSbEq: deviceKWh * electricity.adpKgSbEqPerKWh,
  };

  // Network: AGEC g CO2e per GB; water and ADPe from the SWD v4 network operational energy.
  const gigabytes = input.bytes / BYTES_PER_GB;
  const operationalKWh = swdModel.operationalEnergyPerSegment(input.bytes);
  const network: Impacts = {
    ghgGrams: gigabytes * factors.network[model.networkClass].ghgGramsPerGB,
    waterLitres: operationalKWh.network * electricity.waterLitresPerKWh,
    adpKgSbEq: operationalKWh.network * electricity.adpKgSbEqPerKWh,
  };

  // Data centre: SWD v4 data-centre segment (operational at the data-centre grid + embodied).
  const dataCentre: Impacts = {
    ghgGrams: dataCentreGhgGrams(input.bytes, model.dataCentreGridIntensityGPerKWh),
    waterLitres: operationalKWh.dataCenter * (factors.dataCentre.onSiteWaterLitresPerKWh + dataCentreElectricity.waterLitresPerKWh),
    adpKgSbEq: operationalKWh.dataCenter * dataCentreElectricity.adpKgSbEqPerKWh,
  };

  return withTotals({ deviceManufacturing, deviceElectricity, network, dataCentre });
}

/** Sum of footprints, part by part. An empty list gives a zero footprint. */
export function sumFootprints(footprints: ReadonlyArray<Footprint>): Footprint {
  const zero: FootprintBreakdown = { deviceManufacturing: ZERO, deviceElectricity: ZERO, network: ZERO, dataCentre: ZERO };
  const breakdown = footprints.reduce<FootprintBreakdown>(
    (sum, f) => ({
      deviceManufacturing: addImpacts(sum.deviceManufacturing, f.breakdown.deviceManufacturing),
      deviceElectricity: addImpacts(sum.deviceElectricity, f.breakdown.deviceElectricity),
      network: addImpacts(sum.network, f.breakdown.network),
      dataCentre: addImpacts(sum.dataCentre, f.breakdown.dataCentre),
    }),
    zero,
  );
  return withTotals(breakdown);
}

/** A footprint multiplied by `factor` (≥ 0), part by part. */
export function scaleFootprint(footprint: Footprint, factor: number): Footprint {
  assertNonNegativeFinite('scaleFootprint', 'factor', factor);
  const b = footprint.breakdown;
  return withTotals({
    deviceManufacturing: scaleImpacts(b.deviceManufacturing, factor),
    deviceElectricity: scaleImpacts(b.deviceElectricity, factor),
    network: scaleImpacts(b.network, factor),
    dataCentre: scaleImpacts(b.dataCentre, factor),
  });
}

/**
 * Footprint of a journey: the sum of its steps' footprints, reference steps left out (the idle baseline is
 * part of the measure, not of what the user does).
 *
 * @returns null when a non-reference step has no footprint (a journey total missing a step would read as complete)
 */
export function journeyFootprint(steps: ReadonlyArray<{ readonly type: StepType; readonly footprint: Footprint | null }>): Footprint | null {
  const counted = steps.filter((step) => step.type !== 'reference');
  if (counted.some((step) => step.footprint === null)) return null;
  return sumFootprints(counted.map((step) => step.footprint as Footprint));
}

/** A journey footprint projected to a volume of use. */
export interface FootprintProjection {
  perJourney: Footprint;
  perThousandJourneys: Footprint;
  /** journeysPerUserPerYear × users. */
  journeysPerYear: number;
  perYear: Footprint;
}

/**
 * Projects a journey footprint: per 1,000 journeys, and per year for `users` users who each make
 * `journeysPerUserPerYear` journeys.
 *
 * @throws Error when a count is negative or not finite
 */
export function projectFootprint(
  journey: Footprint,
  usage: { readonly journeysPerUserPerYear: number; readonly users: number },
): FootprintProjection {
  assertNonNegativeFinite('projectFootprint', 'journeysPerUserPerYear', usage.journeysPerUserPerYear);
  assertNonNegativeFinite('projectFootprint', 'users', usage.users);
  const journeysPerYear = usage.journeysPerUserPerYear * usage.users;
  return {
    perJourney: journey,
    perThousandJourneys: scaleFootprint(journey, 1000),
    journeysPerYear,
    perYear: scaleFootprint(journey, journeysPerYear),
  };
}
