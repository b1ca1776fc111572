import { valueTarget } from '../targets';
import type { Rule } from '../types';
import { resourceArn } from './arnParts';


export const arnMatchesNoResourceType: Rule = {
  meta: {
    id: 'IAM108',
    name: 'arn-matches-no-resource-type',
    severity: 'error',
    category: 'error',
    description: "The resource part of an ARN must fit one of the service's resource types (\"role/NAME\" for IAM roles, \"function:NAME\" for Lambda).",
    accessAnalyzer: 'Invalid ARN resource',
    parliament: 'INVALID_ARN',
  },
  scope: 'policy',
  check({ policy, cache, report }) {
    for (const statement of policy.statements) {
      for (const resource of statement.resource?.values ?? []) {
        const parts = resourceArn(resource.value);
        if (!parts || parts.service !== parts.service.toLowerCase()) continue;
        const shape = cache.arnShape(parts.service);
        if (!shape) continue;
        // Only the resource part: wrong Region or account fields are arn-region-account's to report.
        if (cache.resourceTypesMatching(parts.service, parts.resource).length > 0) continue;
        const examples = shape.resourceGlobs
          .slice(0, 3)
          .map((entry) => entry.type.arnFormat.split(':').slice(5).join(':'))
          .join('", "');
        report(valueTarget(resource), `"${parts.resource}" fits no ${parts.service} resource type: the resource part looks like "${examples}".`);
      }
    }
  },
};
