/**
 * Network probe (web): transferred bytes as Chromium reports them (`encodedDataLength`, headers
 * included, the figure EcoIndex uses), request count, cache hits, failures, per-host traffic and the
 * first-/third-party split. Reads Chrome DevTools Protocol Network events of the page's target.
 */
import type { CDPSession } from 'playwright-core';
import type { Probe, ProbeFigures } from './probe.js';

interface Window {
  bytes: number;
  requests: number;
  cachedRequests: number;
  failedRequests: number;
  domains: Map<string, { bytes: number; requests: number }>;
  /** performance.now() at the window's start, and at the last response that finished or failed in it. */
  startedAt: number;
  lastResponseAt: number | null;
}

function emptyWindow(): Window {
  return { bytes: 0, requests: 0, cachedRequests: 0, failedRequests: 0, domains: new Map(), startedAt: performance.now(), lastResponseAt: null };
}

/**
 * The "site" of a host for the first-/third-party split: the last two labels of a name
 * (`cdn.example.org` → `example.org`), the whole host for IP addresses and `localhost`.
 * This is an approximation of the registrable domain without the public-suffix list.
 */
export function siteOf(host: string): string {
  if (/^[\d.]+$/.test(host) || host.includes(':') || !host.includes('.')) return host;
  return host.split('.').slice(-2).join('.');
}

/** Network probe over a CDP session. `firstPartyHost` is the target's host. */
export class NetworkProbe implements Probe {
  readonly name = 'network';
  readonly fields = ['bytes', 'requests', 'cachedRequests', 'failedRequests', 'firstPartyBytes', 'thirdPartyBytes', 'domains', 'lastResponseEndMs'] as const;
  private window: Window | null = null;
  private readonly hostOf = new Map<string, string>();

  constructor(
    private readonly cdp: CDPSession,
    private firstPartyHost: string | null,
  ) {
    cdp.on('Network.requestWillBeSent', (event) => {
      const host = hostOfUrl(event.request.url);
      if (host === null) return; // data:, blob:, about: — nothing travels
      if (event.redirectResponse) this.add(this.hostOf.get(event.requestId) ?? host, event.redirectResponse.encodedDataLength, 0);
      this.hostOf.set(event.requestId, host);
      this.add(host, 0, 1);
    });
    cdp.on('Network.requestServedFromCache', () => {
      if (this.window) this.window.cachedRequests++;
    });
    cdp.on('Network.responseReceived', (event) => {
      const response = event.response;
      if (this.window && (response.fromDiskCache || response.fromPrefetchCache || response.fromServiceWorker)) this.window.cachedRequests++;
    });
    cdp.on('Network.loadingFinished', (event) => {
      const host = this.hostOf.get(event.requestId);
      if (host !== undefined) this.add(host, event.encodedDataLength, 0);
      if (host !== undefined && this.window) this.window.lastResponseAt = performance.now();
      this.hostOf.delete(event.requestId);
    });
    cdp.on('Network.loadingFailed', (event) => {
      if (this.hostOf.has(event.requestId) && this.window) {
        this.window.failedRequests++;
        this.window.lastResponseAt = performance.now();
      }
      this.hostOf.delete(event.requestId);
    });
  }

  /** Sets the first-party host when it is known only after the first navigation. */
  setFirstPartyHost(host: string): void {
    this.firstPartyHost = host;
  }

  private add(host: string, bytes: number, requests: number): void {
    if (!this.window) return;
    this.window.bytes += bytes;
    this.window.requests += requests;
    const entry = this.window.domains.get(host) ?? { bytes: 0, requests: 0 };
    entry.bytes += bytes;
    entry.requests += requests;
    this.window.domains.set(host, entry);
  }

  async start(): Promise<void> {
    this.window = emptyWindow();
  }

  async stop(): Promise<ProbeFigures> {
    // CDP delivers events in order on a session: one round trip flushes those already emitted.
    await this.cdp.send('Runtime.evaluate', { expression: '0' }).catch(() => undefined);
    const window = this.window ?? emptyWindow();
    this.window = null;
    const firstSite = this.firstPartyHost ? siteOf(this.firstPartyHost) : null;
    let firstPartyBytes = 0;
    let thirdPartyBytes = 0;
    for (const [host, traffic] of window.domains) {
      if (firstSite !== null && siteOf(host) === firstSite) firstPartyBytes += traffic.bytes;
      else thirdPartyBytes += traffic.bytes;
    }
    return {
      bytes: window.bytes,
      requests: window.requests,
      cachedRequests: window.cachedRequests,
      failedRequests: window.failedRequests,
      firstPartyBytes,
      thirdPartyBytes,
      domains: Object.fromEntries(window.domains),
      lastResponseEndMs: window.lastResponseAt === null ? null : Math.round((window.lastResponseAt - window.startedAt) * 10) / 10,
    };
  }
}

function hostOfUrl(url: string): string | null {
  if (!/^(https?|wss?):/i.test(url)) return null;
  try {
    return new URL(url).host;
  } catch {
    return null;
  }
}
