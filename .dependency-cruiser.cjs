/**
 * Layer boundaries of DESIGN.md, enforced by `npm run lint` (part of `npm test`).
 * Type-only imports (`import type`) carry no code and are allowed where noted.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'methodology-is-pure',
      comment: 'methodology/ imports only its own modules, profiles/ data and @tgwf/co2 (types of journey/ and result/ are allowed).',
      severity: 'error',
      from: { path: '^src/methodology/' },
      to: {
        pathNot: ['^src/methodology/', '^src/profiles/', '@tgwf/co2'],
        dependencyTypesNot: ['type-only'],
      },
    },
    {
      name: 'methodology-no-io',
      comment: 'methodology/ does no I/O and drives no browser, not even through a type.',
      severity: 'error',
      from: { path: '^src/methodology/' },
      to: { path: ['^(node:)?(fs|fs/promises|child_process|net|http|https|os)$', 'playwright', 'puppeteer', 'webdriverio', '^src/(drivers|probes|cli|campaign)/'] },
    },
    {
      name: 'report-reads-results-only',
      comment: 'report/ renders a Result; it never imports drivers/, probes/, campaign/ or a browser library.',
      severity: 'error',
      from: { path: '^src/report/' },
      to: { path: ['^src/(drivers|probes|campaign|cli)/', 'playwright', 'puppeteer', 'webdriverio'] },
    },
    {
      name: 'collectors-do-not-score',
      comment: 'drivers/ and probes/ never import report/, methodology/ or cli/.',
      severity: 'error',
      from: { path: '^src/(drivers|probes)/' },
      to: { path: '^src/(report|methodology|cli|campaign)/' },
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
