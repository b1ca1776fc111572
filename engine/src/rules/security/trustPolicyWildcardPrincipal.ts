import { principalValues } from '../support/principals';
import { valueTarget } from '../targets';
import type { Rule } from '../types';

export const trustPolicyWildcardPrincipal: Rule = {
  meta: {
    id: 'IAM310',
    name: 'trust-policy-wildcard-principal',
    severity: 'error',
    category: 'security',
    description: 'A role trust policy with "Principal": "*" (or {"AWS": "*"}) lets any AWS identity in any account try to assume the role. Name the accounts, roles or services trusted.',
    accessAnalyzer: 'Role trust policy unsupported wildcard in principal',
  },
  scope: 'policy',
  check({ policy, report }) {
    if (policy.type !== 'trust') return;
    for (const statement of policy.statements) {
      if (statement.effectValue !== 'Allow') continue;
      for (const principal of principalValues(statement)) {
        if (principal.type !== 'AWS' || principal.node.value !== '*') continue;
        report(
          valueTarget(principal.node),
          'Any AWS principal could assume this role: name the trusted account ("arn:aws:iam::111122223333:root"), role or service instead of "*".',
        );
      }
    }
  },
};
