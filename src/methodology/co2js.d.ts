/**
 * Types for the parts of `@tgwf/co2` (CO2.js, Green Web Foundation, Apache-2.0) that the footprint model
 * uses. The package ships no TypeScript types (0.19.0); `@types/tgwf__co2` lags behind (0.14). Written from
 * the package's own sources: dist/esm/co2.js, dist/esm/sustainable-web-design-v4.js,
 * dist/esm/data/average-intensities.min.js.
 */
declare module '@tgwf/co2' {
  /** Per-segment results of the Sustainable Web Design model (grams CO2e). */
  export interface Co2SegmentResult {
    dataCenterOperationalCO2e: number;
    networkOperationalCO2e: number;
    consumerDeviceOperationalCO2e: number;
    dataCenterEmbodiedCO2e: number;
    networkEmbodiedCO2e: number;
    consumerDeviceEmbodiedCO2e: number;
    totalEmbodiedCO2e: number;
    totalOperationalCO2e: number;
    dataCenterCO2e: number;
    networkCO2e: number;
    consumerDeviceCO2e: number;
    total: number;
  }

  /** Grid intensity of one segment: a number (g CO2e/kWh) or `{ country: 'FRA' }` (alpha-3 code). */
  export type Co2SegmentIntensity = number | { country: string };

  export interface Co2TraceOptions {
    gridIntensity?: { device?: Co2SegmentIntensity; dataCenter?: Co2SegmentIntensity; network?: Co2SegmentIntensity };
    greenHostingFactor?: number;
  }

  export interface Co2TraceResult<T> {
    co2: T;
    green: boolean;
    variables: Record<string, unknown>;
  }

  /** Energy per segment, kWh. */
  export interface Co2SegmentEnergy {
    dataCenter: number;
    network: number;
    device: number;
  }

  /** The Sustainable Web Design model v4 (kWh per GB and emissions per segment). */
  export class SustainableWebDesignV4 {
    readonly version: 4;
    operationalEnergyPerSegment(bytes: number): Co2SegmentEnergy;
    embodiedEnergyPerSegment(bytes: number): Co2SegmentEnergy;
  }

  export class co2 {
    constructor(options?: { model?: 'swd' | '1byte'; version?: 3 | 4; results?: 'segment'; rating?: boolean });
    /** With `results: 'segment'`: the per-segment object; else the total (g CO2e). 0 when bytes < 1. */
    perByte(bytes: number, green?: boolean): number | Co2SegmentResult;
    perByteTrace(bytes: number, green?: boolean, options?: Co2TraceOptions): Co2TraceResult<number | Co2SegmentResult>;
    SustainableWebDesignV4(): SustainableWebDesignV4;
  }

  /** Yearly average grid intensities (g CO2e/kWh) by alpha-3 country code and region (`WORLD`, `EU`, ...), from Ember. */
  export const averageIntensity: { readonly data: Readonly<Record<string, number>>; readonly type: 'average' };
}
