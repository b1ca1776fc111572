import { valueTarget } from '../targets';
import type { Rule } from '../types';

export const emptySid: Rule = {
  meta: {
    id: 'IAM012',
    name: 'empty-sid',
    severity: 'hint',
    category: 'suggestion',
    description: 'An empty Sid names nothing: give the statement a name that says what it is for, or remove the Sid.',
    accessAnalyzer: 'Empty Sid value',
  },
  scope: 'policy',
  check({ policy, report }) {
    for (const statement of policy.statements) {
      const value = statement.sid?.value;
      if (value?.kind === 'string' && value.value === '') {
        report(valueTarget(value), 'The Sid is empty: name the statement (e.g. "AllowReadReports") or remove the Sid.');
      }
    }
  },
};
