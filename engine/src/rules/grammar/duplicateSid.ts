import { valueTarget } from '../targets';
import type { Rule } from '../types';

export const duplicateSid: Rule = {
  meta: {
    id: 'IAM013',
    name: 'duplicate-sid',
    severity: 'error',
    category: 'error',
    description:
      'Statement ids must be unique within a policy: IAM and Organizations reject duplicates (an error); resource policies of S3, SQS, SNS and KMS accept them but they are ambiguous (a warning).',
    accessAnalyzer: 'Unique Sids required / Unique Sids recommended',
    parliament: 'DUPLICATE_SID',
  },
  scope: 'policy',
  check({ policy, report }) {
    const seen = new Map<string, number>();
    for (const statement of policy.statements) {
      const value = statement.sid?.value;
      if (value?.kind !== 'string' || value.value === '') continue;
      const first = seen.get(value.value);
      if (first === undefined) {
        seen.set(value.value, statement.index);
        continue;
      }
      // IAM and Organizations reject a policy with duplicate Sids (Access Analyzer: "Unique Sids
      // required"); S3, SQS, SNS and KMS store such resource policies (AWS's own sample bucket
      // policies have them) and Access Analyzer only recommends unique ones: a warning there.
      const options = policy.type === 'resource' ? { severity: 'warning' as const } : undefined;
      report(valueTarget(value), `Sid "${value.value}" is already used by statement ${first + 1}: give this statement a different Sid.`, undefined, options);
    }
  },
};
