import { elementKeyTarget } from '../targets';
import type { Rule } from '../types';

export const allowWithNotResource: Rule = {
  meta: {
    id: 'IAM302',
    name: 'allow-with-not-resource',
    severity: 'warning',
    category: 'security',
    description: 'Allow with NotResource grants the actions on every resource except the listed ones, including resources created later. List the resources to allow.',
    parliament: 'NOTRESOURCE_WITH_ALLOW',
  },
  scope: 'policy',
  check({ policy, report }) {
    for (const statement of policy.statements) {
      const element = statement.resource;
      if (statement.effectValue !== 'Allow' || element?.keyword !== 'NotResource') continue;
      report(elementKeyTarget(statement, element.property), 'Use "Resource" with the ARNs to allow: with NotResource this Allow reaches every other resource, present and future.');
    }
  },
};
