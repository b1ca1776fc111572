import { keyTarget, openingTarget, valueTarget } from '../targets';
import type { Rule } from '../types';

export const invalidStatement: Rule = {
  meta: {
    id: 'IAM004',
    name: 'invalid-statement',
    severity: 'error',
    category: 'error',
    description: 'A policy needs a Statement: one statement object or an array of them.',
    accessAnalyzer: 'Missing statement / Unsupported statement type',
  },
  scope: 'policy',
  check({ policy, report }) {
    const property = policy.statementProperty;
    if (!property) {
      report(openingTarget(policy.node), 'The policy has no Statement: add "Statement": [ { "Effect": ..., "Action": ..., ... } ].');
      return;
    }
    const value = property.value;
    if (!value) {
      report(keyTarget(property, policy.path.concat('Statement')), 'Statement needs a value: an array of statement objects.');
      return;
    }
    if (value.kind === 'array' && value.items.length === 0) {
      report(valueTarget(value), 'Statement is empty: a policy without statements grants and denies nothing.');
    }
    if (value.kind !== 'array' && value.kind !== 'object') {
      report(valueTarget(value), 'Statement must be an object or an array of objects.');
    }
    for (const statement of policy.statements) {
      if (value.kind === 'array' && statement.node.kind !== 'object') {
        report(valueTarget(statement.node), 'Each statement must be an object with Effect, Action and (for most policies) Resource.');
      }
    }
  },
};
