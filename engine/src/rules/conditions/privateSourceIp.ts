import { conditionUses, scalarText } from '../support/conditions';
import { isPrivateRange, parseCidr } from '../support/ip';
import { valueTarget } from '../targets';
import type { Rule } from '../types';

export const privateSourceIp: Rule = {
  meta: {
    id: 'IAM213',
    name: 'private-source-ip',
    severity: 'warning',
    category: 'warning',
    description:
      'aws:SourceIp holds the public address a request comes from; private ranges (10/8, 172.16/12, 192.168/16, ...) never appear in it. Use aws:VpcSourceIp or aws:SourceVpc(e) for traffic through VPC endpoints.',
    accessAnalyzer: 'Private IP address / Private NotIpAddress / Private IP address subset',
  },
  scope: 'policy',
  check({ policy, report }) {
    for (const use of conditionUses(policy)) {
      if (use.entry.key.toLowerCase() !== 'aws:sourceip' || !use.operator?.base.includes('ipaddress')) continue;
      const negated = use.operator.base === 'notipaddress';
      for (const item of use.items) {
        const text = scalarText(item);
        const cidr = text === undefined ? undefined : parseCidr(text);
        if (!cidr || !isPrivateRange(cidr)) continue;
        report(
          valueTarget(item),
          `${text} is a private range, which aws:SourceIp never holds, so this value ${negated ? 'excludes nothing' : 'matches nothing'}: use aws:VpcSourceIp (with aws:SourceVpc) for requests through a VPC endpoint.`,
        );
      }
    }
  },
};
