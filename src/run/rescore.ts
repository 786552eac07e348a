/**
 * Re-scores a recorded result with this version of the code: the journey is parsed back from the result's own
 * source, the profiles, calibration, scoring options and every raw sample come from the result, and
 * {@link buildResult} derives the rest again. What a run measured is enough to score it again: nothing is measured.
 * Used to check that a refactor keeps every figure (test/run/rescore.test.ts) and that older results can be
 * read with a newer methodology.
 */
import { parseJourney } from '../journey/load.js';
import { defaultScoringProfile } from '../methodology/ecoscore.js';
import type { HostCalibration } from '../methodology/energy.js';
import type { GridRegion } from '../methodology/footprint.js';
import { parseDeviceProfile, parseNetworkProfile } from '../profiles/index.js';
import type { Result } from '../model/result.js';
import { buildResult, type ResultContext } from './build-result.js';

/** The recorded result's scoring options, as build-result.ts wrote them. */
interface RecordedMethodology {
  scoring?: { id?: string };
  footprint?: { grid?: string };
}

/**
 * The result `buildResult` gives today for the recorded runs of `result`. Throws when the result has no journey
 * source (written by the Playwright Test fixture or another tool), or was scored with a custom scoring profile
 * (only its id is recorded). `options.cvThreshold` is the run's `--cv-threshold` (not recorded: default 5 %).
 */
export function rescore(result: Result, options: Pick<ResultContext, 'cvThreshold'> = {}): Result {
  const source = result.journey.source;
  if (source === undefined) throw new Error('the result holds no journey source to score it again');
  const methodology = (result.environment.methodology ?? {}) as RecordedMethodology;
  const scoringId = methodology.scoring?.id ?? defaultScoringProfile.id;
  if (scoringId !== defaultScoringProfile.id) throw new Error(`the result was scored with the custom profile "${scoringId}", which it does not hold`);
  // Secrets were redacted and placeholders kept by name: any value will do, fills do not enter the scores.
  const env = Object.fromEntries([...source.matchAll(/\$\{env:([A-Za-z_][A-Za-z0-9_]*)/g)].map((match) => [match[1], 'redacted']));
  const loaded = parseJourney(source, result.journey.file, { env });
  const projection = result.summary.projection;
  const context: ResultContext = {
    loaded,
    device: parseDeviceProfile(result.environment.device),
    network: parseNetworkProfile(result.environment.network),
    iterations: result.iterations,
    startedAt: result.environment.startedAt,
    finishedAt: result.environment.finishedAt,
    browser: result.environment.browser,
    targetUrl: String((result.target as { measuredUrl?: unknown }).measuredUrl ?? ''),
    runs: structuredClone(result.runs),
    interrupted: result.status === 'interrupted',
    calibration: (result.environment.hostCalibration ?? null) as HostCalibration | null,
    grid: (methodology.footprint?.grid ?? 'FRA') as GridRegion,
    usage: projection?.usage ? { users: projection.usage.users, journeysPerUserPerYear: projection.usage.journeysPerUserPerYear } : undefined,
    git: result.environment.git as ResultContext['git'],
    ...options,
  };
  return buildResult(context);
}
