/**
 * Sobriety recommendations from a Lighthouse report (LHR) of one step: which of Lighthouse's audits say
 * that bytes (or time) could be saved, by how much, on which resources, and what the saved bytes would
 * cost the phone's radio in this toolkit's energy model. Plus the step's Lighthouse metrics (LCP, TBT, …).
 *
 * Pure: an LHR (plain JSON) and the run's profiles in, plain data out. The LHR is read structurally (no
 * import of Lighthouse), so reports of Lighthouse 12 (classic audits) and 13 (performance "insights", which
 * replaced several of them) are both understood: an insight is used only when none of the classic audits it
 * replaces is in the report. docs/lighthouse.md lists the audits and how their savings are read.
 */
import type { DeviceProfile, NetworkProfile } from '../profiles/schema.js';
import type { LighthouseMetrics, Recommendation, StepLighthouse } from '../model/result.js';
import { energyOfBytes } from './energy.js';

/** An audit as it sits in `lhr.audits` (only the fields read here). */
export interface LhrAudit {
  id: string;
  title: string;
  score: number | null;
  scoreDisplayMode: string;
  displayValue?: string;
  numericValue?: number;
  errorMessage?: string;
  details?: {
    type?: string;
    items?: unknown;
    overallSavingsBytes?: number;
    overallSavingsMs?: number;
    summary?: { wastedBytes?: number; wastedMs?: number };
    debugData?: { wastedBytes?: number };
  };
}

/** A Lighthouse result (LHR), structurally: what this module reads of it. */
export interface Lhr {
  lighthouseVersion: string;
  gatherMode: string;
  requestedUrl?: string;
  mainDocumentUrl?: string;
  finalDisplayedUrl?: string;
  audits: Record<string, LhrAudit>;
  runWarnings?: string[];
  runtimeError?: { code: string; message: string };
}

/** What an audit tells: bytes to save, bytes to save on the next visit, or a description of the step's weight. */
export type SobrietyAuditKind = 'savings' | 'repeat-visit' | 'descriptive';

/** A Lighthouse audit this module turns into a recommendation. */
export interface SobrietyAudit {
  id: string;
  kind: SobrietyAuditKind;
  /** Classic audits this one (a Lighthouse 13 insight) replaces: it is read only when none of them is in the report. */
  replaces?: readonly string[];
}

/**
 * The sobriety-related audits, classic (Lighthouse ≤ 12) then the insights that replace them in Lighthouse 13.
 * "savings" audits estimate the bytes a fix saves on this very load; "repeat-visit" ones the bytes a later
 * visit would not download again; "descriptive" ones describe what is heavy (payload, DOM, third parties)
 * without a saving.
 */
export const SOBRIETY_AUDITS: readonly SobrietyAudit[] = [
  { id: 'uses-text-compression', kind: 'savings' },
  { id: 'modern-image-formats', kind: 'savings' },
  { id: 'uses-optimized-images', kind: 'savings' },
  { id: 'uses-responsive-images', kind: 'savings' },
  { id: 'offscreen-images', kind: 'savings' },
  { id: 'efficient-animated-content', kind: 'savings' },
  { id: 'unused-javascript', kind: 'savings' },
  { id: 'unused-css-rules', kind: 'savings' },
  { id: 'unminified-javascript', kind: 'savings' },
  { id: 'unminified-css', kind: 'savings' },
  { id: 'legacy-javascript', kind: 'savings' },
  { id: 'duplicated-javascript', kind: 'savings' },
  { id: 'font-display', kind: 'savings' },
  { id: 'uses-long-cache-ttl', kind: 'repeat-visit' },
  { id: 'total-byte-weight', kind: 'descriptive' },
  { id: 'dom-size', kind: 'descriptive' },
  { id: 'third-party-summary', kind: 'descriptive' },
  // Lighthouse 13 insights.
  {
    id: 'image-delivery-insight',
    kind: 'savings',
    replaces: ['modern-image-formats', 'uses-optimized-images', 'uses-responsive-images', 'efficient-animated-content'],
  },
  { id: 'document-latency-insight', kind: 'savings', replaces: ['uses-text-compression'] },
  { id: 'legacy-javascript-insight', kind: 'savings', replaces: ['legacy-javascript'] },
  { id: 'duplicated-javascript-insight', kind: 'savings', replaces: ['duplicated-javascript'] },
  { id: 'font-display-insight', kind: 'savings', replaces: ['font-display'] },
  { id: 'cache-insight', kind: 'repeat-visit', replaces: ['uses-long-cache-ttl'] },
  { id: 'dom-size-insight', kind: 'descriptive', replaces: ['dom-size'] },
  { id: 'third-parties-insight', kind: 'descriptive', replaces: ['third-party-summary'] },
];

/** Lighthouse audits of the metrics read by {@link lighthouseMetricsOf}. */
export const LIGHTHOUSE_METRIC_AUDITS = {
  firstContentfulPaintMs: 'first-contentful-paint',
  largestContentfulPaintMs: 'largest-contentful-paint',
  speedIndexMs: 'speed-index',
  totalBlockingTimeMs: 'total-blocking-time',
  cumulativeLayoutShift: 'cumulative-layout-shift',
  interactionToNextPaintMs: 'interaction-to-next-paint',
} as const satisfies Record<keyof LighthouseMetrics, string>;

/** Every audit the Lighthouse pass asks for (`onlyAudits`): the metrics and the sobriety audits. */
export const LIGHTHOUSE_AUDIT_IDS: readonly string[] = [...Object.values(LIGHTHOUSE_METRIC_AUDITS), ...SOBRIETY_AUDITS.map((audit) => audit.id)];

/** Items a recommendation lists. */
export const MAX_RECOMMENDATION_ITEMS = 5;

/** Profiles the savings are priced with. */
export interface RecommendationContext {
  device: DeviceProfile;
  network: NetworkProfile;
}

const finite = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);

/** Whether an audit produced something to read (not skipped, failed or irrelevant to the page). */
function usable(audit: LhrAudit | undefined): audit is LhrAudit {
  return audit !== undefined && !['error', 'notApplicable', 'manual'].includes(audit.scoreDisplayMode);
}

/** The step's metrics from an LHR; a metric the mode does not measure (or that failed) is null. */
export function lighthouseMetricsOf(lhr: Lhr): LighthouseMetrics {
  const metrics = {} as Record<keyof LighthouseMetrics, number | null>;
  for (const [name, id] of Object.entries(LIGHTHOUSE_METRIC_AUDITS) as [keyof LighthouseMetrics, string][]) {
    const audit = lhr.audits[id];
    const value = usable(audit) ? finite(audit.numericValue) : null;
    metrics[name] = value === null ? null : name === 'cumulativeLayoutShift' ? round(value, 4) : round(value, 1);
  }
  return metrics;
}

/** A third party's name: a string, or a link object `{ text }` in recent reports. */
function textOf(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (value !== null && typeof value === 'object' && typeof (value as { text?: unknown }).text === 'string') return (value as { text: string }).text;
  return null;
}

type Item = Recommendation['items'][number];

/** The resources an audit names, with their savings (all of them, sorted by bytes saved then size). */
function itemsOf(audit: LhrAudit): Item[] {
  const raw = audit.details?.items;
  if (!Array.isArray(raw)) return [];
  const items: Item[] = [];
  for (const entry of raw) {
    if (entry === null || typeof entry !== 'object') continue;
    const record = entry as Record<string, unknown>;
    const url = textOf(record.url) ?? textOf(record.source) ?? textOf(record.entity);
    if (url === null || url === '') continue;
    items.push({
      url,
      totalBytes: finite(record.totalBytes) ?? finite(record.transferSize),
      savingsBytes: finite(record.wastedBytes),
      savingsMs: finite(record.wastedMs) ?? finite(record.blockingTime),
    });
  }
  return items.sort((a, b) => (b.savingsBytes ?? -1) - (a.savingsBytes ?? -1) || (b.totalBytes ?? -1) - (a.totalBytes ?? -1) || (b.savingsMs ?? -1) - (a.savingsMs ?? -1));
}

/** Bytes an audit says could be saved: its overall figure, its summary, its debug data, else the sum over its items. */
function savingsBytesOf(audit: LhrAudit, items: Item[]): number | null {
  const details = audit.details;
  const overall = finite(details?.overallSavingsBytes) ?? finite(details?.summary?.wastedBytes) ?? finite(details?.debugData?.wastedBytes);
  if (overall !== null) return overall;
  const withSavings = items.filter((item) => item.savingsBytes !== null);
  return withSavings.length > 0 ? withSavings.reduce((sum, item) => sum + item.savingsBytes!, 0) : null;
}

/** Milliseconds an audit says could be saved: its overall figure, else the largest item's (resources load in parallel). */
function savingsMsOf(audit: LhrAudit, items: Item[]): number | null {
  const overall = finite(audit.details?.overallSavingsMs) ?? finite(audit.details?.summary?.wastedMs);
  if (overall !== null) return overall;
  const ms = items.map((item) => item.savingsMs).filter((value): value is number => value !== null);
  return ms.length > 0 ? Math.max(...ms) : null;
}

/** Whether a descriptive audit has something to say: a failed score, or third parties present. */
function descriptiveMatters(audit: LhrAudit, items: Item[]): boolean {
  if (audit.id === 'third-party-summary' || audit.id === 'third-parties-insight') return items.length > 0;
  return audit.score !== null && audit.score < 1;
}

/** The audits to read in this report: each sobriety audit present, an insight only when its classic audits are absent. */
function auditsToRead(lhr: Lhr): { audit: LhrAudit; kind: SobrietyAuditKind }[] {
  const read: { audit: LhrAudit; kind: SobrietyAuditKind }[] = [];
  for (const entry of SOBRIETY_AUDITS) {
    if (entry.replaces?.some((id) => lhr.audits[id] !== undefined)) continue;
    const audit = lhr.audits[entry.id];
    if (usable(audit)) read.push({ audit, kind: entry.kind });
  }
  return read;
}

/**
 * A document-latency insight (Lighthouse 13) names no resource: its saving is the main document's
 * compression. The document is the resource.
 */
function withDocumentItem(lhr: Lhr, audit: LhrAudit, items: Item[], savingsBytes: number | null): Item[] {
  if (items.length > 0 || audit.id !== 'document-latency-insight' || savingsBytes === null) return items;
  const url = lhr.mainDocumentUrl ?? lhr.finalDisplayedUrl ?? lhr.requestedUrl;
  return url ? [{ url, totalBytes: null, savingsBytes, savingsMs: null }] : items;
}

/** Recommendations with all their items (before truncation), and the kind of each. */
function fullRecommendations(lhr: Lhr, context: RecommendationContext): { recommendation: Recommendation; allItems: Item[] }[] {
  const found: { recommendation: Recommendation; allItems: Item[] }[] = [];
  for (const { audit, kind } of auditsToRead(lhr)) {
    let items = itemsOf(audit);
    const savingsBytes = kind === 'descriptive' ? null : savingsBytesOf(audit, items);
    const savingsMs = kind === 'descriptive' ? null : savingsMsOf(audit, items);
    items = withDocumentItem(lhr, audit, items, savingsBytes);
    const matters = kind === 'descriptive' ? descriptiveMatters(audit, items) : (savingsBytes ?? 0) > 0 || (savingsMs ?? 0) >= 1;
    if (!matters) continue;
    found.push({
      recommendation: {
        audit: audit.id,
        title: audit.title,
        displayValue: audit.displayValue ?? null,
        estimatedSavingsBytes: savingsBytes === null ? null : Math.round(savingsBytes),
        estimatedSavingsMs: savingsMs === null ? null : Math.round(savingsMs),
        estimatedEnergyMah: savingsBytes === null ? null : round(energyOfBytes(savingsBytes, context.device, context.network), 6),
        repeatVisit: kind === 'repeat-visit',
        items: items.slice(0, MAX_RECOMMENDATION_ITEMS).map((item) => ({
          url: item.url,
          totalBytes: item.totalBytes === null ? null : Math.round(item.totalBytes),
          savingsBytes: item.savingsBytes === null ? null : Math.round(item.savingsBytes),
          savingsMs: item.savingsMs === null ? null : Math.round(item.savingsMs),
        })),
      },
      allItems: items,
    });
  }
  return found;
}

/** Savings first (bytes, then ms), repeat-visit savings with them, descriptive audits last. */
function compareRecommendations(a: Recommendation, b: Recommendation): number {
  const bytes = (b.estimatedSavingsBytes ?? -1) - (a.estimatedSavingsBytes ?? -1);
  if (bytes !== 0) return bytes;
  const ms = (b.estimatedSavingsMs ?? -1) - (a.estimatedSavingsMs ?? -1);
  if (ms !== 0) return ms;
  return a.audit.localeCompare(b.audit);
}

/**
 * The sobriety recommendations of a step's LHR, ranked by estimated bytes saved (hence radio charge), then
 * by milliseconds saved; descriptive audits (payload, DOM size, third parties) come last. Each lists its
 * {@link MAX_RECOMMENDATION_ITEMS} resources with the largest savings.
 */
export function recommendationsOf(lhr: Lhr, context: RecommendationContext): Recommendation[] {
  return fullRecommendations(lhr, context)
    .map((entry) => entry.recommendation)
    .sort(compareRecommendations);
}

/**
 * Bytes all the step's recommendations would save together, without counting a resource twice: for each
 * resource, the largest saving any recommendation gives it (two audits often name the same image: a
 * modern format and a smaller size do not add up). Cache lifetimes are left out: they save on a later
 * visit, not on this one. Null when no recommendation estimates bytes.
 */
export function combinedSavingsBytes(lhr: Lhr, context: RecommendationContext): number | null {
  const largest = new Map<string, number>();
  let any = false;
  for (const { recommendation, allItems } of fullRecommendations(lhr, context)) {
    if (recommendation.repeatVisit || recommendation.estimatedSavingsBytes === null) continue;
    any = true;
    const itemized = allItems.filter((item) => item.savingsBytes !== null);
    const perResource = itemized.length > 0 ? itemized.map((item) => [item.url, item.savingsBytes!] as const) : [[`(${recommendation.audit})`, recommendation.estimatedSavingsBytes] as const];
    for (const [url, bytes] of perResource) largest.set(url, Math.max(largest.get(url) ?? 0, bytes));
  }
  if (!any) return null;
  return Math.round([...largest.values()].reduce((sum, bytes) => sum + bytes, 0));
}

/** What the Lighthouse pass recorded for a step besides its LHR. */
export interface LighthouseStepFacts {
  mode: StepLighthouse['mode'];
  /** Relative path of the LHR file, or null when it was not written. */
  report: string | null;
  addedMs: number | null;
  auditPass: StepLighthouse['auditPass'];
}

/**
 * A step's `lighthouse` entry from its LHR: metrics, ranked recommendations, combined savings and their
 * charge. An LHR with a runtime error gives its message as `error`, no metric and no recommendation.
 */
export function summarizeLighthouseStep(lhr: Lhr, facts: LighthouseStepFacts, context: RecommendationContext): StepLighthouse {
  const warnings = (lhr.runWarnings ?? []).filter((warning): warning is string => typeof warning === 'string');
  if (lhr.runtimeError) {
    return {
      ...facts,
      lighthouseVersion: lhr.lighthouseVersion ?? null,
      metrics: lighthouseMetricsOf({ ...lhr, audits: {} }),
      recommendations: [],
      estimatedSavingsBytes: null,
      estimatedEnergyMah: null,
      warnings,
      error: `${lhr.runtimeError.code}: ${lhr.runtimeError.message}`,
    };
  }
  const combined = combinedSavingsBytes(lhr, context);
  return {
    ...facts,
    lighthouseVersion: lhr.lighthouseVersion ?? null,
    metrics: lighthouseMetricsOf(lhr),
    recommendations: recommendationsOf(lhr, context),
    estimatedSavingsBytes: combined,
    estimatedEnergyMah: combined === null ? null : round(energyOfBytes(combined, context.device, context.network), 6),
    warnings,
  };
}

function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
