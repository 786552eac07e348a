/**
 * SYNTHETIC history lines for the dashboard's tests: made up by this generator (deterministic), not
 * measured. Journeys of 9 steps, a methodology change from 1.x (no version) to 2.0.0 half-way, and some
 * incomplete runs without a score (methodology 2.0 gives none), as `ecoscore run` would append them.
 */
import type { HistoryEntry } from '../../src/result/history.js';

const STEPS = ['reference', 'login page', 'sign in', 'read dashboard', 'open measures', 'scroll measures', 'add a measure', 'appointments', 'health resources (heavy page)'];

/** A deterministic pseudo-random number in [0, 1) for run `i` and salt `k`. */
const noise = (i: number, k: number): number => {
  const x = Math.sin(i * 12.9898 + k * 78.233) * 43758.5453;
  return x - Math.floor(x);
};

/** `runs` synthetic history entries spread over `journeys` journeys, one day apart, oldest first. */
export function syntheticHistory(runs: number, journeys = 2, resultFile = (i: number) => `reports/synthetic/run-${i}/result.json`): HistoryEntry[] {
  return Array.from({ length: runs }, (_, i): HistoryEntry => {
    const journey = i % journeys;
    const newMethodology = i >= runs / 2;
    const incomplete = newMethodology && i % 37 === 0;
    const ecoscore = incomplete ? null : Number((70 + 10 * noise(i, 1)).toFixed(2));
    return {
      date: new Date(Date.UTC(2026, 0, 1) + i * 86_400_000).toISOString(),
      journey: { name: `Synthetic journey ${journey + 1}`, sha256: 'synthetic' },
      target: 'demo',
      device: 'mid-range-phone',
      network: 'wifi',
      git: { commit: (0x1000000 + i * 7919).toString(16).padEnd(40, '0'), branch: 'main', dirty: false },
      status: incomplete ? 'failed' : 'passed',
      iterations: 3,
      ecoscore,
      grade: ecoscore === null ? null : ecoscore > 75 ? 'A' : 'B',
      scores: ecoscore === null ? null : { energy: ecoscore - 5, performance: ecoscore + 3, data: ecoscore + 1 },
      ecoscoreCv: ecoscore === null ? null : 0.02,
      totals: { durationMs: 30_000, bytes: 3_000_000, energyMah: 2.5 },
      ghgGrams: 1.2,
      resultFile: resultFile(i),
      ...(newMethodology ? { methodologyVersion: '2.0.0' } : {}),
      ecoscoreRange: ecoscore === null ? null : { min: ecoscore - 1.5, max: ecoscore + 1.2 },
      steps: STEPS.map((name, s) => ({
        name,
        type: s === 0 ? 'reference' : 'load',
        status: 'passed',
        bytes: Math.round(20_000 * (s + 1) * (1 + noise(i, s + 2) / 10)),
        requests: s + 3,
        energyMah: Number((0.05 * (s + 1) * (1 + noise(i, s + 20) / 5)).toFixed(5)),
        durationMs: Math.round(800 + 300 * s * noise(i, s + 40)),
      })),
    };
  });
}
