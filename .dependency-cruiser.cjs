/**
 * Layer boundaries, enforced by `npm run lint` (part of `npm test`); docs/architecture.md draws them.
 *
 * 1. A per-folder allowlist (the idea of Playwright's DEPS.list): a folder of src/ imports only the folders
 *    listed for it in ALLOWED (`run`: any import; `types`: `import type` only, no code). A new edge between folders
 *    is a design decision: add it here, and to docs/architecture.md, in the same change.
 * 2. Finer rules inside the allowlist (methodology is pure and does no I/O, report renders results only, …).
 * 3. No module cycle.
 */

/** Folder → the folders it may import (`.dependency-layers.cjs`). */
const ALLOWED = require('./.dependency-layers.cjs');

const escape = (name) => name.replace(/[-/\\^$*+?.()|[\]{}]/g, '\\$&');
const folders = (names) => `^src/(${names.map(escape).join('|')})/`;
const allowlist = Object.entries(ALLOWED).flatMap(([folder, { run, types }]) => [
  {
    name: `allowlist-${folder}`,
    comment: `${folder}/ imports only ${[...run, ...types.map((t) => `${t} (types)`)].join(', ') || 'its own modules'} (ALLOWED in .dependency-cruiser.cjs).`,
    severity: 'error',
    from: { path: `^src/${escape(folder)}/` },
    to: { path: '^src/', pathNot: [folders([folder, ...run, ...types])] },
  },
  ...(types.length > 0
    ? [
        {
          name: `allowlist-${folder}-types-only`,
          comment: `${folder}/ may import only types from ${types.join(', ')}.`,
          severity: 'error',
          from: { path: `^src/${escape(folder)}/` },
          to: { path: folders(types), dependencyTypesNot: ['type-only'] },
        },
      ]
    : []),
]);

const unlisted = {
  name: 'allowlist-every-folder',
  comment: 'Every folder of src/ has an entry in ALLOWED (a new folder declares what it may import).',
  severity: 'error',
  from: { path: '^src/[^/]+/', pathNot: folders(Object.keys(ALLOWED)) },
  to: { path: '^src/' },
};
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    ...allowlist,
    unlisted,
    {
      name: 'methodology-is-pure',
      comment: 'methodology/ imports only its own modules, model/ contracts, profiles/ data, the one median (shared/stats.ts) and @tgwf/co2 (types of journey/ are allowed).',
      severity: 'error',
      from: { path: '^src/methodology/' },
      to: {
        pathNot: ['^src/methodology/', '^src/model/', '^src/profiles/', '^src/shared/stats\\.ts$', '@tgwf/co2'],
        dependencyTypesNot: ['type-only'],
      },
    },
    {
      name: 'methodology-shared-stats-only',
      comment: 'Of shared/, methodology/ imports only the pure stats.ts (the one median): the other helpers read files or format text.',
      severity: 'error',
      from: { path: '^src/methodology/' },
      to: { path: '^src/shared/', pathNot: '^src/shared/stats\\.ts$' },
    },
    {
      name: 'methodology-no-io',
      comment: 'methodology/ does no I/O and drives no browser, not even through a type.',
      severity: 'error',
      from: { path: '^src/methodology/' },
      to: { path: ['^(node:)?(fs|fs/promises|child_process|net|http|https|os)$', 'playwright', 'puppeteer', 'webdriverio', '^src/(browser|drivers|probes|cli|run)/'] },
    },
    {
      name: 'report-renders-only',
      comment: 'report/ turns a Result into text; writing files (result.json, reports, evidence, history) is output/\'s. Only chart-js.ts reads a file: the chart.js library it inlines.',
      severity: 'error',
      from: { path: '^src/report/', pathNot: '^src/report/chart-js\\.ts$' },
      to: { path: ['^(node:)?(fs|fs/promises|child_process|net|http|https)$', '^fflate$'] },
    },
    {
      name: 'report-reads-results-only',
      comment: 'report/ renders a Result; it never imports browser/, drivers/, probes/, run/ or a browser library.',
      severity: 'error',
      from: { path: '^src/report/' },
      to: { path: ['^src/(browser|drivers|probes|run|cli)/', 'playwright', 'puppeteer', 'webdriverio'] },
    },
    {
      name: 'collectors-do-not-score',
      comment: 'drivers/ and probes/ never import report/, methodology/, run/ or cli/.',
      severity: 'error',
      from: { path: '^src/(drivers|probes)/' },
      to: { path: '^src/(report|methodology|cli|run)/' },
    },
    {
      name: 'library-does-not-import-cli',
      comment: 'Only the CLI imports the CLI.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/cli/' },
      to: { path: '^src/cli/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'], extensions: ['.ts', '.js', '.json'] },
    moduleSystems: ['es6'],
  },
};
