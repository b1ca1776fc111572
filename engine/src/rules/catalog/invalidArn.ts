import type { StringNode } from '../../document/tree';
import { valueTarget } from '../targets';
import type { Rule } from '../types';
import { isValidRegion, isWild, PARTITIONS, resourceArn } from './arnParts';
import { intendedArn, shortArnProblem } from './shortArn';

export const invalidArn: Rule = {
  meta: {
    id: 'IAM105',
    name: 'invalid-arn',
    severity: 'error',
    category: 'error',
    description:
      'A Resource is "*" or an ARN: arn:partition:service:region:account:resource, with a known partition, a real Region name, a 12-digit account and no wildcard in the service.',
    accessAnalyzer: 'Invalid ARN prefix / Missing ARN field / Invalid partition / Invalid ARN Region / Invalid ARN account',
    parliament: 'INVALID_ARN',
  },
  scope: 'statement',
  check({ report, cache }, statement) {
    for (const resource of statement.resource?.values ?? []) {
      const problem = arnProblem(resource);
      if (!problem) continue;
      const intended = resourceArn(resource.value) ? undefined : intendedArn(resource.value, cache);
      if (!intended) report(valueTarget(resource), problem);
      else report(valueTarget(resource), `${problem} Did you mean "${intended}"?`, [{ title: `Change to "${intended}"`, replacement: JSON.stringify(intended) }]);
    }
  },
};

function arnProblem(node: StringNode): string | undefined {
  const text = node.value;
  if (text === '*' || text.startsWith('${')) return undefined;
  if (!/^arn:/i.test(text)) {
    return `"${text}" is not an ARN: write "arn:aws:SERVICE:REGION:ACCOUNT:RESOURCE" (or "*" for every resource).`;
  }
  if (!text.startsWith('arn:')) return `Write the ARN prefix in lower case: "arn:${text.slice(4)}".`;
  const parts = resourceArn(text);
  if (!parts) return shortArnProblem(text);
  if (!isWild(parts.partition) && !PARTITIONS.includes(parts.partition)) {
    return `Unknown partition "${parts.partition}": use "aws" (or aws-cn, aws-us-gov, ...).`;
  }
  if (parts.service === '') return 'The ARN has no service: fill in the third field, e.g. "s3".';
  if (/[*?]/.test(parts.service)) return `No wildcards in an ARN's service field ("${parts.service}"): name the service.`;
  if (!isValidRegion(parts.region)) return `"${parts.region}" is not a Region: use a name such as "us-east-1", "*", or leave it empty.`;
  if (parts.account !== '' && !isWild(parts.account) && !/^\d{12}$/.test(parts.account) && parts.account !== 'aws') {
    return `"${parts.account}" is not an account ID: use the 12-digit number, "*", or leave it empty where the service has no account in its ARNs.`;
  }
  if (parts.resource === '') return 'The ARN has no resource part: add it after the fifth colon, e.g. "bucket-name" or "role/Name".';
  return undefined;
}
