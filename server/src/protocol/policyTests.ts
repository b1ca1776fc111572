/** Policy test files (*.iamtest.json) listed and run for the editor. */
import type { Range } from './range';
import type { SimulateResult } from './simulate';

export const ListPolicyTestsRequestMethod = 'iam/listPolicyTests';
export const RunPolicyTestsRequestMethod = 'iam/runPolicyTests';

export interface PolicyTestsParams {
  /** A `*.iamtest.json` file; an open document's text wins over the file on disk when listing. */
  readonly uri: string;
}

export interface PolicyTestEntry {
  readonly name: string;
  /** The test object in the file. */
  readonly range: Range;
}

export interface PolicyTestOutcome extends PolicyTestEntry {
  readonly expect: string;
  /** The decision, or for AllowAll / AllowSome / DenyAll expectations the answer for the pattern. */
  readonly actual: SimulateResult['decision'] | 'AllowAll' | 'AllowSome' | 'DenyAll';
  readonly pass: boolean;
  readonly summary: string;
}

export interface ListPolicyTestsResult {
  readonly tests: readonly PolicyTestEntry[];
  readonly error?: string;
}

export interface RunPolicyTestsResult {
  readonly results: readonly PolicyTestOutcome[];
  /** Set when the file could not be run at all (malformed, unreadable); no results then. */
  readonly error?: string;
  readonly elapsedMs: number;
}
