import type { Statement } from '../../document/model';
import { hasWildcard } from '../../match/wildcard';
import { arnGlobsIntersect, resourceToGlob } from './arnGlob';
import { ownString } from '../../document/ownString';

const ROLE_GLOB = 'arn:*:iam::*:role/*';

/** How a statement's resources reach IAM roles: all of them, some wildcard set, or named ones. */
export function roleReach(statement: Statement): 'all' | 'wildcard' | undefined {
  const element = statement.resource;
  if (!element) return undefined;
  if (element.keyword === 'NotResource' || element.values.some((entry) => entry.value === '*')) return 'all';
  const wild = element.values.some((entry) => hasWildcard(entry.value) && reachesRoles(entry.value));
  return wild ? 'wildcard' : undefined;
}

const memo = new Map<string, boolean>();

function reachesRoles(resource: string): boolean {
  let reaches = memo.get(resource);
  if (reaches === undefined) {
    // Field by field, as IAM matches ARNs: an S3 or EC2 ARN is told apart by its service at once.
    reaches = arnGlobsIntersect(resourceToGlob(resource), ROLE_GLOB);
    if (memo.size > 4096) memo.clear();
    memo.set(ownString(resource), reaches);
  }
  return reaches;
}
