/**
 * The renderer of the evidence's results screenshot: report.html's `#summary` drawn by Chromium (the run's
 * own browser when it is known, else the one {@link findBrowser} finds). Shared by the CLI and the
 * Playwright Test reporter.
 */
import { findBrowser } from '../drivers/find-browser.js';
import { renderElementPng } from '../drivers/render-png.js';
import type { SummaryPngRenderer } from '../report/write.js';
import type { Result } from '../result/schema.js';

/** A renderer of `#summary` for `result`, or null when no browser can be found. `warn` receives problems. */
export function chromiumSummaryRenderer(result: Result, warn: (message: string) => void): SummaryPngRenderer | null {
  let executablePath: string | undefined;
  try {
    executablePath = result.environment.browser?.executablePath ?? findBrowser()?.executablePath;
  } catch {
    executablePath = undefined;
  }
  if (!executablePath) return null;
  return async (html, png) => {
    const size = await renderElementPng(html, '#summary', png, { executablePath });
    if (size.blockedRequests.length > 0) warn(`the results screenshot blocked requests to ${size.blockedRequests.join(', ')}`);
    return size;
  };
}
