/**
 * The data of the history dashboard: history lines grouped per journey (name, device, network), in
 * columns (one array per figure) so that 1,000 runs stay small, with the methodology breaks and the
 * relative link of each run's report. Pure: entries and links in, plain data out.
 */
import type { HistoryEntry } from '../result/history.js';

/** Methodology version shown for lines written before the version was recorded. */
export const LEGACY_METHODOLOGY = '1.x';

/** One step's figures over the runs of a journey (null where the run lacks the step or the figure). */
export interface HistoryStepSeries {
  name: string;
  bytes: (number | null)[];
  energyMah: (number | null)[];
  durationMs: (number | null)[];
}

/** One journey's runs, oldest first, one array entry per run. */
export interface HistoryJourneySeries {
  /** Journey name. */
  name: string;
  device: string;
  network: string;
  date: string[];
  commit: (string | null)[];
  status: string[];
  methodology: string[];
  ecoscore: (number | null)[];
  grade: (string | null)[];
  /** The ecoscore's range over the run's iterations (its spread band). */
  low: (number | null)[];
  high: (number | null)[];
  energy: (number | null)[];
  performance: (number | null)[];
  data: (number | null)[];
  /** Link to the run's report.html, relative to the dashboard; null when unknown. */
  report: (string | null)[];
  /** Where the methodology version changes: the index of the first run of the new version. */
  breaks: { index: number; from: string; to: string }[];
  steps: HistoryStepSeries[];
}

/** The dashboard's data. */
export interface HistoryDashboardModel {
  source: string;
  generatedAt: string;
  runs: number;
  journeys: HistoryJourneySeries[];
}

const round = (value: number | null | undefined, digits: number): number | null =>
  typeof value === 'number' && Number.isFinite(value) ? Number(value.toFixed(digits)) : null;

function journeyKey(entry: HistoryEntry): string {
  return JSON.stringify([entry.journey.name, entry.device, entry.network]);
}

function stepSeries(runs: HistoryEntry[]): HistoryStepSeries[] {
  const names: string[] = [];
  for (const run of runs) for (const step of run.steps ?? []) if (!names.includes(step.name)) names.push(step.name);
  return names.map((name) => {
    const figures = runs.map((run) => run.steps?.find((step) => step.name === name));
    return {
      name,
      bytes: figures.map((step) => round(step?.bytes, 0)),
      energyMah: figures.map((step) => round(step?.energyMah, 5)),
      durationMs: figures.map((step) => round(step?.durationMs, 0)),
    };
  });
}

function series(runs: HistoryEntry[], reportLink: (entry: HistoryEntry) => string | null): HistoryJourneySeries {
  const methodology = runs.map((run) => run.methodologyVersion ?? LEGACY_METHODOLOGY);
  const breaks = methodology.flatMap((version, index) => (index > 0 && version !== methodology[index - 1] ? [{ index, from: methodology[index - 1], to: version }] : []));
  return {
    name: runs[0].journey.name,
    device: runs[0].device,
    network: runs[0].network,
    date: runs.map((run) => run.date),
    commit: runs.map((run) => run.git?.commit?.slice(0, 12) ?? null),
    status: runs.map((run) => run.status),
    methodology,
    ecoscore: runs.map((run) => round(run.ecoscore, 1)),
    grade: runs.map((run) => run.grade),
    low: runs.map((run) => round(run.ecoscoreRange?.min, 1)),
    high: runs.map((run) => round(run.ecoscoreRange?.max, 1)),
    energy: runs.map((run) => round(run.scores?.energy, 1)),
    performance: runs.map((run) => round(run.scores?.performance, 1)),
    data: runs.map((run) => round(run.scores?.data, 1)),
    report: runs.map(reportLink),
    breaks,
    steps: stepSeries(runs),
  };
}

/**
 * Groups history entries per journey (name, device, network), each oldest first. `reportLink` gives the
 * link of a run's report relative to where the dashboard is written.
 */
export function historyDashboardModel(
  entries: readonly HistoryEntry[],
  options: { source: string; generatedAt: string; reportLink: (entry: HistoryEntry) => string | null },
): HistoryDashboardModel {
  const groups = new Map<string, HistoryEntry[]>();
  for (const entry of entries) {
    const key = journeyKey(entry);
    const list = groups.get(key) ?? [];
    list.push(entry);
    groups.set(key, list);
  }
  const journeys = [...groups.values()].map((runs) => series([...runs].sort((a, b) => a.date.localeCompare(b.date)), options.reportLink));
  return { source: options.source, generatedAt: options.generatedAt, runs: entries.length, journeys };
}
