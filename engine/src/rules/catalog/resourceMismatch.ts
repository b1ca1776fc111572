import type { ActionInfo } from '../../catalog/types';
import { resourceToGlob } from '../support/arnGlob';
import type { LintCache } from '../support/lintCache';
import { valueTarget } from '../targets';
import type { Rule } from '../types';
import { splitAction } from './actionParts';

export const resourceMismatch: Rule = {
  meta: {
    id: 'IAM109',
    name: 'resource-mismatch',
    severity: 'warning',
    category: 'warning',
    description:
      "An action that takes none of the statement's resources is granted on nothing: s3:ListBucket needs a bucket ARN, s3:GetObject an object ARN, s3:ListAllMyBuckets \"*\".",
    parliament: 'RESOURCE_MISMATCH',
  },
  scope: 'policy',
  check({ policy, cache, report }) {
    for (const statement of policy.statements) {
      if (statement.action?.keyword !== 'Action' || statement.resource?.keyword !== 'Resource') continue;
      const resources = statement.resource.values.map((entry) => entry.value);
      if (resources.length === 0 || resources.some((value) => value === '*' || !value.startsWith('arn:'))) continue;
      const globs = resources.map(resourceToGlob);
      for (const entry of statement.action.values) {
        const parts = splitAction(entry.value);
        if (!parts || parts.serviceHasWildcard) continue;
        const actions = cache.actionsMatching(entry.value);
        if (actions.length === 0 || actions.some((action) => fits(cache, action, globs))) continue;
        report(valueTarget(entry), message(cache, entry.value, actions));
      }
    }
  },
};

function fits(cache: LintCache, action: ActionInfo, resourceGlobs: readonly string[]): boolean {
  return resourceGlobs.some((resource) => cache.actionTakes(action, resource));
}

function message(cache: LintCache, written: string, actions: readonly ActionInfo[]): string {
  const first = actions[0]!;
  if (actions.length > 1) {
    return `None of the actions "${written}" matches takes this statement's resources: add matching resource ARNs, or move the actions to a statement that has them.`;
  }
  if (first.resourceTypes.length === 0) {
    return `${first.service}:${first.name} takes only "*" as its resource: move it to a statement with "Resource": "*".`;
  }
  const formats = first.resourceTypes.map((type) => cache.resourceFormat(first.service, type.name) ?? type.name).slice(0, 2);
  return `${first.service}:${first.name} acts on ${formats.join(' or ')}, and no Resource of this statement is one: add such an ARN, or move the action to a statement that has one.`;
}
