import { valueTarget } from '../targets';
import type { Rule } from '../types';

export const duplicateSid: Rule = {
  meta: {
    id: 'IAM013',
    name: 'duplicate-sid',
    severity: 'error',
    category: 'error',
    description: 'Statement ids must be unique within a policy: IAM rejects duplicates, and other services make them ambiguous.',
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
      report(valueTarget(value), `Sid "${value.value}" is already used by statement ${first + 1}: give this statement a different Sid.`);
    }
  },
};
