/**
 * One step lifecycle (issue 12): the same journey measured by `ecoscore run` (run/journey.ts) and by the
 * Playwright Test fixture (playwright-test/recorder.ts) gives steps with the same statuses and samples and
 * metrics with the same fields, because both go through measure/step-lifecycle.ts. The figures themselves differ
 * from run to run and are not compared.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runJourney } from '../../src/run/journey.js';
import { DEMO_PASSWORD, startDemoServer, type DemoServer } from '../../src/demo/server.js';
import { loadJourney } from '../../src/journey/load.js';
import { ResultSchema, type Result } from '../../src/model/result.js';
import { expect, test } from '../../src/playwright-test/index.js';
import { measureDemoJourney } from './demo-journey.js';

let demo: DemoServer;
let recorderOutput: string | null = null;

test.beforeAll(async () => {
  demo = await startDemoServer();
});

const keys = (value: object) => Object.keys(value).filter((key) => key !== 'unavailable').sort();

test.afterAll(async () => {
  await demo?.close();
  expect(recorderOutput).not.toBeNull();
  // The fixture has ended the journey (trace read, result written): compare it with `ecoscore run`'s.
  const viaRecorder = ResultSchema.parse(JSON.parse(await readFile(join(recorderOutput!, 'result.json'), 'utf8')));
  const dir = await mkdtemp(join(tmpdir(), 'ecoscore-lifecycle-'));
  let viaRunner: Result;
  try {
    const loaded = await loadJourney('test/fixtures/journeys/valid/lifecycle.yaml', { env: { ECOSCORE_TEST_PASSWORD: DEMO_PASSWORD } });
    viaRunner = (await runJourney(loaded, { outDir: dir })).result;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  expect(viaRunner.steps.map((step) => [step.name, step.type, step.status])).toEqual(viaRecorder.steps.map((step) => [step.name, step.type, step.status]));
  viaRunner.steps.forEach((step, i) => {
    const other = viaRecorder.steps[i]!;
    expect(keys(step.metrics), step.name).toEqual(keys(other.metrics));
    expect(keys(viaRunner.runs[0]!.samples[i]!), step.name).toEqual(keys(viaRecorder.runs[0]!.samples[i]!));
    // Whatever was measured by one is measured by the other: the same fields are null in both.
    const nulls = (metrics: Record<string, unknown>) => Object.keys(metrics).filter((key) => metrics[key] === null).sort();
    expect(nulls(step.metrics as Record<string, unknown>), step.name).toEqual(nulls(other.metrics as Record<string, unknown>));
    expect(step.screenshot === null, step.name).toBe(other.screenshot === null);
  });
  for (const result of [viaRunner, viaRecorder]) expect(JSON.stringify(result)).not.toContain(DEMO_PASSWORD);
});

test.use({ ecoscoreOptions: { device: 'mid-range-phone', network: 'wifi', secrets: [DEMO_PASSWORD] } });

test('the lifecycle journey, through the fixture', async ({ page, ecoscore }) => {
  test.setTimeout(120_000);
  await measureDemoJourney(page, ecoscore, demo.url);
  recorderOutput = ecoscore.outputDir;
});
