export { complete } from './complete';
export { candidateDocumentation } from './documentation';
export type { Candidate, CandidateKind, CompletionResult, DocumentationKey, DocumentationKind } from './types';
