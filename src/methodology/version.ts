/**
 * Version of the whole methodology (energy model, scoring rules, aggregation, footprint), recorded as
 * `environment.methodology.version`. A major change moves figures in ways `ecoscore compare` must not gate
 * across (it refuses unless `--allow-methodology-change`). 2.0.0: excess-energy scoring with thresholds from
 * public distributions, the deficit-sum journey score, no grade without the data, one estimator.
 */
export const METHODOLOGY_VERSION = '2.0.0';
