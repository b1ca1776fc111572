import { hasConditionKey, principalValues } from '../support/principals';
import { coversAction } from '../support/statements';
import { valueTarget } from '../targets';
import type { Rule } from '../types';

const ACCOUNT_PRINCIPAL = /^(\d{12}|arn:aws[a-z-]*:iam::\d{12}:root)$/;
const GUARD_KEYS = ['sts:ExternalId', 'aws:PrincipalOrgID', 'aws:PrincipalOrgPaths', 'aws:PrincipalArn'];

export const crossAccountWithoutExternalId: Rule = {
  meta: {
    id: 'IAM312',
    name: 'cross-account-without-external-id',
    severity: 'info',
    category: 'security',
    description:
      'Trusting a whole account lets anyone its administrators allow assume the role. For a third party, require sts:ExternalId; within your organization, aws:PrincipalOrgID or aws:PrincipalArn.',
  },
  scope: 'policy',
  check({ policy, report }) {
    if (policy.type !== 'trust') return;
    for (const statement of policy.statements) {
      if (statement.effectValue !== 'Allow' || !coversAction(statement, 'sts:AssumeRole')) continue;
      if (hasConditionKey(statement, ...GUARD_KEYS)) continue;
      for (const principal of principalValues(statement)) {
        if (principal.type !== 'AWS' || !ACCOUNT_PRINCIPAL.test(principal.node.value)) continue;
        report(
          valueTarget(principal.node),
          'This trusts every principal the account allows: add {"StringEquals": {"sts:ExternalId": "..."}} for a third party, or aws:PrincipalOrgID / aws:PrincipalArn within your organization.',
        );
      }
    }
  },
};
