import { matchesArnPattern } from '../../match/arn';
import type { OperatorFamily } from './types';

export const arnOperators: OperatorFamily = {
  operators: ['arnequals', 'arnlike', 'arnnotequals', 'arnnotlike'],
  allowsVariables: true,
  isNegated: (operator) => operator.startsWith('arnnot'),
  // ArnEquals and ArnLike behave alike: each of the six parts is matched on its own, wildcards allowed.
  compare: (_operator, requestValue, policyValue) => matchesArnCondition(policyValue, requestValue),
};

function matchesArnCondition(pattern: string, value: string): boolean {
  if (pattern.split(':').length < 6 && pattern !== '*') return false;
  return matchesArnPattern(pattern, value);
}
