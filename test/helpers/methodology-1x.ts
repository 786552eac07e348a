/**
 * SYNTHETIC: a methodology 1.x reading of a recorded methodology 2.0 result, for tests of how outputs and gates
 * treat older results now that every recorded fixture is 2.0. It only removes what 1.x did not write (the
 * methodology version, the thresholds, response times, added charges, the other-thread CPU times, per-step grades
 * and energy bases, `summary.status`; the score spreads stay, as the last 1.x results had them) and sets the
 * component versions to 1.0.0; every remaining figure is the 2.0 recording's, so nothing here is a 1.x
 * measurement.
 */
import type { Result } from '../../src/model/result.js';

/** Step metrics that methodology 1.x did not measure. */
const METRICS_2_0 = ['responseMs', 'rendererOtherCpuMs', 'gpuCpuMs', 'utilityCpuMs', 'documentElements', 'excessEnergyMah'] as const;
/** Per-sample fields that methodology 1.x did not write. */
const SAMPLE_FIELDS_2_0 = [...METRICS_2_0, 'lastResponseEndMs', 'energyBasis'] as const;

/**
 * SYNTHETIC: `source` as a methodology 1.x result (no `environment.methodology.version`, which readers take as
 * 1.0.0), built by deleting the 2.0-only fields of a deep copy; `source` is not changed. Pass
 * `referenceScores` to give the reference step the scores 1.x gave it (data 100, ecoscore 100).
 */
export function asMethodology1x(source: Result, options: { referenceScores?: boolean } = {}): Result {
  const result = structuredClone(source);
  const methodology = result.environment.methodology as Record<string, unknown> | undefined;
  if (methodology) {
    delete methodology.version;
    delete methodology.thresholds;
    methodology.energyModel = '1.0.0';
    const scoring = methodology.scoring as Record<string, unknown> | undefined;
    if (scoring) {
      delete scoring.energyMetric;
      delete scoring.aggregation;
      scoring.version = '1.0.0';
    }
    const footprint = methodology.footprint as Record<string, unknown> | undefined;
    if (footprint) {
      footprint.version = '1.0.0';
      const factors = footprint.factors as Record<string, unknown> | undefined;
      if (factors) factors.version = '1.0.0';
    }
  }
  delete (result.summary as unknown as Record<string, unknown>).status;
  for (const step of result.steps) {
    const record = step as unknown as Record<string, unknown>;
    for (const key of ['grade', 'energySource']) delete record[key];
    const metrics = step.metrics as Record<string, unknown>;
    const stepSpread = step.spread as Record<string, unknown> | null | undefined;
    for (const key of METRICS_2_0) {
      delete metrics[key];
      if (stepSpread) delete stepSpread[key];
    }
    if (options.referenceScores && step.type === 'reference') step.scores = { energy: null, performance: null, data: 100, ecoscore: 100 };
  }
  for (const run of result.runs) {
    for (const sample of run.samples as unknown as Record<string, unknown>[]) for (const key of SAMPLE_FIELDS_2_0) delete sample[key];
  }
  return result;
}
