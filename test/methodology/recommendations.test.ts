/**
 * Sobriety recommendations from real Lighthouse reports of the demo app's deliberately heavy page
 * (`/ressources`): its known problems must come out — its 400 kB script served without compression,
 * without a cache lifetime and partly unused, its photos far larger than displayed in an old format —
 * ranked by bytes saved, priced in radio charge, each resource counted once in the step's total.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { energyOfBytes, MS_PER_HOUR } from '../../src/methodology/energy.js';
import {
  combinedSavingsBytes,
  lighthouseMetricsOf,
  LIGHTHOUSE_AUDIT_IDS,
  MAX_RECOMMENDATION_ITEMS,
  recommendationsOf,
  summarizeLighthouseStep,
  type Lhr,
} from '../../src/methodology/recommendations.js';
import { getDeviceProfile as getDevice, getNetworkProfile as getNetwork } from '../../src/profiles/index.js';
import { StepLighthouseSchema } from '../../src/model/result.js';

const v12 = JSON.parse(readFileSync('test/fixtures/lighthouse/ressources-lighthouse-12.lhr.json', 'utf8')) as Lhr;
const v13 = JSON.parse(readFileSync('test/fixtures/lighthouse/ressources-lighthouse-13.lhr.json', 'utf8')) as Lhr;
const phoneOnWifi = { device: getDevice('mid-range-phone'), network: getNetwork('wifi') };

const byAudit = (lhr: Lhr, context = phoneOnWifi) => new Map(recommendationsOf(lhr, context).map((rec) => [rec.audit, rec]));

describe('energyOfBytes', () => {
  it('is the radio’s active current over the transfer time at the network’s throughput', () => {
    const { device, network } = phoneOnWifi;
    // 448 099 B × 8 / 4500 kbit/s = 796.6 ms at Wi-Fi's 138 mA.
    const expected = (device.power.wifiActiveMa * ((448_099 * 8) / network.downloadKbps)) / MS_PER_HOUR;
    expect(energyOfBytes(448_099, device, network)).toBeCloseTo(expected, 12);
    expect(energyOfBytes(448_099, device, network)).toBeCloseTo(0.030537, 6);
    expect(energyOfBytes(0, device, network)).toBe(0);
  });

  it('uses the cellular radio on 4G and costs nothing on a wired network', () => {
    const device = getDevice('mid-range-phone');
    const lte = getNetwork('4g');
    expect(energyOfBytes(1_000_000, device, lte)).toBeCloseTo((device.power.radioActiveMa * ((8_000_000 / lte.downloadKbps))) / MS_PER_HOUR, 12);
    expect(energyOfBytes(1_000_000, device, getNetwork('fiber'))).toBe(0);
  });

  it('rejects a negative byte count', () => {
    expect(() => energyOfBytes(-1, phoneOnWifi.device, phoneOnWifi.network)).toThrow(RangeError);
  });
});

describe('recommendationsOf a recorded Lighthouse 12 report of the heavy page', () => {
  it('lists the page’s real problems', () => {
    const recs = byAudit(v12);
    // The 400 kB script is served without compression, and so is the page itself.
    const compression = recs.get('uses-text-compression')!;
    expect(compression.items.map((item) => new URL(item.url).pathname)).toEqual(['/heavy/ressources.js', '/ressources']);
    expect(compression.items[0].savingsBytes).toBeGreaterThan(300_000);
    // Photos of 720 px and more in PNG, displayed at 330 px: a modern format saves most of their 3 MB.
    const images = recs.get('modern-image-formats')!;
    expect(images.estimatedSavingsBytes).toBeGreaterThan(2_000_000);
    expect(images.items.every((item) => /\/heavy\/photo-\d+\.png$/.test(item.url))).toBe(true);
    // The script has no cache lifetime: a later visit downloads it again.
    const cache = recs.get('uses-long-cache-ttl')!;
    expect(cache.repeatVisit).toBe(true);
    expect(cache.items.map((item) => new URL(item.url).pathname)).toEqual(['/heavy/ressources.js']);
    // A third of the script never runs, and it is not minified.
    expect(recs.get('unused-javascript')!.items[0].url).toMatch(/\/heavy\/ressources\.js$/);
    expect(recs.get('unminified-javascript')!.estimatedSavingsBytes).toBeGreaterThan(100_000);
    // What is heavy without a saving estimate: the payload and the DOM.
    expect(recs.get('total-byte-weight')!.estimatedSavingsBytes).toBeNull();
    expect(recs.get('dom-size')!.displayValue).toMatch(/elements/);
  });

  it('leaves out audits that found nothing to save, and Lighthouse 13 insights the classic audits cover', () => {
    const recs = byAudit(v12);
    for (const audit of ['uses-optimized-images', 'offscreen-images', 'unused-css-rules', 'unminified-css', 'legacy-javascript', 'duplicated-javascript']) {
      expect(recs.has(audit), audit).toBe(false);
    }
    // The report has both `uses-long-cache-ttl` and its insight `cache-insight`: only the classic one is read.
    expect(v12.audits['cache-insight']).toBeDefined();
    expect([...recs.keys()].some((audit) => audit.endsWith('-insight'))).toBe(false);
  });

  it('ranks by bytes saved, descriptive findings last', () => {
    const recs = recommendationsOf(v12, phoneOnWifi);
    expect(recs[0].audit).toBe('modern-image-formats');
    const withBytes = recs.filter((rec) => rec.estimatedSavingsBytes !== null).map((rec) => rec.estimatedSavingsBytes!);
    expect(withBytes).toEqual([...withBytes].sort((a, b) => b - a));
    const firstDescriptive = recs.findIndex((rec) => rec.estimatedSavingsBytes === null);
    expect(recs.slice(firstDescriptive).every((rec) => rec.estimatedSavingsBytes === null)).toBe(true);
  });

  it('prices every byte saving in radio charge with the run’s device and network', () => {
    for (const rec of recommendationsOf(v12, phoneOnWifi)) {
      if (rec.estimatedSavingsBytes === null) expect(rec.estimatedEnergyMah).toBeNull();
      else expect(rec.estimatedEnergyMah).toBeCloseTo(energyOfBytes(rec.estimatedSavingsBytes, phoneOnWifi.device, phoneOnWifi.network), 6);
    }
    const onFiber = byAudit(v12, { device: getDevice('desktop'), network: getNetwork('fiber') });
    expect(onFiber.get('uses-text-compression')!.estimatedEnergyMah).toBe(0);
  });

  it('names at most five resources per recommendation, largest saving first', () => {
    for (const rec of recommendationsOf(v12, phoneOnWifi)) {
      expect(rec.items.length).toBeLessThanOrEqual(MAX_RECOMMENDATION_ITEMS);
      const savings = rec.items.map((item) => item.savingsBytes ?? item.totalBytes ?? 0);
      expect(savings).toEqual([...savings].sort((a, b) => b - a));
    }
    expect(byAudit(v12).get('total-byte-weight')!.items).toHaveLength(MAX_RECOMMENDATION_ITEMS);
  });

  it('adds up the step’s savings counting each resource once, cache lifetimes left out', () => {
    const recs = recommendationsOf(v12, phoneOnWifi).filter((rec) => !rec.repeatVisit && rec.estimatedSavingsBytes !== null);
    const naive = recs.reduce((sum, rec) => sum + rec.estimatedSavingsBytes!, 0);
    const combined = combinedSavingsBytes(v12, phoneOnWifi)!;
    expect(combined).toBeLessThan(naive); // the script is named by compression, unused and unminified code
    expect(combined).toBeGreaterThanOrEqual(Math.max(...recs.map((rec) => rec.estimatedSavingsBytes!)));
    // Each resource at its largest saving: the photos' modern-format savings plus the script's and the page's compression.
    const largest = new Map<string, number>();
    for (const audit of ['modern-image-formats', 'uses-text-compression', 'unused-javascript', 'unminified-javascript']) {
      for (const item of (v12.audits[audit].details!.items as { url: string; wastedBytes: number }[])) {
        largest.set(item.url, Math.max(largest.get(item.url) ?? 0, item.wastedBytes));
      }
    }
    expect(combined).toBe(Math.round([...largest.values()].reduce((sum, bytes) => sum + bytes, 0)));
  });

  it('reads the navigation’s metrics; INP needs an interaction, so it is null', () => {
    const metrics = lighthouseMetricsOf(v12);
    expect(metrics.firstContentfulPaintMs).toBeGreaterThan(0);
    expect(metrics.largestContentfulPaintMs).toBeGreaterThanOrEqual(metrics.firstContentfulPaintMs!);
    expect(metrics.speedIndexMs).toBeGreaterThan(0);
    expect(metrics.totalBlockingTimeMs).toBeGreaterThan(0); // the heavy script blocks the main thread
    expect(metrics.cumulativeLayoutShift).toBeGreaterThanOrEqual(0);
    expect(metrics.interactionToNextPaintMs).toBeNull();
  });

  it('summarizes a step into an entry that validates against the result schema', () => {
    const entry = summarizeLighthouseStep(v12, { mode: 'navigation', report: 'lighthouse/09-heavy.json', addedMs: 15_000, auditPass: null }, phoneOnWifi);
    expect(StepLighthouseSchema.parse(entry)).toEqual(entry);
    expect(entry.lighthouseVersion).toBe('12.8.2');
    expect(entry.estimatedSavingsBytes).toBe(combinedSavingsBytes(v12, phoneOnWifi));
    expect(entry.estimatedEnergyMah).toBeCloseTo(energyOfBytes(entry.estimatedSavingsBytes!, phoneOnWifi.device, phoneOnWifi.network), 6);
    expect(entry.error).toBeUndefined();
  });
});

describe('recommendationsOf a recorded Lighthouse 13 report of the heavy page (insights)', () => {
  it('reads the insights that replace the classic audits', () => {
    const recs = byAudit(v13);
    expect(v13.audits['uses-text-compression']).toBeUndefined();
    expect(recs.get('image-delivery-insight')!.estimatedSavingsBytes).toBeGreaterThan(2_000_000);
    expect(recs.get('cache-insight')!.repeatVisit).toBe(true);
    expect(recs.get('cache-insight')!.items[0].url).toMatch(/\/heavy\/ressources\.js$/);
    // Lighthouse 13 only checks the main document's compression: the document is the resource named.
    const documentCompression = recs.get('document-latency-insight')!;
    expect(documentCompression.estimatedSavingsBytes).toBeGreaterThan(10_000);
    expect(new URL(documentCompression.items[0].url).pathname).toBe('/ressources');
    expect(recs.get('unused-javascript')).toBeDefined();
  });

  it('skips insights Lighthouse could not compute', () => {
    const errored = Object.values(v13.audits).filter((audit) => audit.scoreDisplayMode === 'error').map((audit) => audit.id);
    expect(errored.length).toBeGreaterThan(0);
    const recs = byAudit(v13);
    for (const id of errored) expect(recs.has(id), id).toBe(false);
  });
});

describe('reports Lighthouse could not produce', () => {
  it('gives the runtime error and no recommendation', () => {
    const failed: Lhr = { ...v12, runtimeError: { code: 'NO_FCP', message: 'The page did not paint any content.' } };
    const entry = summarizeLighthouseStep(failed, { mode: 'navigation', report: null, addedMs: null, auditPass: null }, phoneOnWifi);
    expect(entry.error).toBe('NO_FCP: The page did not paint any content.');
    expect(entry.recommendations).toEqual([]);
    expect(Object.values(entry.metrics).every((value) => value === null)).toBe(true);
  });
});

describe('the audits the pass asks Lighthouse for', () => {
  it('are the metric audits and every sobriety audit, each once', () => {
    expect(new Set(LIGHTHOUSE_AUDIT_IDS).size).toBe(LIGHTHOUSE_AUDIT_IDS.length);
    for (const id of ['largest-contentful-paint', 'total-blocking-time', 'uses-text-compression', 'uses-long-cache-ttl', 'unused-javascript', 'dom-size']) {
      expect(LIGHTHOUSE_AUDIT_IDS).toContain(id);
    }
  });
});
