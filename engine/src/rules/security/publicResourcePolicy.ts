import { VPC_ENDPOINT_RESOURCE } from '../../document/model';
import { principalValues } from '../support/principals';
import { valueTarget } from '../targets';
import type { Rule } from '../types';

export const publicResourcePolicy: Rule = {
  meta: {
    id: 'IAM315',
    name: 'public-resource-policy',
    severity: 'warning',
    category: 'security',
    description:
      'A resource policy that allows "Principal": "*" without any condition opens the resource to everyone, anonymous callers included. Add conditions such as aws:PrincipalOrgID or aws:SourceVpce, or name the principals.',
  },
  scope: 'policy',
  check({ policy, report }) {
    if (policy.type !== 'resource') return;
    // A VPC endpoint policy grants nothing: it only limits what may pass through the endpoint, and
    // "*" to "*" is the policy AWS gives every endpoint (a template or module says when it is one).
    if (policy.owner?.resourceType === VPC_ENDPOINT_RESOURCE) return;
    for (const statement of policy.statements) {
      if (statement.effectValue !== 'Allow' || statement.condition) continue;
      for (const principal of principalValues(statement)) {
        if (principal.type !== 'AWS' || principal.node.value !== '*') continue;
        report(
          valueTarget(principal.node),
          'Anyone, anonymous callers included, gets this access: name the principals, or add a condition such as aws:PrincipalOrgID or aws:SourceVpce.',
        );
      }
    }
  },
};
