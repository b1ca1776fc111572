import { valueTarget } from '../targets';
import type { Rule } from '../types';

export const invalidSid: Rule = {
  meta: {
    id: 'IAM011',
    name: 'invalid-sid',
    severity: 'error',
    category: 'error',
    description:
      'A Sid is a string; in IAM policies (identity, trust, boundary, session, SCP, RCP) it may hold only letters and digits. Resource policies of other services are more lenient.',
    accessAnalyzer: 'Unsupported Sid',
    parliament: 'INVALID_SID',
  },
  scope: 'policy',
  check({ policy, report }) {
    for (const statement of policy.statements) {
      const value = statement.sid?.value;
      if (!value) continue;
      if (value.kind !== 'string') {
        report(valueTarget(value), `Sid must be a string, not ${value.kind === 'array' ? 'an array' : `a ${value.kind}`}.`);
        continue;
      }
      // S3, SNS, SQS and other resource policies accept spaces and punctuation in Sid.
      if (policy.type === 'resource' || /^[A-Za-z0-9]*$/.test(value.value)) continue;
      const cleaned = value.value.replace(/[^A-Za-z0-9]/g, '');
      report(valueTarget(value), `Sid may contain only letters and digits: remove the other characters${cleaned ? ` ("${cleaned}")` : ''}.`, cleaned ? [{ title: `Change to "${cleaned}"`, replacement: JSON.stringify(cleaned) }] : undefined);
    }
  },
};
