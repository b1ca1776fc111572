import { grantsOf } from '../support/grants';
import { hasConditionKey } from '../support/principals';
import { roleReach } from '../support/roleResources';
import type { Rule } from '../types';

/** A constant, so that grantsOf's memo (keyed by the list) serves every statement. */
const PASS_ROLE: readonly string[] = ['iam:PassRole'];

export const passRoleOnAllResources: Rule = {
  meta: {
    id: 'IAM304',
    name: 'pass-role-on-all-resources',
    severity: 'warning',
    category: 'security',
    description:
      'iam:PassRole on "*" (or wildcard role ARNs, or NotResource) lets the principal hand any role, an administrator role included, to a service it controls. Name the roles and restrict iam:PassedToService.',
    accessAnalyzer: 'Pass role with star in resource / with star in action and resource / with NotResource / with NotAction',
    parliament: 'PRIVILEGE_ESCALATION',
  },
  scope: 'policy',
  check({ policy, report }) {
    // Only identity policies grant this: an SCP, RCP, boundary or session policy allowing "*" merely
    // leaves room for grants made elsewhere (FullAWSAccess is exactly that), and a resource policy
    // (a bucket's, a VPC endpoint's "*" to "*") cannot grant an IAM action on roles, whose only
    // resource policy, the trust policy, governs assuming them.
    if (policy.type !== 'identity') return;
    for (const statement of policy.statements) {
      // Which statements grant iam:PassRole is the quick question; most grant nothing of it.
      const grants = grantsOf(statement, PASS_ROLE);
      if (grants.length === 0) continue;
      const reach = roleReach(statement);
      // A wildcard over a naming convention is fine once the services the roles go to are pinned.
      const servicesPinned = hasConditionKey(statement, 'iam:PassedToService');
      if (!reach || (reach === 'wildcard' && servicesPinned)) continue;
      for (const grant of grants) {
        const how = grant.entry ? (grant.entry.value === 'iam:PassRole' ? 'iam:PassRole' : `"${grant.entry.value}" (which includes iam:PassRole)`) : 'NotAction (which leaves iam:PassRole in)';
        // With the services pinned, what is left to say is which roles: any of them, an administrator
        // role included, still goes to those services (and so to code the principal runs there).
        const message = servicesPinned
          ? `${how} is granted on every role, for the services iam:PassedToService names: any role, an administrator role included, can be passed to them. List the role ARNs that may be passed.`
          : `${how} is granted on ${reach === 'all' ? 'every role' : 'roles matched by a wildcard'}: list the role ARNs that may be passed, and add an iam:PassedToService condition.`;
        report(grant.target, message);
      }
    }
  },
};
