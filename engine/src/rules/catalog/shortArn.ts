import type { LintCache } from '../support/lintCache';
import { maskVariables, PARTITIONS } from './arnParts';

const FIELD_NAMES = ['prefix', 'partition', 'service', 'Region', 'account'];

/**
 * What may stand in each head field of an ARN, wildcards included: a pattern outside these sets can
 * match no real ARN ("my-bucket/*" in the Region field).
 */
const FIELD_PATTERNS = [/^arn$/, /^[a-z*?-]*$/, /^[a-z0-9*?-]*$/i, /^[a-z0-9*?-]*$/, /^([0-9*?]*|aws)$/];

/**
 * The problem with an ARN of fewer than six fields, or undefined for a short pattern IAM accepts:
 * when its last field ends in "*" that star runs over the missing colons (`arn:aws:s3:*` is every
 * S3 ARN), but only if the field could begin a real value of its place. `arn:aws:s3:my-bucket/*`
 * ends in "*" too, yet puts a bucket where the Region goes and matches nothing.
 */
export function shortArnProblem(text: string): string | undefined {
  const fields = maskVariables(text).split(':');
  const last = fields.length - 1;
  const misplaced = fields.slice(1).findIndex((field, index) => !FIELD_PATTERNS[index + 1]!.test(field)) + 1;
  if (text.endsWith('*') && misplaced === 0) return undefined;
  const count = `"${text}" has ${fields.length} of the 6 ARN fields`;
  if (misplaced > 0 && misplaced === last) {
    return `${count}: "${text.split(':')[last]}" sits where the ${FIELD_NAMES[last]} goes. Use arn:partition:service:region:account:resource (leave a field empty, not out).`;
  }
  return `${count}: use arn:partition:service:region:account:resource (leave a field empty, not out).`;
}

/**
 * The ARN a short one certainly means, for a quick fix: the fields after the service are empty but
 * the last, and that text is a resource part that fits only resource types whose ARNs have no
 * Region and no account (`arn:aws:s3::my-bucket/*` is `arn:aws:s3:::my-bucket/*`). Where a type
 * with a Region or an account could be meant (IAM roles, S3 access points), the fields cannot be
 * guessed and no fix is offered.
 */
export function intendedArn(text: string, cache: LintCache): string | undefined {
  const fields = text.split(':');
  if (fields.length < 4 || fields.length > 5) return undefined;
  const [, partition, service] = fields as [string, string, string];
  const resource = fields[fields.length - 1]!;
  if (!PARTITIONS.includes(partition) || service !== service.toLowerCase() || resource === '') return undefined;
  if (fields.slice(3, -1).some((field) => field !== '')) return undefined;
  const types = cache.resourceTypesMatching(service, resource);
  if (types.length === 0) return undefined;
  const headless = types.every((entry) => {
    const [, , , region, account] = entry.type.arnFormat.split(':');
    return region === '' && account === '';
  });
  return headless ? `arn:${partition}:${service}:::${resource}` : undefined;
}
