/**
 * `ecoscore run --constrained` (DEV.1.4 "Faible débit et équipements anciens"): after the measured run, the same
 * journey replayed once on the entry-level phone profile over 3G, in `<out>/constrained/`, and the step-by-step
 * comparison (methodology/constrained.ts) recorded in the measured run's result.json (`constrained`). The replay
 * is emulated (CPU throttling and DevTools network conditions), not a real old phone; its figures are not scored.
 */
import { CONSTRAINED_DIR } from '../model/constrained.js';
import { join } from 'node:path';
import type { LoadedJourney } from '../journey/load.js';
import { compareConstrained, type ConditionStep } from '../methodology/constrained.js';
import { writeResult } from '../output/result-file.js';
import { getDeviceProfile, getNetworkProfile } from '../profiles/index.js';
import type { Constrained, Result } from '../model/result.js';
import { errorSummary } from '../shared/text.js';
import { runJourney, type RunOptions } from './journey.js';

/** The constrained profile: the toolkit's entry-level phone and its 3G network profile. */
export const CONSTRAINED_DEVICE = 'entry-level-phone';
export const CONSTRAINED_NETWORK = '3g';
export { CONSTRAINED_DIR } from '../model/constrained.js';

function conditionSteps(result: Result): ConditionStep[] {
  return result.steps.map((step) => ({ name: step.name, type: step.type, status: step.status, durationMs: step.metrics.durationMs ?? null, bytes: step.metrics.bytes ?? null }));
}

/** The `constrained` section of a result from the measured run and its replay (pure). */
export function constrainedSection(usual: Result, replay: Result, resultFile: string): Constrained {
  const device = replay.environment.device as { id: string; name: string };
  const network = replay.environment.network as { id: string; name: string };
  const emulation = replay.environment.emulation;
  const head = {
    device: { id: device.id, name: device.name, cpuSlowdownFactor: emulation.cpuSlowdownFactor },
    network: { id: network.id, name: network.name, downloadKbps: emulation.downloadKbps, uploadKbps: emulation.uploadKbps, latencyMs: emulation.latencyMs },
    resultFile,
    status: replay.status,
    iterations: replay.completedIterations,
  };
  try {
    return { ...head, ...compareConstrained(conditionSteps(usual), conditionSteps(replay)) };
  } catch (error) {
    return { ...head, error: errorSummary(error), steps: [], completedSteps: 0, totalSteps: usual.steps.length, slowest: [], notCompleted: [] };
  }
}

/**
 * Replays `loaded` on the constrained profile into `<outDir>/constrained/` and rewrites the measured result
 * (`resultFile`) with its `constrained` section. Returns the updated result. A replay that cannot start is
 * recorded as an error in the section; the measured result is never lost.
 */
export async function runConstrainedReplay(
  loaded: LoadedJourney,
  usual: Result,
  resultFile: string,
  options: Omit<RunOptions, 'device' | 'network' | 'iterations' | 'untilStable' | 'lighthouse'> & { outDir: string },
): Promise<Result> {
  const outDir = join(options.outDir, CONSTRAINED_DIR);
  let section: Constrained;
  try {
    const { result: replay } = await runJourney(loaded, {
      ...options,
      outDir,
      device: CONSTRAINED_DEVICE,
      network: CONSTRAINED_NETWORK,
      iterations: 1,
      untilStable: undefined,
      lighthouse: false,
    });
    section = constrainedSection(usual, replay, `${CONSTRAINED_DIR}/result.json`);
  } catch (error) {
    const device = getDeviceProfile(CONSTRAINED_DEVICE);
    const network = getNetworkProfile(CONSTRAINED_NETWORK);
    section = {
      device: { id: device.id, name: device.name, cpuSlowdownFactor: device.cpuSlowdownFactor },
      network: { id: network.id, name: network.name, downloadKbps: network.downloadKbps, uploadKbps: network.uploadKbps, latencyMs: network.latencyMs },
      resultFile: `${CONSTRAINED_DIR}/result.json`,
      status: 'failed',
      iterations: 0,
      error: loaded.redactor.redact(`the constrained replay could not run: ${errorSummary(error)}`),
      steps: [],
      completedSteps: 0,
      totalSteps: usual.steps.length,
      slowest: [],
      notCompleted: usual.steps.map((step) => step.name),
    };
  }
  const updated = loaded.redactor.redactValue<Result>({ ...usual, constrained: section });
  await writeResult(resultFile, updated);
  return updated;
}
