/**
 * Seeded pseudo-random number generator (mulberry32), so that every picture, measure and script of the
 * demo app is the same on every run and every machine. `Math.random` is never used by the demo app.
 *
 * @param seed - any 32-bit integer
 * @returns a function returning floats in [0, 1)
 */
export function createPrng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A seeded integer in [min, max] (both inclusive).
 *
 * @param random - a generator from {@link createPrng}
 */
export function randomInt(random: () => number, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}

/** A seeded element of a non-empty list. */
export function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)];
}
