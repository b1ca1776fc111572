import type { PolicyType } from '../../document/model';
import { keyTarget, openingTarget, valueTarget } from '../targets';
import type { Rule } from '../types';

const NEEDS_PRINCIPAL: readonly PolicyType[] = ['trust', 'resource', 'rcp'];

export const invalidPrincipal: Rule = {
  meta: {
    id: 'IAM008',
    name: 'invalid-principal',
    severity: 'error',
    category: 'error',
    description:
      'Trust and resource policies must say who they apply to with Principal; identity policies, boundaries, session policies and SCPs must not.',
    accessAnalyzer: 'Missing principal / Unsupported principal',
  },
  scope: 'policy',
  check({ policy, report }) {
    const needsPrincipal = NEEDS_PRINCIPAL.includes(policy.type);
    for (const statement of policy.statements) {
      if (statement.node.kind !== 'object') continue;
      const element = statement.principal;
      if (!element) {
        if (needsPrincipal) {
          report(openingTarget(statement.node), `A ${policy.type} policy statement needs a Principal: who is allowed or denied.`);
        }
        continue;
      }
      if (!needsPrincipal) {
        report(
          keyTarget(element.property, statement.path.concat(element.keyword)),
          `${element.keyword} is not allowed in ${article(policy.type)} ${policy.type} policy: it applies to the principal it is attached to.`,
        );
        continue;
      }
      if (policy.type === 'trust' && element.keyword === 'NotPrincipal') {
        report(keyTarget(element.property, statement.path.concat('NotPrincipal')), 'NotPrincipal is not allowed in a role trust policy: use Principal.');
      }
      const value = element.property.value;
      if (!value) continue;
      if (value.kind === 'string' && value.value !== '*') {
        report(valueTarget(value), 'Principal must be "*" or an object such as {"AWS": "arn:aws:iam::123456789012:root"} or {"Service": "ec2.amazonaws.com"}.');
      } else if (value.kind !== 'string' && value.kind !== 'object') {
        report(valueTarget(value), `${element.keyword} must be "*" or an object keyed by AWS, Service, Federated or CanonicalUser.`);
      }
    }
  },
};

function article(type: PolicyType): string {
  return /^[aeiou]/.test(type) || type === 'scp' || type === 'rcp' ? 'an' : 'a';
}
