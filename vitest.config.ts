import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Browser-driven tests share 2 cores: keep files sequential so energy/CPU probes are not perturbed.
    fileParallelism: false,
    // Installs Appium's drivers (from npm, into .appium/) once before the mobile tests.
    globalSetup: ['test/setup/appium.ts'],
  },
});
