/** Names of the per-step metrics reported as medians in result.json (units in the names). */
export const METRIC_NAMES = [
  'durationMs',
  'readyMs',
  'responseMs',
  'bytes',
  'requests',
  'cachedRequests',
  'cpuMs',
  'scriptMs',
  'layoutMs',
  'processCpuMs',
  'rendererOtherCpuMs',
  'gpuCpuMs',
  'utilityCpuMs',
  'memoryBytes',
  'domElements',
  'documentElements',
  'energyMah',
  'excessEnergyMah',
  'dischargeUahPerS',
] as const;

/** A metric name. */
export type MetricName = (typeof METRIC_NAMES)[number];
