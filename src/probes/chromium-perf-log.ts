/**
 * Chromium performance-log network probe (WebDriver sessions: Appium's Chromium driver, Chrome on Android
 * through UiAutomator2/Chromedriver): reads the `performance` log that Chromedriver records when the session
 * asks for `goog:loggingPrefs: { performance: 'ALL' }` — the DevTools Network events of the page — and counts
 * the step's traffic like the web network probe does: bytes = Σ `Network.loadingFinished.encodedDataLength`
 * (transferred bytes, headers included), requests = `Network.requestWillBeSent` of non-data URLs, cached
 * = `Network.requestServedFromCache`, failed = `Network.loadingFailed`.
 *
 * Reading the log drains it (Chromedriver returns the entries recorded since the last read): `start` discards
 * what came before the step, `stop` counts what came during it.
 */
import type { Probe, ProbeFigures } from './probe.js';

/** One entry of a WebDriver log. */
export interface WebDriverLogEntry {
  level?: string;
  message: string;
  timestamp?: number;
}

/** Reads (and drains) the session's `performance` log. */
export type PerformanceLogReader = () => Promise<WebDriverLogEntry[]>;

/** Traffic of one step counted from performance-log entries. */
export interface PerfLogTraffic {
  bytes: number;
  requests: number;
  cachedRequests: number;
  failedRequests: number;
  firstPartyBytes: number | null;
  thirdPartyBytes: number | null;
  domains: Record<string, { bytes: number; requests: number }>;
}

interface DevToolsMessage {
  method?: string;
  params?: Record<string, unknown>;
}

function devToolsMessage(entry: WebDriverLogEntry): DevToolsMessage | null {
  try {
    const parsed = JSON.parse(entry.message) as { message?: DevToolsMessage };
    return parsed.message ?? null;
  } catch {
    return null;
  }
}

/**
 * Counts the traffic in performance-log entries. `firstPartyHost` (host[:port]) splits first- and third-party
 * bytes; null leaves the split null. Pure.
 */
export function trafficOfPerformanceLog(entries: readonly WebDriverLogEntry[], firstPartyHost: string | null): PerfLogTraffic {
  const hostOf = new Map<string, string>();
  const traffic: PerfLogTraffic = { bytes: 0, requests: 0, cachedRequests: 0, failedRequests: 0, firstPartyBytes: 0, thirdPartyBytes: 0, domains: {} };
  // Keyed by host names from the page: a Map, so that a host named `__proto__` is just a host.
  const domains = new Map<string, { bytes: number; requests: number }>();
  const domain = (host: string) => {
    let entry = domains.get(host);
    if (!entry) domains.set(host, (entry = { bytes: 0, requests: 0 }));
    return entry;
  };
  for (const entry of entries) {
    const message = devToolsMessage(entry);
    if (!message?.method || !message.params) continue;
    const params = message.params;
    const requestId = String(params.requestId ?? '');
    switch (message.method) {
      case 'Network.requestWillBeSent': {
        const url = String((params.request as { url?: unknown } | undefined)?.url ?? '');
        if (!/^https?:/i.test(url)) break; // data:, blob:, about: are not network requests
        let host = '';
        try {
          host = new URL(url).host;
        } catch {
          break;
        }
        // A redirect re-sends the same requestId: count each hop as a request, like DevTools.
        hostOf.set(requestId, host);
        traffic.requests += 1;
        domain(host).requests += 1;
        break;
      }
      case 'Network.requestServedFromCache':
        if (hostOf.has(requestId)) traffic.cachedRequests += 1;
        break;
      case 'Network.loadingFailed':
        if (hostOf.has(requestId)) traffic.failedRequests += 1;
        break;
      case 'Network.loadingFinished': {
        const host = hostOf.get(requestId);
        const bytes = Number(params.encodedDataLength ?? 0);
        if (host === undefined || !Number.isFinite(bytes) || bytes <= 0) break;
        traffic.bytes += bytes;
        domain(host).bytes += bytes;
        if (firstPartyHost !== null && host === firstPartyHost) traffic.firstPartyBytes! += bytes;
        else traffic.thirdPartyBytes! += bytes;
        break;
      }
      default:
        break;
    }
  }
  if (firstPartyHost === null) {
    traffic.firstPartyBytes = null;
    traffic.thirdPartyBytes = null;
  }
  traffic.domains = Object.fromEntries(domains);
  return traffic;
}

/** Network probe over the Chromium performance log. */
export class ChromiumPerfLogProbe implements Probe {
  readonly name = 'chromium-perf-log';
  readonly fields = ['bytes', 'requests', 'cachedRequests', 'failedRequests', 'firstPartyBytes', 'thirdPartyBytes', 'domains'] as const;

  /** `firstPartyHost` is read at every stop (it may be known only after the first navigation). */
  constructor(
    private readonly readLog: PerformanceLogReader,
    private readonly firstPartyHost: () => string | null,
  ) {}

  async start(): Promise<void> {
    await this.readLog();
  }

  async stop(): Promise<ProbeFigures> {
    const traffic = trafficOfPerformanceLog(await this.readLog(), this.firstPartyHost());
    return { ...traffic };
  }
}
