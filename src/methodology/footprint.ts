/**
 * Environmental footprint of a step and of a journey, on three indicators: greenhouse gases (g CO2e),
 * water consumed (litres) and abiotic resource depletion of minerals and metals (ADPe, EF "minerals and
 * metals resource use", kg Sb eq), split into four parts:
 *
 * - device manufacturing: the device's embodied impact shared out by time of use,
 *   `embodied × durationS / (lifetimeYears × 365.25 × 86400 × activeUseRatio)`;
 * - device electricity: `energyMah × battery voltage / 10⁶` kWh × the grid's factors (carbon intensity
 *   from `@tgwf/co2`'s average intensities, France by default, world as an option);
 * - network: one model for the three indicators and every network kind, the network segment of the
 *   Sustainable Web Design model v4 as computed by `@tgwf/co2`: g CO2e = its network emissions (operational
 *   energy at the grid's intensity + embodied energy at SWD's global 494 g/kWh); water and ADPe = its
 *   operational energy (kWh) × the grid's water and ADPe per kWh;
 * - data centre: the data-centre segment of the same model (operational at the data-centre grid's intensity
 *   + embodied); water = its operational energy × (on-site water per kWh + the grid's water per kWh);
 *   ADPe = operational energy × the grid's ADPe.
 *
 * SWD v4 energy per GB, as `@tgwf/co2` 0.19.0 implements it (thegreenwebfoundation/co2.js
 * `src/constants/index.js` @ 43e7d19fa9fb8854c5c47e55b0e015455a7b313a, tag v0.19.0: `SWDV4 = {
 * OPERATIONAL_KWH_PER_GB_DATACENTER: 0.055, OPERATIONAL_KWH_PER_GB_NETWORK: 0.059,
 * EMBODIED_KWH_PER_GB_DATACENTER: 0.012, EMBODIED_KWH_PER_GB_NETWORK: 0.013, GLOBAL_GRID_INTENSITY: 494, … }`;
 * method: https://sustainablewebdesign.org/estimating-digital-emissions/). These figures are read from the
 * library, not copied here.
 *
 * The principle follows what Greenspector's president describes for the official service (mind.eu.com,
 * 2023, https://www.mind.eu.com/comment-est-calcule-lindice-de-sobriete-environnemental-des-applications-referencees-sur-mon-espace-sante/):
 * servers and networks projected "en nous basant notamment sur le volume de données", device manufacturing
 * allocated by "une cote part du temps d'usage du scénario". Greenspector's own API documentation
 * ("Use the impact model with the API", https://greenspector.atlassian.net/wiki/spaces/DOCUMENTATION/pages/2924740627/Use+the+impact+model+with+the+API)
 * allocates a battery device's manufacturing "depending on the energy consumption of the equipment" instead,
 * which this model does not do. Factors with their sources: `src/profiles/footprint/default.json`; the whole
 * method: docs/footprint.md.
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
} from '../profiles/footprint/index.js';
import type { DeviceProfile } from '../profiles/schema.js';
import type { Impacts } from '../model/result.js';

export { defaultFootprintFactors, parseFootprintFactors, type DeviceClass, type FootprintFactors, type GridRegion };

/**
 * Version of the footprint model (formulas and default factors); recorded with the results. 2.0.0: network
 * GHG from SWD v4 like its water and ADPe (no fixed/mobile factor), smartphone GHG from the NegaOctet row.
 */
export const FOOTPRINT_MODEL_VERSION = '2.0.0';

/** Bytes in a GB, as in `@tgwf/co2` (10⁹). */
export const BYTES_PER_GB = 1e9;
/** Seconds in a year of 365.25 days. */
export const SECONDS_PER_YEAR = 365.25 * 24 * 3600;

/** The three indicators (the contract is model/'s). */
export type { Impacts };

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
  /** Grid of the device's and the network's electricity (and, by default, of the data centre): `FRA` (default) or `WORLD`. */
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
  /** Where the grid intensities and the network and data-centre model come from. */
  intensitySource: string;
}

const MORE_INFO = 'see docs/footprint.md';

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
    intensitySource: '@tgwf/co2 averageIntensity (Ember yearly averages); Sustainable Web Design model v4 (@tgwf/co2) for the network and the data centre',
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

/** Network and data-centre g CO2e of `bytes` from the SWD v4 segments of `@tgwf/co2` (operational + embodied). */
function swdGhgGrams(bytes: number, networkIntensity: number, dataCentreIntensity: number): { network: number; dataCentre: number } {
  if (bytes < 1) return { network: 0, dataCentre: 0 }; // @tgwf/co2 returns 0 (a number, not segments) below one byte
  const result = swd.perByteTrace(bytes, false, { gridIntensity: { network: networkIntensity, dataCenter: dataCentreIntensity } }).co2;
  return typeof result === 'number' ? { network: 0, dataCentre: 0 } : { network: result.networkCO2e, dataCentre: result.dataCenterCO2e };
}

/**
 * Footprint of one step.
 *
 * @param input - duration (ms), energy (mAh) and transferred bytes of the step
 * @param options - device profile (its kind and battery), grids (`FRA` by default), factors
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

  // Network and data centre: SWD v4 segments. GHG = operational kWh at the grid's intensity + embodied kWh at
  // 494 g/kWh; water and ADPe = operational kWh × the grid's factors (embodied water and ADPe not modelled).
  const operationalKWh = swdModel.operationalEnergyPerSegment(input.bytes);
  const ghg = swdGhgGrams(input.bytes, model.gridIntensityGPerKWh, model.dataCentreGridIntensityGPerKWh);
  const network: Impacts = {
    ghgGrams: ghg.network,
    waterLitres: operationalKWh.network * electricity.waterLitresPerKWh,
    adpKgSbEq: operationalKWh.network * electricity.adpKgSbEqPerKWh,
  };
  const dataCentre: Impacts = {
    ghgGrams: ghg.dataCentre,
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
