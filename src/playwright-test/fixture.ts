/**
 * The Playwright Test fixture: `ecoscore.step(name, options, callback)` measures part of an existing test
 * as a journey step, with the toolkit's probes on the test's own page. The device's CPU throttling and the
 * network profile are applied through CDP to that page; the device's viewport, pixel ratio, user agent and
 * touch are given to Playwright's context (they are context options) unless `emulateDevice: false`.
 *
 * At the end of the test the journey of the declared steps is built into a Result (one iteration), written
 * to the test's output folder and attached to the test for the ecoscore reporter.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { dirname, relative, resolve } from 'node:path';
import { test as base, type TestInfo } from '@playwright/test';
import type { Browser } from 'playwright-core';
import { gitFacts } from '../run/host.js';
import type { DriverInfo } from '../drivers/driver.js';
import { attachToPage } from '../drivers/playwright.js';
import type { Journey } from '../journey/schema.js';
import { resolveProfiles } from '../journey/profiles.js';
import { measureHostCalibration, type CalibrationMeasure } from '../probes/calibration.js';
import { DEFAULT_DEVICE_ID, DEFAULT_NETWORK_ID } from '../profiles/index.js';
import type { DeviceProfile, NetworkProfile } from '../profiles/schema.js';
import type { Result } from '../model/result.js';
import { errorSummary } from '../shared/text.js';
import { RESULT_ATTACHMENT, screenshotAttachmentName, testSlug } from './attachments.js';
import { findBrowserProcess } from './browser-process.js';
import { conditionWarnings, type RecordingOption } from './conditions.js';
import { JourneyRecorder, type EcoscoreStepCallback, type EcoscoreStepOptions } from './recorder.js';

/** Options of the fixture: `test.use({ ecoscoreOptions: { … } })` or the config's `use`. */
export interface EcoscoreOptions {
  /** Device profile id (`mid-range-phone`, …) or a profile JSON file relative to the spec file. Default `mid-range-phone`. */
  device?: string;
  /** Network profile id (`wifi`, `4g`, …) or a profile JSON file relative to the spec file. Default `wifi`. */
  network?: string;
  /** Journey name in the result (default: the test's title). */
  journeyName?: string;
  /**
   * Folder (relative to the config file's folder) where the fixture writes `<test-slug>/result.json` and
   * its screenshots; default: the test's own output folder (`test-results/…/ecoscore`).
   */
  outputDir?: string;
  /**
   * Give the device profile's viewport, pixel ratio, user agent, mobile flag and touch to the test's
   * browser context (default true). They then win over the config's `use`; a `test.use({ viewport })` in
   * the spec file still wins over them. False keeps Playwright's own context options (a warning in the
   * result says when the viewport differs from the profile's).
   */
  emulateDevice?: boolean;
  /** Values the test types that must never be written (results, errors, URLs): passwords, tokens. */
  secrets?: string[];
}

/** The `ecoscore` fixture. */
export interface Ecoscore {
  /**
   * Measures one step. With a callback (required for first-load, load, action, scroll): probes start, the
   * callback runs, the page is left to settle (load event, then 500 ms without a request, at most 5 s),
   * idle time is added for a pause, probes stop, a screenshot is taken. Without one: a `reference` step
   * (the tab shows about:blank, left idle for `duration`) or a `pause` (the page left idle for `duration`).
   * A failing callback marks the step failed, keeps what was measured and rethrows.
   */
  step(name: string, options: EcoscoreStepOptions, callback?: EcoscoreStepCallback): Promise<void>;
  /** The result of the steps measured so far (status `running`); null before the first step. */
  result(): Result | null;
  /** Folder where result.json and screenshots/ are written (rewritten after every step). */
  readonly outputDir: string;
  readonly device: DeviceProfile;
  readonly network: NetworkProfile;
}

/** The option to type a config's `use`: `defineConfig<EcoscoreTestOptions>({ use: { ecoscoreOptions: { … } } })`. */
export interface EcoscoreTestOptions {
  ecoscoreOptions: EcoscoreOptions;
}

/** Test-scoped fixtures the extended `test` adds. */
export interface EcoscoreTestFixtures {
  ecoscoreOptions: EcoscoreOptions;
  ecoscore: Ecoscore;
  _ecoscoreProfiles: { device: DeviceProfile; network: NetworkProfile; deviceRef: string; networkRef: string };
}

/** Worker-scoped state: the browser's identity and process, and the host calibration (once per worker and CPU rate). */
export interface EcoscoreWorkerFixtures {
  _ecoscoreWorker: EcoscoreWorker;
}

interface EcoscoreWorker {
  info: DriverInfo;
  rootPid: number | null;
  git: ReturnType<typeof gitFacts>;
  calibrationFor(cpuSlowdownFactor: number): Promise<{ calibration: CalibrationMeasure | null; error?: string }>;
}

function emulatesDevice(options: EcoscoreOptions, browserName: string): boolean {
  return options.emulateDevice !== false && browserName === 'chromium';
}

function calibrator(browser: Browser): EcoscoreWorker['calibrationFor'] {
  const cache = new Map<number, Promise<{ calibration: CalibrationMeasure | null; error?: string }>>();
  return (rate) => {
    let measured = cache.get(rate);
    if (!measured) {
      measured = (async () => {
        const context = await browser.newContext();
        try {
          const page = await context.newPage();
          const cdp = await context.newCDPSession(page);
          await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
          return { calibration: await measureHostCalibration(page, cdp, rate) };
        } finally {
          await context.close().catch(() => undefined);
        }
      })().catch((error: unknown) => ({ calibration: null, error: errorSummary(error) }));
      cache.set(rate, measured);
    }
    return measured;
  };
}

function configDir(testInfo: TestInfo): string {
  return testInfo.config.configFile ? dirname(testInfo.config.configFile) : testInfo.config.rootDir;
}

/** `test` of `@playwright/test` with the `ecoscore` fixture and its `ecoscoreOptions`. */
export const test = base.extend<EcoscoreTestFixtures, EcoscoreWorkerFixtures>({
  ecoscoreOptions: [{}, { option: true }],

  _ecoscoreProfiles: [
    async ({ ecoscoreOptions }, use, testInfo) => {
      const deviceRef = ecoscoreOptions.device ?? DEFAULT_DEVICE_ID;
      const networkRef = ecoscoreOptions.network ?? DEFAULT_NETWORK_ID;
      const journey = { device: deviceRef, network: networkRef } as Journey;
      const { device, network } = await resolveProfiles({ journey, file: testInfo.file });
      await use({ device, network, deviceRef, networkRef });
    },
    { box: true },
  ],

  // Context options from the device profile (the CPU and network emulation go through CDP in `ecoscore`).
  viewport: async ({ viewport, ecoscoreOptions, browserName, _ecoscoreProfiles }, use) => {
    await use(emulatesDevice(ecoscoreOptions, browserName) ? _ecoscoreProfiles.device.viewport : viewport);
  },
  deviceScaleFactor: async ({ deviceScaleFactor, ecoscoreOptions, browserName, _ecoscoreProfiles }, use) => {
    await use(emulatesDevice(ecoscoreOptions, browserName) ? _ecoscoreProfiles.device.deviceScaleFactor : deviceScaleFactor);
  },
  userAgent: async ({ userAgent, ecoscoreOptions, browserName, _ecoscoreProfiles }, use) => {
    await use(emulatesDevice(ecoscoreOptions, browserName) ? _ecoscoreProfiles.device.userAgent : userAgent);
  },
  isMobile: async ({ isMobile, ecoscoreOptions, browserName, _ecoscoreProfiles }, use) => {
    await use(emulatesDevice(ecoscoreOptions, browserName) ? _ecoscoreProfiles.device.isMobile : isMobile);
  },
  hasTouch: async ({ hasTouch, ecoscoreOptions, browserName, _ecoscoreProfiles }, use) => {
    await use(emulatesDevice(ecoscoreOptions, browserName) ? _ecoscoreProfiles.device.hasTouch : hasTouch);
  },

  _ecoscoreWorker: [
    async ({ browser, launchOptions }, use) => {
      const executablePath = launchOptions.executablePath;
      const info: DriverInfo = { name: browser.browserType().name(), version: browser.version(), ...(executablePath ? { executablePath } : {}) };
      const rootPid = browser.browserType().name() === 'chromium' ? (await findBrowserProcess(browser)).pid : null;
      await use({ info, rootPid, git: gitFacts(), calibrationFor: calibrator(browser) });
    },
    { scope: 'worker', box: true },
  ],

  ecoscore: async ({ page, baseURL, ecoscoreOptions, browserName, viewport, trace, video, _ecoscoreProfiles, _ecoscoreWorker }, use, testInfo) => {
    if (browserName !== 'chromium') {
      throw new Error(`ecoscore measures need Chromium (they read the Chrome DevTools Protocol); project "${testInfo.project.name}" uses ${browserName}`);
    }
    const { device, network, deviceRef, networkRef } = _ecoscoreProfiles;
    const { calibration, error: calibrationError } = await _ecoscoreWorker.calibrationFor(device.cpuSlowdownFactor);
    const session = await attachToPage(page, { device, network, baseUrl: baseURL, rootPid: _ecoscoreWorker.rootPid });

    const warnings = conditionWarnings({ device, viewport: viewport ?? page.viewportSize(), trace: trace as RecordingOption, video: video as RecordingOption, retry: testInfo.retry });

    const specText = await readFile(testInfo.file);
    const root = configDir(testInfo);
    const titles = testInfo.titlePath.slice(1);
    const outputDir = ecoscoreOptions.outputDir
      ? resolve(root, ecoscoreOptions.outputDir, testSlug(titles, { project: testInfo.project.name, repeatEachIndex: testInfo.repeatEachIndex, retry: testInfo.retry }))
      : testInfo.outputPath('ecoscore');
    const recorder = new JourneyRecorder({
      page,
      session,
      device,
      network,
      deviceRef,
      networkRef,
      journeyName: ecoscoreOptions.journeyName ?? testInfo.title,
      specFile: relative(root, testInfo.file).split('\\').join('/'),
      specSha256: createHash('sha256').update(specText).digest('hex'),
      baseUrl: baseURL ?? null,
      outDir: outputDir,
      browser: _ecoscoreWorker.info,
      calibration,
      calibrationError,
      secrets: ecoscoreOptions.secrets,
      git: _ecoscoreWorker.git,
      warnings,
    });

    const ecoscore: Ecoscore = {
      step: (name, options, callback) => base.step(`ecoscore ${options?.type ?? 'step'} "${name}"`, () => recorder.step(name, options, callback), { box: true }),
      result: () => recorder.result(),
      outputDir,
      device,
      network,
    };
    try {
      await use(ecoscore);
    } finally {
      try {
        const result = await recorder.finalize({ status: testInfo.status ?? 'passed', error: testInfo.error?.message });
        if (result) {
          await testInfo.attach(RESULT_ATTACHMENT, { body: JSON.stringify(result, null, 2), contentType: 'application/json' });
          for (const screenshot of recorder.screenshots()) {
            await testInfo.attach(screenshotAttachmentName(screenshot), { path: resolve(outputDir, screenshot), contentType: 'image/png' });
          }
        }
      } finally {
        await session.close();
      }
    }
  },
});

export { expect } from '@playwright/test';
