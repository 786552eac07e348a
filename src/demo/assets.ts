import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { seedMeasures } from './data.js';
import type { Measure } from './data.js';
import { HEAVY_PHOTOS } from './heavy-page.js';
import { renderHeavyScript } from './heavy-script.js';
import { encodePng } from './png.js';
import { renderAvatar, renderChart, renderNoise } from './pictures.js';
import { APP_CSS, APP_JS, FAVICON_SVG } from './static-files.js';

/** A file served as is (not a page). */
export interface Asset {
  body: Buffer;
  contentType: string;
  /** `Cache-Control` value, or no header at all when undefined. */
  cacheControl?: string;
  /** Gzip it when the client accepts gzip. */
  compressible: boolean;
}

/** One year, immutable: for the light app's static files. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

const FONT_MODULE = '@fontsource/inter/files/inter-latin-400-normal.woff2';

function text(body: string, contentType: string): Asset {
  return { body: Buffer.from(body, 'utf8'), contentType, cacheControl: IMMUTABLE, compressible: true };
}

function png(body: Buffer, cacheControl: string): Asset {
  return { body, contentType: 'image/png', cacheControl, compressible: false };
}

/** Daily means of the 30 most recent seeded days, oldest first. */
function dailyMeans(pick: (m: Measure) => number): number[] {
  const chronological = seedMeasures().slice(0, 60).reverse();
  return Array.from({ length: 30 }, (_, day) => (pick(chronological[2 * day]) + pick(chronological[2 * day + 1])) / 2);
}

function chart(): Asset {
  const image = renderChart(
    [
      { values: dailyMeans((m) => m.systolicMmHg), color: [15, 118, 110], fill: true },
      { values: dailyMeans((m) => m.diastolicMmHg), color: [99, 102, 241] },
    ],
    { width: 1200, height: 480, min: 50, max: 170, gridStep: 20, threshold: 140 },
  );
  return png(encodePng(image, { filter: 'none' }), IMMUTABLE);
}

const FACTORIES: Record<string, () => Asset> = {
  '/static/app.css': () => text(APP_CSS, 'text/css; charset=utf-8'),
  '/static/app.js': () => text(APP_JS, 'text/javascript; charset=utf-8'),
  '/static/favicon.svg': () => text(FAVICON_SVG, 'image/svg+xml'),
  '/static/fonts/inter-400.woff2': () => ({
    body: readFileSync(createRequire(import.meta.url).resolve(FONT_MODULE)),
    contentType: 'font/woff2',
    cacheControl: IMMUTABLE,
    compressible: false,
  }),
  '/static/img/chart.png': chart,
  '/static/img/avatar-1.png': () =>
    png(encodePng(renderAvatar(128, { background: [204, 251, 241], skin: [241, 200, 170], hair: [120, 72, 40], shirt: [15, 118, 110] })), IMMUTABLE),
  '/static/img/avatar-2.png': () =>
    png(encodePng(renderAvatar(128, { background: [224, 231, 255], skin: [198, 140, 100], hair: [30, 30, 36], shirt: [99, 102, 241] })), IMMUTABLE),
  // Heavy page: deliberately poor practice (see renderResources).
  '/heavy/ressources.js': () => ({ body: Buffer.from(renderHeavyScript(), 'utf8'), contentType: 'text/javascript; charset=utf-8', compressible: false }),
  '/heavy/hero.png': () => png(encodePng(renderNoise(1000, 450, 99, [250, 180, 90], [60, 110, 170]), { filter: 'none', level: 6 }), 'no-store'),
  ...Object.fromEntries(
    HEAVY_PHOTOS.map((p) => [p.path, () => png(encodePng(renderNoise(p.width, p.height, p.seed, p.from, p.to), { filter: 'none', level: 6 }), 'no-store')]),
  ),
};

const cache = new Map<string, Asset>();

/**
 * The asset served at `path`, generated on first use and kept in memory for the process, or
 * `undefined` when no asset lives there.
 */
export function findAsset(path: string): Asset | undefined {
  if (!Object.hasOwn(FACTORIES, path)) return undefined;
  const factory = FACTORIES[path];
  let asset = cache.get(path);
  if (!asset) {
    asset = factory();
    cache.set(path, asset);
  }
  return asset;
}

/** Paths of every asset, for tests and warm-up. */
export function assetPaths(): string[] {
  return Object.keys(FACTORIES);
}
