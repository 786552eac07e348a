/**
 * The renderer of the evidence's results screenshot: report.html's `#summary` drawn by the Chromium that
 * {@link findBrowser} finds (`CHROME_PATH`, the system's, or Playwright's cache). Never the one a result
 * file names: a data file does not choose a program to run. Shared by the CLI and the Playwright Test reporter.
 */
import { findBrowser } from '../browser/find-browser.js';
import { renderElementPng } from '../browser/render-png.js';
import type { SummaryPngRenderer } from '../output/reports.js';
import type { Result } from '../model/result.js';

/**
 * A renderer of `#summary`, or null when no browser can be found. `warn` receives problems. The result is
 * not read for a browser (`environment.browser.executablePath` only records what the run used).
 */
export function chromiumSummaryRenderer(_result: Result, warn: (message: string) => void): SummaryPngRenderer | null {
  let executablePath: string | undefined;
  try {
    executablePath = findBrowser()?.executablePath;
  } catch {
    executablePath = undefined;
  }
  if (!executablePath) return null;
  return async (html, png, selector = '#summary') => {
    const size = await renderElementPng(html, selector, png, { executablePath });
    if (size.blockedRequests.length > 0) warn(`the results screenshot blocked requests to ${size.blockedRequests.join(', ')}`);
    return size;
  };
}
