import type { Rule } from '../types';
import { reportCoveredEntries } from './coveredEntries';

export const redundantResource: Rule = {
  meta: {
    id: 'IAM402',
    name: 'redundant-resource',
    severity: 'hint',
    category: 'suggestion',
    description: 'A resource listed twice, or matched by another entry of the same statement ("arn:aws:s3:::b/a.txt" next to "arn:aws:s3:::b/*"), adds nothing.',
    accessAnalyzer: 'Redundant resource',
  },
  scope: 'policy',
  check({ policy, report }) {
    for (const statement of policy.statements) {
      reportCoveredEntries(report, statement.resource, (text) => text, 'resource');
    }
  },
};
