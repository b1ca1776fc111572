import { valueTarget } from '../targets';
import type { Rule } from '../types';
import { resourceArn } from './arnParts';

export const arnServiceCase: Rule = {
  meta: {
    id: 'IAM106',
    name: 'arn-service-case',
    severity: 'error',
    category: 'error',
    description: 'The service field of an ARN is lower case ("s3", not "S3"); IAM does not match other spellings.',
    accessAnalyzer: 'Invalid ARN service case',
    parliament: 'INVALID_ARN',
  },
  scope: 'policy',
  check({ policy, report }) {
    for (const statement of policy.statements) {
      for (const resource of statement.resource?.values ?? []) {
        const parts = resourceArn(resource.value);
        if (!parts || parts.service === parts.service.toLowerCase()) continue;
        const lower = parts.service.toLowerCase();
        const fixed = resource.value.replace(`:${parts.service}:`, `:${lower}:`);
        report(valueTarget(resource), `Write the ARN's service in lower case: "${lower}".`, [
          { title: `Change the service to "${lower}"`, replacement: JSON.stringify(fixed) },
        ]);
      }
    }
  },
};
