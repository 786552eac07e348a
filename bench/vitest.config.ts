import { defineConfig } from 'vitest/config';

// Benchmarks written as vitest files (`npm run bench:calibration`): real-browser measurements whose figures
// vary too much on a shared machine to gate `npm test`.
export default defineConfig({
  test: { include: ['bench/**/*.test.ts'], testTimeout: 300_000, fileParallelism: false },
});
