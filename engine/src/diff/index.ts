export { diffPolicies, DEFAULT_MAX_REQUESTS } from './diffPolicies';
export { harness, DIFF_ACCOUNT, OTHER_ACCOUNT } from './harness';
export type { DiffOptions, DiffResult, DiffSide, Witness } from './types';
export { diffLines } from './describe';
export { pairPolicies, type PolicyPair } from './pairs';
