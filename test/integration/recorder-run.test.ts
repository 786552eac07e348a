/**
 * Done-when of the Recorder import: the Chrome DevTools Recorder export of the demo journey
 * (journeys/recordings/demo-health.recording.json) imports, runs in real Chromium with every step
 * passing, and measures, step by step, the bytes and requests of the hand-written demo journey
 * (journeys/demo-health.yaml) within that journey's run-to-run spread.
 *
 * Idle durations (reference, pauses) are shortened in both journeys to keep the test short: they do not
 * change what is transferred.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runJourney } from '../../src/run/journey.js';
import { DEMO_PASSWORD } from '../../src/demo/server.js';
import { loadJourney, type LoadedJourney } from '../../src/journey/load.js';
import { importRecordingToYaml } from '../../src/journey/recorder.js';
import type { Result } from '../../src/model/result.js';

const RECORDING = 'journeys/recordings/demo-health.recording.json';
const ITERATIONS = 3;
let dir: string;
let recorded: Result;
let handWritten: Result;
let yaml: string;

function shortenIdle(loaded: LoadedJourney): LoadedJourney {
  for (const step of loaded.journey.steps) {
    if ((step.type === 'reference' || step.type === 'pause') && step.duration !== undefined) step.duration = 1000;
  }
  return loaded;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ecoscore-recorder-'));
  yaml = importRecordingToYaml(await readFile(RECORDING, 'utf8'), RECORDING, { target: 'demo', referenceDuration: '1s' });
  const file = join(dir, 'recorded.yaml');
  await writeFile(file, yaml);
  const imported = shortenIdle(await loadJourney(file, { env: { RECORDING_SECRET_1: DEMO_PASSWORD } }));
  ({ result: recorded } = await runJourney(imported, { outDir: join(dir, 'recorded'), iterations: ITERATIONS }));
  const demo = shortenIdle(await loadJourney('journeys/demo-health.yaml', { env: {} }));
  ({ result: handWritten } = await runJourney(demo, { outDir: join(dir, 'hand-written'), iterations: ITERATIONS }));
}, 600_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('a Chrome DevTools Recorder export of the demo journey', () => {
  it('never writes the recorded password into the imported journey', () => {
    expect(yaml).not.toContain(DEMO_PASSWORD);
    expect(yaml).toContain('${env:RECORDING_SECRET_1}');
  });

  it('imports and runs with every step passing', () => {
    expect(recorded.status).toBe('passed');
    expect(recorded.steps.map((step) => step.status)).toEqual(Array(recorded.steps.length).fill('passed'));
    expect(recorded.steps.map((step) => step.type)).toEqual(handWritten.steps.map((step) => step.type === 'action' ? 'load' : step.type));
  });

  // Run-to-run spread: the two runs' [min, max] ranges overlap, give or take a few header bytes (a session cookie or a
  // date header may differ by a byte between two runs: 16 bytes or 0.1 %).
  it('transfers, step by step, the bytes and requests of the hand-written journey within its run-to-run spread', () => {
    expect(recorded.steps).toHaveLength(handWritten.steps.length);
    const rows = handWritten.steps.map((reference, i) => {
      const step = recorded.steps[i];
      return {
        step: `${reference.name} ↔ ${step.name}`,
        bytes: step.metrics.bytes,
        recordedBytesRange: [step.spread.bytes?.min, step.spread.bytes?.max],
        bytesRange: [reference.spread.bytes?.min, reference.spread.bytes?.max],
        requests: step.metrics.requests,
        requestsRange: [reference.spread.requests?.min, reference.spread.requests?.max],
      };
    });
    console.log(JSON.stringify(rows, null, 1)); // the figures of the comparison, for the record
    for (const row of rows) {
      const [bytesMin, bytesMax] = row.bytesRange as [number, number];
      const [recordedMin, recordedMax] = row.recordedBytesRange as [number, number];
      const [requestsMin, requestsMax] = row.requestsRange as [number, number];
      const slack = Math.max(16, bytesMax * 0.001);
      expect(recordedMax, row.step).toBeGreaterThanOrEqual(bytesMin - slack);
      expect(recordedMin, row.step).toBeLessThanOrEqual(bytesMax + slack);
      expect(row.requests, row.step).toBeGreaterThanOrEqual(requestsMin);
      expect(row.requests, row.step).toBeLessThanOrEqual(requestsMax);
    }
  });
});
