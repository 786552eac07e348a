/**
 * Parser of `dumpsys meminfo <package>`: the app's total PSS (proportional set size), in kB. Pure.
 *
 * Android 10+ prints an App Summary line `TOTAL PSS: 96932  TOTAL RSS: …`, Android 6-9 `TOTAL: 174545  TOTAL
 * SWAP PSS: …` in the summary, and every version a `TOTAL` row in the table whose first number is the PSS
 * total. The summary line is preferred; the table row is the fallback.
 */

/** Total PSS of the process, kB. Throws when the output has no total (no such process, or not meminfo). */
export function parseMeminfoTotalPssKb(text: string): number {
  if (/No process found for:/i.test(text)) throw new Error(`dumpsys meminfo: ${text.trim().split(/\r?\n/)[0]}`);
  const summary = /TOTAL PSS:\s+(\d+)/.exec(text) ?? /^\s*TOTAL:\s+(\d+)/m.exec(text);
  if (summary) return Number(summary[1]);
  const row = /^\s*TOTAL\s+(\d+)\s/m.exec(text);
  if (row) return Number(row[1]);
  throw new Error('no TOTAL line in the `dumpsys meminfo` output');
}
