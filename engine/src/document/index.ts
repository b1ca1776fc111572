export * from './tree';
export * from './model';
export { parseJson, type ParsedJson, type SyntaxProblem } from './parseJson';
export { locatePolicies, type LocateOptions } from './locate';
export { looksLikePolicy } from './shape';
export { readPolicy, type PolicyPlacement } from './readPolicy';
export { formatOf, parsePolicyFile, type ParseOptions, type PolicyFile, type SourceFormat } from './policyFile';
export type { EmbeddedPolicy } from './embedded';
export { locateCursor, statementElementOf, type CursorLocation } from './nodeAt';
