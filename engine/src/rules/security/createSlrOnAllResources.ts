import { grantsOf } from '../support/grants';
import { roleReach } from '../support/roleResources';
import type { Rule } from '../types';

/** A constant, so that grantsOf's memo (keyed by the list) serves every statement. */
const CREATE_SLR: readonly string[] = ['iam:CreateServiceLinkedRole'];

export const createSlrOnAllResources: Rule = {
  meta: {
    id: 'IAM305',
    name: 'create-slr-on-all-resources',
    severity: 'warning',
    category: 'security',
    description:
      'iam:CreateServiceLinkedRole on "*" lets the principal create the service-linked role of any service. Name the role ARNs or restrict iam:AWSServiceName.',
    accessAnalyzer: 'Create SLR with star in resource / with star in action and resource / with NotResource / with NotAction',
  },
  scope: 'policy',
  check({ policy, report }) {
    // Only identity policies grant this: an SCP, RCP, boundary or session policy allowing "*" merely
    // leaves room for grants made elsewhere (FullAWSAccess is exactly that), and a resource policy
    // (a bucket's, a VPC endpoint's "*" to "*") cannot grant an IAM action on roles, whose only
    // resource policy, the trust policy, governs assuming them.
    if (policy.type !== 'identity') return;
    for (const statement of policy.statements) {
      if (roleReach(statement) !== 'all') continue;
      const keys = (statement.condition?.blocks ?? []).flatMap((block) => block.entries.map((entry) => entry.key.toLowerCase()));
      if (keys.includes('iam:awsservicename')) continue;
      for (const grant of grantsOf(statement, CREATE_SLR)) {
        const how = grant.entry?.value === 'iam:CreateServiceLinkedRole' ? 'iam:CreateServiceLinkedRole' : grant.entry ? `"${grant.entry.value}" (which includes iam:CreateServiceLinkedRole)` : 'NotAction (which leaves iam:CreateServiceLinkedRole in)';
        report(grant.target, `${how} is granted on every role: name the service-linked role ARNs, or add an iam:AWSServiceName condition.`);
      }
    }
  },
};
