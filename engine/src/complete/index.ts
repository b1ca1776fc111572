export { complete } from './complete';
export type { Candidate, CandidateKind, CompletionResult } from './types';
