import { createPrng } from './prng.js';
import type { RawImage } from './png.js';

/** An sRGB colour as `[red, green, blue]`, 0-255 each. */
export type Rgb = readonly [number, number, number];

/** One line of the chart: its values and colour. */
export interface ChartSeries {
  values: readonly number[];
  color: Rgb;
  /** Fill the area below the line with a fading tint of its colour. */
  fill?: boolean;
}

function createImage(width: number, height: number, channels: 3 | 4, background: Rgb | null): RawImage {
  const pixels = new Uint8Array(width * height * channels);
  if (background) {
    for (let i = 0; i < width * height; i++) pixels.set(background, i * channels);
  }
  return { width, height, channels, pixels };
}

/** Alpha-blends `color` over the pixel at (x, y) with coverage `alpha` in [0, 1]. */
function blend(image: RawImage, x: number, y: number, color: Rgb, alpha: number): void {
  if (x < 0 || y < 0 || x >= image.width || y >= image.height || alpha <= 0) return;
  const a = Math.min(alpha, 1);
  const at = (y * image.width + x) * image.channels;
  for (let c = 0; c < 3; c++) image.pixels[at + c] = Math.round(image.pixels[at + c] * (1 - a) + color[c] * a);
  if (image.channels === 4) image.pixels[at + 3] = Math.round(image.pixels[at + 3] * (1 - a) + 255 * a);
}

/** Anti-aliased filled disc (or ellipse when `ry` differs from `rx`). */
function disc(image: RawImage, cx: number, cy: number, rx: number, ry: number, color: Rgb, clip?: (x: number, y: number) => number): void {
  for (let y = Math.floor(cy - ry - 1); y <= Math.ceil(cy + ry + 1); y++) {
    for (let x = Math.floor(cx - rx - 1); x <= Math.ceil(cx + rx + 1); x++) {
      const dx = (x + 0.5 - cx) / rx;
      const dy = (y + 0.5 - cy) / ry;
      const edge = (1 - Math.sqrt(dx * dx + dy * dy)) * Math.min(rx, ry);
      const coverage = Math.max(0, Math.min(1, edge + 0.5));
      blend(image, x, y, color, coverage * (clip ? clip(x, y) : 1));
    }
  }
}

/** Catmull-Rom interpolation of `values` at fractional index `t`. */
function interpolate(values: readonly number[], t: number): number {
  const i = Math.max(0, Math.min(values.length - 2, Math.floor(t)));
  const f = t - i;
  const p0 = values[Math.max(0, i - 1)];
  const p1 = values[i];
  const p2 = values[i + 1];
  const p3 = values[Math.min(values.length - 1, i + 2)];
  return 0.5 * (2 * p1 + (-p0 + p2) * f + (2 * p0 - 5 * p1 + 4 * p2 - p3) * f * f + (-p0 + 3 * p1 - 3 * p2 + p3) * f * f * f);
}

/**
 * A line chart (no text: axis labels are HTML next to the picture). Smooth, so it compresses well.
 *
 * @param series - lines to draw, all on the same vertical scale
 * @param options - size in pixels and the value range of the vertical axis, with grid lines every `gridStep`
 */
export function renderChart(
  series: readonly ChartSeries[],
  options: { width: number; height: number; min: number; max: number; gridStep: number; threshold?: number },
): RawImage {
  const { width, height, min, max, gridStep } = options;
  const image = createImage(width, height, 3, [255, 255, 255]);
  const pad = 16;
  const toY = (value: number): number => pad + ((max - value) / (max - min)) * (height - 2 * pad);
  for (let value = min; value <= max; value += gridStep) {
    const y = Math.round(toY(value));
    for (let x = 0; x < width; x++) blend(image, x, y, [226, 232, 240], 1);
  }
  if (options.threshold !== undefined) {
    const y = Math.round(toY(options.threshold));
    for (let x = 0; x < width; x++) if (x % 16 < 9) for (let w = 0; w < 2; w++) blend(image, x, y + w, [239, 68, 68], 0.7);
  }
  for (const line of series) {
    const count = line.values.length;
    const toX = (i: number): number => pad + (i / (count - 1)) * (width - 2 * pad);
    const curve = new Float64Array(width);
    for (let x = 0; x < width; x++) curve[x] = toY(interpolate(line.values, ((x - pad) / (width - 2 * pad)) * (count - 1)));
    const top = Math.min(...curve.subarray(pad, width - pad));
    for (let x = pad; x < width - pad; x++) {
      const slope = (curve[Math.min(width - 1, x + 1)] - curve[Math.max(0, x - 1)]) / 2;
      const stretch = Math.sqrt(1 + slope * slope);
      const bottom = height - pad;
      for (let y = Math.floor(curve[x] - 3 * stretch - 3); y < (line.fill ? bottom : curve[x] + 3 * stretch + 3); y++) {
        const distance = Math.abs(y + 0.5 - curve[x]) / stretch;
        blend(image, x, y, line.color, Math.max(0, Math.min(1, 2.5 - distance)));
        if (line.fill && y + 0.5 > curve[x]) blend(image, x, y, line.color, 0.22 * (1 - (y - top) / (bottom - top)));
      }
    }
    for (let i = 0; i < count; i++) {
      disc(image, toX(i), toY(line.values[i]), 6, 6, line.color);
      disc(image, toX(i), toY(line.values[i]), 3, 3, [255, 255, 255]);
    }
  }
  return image;
}

/** Colours of a doctor's avatar. */
export interface AvatarColors {
  background: Rgb;
  skin: Rgb;
  hair: Rgb;
  shirt: Rgb;
}

/**
 * A round doctor avatar (RGBA, transparent corners): head, hair and white coat over a pastel disc.
 *
 * @param size - width and height in pixels
 */
export function renderAvatar(size: number, colors: AvatarColors): RawImage {
  const image = createImage(size, size, 4, null);
  const s = size / 128;
  const inside = (x: number, y: number): number => {
    const d = Math.hypot(x + 0.5 - 64 * s, y + 0.5 - 64 * s);
    return Math.max(0, Math.min(1, 64 * s - d + 0.5));
  };
  disc(image, 64 * s, 64 * s, 64 * s, 64 * s, colors.background);
  disc(image, 64 * s, 128 * s, 50 * s, 40 * s, [248, 250, 252], inside); // coat
  disc(image, 64 * s, 106 * s, 9 * s, 18 * s, colors.shirt, inside); // shirt collar
  disc(image, 64 * s, 92 * s, 9 * s, 10 * s, colors.skin); // neck
  disc(image, 64 * s, 48 * s, 25 * s, 25 * s, colors.hair); // hair, back
  disc(image, 64 * s, 56 * s, 22 * s, 24 * s, colors.skin); // face
  disc(image, 64 * s, 36 * s, 22 * s, 11 * s, colors.hair); // fringe
  return image;
}

/**
 * A grainy photograph-like landscape (sky gradient between two colours, a sun, a darker hill) under
 * strong seeded noise. The noise makes it nearly incompressible: PNG size ≈ 80-95 % of
 * `width × height × 3` bytes.
 *
 * @param seed - PRNG seed: each seed gives a different picture
 */
export function renderNoise(width: number, height: number, seed: number, from: Rgb, to: Rgb): RawImage {
  const random = createPrng(seed);
  const image = createImage(width, height, 3, null);
  const amplitude = 56;
  const phase = random() * Math.PI * 2;
  const sun = { x: width * (0.55 + random() * 0.3), y: height * 0.28, r: height * 0.11 };
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const horizon = height * (0.64 + 0.07 * Math.sin((x / width) * Math.PI * 3 + phase));
      const t = y / height;
      const sunlight = Math.max(0, Math.min(1, sun.r - Math.hypot(x - sun.x, y - sun.y) + 0.5));
      const shade = y > horizon ? 0.5 : 1;
      const at = (y * width + x) * 3;
      for (let c = 0; c < 3; c++) {
        const sky = (from[c] + (to[c] - from[c]) * t) * shade;
        const base = sky + (255 - sky) * sunlight * (y > horizon ? 0 : 0.85);
        const value = base + (random() - 0.5) * 2 * amplitude;
        image.pixels[at + c] = Math.max(0, Math.min(255, Math.round(value)));
      }
    }
  }
  return image;
}
