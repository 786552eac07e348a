/**
 * The chart.js UMD build (npm `chart.js` v4, MIT), read once and cached, for inlining into the HTML report
 * so that it works offline and requests nothing from another host.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

let cached: string | null = null;

/**
 * Source of `chart.js/dist/chart.umd.js`, without its source-map comment (the map is not shipped with
 * the report). The package's `exports` hide `dist/`, so the file is found next to its main entry.
 *
 * @throws Error when chart.js is not installed
 */
export function loadChartJsSource(): string {
  if (cached !== null) return cached;
  const require = createRequire(import.meta.url);
  let main: string;
  try {
    main = require.resolve('chart.js');
  } catch (error) {
    throw new Error(`the HTML report needs the chart.js package (npm install chart.js): ${(error as Error).message}`);
  }
  const source = readFileSync(join(dirname(main), 'chart.umd.js'), 'utf8');
  cached = source.replace(/\n?\/\/# sourceMappingURL=\S*\s*$/, '\n');
  return cached;
}
