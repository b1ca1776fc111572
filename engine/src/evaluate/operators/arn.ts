import { splitArn } from '../../match/arn';
import { compilePattern, matchesCompiled, type CompiledPattern } from '../pattern';
import { NEVER, type OperatorFamily } from './types';

export const arnOperators: OperatorFamily = {
  operators: ['arnequals', 'arnlike', 'arnnotequals', 'arnnotlike'],
  allowsVariables: true,
  isNegated: (operator) => operator.startsWith('arnnot'),
  // ArnEquals and ArnLike behave alike: each of the six parts is matched on its own, wildcards allowed.
  compile: (_operator, policyValue) => compileArnCondition(policyValue),
};

/**
 * Each of the six colon-delimited parts matches on its own, case-sensitively, so a `*` in the
 * region cannot swallow the account: `arn:aws:svc:*:111122223333:x/*` does not match an ARN of
 * account 999999999999 whose resource happens to contain `:111122223333:`.
 */
function compileArnCondition(pattern: string) {
  if (pattern === '*') return () => true;
  const parts = splitArn(pattern);
  if (!parts) return NEVER;
  const compiled: CompiledPattern[] = [...parts.head.map(compilePattern), compilePattern(parts.resource)];
  return (requestValue: string) => {
    const request = splitArn(requestValue);
    if (!request) return false;
    for (let i = 0; i < 5; i++) if (!matchesCompiled(compiled[i]!, request.head[i]!)) return false;
    return matchesCompiled(compiled[5]!, request.resource);
  };
}
