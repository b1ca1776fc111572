import type { Statement } from '../../document/model';
import { excludeEachOther } from '../../document/unknown';
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
    const seen = new Map<string, Statement>();
    for (const statement of policy.statements) {
      const value = statement.sid?.value;
      if (value?.kind !== 'string' || value.value === '') continue;
      const first = seen.get(value.value);
      // Two branches of one template choice may share a Sid: only one of them is deployed.
      if (first === undefined || excludeEachOther(first.node, statement.node)) {
        if (first === undefined) seen.set(value.value, statement);
        continue;
      }
      // IAM and Organizations reject a policy with duplicate Sids (Access Analyzer: "Unique Sids
      // required"); S3, SQS, SNS and KMS store such resource policies (AWS's own sample bucket
      // policies have them) and Access Analyzer only recommends unique ones: a warning there.
      const options = policy.type === 'resource' ? { severity: 'warning' as const } : undefined;
      report(valueTarget(value), `Sid "${value.value}" is already used by statement ${first.index + 1}: give this statement a different Sid.`, undefined, options);
    }
  },
};
