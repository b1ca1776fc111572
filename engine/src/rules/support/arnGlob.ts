import { globsIntersect } from './globs';

/**
 * ARN formats from the catalogue (`arn:${Partition}:s3:::${BucketName}/${ObjectName}`) as globs
 * (`arn:*:s3:::*\/*`), and policy resources with their `${...}` variables as globs too, so that
 * "could this Resource name a resource of that type" becomes a question about two globs.
 */
export function arnFormatToGlob(format: string): string {
  return format
    .replace(/\$\{[^}]*\}/g, (placeholder) => (/BucketName\}$/.test(placeholder) ? SEGMENT : '*'))
    .toLowerCase();
}

/**
 * A run of characters without "/". Only bucket names get it: they are the one placeholder that
 * decides between two common resource types (bucket vs object), and they never hold a slash,
 * where other names (RoleNameWithPath, ObjectName) do.
 */
export const SEGMENT = '\u0001';

/** A policy Resource as a glob: variables may become anything; compared case-insensitively. */
export function resourceToGlob(resource: string): string {
  if (!resource.includes('${')) return resource.toLowerCase();
  return resource.replace(/\$\{[^}]*\}/g, '*').toLowerCase();
}

/**
 * Whether a policy resource and a resource type's ARN glob could name the same ARN. Like IAM's
 * own matching, the first five fields are compared one by one (a star there stays in its field)
 * and the resource part as a whole.
 */
export function arnGlobsIntersect(resourceGlob: string, formatGlob: string): boolean {
  const resource = splitFields(resourceGlob);
  const format = splitFields(formatGlob);
  if (!resource || !format) return globsIntersect(resourceGlob, formatGlob);
  for (let i = 0; i < 6; i++) {
    if (!globsIntersect(resource[i]!, format[i]!)) return false;
  }
  return true;
}

function splitFields(arn: string): string[] | undefined {
  const fields: string[] = [];
  let start = 0;
  for (let i = 0; i < 5; i++) {
    const colon = arn.indexOf(':', start);
    if (colon < 0) return undefined;
    fields.push(arn.slice(start, colon));
    start = colon + 1;
  }
  fields.push(arn.slice(start));
  return fields;
}
