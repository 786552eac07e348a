/**
 * Schema of the footprint factors (`src/profiles/footprint/default.json`, or user-supplied factors): the
 * embodied impacts and lifetimes of devices, water and resource factors of electricity, and data-centre
 * on-site water. Grid carbon intensities and the Sustainable Web Design v4 energy per GB (network and data
 * centre) are not factors of this file: the footprint model reads them from `@tgwf/co2` (see
 * `src/methodology/footprint.ts` and docs/footprint.md).
 *
 * As for device and network profiles, every number must be covered by an entry of `sources` (its path, a
 * parent path, or `*`); modelling choices say `inferred: true`.
 *
 * Pure module: zod only, no I/O.
 */
import { z } from 'zod';
import { ProfileSourceSchema, requireSourcesForNumbers } from '../schema.js';

/** Semantic version such as `1.0.0`. */
const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$/;

const amount = z.number().nonnegative().finite();

/** The three indicators of the footprint model. */
export const ImpactFactorsSchema = z
  .object({
    /** Greenhouse gases, g CO2e. */
    ghgGrams: amount,
    /** Water consumed, litres (the scope of each figure is stated in its source entry). */
    waterLitres: amount,
    /** Abiotic resource depletion, minerals and metals (EF "minerals and metals resource use"), kg Sb eq. */
    adpKgSbEq: amount,
  })
  .strict();

/** Classes of device with embodied-impact factors. */
export const DEVICE_CLASSES = ['smartphone', 'tablet', 'laptop'] as const;
/** A class of device with embodied-impact factors. */
export type DeviceClass = (typeof DEVICE_CLASSES)[number];

/** Grids with water and resource factors; their carbon intensities come from `@tgwf/co2` (alpha-3 codes). */
export const GRID_REGIONS = ['FRA', 'WORLD'] as const;
/** A grid region: France (`FRA`) or the world average (`WORLD`). */
export type GridRegion = (typeof GRID_REGIONS)[number];

/** Embodied impact of a device and how it is shared out over its use. */
export const DeviceFactorsSchema = z
  .object({
    /** Impacts of making, shipping and disposing of one device. */
    embodied: ImpactFactorsSchema,
    /** Lifetime, years (365.25 days). */
    lifetimeYears: z.number().positive().finite(),
    /** Share of the lifetime the device is in use (0..1]; embodied impacts are shared over the time of use. */
    activeUseRatio: z.number().positive().max(1),
  })
  .strict();

/** Water and resource factors of one kWh taken from a grid. */
export const ElectricityFactorsSchema = z
  .object({
    /** Water consumed to generate one kWh, litres (power-plant operation: see docs/footprint.md for each grid's scope). */
    waterLitresPerKWh: amount,
    /** ADPe of one kWh, kg Sb eq. */
    adpKgSbEqPerKWh: amount,
  })
  .strict();

/** Footprint factors. */
export const FootprintFactorsSchema = z
  .object({
    id: z.string().min(1),
    version: z.string().regex(SEMVER, 'must be a semantic version such as "1.0.0"'),
    description: z.string().min(1),
    devices: z.object({ smartphone: DeviceFactorsSchema, tablet: DeviceFactorsSchema, laptop: DeviceFactorsSchema }).strict(),
    electricity: z.object({ FRA: ElectricityFactorsSchema, WORLD: ElectricityFactorsSchema }).strict(),
    dataCentre: z
      .object({
        /** Water consumed on site (cooling) per kWh used by the data centre, litres (WUE). */
        onSiteWaterLitresPerKWh: amount,
      })
      .strict(),
    sources: z.array(ProfileSourceSchema).min(1, 'cite at least one source'),
  })
  .strict()
  .superRefine((factors, ctx) => requireSourcesForNumbers(factors, ctx));
/** Footprint factors. */
export type FootprintFactors = z.infer<typeof FootprintFactorsSchema>;
