import { elementKeyTarget } from '../targets';
import type { Rule } from '../types';

export const allowWithNotPrincipal: Rule = {
  meta: {
    id: 'IAM303',
    name: 'allow-with-not-principal',
    severity: 'warning',
    category: 'security',
    description: 'Allow with NotPrincipal grants access to everyone except the listed principals, anonymous users included. Name the principals to allow.',
    accessAnalyzer: 'Allow with NotPrincipal',
    parliament: 'NOTPRINCIPAL_WITH_ALLOW',
  },
  scope: 'policy',
  check({ policy, report }) {
    for (const statement of policy.statements) {
      const element = statement.principal;
      if (statement.effectValue !== 'Allow' || element?.keyword !== 'NotPrincipal') continue;
      report(elementKeyTarget(statement, element.property), 'Use "Principal" with the principals to allow: with NotPrincipal this Allow reaches everyone else, anonymous users included.');
    }
  },
};
