import { elementKeyTarget } from '../targets';
import type { Rule } from '../types';

export const allowWithNotAction: Rule = {
  meta: {
    id: 'IAM301',
    name: 'allow-with-not-action',
    severity: 'warning',
    category: 'security',
    description: 'Allow with NotAction grants every action except the listed ones, including actions AWS adds later. List the actions to allow, or use Deny with NotAction.',
  },
  scope: 'policy',
  check({ policy, report }) {
    for (const statement of policy.statements) {
      const element = statement.action;
      if (statement.effectValue !== 'Allow' || element?.keyword !== 'NotAction') continue;
      report(elementKeyTarget(statement, element.property), 'Use "Action" with the actions to allow: with NotAction this Allow grants every other action, present and future.');
    }
  },
};
