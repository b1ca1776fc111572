import { conditionUses, scalarText } from '../support/conditions';
import { hasHostBits, networkOf, parseCidr } from '../support/ip';
import { valueTarget } from '../targets';
import type { Rule } from '../types';

export const ipRangeHostBits: Rule = {
  meta: {
    id: 'IAM214',
    name: 'ip-range-host-bits',
    severity: 'info',
    category: 'suggestion',
    description: 'In "203.0.113.7/24" the bits after the mask are ignored; write the network address, "203.0.113.0/24", so the range reads as what it is.',
    accessAnalyzer: 'Improve IP range',
  },
  scope: 'policy',
  check({ policy, report }) {
    for (const use of conditionUses(policy)) {
      if (!use.operator?.base.includes('ipaddress')) continue;
      for (const item of use.items) {
        const text = scalarText(item);
        const cidr = text?.includes('/') ? parseCidr(text) : undefined;
        if (!cidr || !hasHostBits(cidr)) continue;
        const network = networkOf(cidr);
        report(valueTarget(item), `The host bits of ${text} are ignored: write the range as ${network}.`, [
          { title: `Change to "${network}"`, replacement: JSON.stringify(network) },
        ]);
      }
    }
  },
};
