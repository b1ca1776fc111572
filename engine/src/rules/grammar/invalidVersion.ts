import { valueTarget, keyTarget } from '../targets';
import type { Rule } from '../types';

const VALID_VERSIONS = ['2012-10-17', '2008-10-17'];

export const invalidVersion: Rule = {
  meta: {
    id: 'IAM003',
    name: 'invalid-version',
    severity: 'error',
    category: 'error',
    description: 'Version must be "2012-10-17" (or the legacy "2008-10-17"); it is the language version, not a date of yours.',
    accessAnalyzer: 'Invalid Version',
  },
  scope: 'policy',
  check({ policy, report }) {
    const version = policy.version;
    if (!version) return;
    const value = version.value;
    if (!value) {
      report(keyTarget(version, policy.path.concat('Version')), 'Version needs a value: "2012-10-17".');
      return;
    }
    if (value.kind === 'string' && VALID_VERSIONS.includes(value.value)) return;
    report(valueTarget(value), `Version must be "2012-10-17" or "2008-10-17", not ${JSON.stringify(describe(value))}.`, [
      { title: 'Use "2012-10-17"', replacement: '"2012-10-17"' },
    ]);
  },
};

function describe(value: { kind: string; value?: unknown }): unknown {
  return 'value' in value ? value.value : value.kind;
}
