import type { ActionInfo } from '../../catalog/types';
import type { Statement } from '../../document/model';
import { hasWildcard } from '../../match/wildcard';
import { resourceArn } from '../catalog/arnParts';
import { globCovers } from '../support/globs';
import type { LintCache } from '../support/lintCache';
import { valueTarget } from '../targets';
import type { Rule } from '../types';

export const resourceEffectivelyStar: Rule = {
  meta: {
    id: 'IAM317',
    name: 'resource-effectively-star',
    severity: 'info',
    category: 'security',
    description:
      'A Resource ARN made of wildcards ("arn:*:*:*:*:*", "arn:aws:s3:::*" for object actions, "arn:aws:logs:*:*:*") that matches every resource of a type the statement\'s actions take grants as much as "*" for them, while looking scoped. Name the resources, or write "*" where every one is meant.',
    parliament: 'RESOURCE_EFFECTIVELY_STAR',
  },
  scope: 'statement',
  check({ policy, cache, report }, statement) {
    // Only grants in identity and session policies reach every resource of the account; in a
    // resource policy the Resource can only name the resource the policy is attached to.
    if (policy.type !== 'identity' && policy.type !== 'session') return;
    if (statement.effectValue !== 'Allow' || statement.resource?.keyword !== 'Resource') return;
    const broad = statement.resource.values.filter((entry) => entry.value !== '*' && namesNothing(entry.value));
    if (broad.length === 0) return;
    const actions = cache.statementActions(statement);
    for (const entry of broad) {
      const covered = coveredActions(entry.value, statement, actions, cache);
      if (covered.length === 0) continue;
      const named = covered.length <= 2 ? covered.join(' and ') : `${covered.slice(0, 2).join(', ')} and ${covered.length - 2} more`;
      report(valueTarget(entry), `"${entry.value}" matches every resource ${named} can act on: it grants as much as "*" while looking scoped. Name the resources, or write "*" if every one is meant.`);
    }
  },
};

/**
 * The statement's actions for which `resource` covers every ARN of one of their resource types.
 * A statement whose actions cannot be listed (NotAction, "*", a wildcard service) counts only
 * when the resource covers every ARN of every service ("arn:*:*:*:*:*", "arn:aws:*").
 */
function coveredActions(resource: string, statement: Statement, actions: readonly ActionInfo[] | undefined, cache: LintCache): string[] {
  const glob = resource.toLowerCase();
  const parts = resourceArn(glob);
  const partition = parts && !hasWildcard(parts.partition) ? parts.partition : undefined;
  if (!actions) return coversEveryService(glob) ? [statement.action?.keyword === 'NotAction' ? 'the actions NotAction leaves' : 'these actions'] : [];
  const service = parts?.service ?? glob.split(':')[2] ?? '';
  const covers = new Map<string, boolean>();
  const names: string[] = [];
  for (const action of actions) {
    if (!hasWildcard(service) && action.service !== service) continue;
    const whole = cache.resourceGlobsOf(action).some((format) => {
      const inPartition = partition ? format.replace(/^arn:\*:/, `arn:${partition}:`) : format;
      let answer = covers.get(inPartition);
      if (answer === undefined) covers.set(inPartition, (answer = globCovers(glob, inPartition)));
      return answer;
    });
    if (whole) names.push(`${action.service}:${action.name}`);
  }
  return names;
}

/** "arn:*:*:*:*:*", "arn:aws:*:*:*:*", "arn:aws:*": wildcards in the service field and every field after it. */
function coversEveryService(glob: string): boolean {
  const [, , service = '', ...rest] = glob.split(':');
  return /^\*+$/.test(service) && rest.every((field) => field === '' || /^\*+$/.test(field));
}

/**
 * An ARN whose Region, account and resource fields are wildcards or empty ("arn:aws:s3:::*",
 * "arn:aws:logs:*:*:*", "arn:*:*:*:*:*", "arn:aws:*"): it names a service, or not even that, and
 * no resource. One that names a resource type ("table/*") says what it is about and is left alone.
 */
function namesNothing(resource: string): boolean {
  if (!resource.startsWith('arn:') || resource.includes('${')) return false;
  const stars = /^\*+$/;
  const [, , service = '', ...rest] = resource.split(':');
  return rest.every((field) => field === '' || stars.test(field)) && (stars.test(service) || rest.some((field) => field !== ''));
}
