/**
 * The per-folder import allowlist of src/ (the idea of Playwright's DEPS.list), read by .dependency-cruiser.cjs and
 * by test/lint/layers.test.ts (which checks that it has no folder cycle). `run`: any import; `types`: `import type`
 * only. A new edge between folders is a design decision: add it here, and to docs/architecture.md, in one change.
 */
const ALLOWED = {
  // The contracts (result, environment, step types, metric names, score-status codes): zod schemas and types.
  model: { run: [], types: [] },
  shared: { run: [], types: [] },
  demo: { run: ['shared'], types: [] },
  profiles: { run: ['model', 'shared'], types: [] },
  journey: { run: ['model', 'profiles', 'shared'], types: [] },
  result: { run: ['journey', 'model', 'shared'], types: [] },
  // methodology/ may import from shared/ only the pure shared/stats.ts (rule methodology-shared-stats-only).
  methodology: { run: ['model', 'profiles', 'shared'], types: ['journey'] },
  // The toolkit's own use of a browser outside a measurement: find one, render a PNG, connect Lighthouse.
  browser: { run: ['shared'], types: [] },
  probes: { run: ['shared'], types: ['model'] },
  drivers: { run: ['browser', 'journey', 'probes', 'profiles', 'shared'], types: ['model'] },
  measure: { run: ['journey', 'model', 'probes', 'shared'], types: ['drivers'] },
  report: { run: ['journey', 'methodology', 'model', 'result', 'shared'], types: [] },
  // Files out: result.json, the reports and the evidence bundle of a run, the history file.
  output: { run: ['journey', 'model', 'report', 'result', 'shared'], types: [] },
  run: { run: ['browser', 'demo', 'drivers', 'journey', 'measure', 'methodology', 'model', 'output', 'probes', 'profiles', 'result', 'shared'], types: ['report'] },
  'playwright-test': { run: ['browser', 'drivers', 'journey', 'measure', 'model', 'output', 'probes', 'profiles', 'report', 'result', 'run', 'shared'], types: [] },
  cli: { run: ['browser', 'demo', 'journey', 'methodology', 'model', 'output', 'profiles', 'report', 'result', 'run', 'shared'], types: [] },
};

module.exports = ALLOWED;
