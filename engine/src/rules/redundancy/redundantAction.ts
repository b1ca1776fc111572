import type { Rule } from '../types';
import { reportCoveredEntries } from './coveredEntries';

export const redundantAction: Rule = {
  meta: {
    id: 'IAM401',
    name: 'redundant-action',
    severity: 'hint',
    category: 'suggestion',
    description: 'An action listed twice, or matched by another entry of the same statement ("s3:GetObject" next to "s3:Get*"), adds nothing.',
    accessAnalyzer: 'Redundant action',
  },
  scope: 'policy',
  check({ policy, report }) {
    for (const statement of policy.statements) {
      reportCoveredEntries(report, statement.action, (text) => text.toLowerCase(), 'action');
    }
  },
};
