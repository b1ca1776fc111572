import { acceptsStringList, openingTarget, valueTarget } from '../targets';
import type { Rule } from '../types';
import { syntaxBrokenWithin } from '../support/syntaxCascade';

export const invalidAction: Rule = {
  meta: {
    id: 'IAM006',
    name: 'invalid-action',
    severity: 'error',
    category: 'error',
    description: 'Every statement needs Action or NotAction: a string or an array of strings of the form "service:action".',
    accessAnalyzer: 'Missing action / Invalid action',
  },
  scope: 'policy',
  check({ policy, report, file }) {
    for (const statement of policy.statements) {
      if (statement.node.kind !== 'object') continue;
      const element = statement.action;
      if (!element) {
        // A syntax error inside the statement may have swallowed it: that error is what to report.
        if (syntaxBrokenWithin(file, statement.node.span)) continue;
        report(openingTarget(statement.node), 'The statement has no Action: add "Action": ["service:Action", ...] (or NotAction).');
        continue;
      }
      const value = element.property.value;
      if (!value) continue;
      if (!acceptsStringList(value, policy)) {
        report(valueTarget(value), `${element.keyword} must be a string or an array of strings.`);
        continue;
      }
      if (value.kind === 'array' && value.items.length === 0) {
        report(valueTarget(value), `${element.keyword} is empty: the statement matches no action.`);
      }
      for (const action of element.values) {
        if (action.value === '*' || /^[^:\s]+:[^:\s]+$/.test(action.value)) continue;
        report(valueTarget(action), `"${action.value}" is not an action: write "service:ActionName", e.g. "s3:GetObject".`);
      }
    }
  },
};
