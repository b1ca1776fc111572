import { valueTarget } from '../targets';
import type { Rule } from '../types';

export const oldVersion: Rule = {
  meta: {
    id: 'IAM010',
    name: 'old-version',
    severity: 'warning',
    category: 'warning',
    description: 'Version "2008-10-17" is the legacy policy language: policy variables stay literal text and newer features are missing.',
    parliament: 'OLD_VERSION',
  },
  scope: 'policy',
  check({ policy, report }) {
    const value = policy.version?.value;
    if (value?.kind !== 'string' || value.value !== '2008-10-17') return;
    report(valueTarget(value), 'Version "2008-10-17" is the legacy language: change it to "2012-10-17" so policy variables work.', [
      { title: 'Use "2012-10-17"', replacement: '"2012-10-17"' },
    ]);
  },
};
