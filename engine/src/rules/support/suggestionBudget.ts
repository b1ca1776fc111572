import { MemoSlot, memoized } from '../../document/memo';
import type { PolicyFile } from '../../document/policyFile';

/**
 * How many "did you mean" searches one lint of a file may make. Each compares the misspelt name with
 * every action (or service) there is, which is fine for the few a person writes and took 5 seconds
 * for a statement of 100,000 unknown actions. Past this many the finding stays, without the
 * suggestion; a document is shown at most 1,000 findings anyway (diagnosticsCap).
 */
export const MAX_SUGGESTIONS_PER_LINT = 2000;

const BUDGET = new MemoSlot<{ left: number }>('did-you-mean budget');

/** Whether this lint of `file` may still search for a suggestion (and counts this one). */
export function mayAskSuggestion(file: PolicyFile): boolean {
  const budget = memoized(file, BUDGET, () => ({ left: MAX_SUGGESTIONS_PER_LINT }));
  if (budget.left <= 0) return false;
  budget.left--;
  return true;
}
