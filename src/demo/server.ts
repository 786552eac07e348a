import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { createDemoApp, DEMO_PASSWORD } from './app.js';
import type { DemoApp, DemoReply } from './app.js';
import { countElements } from './html.js';
import type { DemoVariant } from './layout.js';

export { DEMO_PASSWORD, SESSION_COOKIE } from './app.js';
export type { DemoVariant } from './layout.js';

/** Options of {@link startDemoServer}. */
export interface DemoServerOptions {
  /** TCP port; `0` (default) picks a free one. */
  port?: number;
  /** Interface to listen on (default `127.0.0.1`). */
  host?: string;
  /** Look variation of the app (default: light theme, light dashboard). */
  variant?: DemoVariant;
  /** The password the app accepts (default: `DEMO_PASSWORD` from the environment, else {@link DEMO_PASSWORD}). */
  password?: string;
}

/** A running demo server. */
export interface DemoServer {
  /** Base URL without a trailing slash, e.g. `http://127.0.0.1:41234`. */
  url: string;
  port: number;
  /** Stops listening and closes every open connection, keep-alive ones included. */
  close(): Promise<void>;
}

/** Largest accepted form body, in bytes. */
const MAX_BODY_BYTES = 64 * 1024;

function acceptsGzip(header: string | undefined): boolean {
  return (header ?? '').split(',').some((part) => {
    const [coding, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return (coding === 'gzip' || coding === '*') && (q === undefined || Number(q.slice(2)) > 0);
  });
}

const gzipCache = new WeakMap<Buffer, Buffer>();

function gzip(body: Buffer): Buffer {
  let zipped = gzipCache.get(body);
  if (!zipped) {
    zipped = gzipSync(body);
    gzipCache.set(body, zipped);
  }
  return zipped;
}

function send(request: IncomingMessage, response: ServerResponse, reply: DemoReply): void {
  const headers: Record<string, string | number> = { 'X-Content-Type-Options': 'nosniff', ...reply.headers };
  let body = reply.body;
  if (reply.compressible) {
    headers['Vary'] = 'Accept-Encoding';
    if (acceptsGzip(request.headers['accept-encoding'])) {
      body = gzip(body);
      headers['Content-Encoding'] = 'gzip';
    }
  }
  headers['Content-Length'] = body.length;
  response.writeHead(reply.status, headers);
  response.end(body);
}

function readForm(request: IncomingMessage): Promise<URLSearchParams | 'too-large'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let bytes = 0;
    request.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
      if (bytes <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    request.on('end', () => resolve(bytes > MAX_BODY_BYTES ? 'too-large' : new URLSearchParams(Buffer.concat(chunks).toString('utf8'))));
    request.on('error', reject);
  });
}

async function handle(app: DemoApp, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const method = request.method ?? 'GET';
  const path = new URL(request.url ?? '/', 'http://demo.invalid').pathname;
  let form: URLSearchParams | undefined;
  if (method === 'POST') {
    const parsed = await readForm(request);
    if (parsed === 'too-large') {
      send(request, response, { status: 413, headers: { 'Content-Type': 'text/plain; charset=utf-8' }, body: Buffer.from('Requête trop volumineuse\n'), compressible: false });
      return;
    }
    form = parsed;
  }
  send(request, response, app.handle({ method, path, cookie: request.headers.cookie, form }));
}

/**
 * Starts the embedded demo health web app ("Tensio", French labels): a sign-in page at `/`
 * (any identifiant, password `DEMO_PASSWORD` from the environment or {@link DEMO_PASSWORD}), then `/dashboard`, `/measures`,
 * `/measures/new`, `/appointments` and the deliberately heavy `/ressources`. Light pages are
 * gzipped and their static files cached for a year; the heavy page shows what audits flag.
 * Sessions and added measures live in memory, per server.
 *
 * @param options - port (default 0: a free one), host (default `127.0.0.1`), variant
 * @returns the running server; call `close()` when done
 */
export async function startDemoServer(options: DemoServerOptions = {}): Promise<DemoServer> {
  const host = options.host ?? '127.0.0.1';
  const app = createDemoApp(options.variant, options.password ?? (process.env.DEMO_PASSWORD || DEMO_PASSWORD));
  const server = createServer((request, response) => {
    handle(app, request, response).catch(() => {
      if (!response.headersSent) response.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
      response.end('Erreur interne\n');
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

/**
 * The number of DOM elements a browser builds for a server-rendered page of a fresh demo server,
 * excluding the descendants of `<svg>` elements (the `<svg>` itself counts) — the EcoIndex DOM
 * count — or `undefined` when `pagePath` is not such a page (assets, 404, redirects).
 *
 * Computed without a browser, by counting opening tags in the exact HTML the server sends (see
 * `countElements`). That equals `document.querySelectorAll('*').length` minus SVG descendants
 * because every page is written with explicit `<html>`, `<head>`, `<body>` and `<tbody>`, no HTML
 * the parser restructures, no inline script, and only scripts that never add or remove elements.
 * Pages render the same number of elements whatever the data (the measures table always shows the
 * 120 most recent measures), so the count also holds after measures were added.
 *
 * @param pagePath - `/`, `/dashboard`, `/measures`, `/measures/new`, `/appointments` or
 *   `/ressources`; a query string or trailing slash is ignored
 * @param variant - the variant the server was started with (`heavyHome` adds one element)
 */
export function expectedElementCount(pagePath: string, variant: DemoVariant = {}): number | undefined {
  const path = new URL(pagePath, 'http://demo.invalid').pathname;
  const html = createDemoApp(variant).renderPage(path.length > 1 ? path.replace(/\/+$/, '') : path);
  return html === undefined ? undefined : countElements(html);
}
