/** `ecoscore compare <base> <head>`: deltas, regressions beyond noise, budgets; exit 1 when the gate fails. */
import { compareGrades, renderCompareJson, renderCompareMarkdown, renderCompareText } from '../report/compare.js';
import { checkBudget, loadBudget } from '../result/budget.js';
import { compareResults, gateProblem } from '../result/compare.js';
import { readResult } from '../output/result-file.js';
import { InputError } from '../shared/input-error.js';
import type { CliIo } from './io.js';

/** Flags of `ecoscore compare`. */
export interface CompareFlags {
  maxDrop: number;
  tolerance: number;
  timeTolerance: number;
  budget?: string;
  format: 'text' | 'markdown' | 'json';
  /** --allow-methodology-change: gate a head against a base of another methodology major version. */
  allowMethodologyChange?: boolean;
}

/** Runs the command; returns the exit code. */
export async function compareCommand(baseFile: string, headFile: string, flags: CompareFlags, io: CliIo): Promise<number> {
  const budget = flags.budget ? await loadBudget(flags.budget) : null;
  const [base, head] = [await readResult(baseFile), await readResult(headFile)];
  // A gate that cannot check fails closed (exit code 2), in one sentence.
  const problem = gateProblem(base, head, { allowMethodologyChange: flags.allowMethodologyChange });
  if (problem) throw new InputError(`compare ${baseFile} ${headFile}: ${problem}`);
  const comparison = compareResults(base, head, { maxDrop: flags.maxDrop, tolerance: flags.tolerance / 100, timeTolerance: flags.timeTolerance / 100 });
  const budgetCheck = budget ? checkBudget(head, budget) : null;
  if (budgetCheck && budgetCheck.unchecked.length > 0) throw new InputError(`${flags.budget}: ${budgetCheck.unchecked[0]}`, flags.budget);
  const failed = comparison.regressions.length > 0 || (budgetCheck?.violations.length ?? 0) > 0 || head.status !== 'passed';
  const report = { comparison, budget: budgetCheck, failed, grades: compareGrades(base, head) };
  const render = flags.format === 'markdown' ? renderCompareMarkdown : flags.format === 'json' ? renderCompareJson : renderCompareText;
  io.out(render(report).trimEnd());
  if (head.status !== 'passed') io.err(`the head result's status is "${head.status}": the gate fails`);
  return failed ? 1 : 0;
}
