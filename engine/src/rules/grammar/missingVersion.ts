import { openingTarget } from '../targets';
import type { Rule } from '../types';

export const missingVersion: Rule = {
  meta: {
    id: 'IAM002',
    name: 'missing-version',
    severity: 'warning',
    category: 'warning',
    description: 'A policy without "Version": "2012-10-17" treats policy variables such as ${aws:username} as literal text.',
    accessAnalyzer: 'Missing version',
  },
  scope: 'policy',
  check({ policy, report }) {
    if (policy.version || policy.node.kind !== 'object') return;
    report(openingTarget(policy.node), 'Add "Version": "2012-10-17": without it, policy variables are not substituted.', [
      { title: 'Add "Version": "2012-10-17"', replacement: '{\n  "Version": "2012-10-17",' },
    ]);
  },
};
