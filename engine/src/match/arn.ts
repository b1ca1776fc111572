import { matchesWildcard } from './wildcard';

/** The six colon-separated parts of an ARN; the resource part keeps any further colons. */
export interface ArnParts {
  readonly partition: string;
  readonly service: string;
  readonly region: string;
  readonly account: string;
  readonly resource: string;
}

export function parseArn(arn: string): ArnParts | undefined {
  const parts = splitArn(arn);
  if (!parts || parts.head[0] !== 'arn') return undefined;
  const [, partition, service, region, account] = parts.head;
  return { partition: partition!, service: service!, region: region!, account: account!, resource: parts.resource };
}

/** The five head segments and the resource part of an ARN; undefined when it has fewer than six parts. */
export function splitArn(text: string): { head: string[]; resource: string } | undefined {
  const head: string[] = [];
  let start = 0;
  for (let i = 0; i < 5; i++) {
    const colon = text.indexOf(':', start);
    if (colon < 0) return undefined;
    head.push(text.slice(start, colon));
    start = colon + 1;
  }
  return { head, resource: text.slice(start) };
}

/**
 * Whether a Resource pattern matches a request ARN, as IAM matches them: `*` alone matches anything;
 * otherwise the partition, service, region and account segments are matched one by one (case-insensitively,
 * as AWS treats them) and the resource part case-sensitively, where `*` runs freely across `/` and `:`.
 * A pattern with fewer than six parts whose last part ends in `*` lets that star run over the colons
 * that follow (`arn:aws:s3:*` matches every S3 ARN).
 */
export function matchesArnPattern(pattern: string, arn: string): boolean {
  if (pattern === '*') return true;
  const request = splitArn(arn);
  const patternParts = splitArn(pattern);
  if (!request) return matchesWildcard(pattern, arn);
  if (!patternParts) return matchesShortPattern(pattern, arn);
  for (let i = 0; i < 5; i++) {
    if (!matchesWildcard(patternParts.head[i]!, request.head[i]!, { ignoreCase: true })) return false;
  }
  return matchesWildcard(patternParts.resource, request.resource);
}

function matchesShortPattern(pattern: string, arn: string): boolean {
  if (!pattern.endsWith('*')) return false;
  const patternSegments = pattern.split(':');
  const arnSegments = arn.split(':');
  const last = patternSegments.length - 1;
  for (let i = 0; i < last; i++) {
    if (!matchesWildcard(patternSegments[i]!, arnSegments[i] ?? '', { ignoreCase: true })) return false;
  }
  return matchesWildcard(patternSegments[last]!, arnSegments.slice(last).join(':'));
}
