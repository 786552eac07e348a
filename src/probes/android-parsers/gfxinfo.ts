/**
 * Parser of `dumpsys gfxinfo <package>` frame statistics (Android 6+). Pure.
 *
 * `Janky frames` is, on Android 12+, judged against the frame deadline (SurfaceFlinger timeline); the older
 * definition is printed as `Janky frames (legacy)`. The first counters of the output are the process-wide ones
 * (later blocks repeat them per window).
 */

/** Frame statistics since the counters were last reset (`dumpsys gfxinfo <pkg> reset`). */
export interface FrameStats {
  totalFrames: number;
  jankyFrames: number;
  /** Janky frames per the pre-Android-12 definition, when the output gives both. */
  jankyFramesLegacy: number | null;
  /** Frame time percentiles, ms (null when the output lacks one: Android 6 has no 50th). */
  p50Ms: number | null;
  p90Ms: number | null;
  p95Ms: number | null;
  p99Ms: number | null;
}

/** Parses the frame statistics; null when the output has none (Android 5 and older, or nothing drawn). */
export function parseGfxinfo(text: string): FrameStats | null {
  const number = (pattern: RegExp): number | null => {
    const match = pattern.exec(text);
    return match ? Number(match[1]) : null;
  };
  const totalFrames = number(/^\s*Total frames rendered:\s*(\d+)/m);
  const jankyFrames = number(/^\s*Janky frames:\s*(\d+)/m);
  if (totalFrames === null || jankyFrames === null) return null;
  return {
    totalFrames,
    jankyFrames,
    jankyFramesLegacy: number(/^\s*Janky frames \(legacy\):\s*(\d+)/m),
    p50Ms: number(/^\s*50th percentile:\s*(\d+)ms/m),
    p90Ms: number(/^\s*90th percentile:\s*(\d+)ms/m),
    p95Ms: number(/^\s*95th percentile:\s*(\d+)ms/m),
    p99Ms: number(/^\s*99th percentile:\s*(\d+)ms/m),
  };
}
