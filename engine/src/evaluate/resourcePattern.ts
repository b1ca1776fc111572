import { splitArn } from '../match/arn';
import { compilePattern, matchesCompiled, matchesPattern, type CompiledPattern } from './pattern';

/** A request's resource, taken apart once per simulation. */
export interface RequestResource {
  readonly raw: string;
  /** Partition, service, region and account, lower-cased; undefined when the resource is not an ARN. */
  readonly head?: readonly string[];
  readonly resource: string;
}

const prepared = new Map<string, RequestResource>();

export function prepareResource(arn: string): RequestResource {
  let resource = prepared.get(arn);
  if (!resource) {
    if (prepared.size >= 256) prepared.clear();
    resource = splitResource(arn);
    prepared.set(arn, resource);
  }
  return resource;
}

function splitResource(arn: string): RequestResource {
  const parts = splitArn(arn);
  if (!parts || parts.head[0] !== 'arn') return { raw: arn, resource: arn };
  return { raw: arn, head: parts.head.map((segment) => segment.toLowerCase()), resource: parts.resource };
}

/**
 * A Resource/NotResource entry prepared for matching. The head segments (partition, service, region,
 * account) match case-insensitively and one by one; the resource part matches case-sensitively, its
 * `*` running across `/` and `:`. A pattern with fewer than six parts ending in `*` lets that star run
 * over the colons that follow (`arn:aws:s3:*`).
 */
export type CompiledResourcePattern =
  | { readonly form: 'any' }
  | { readonly form: 'arn'; readonly head: readonly CompiledPattern[]; readonly resource: CompiledPattern; readonly text: string }
  | { readonly form: 'text'; readonly text: string };

export function compileResourcePattern(pattern: string): CompiledResourcePattern {
  if (pattern === '*') return { form: 'any' };
  const parts = splitArn(pattern);
  if (!parts) return { form: 'text', text: pattern };
  return {
    form: 'arn',
    head: parts.head.map((segment) => compilePattern(segment.toLowerCase())),
    resource: compilePattern(parts.resource),
    text: pattern,
  };
}

export function matchesResource(pattern: CompiledResourcePattern, request: RequestResource): boolean {
  if (pattern.form === 'any') return true;
  if (!request.head) return matchesPattern(pattern.text, request.raw);
  if (pattern.form === 'text') return matchesShortPattern(pattern.text, request);
  for (let i = 0; i < 5; i++) {
    if (!matchesCompiled(pattern.head[i]!, request.head[i]!)) return false;
  }
  return matchesCompiled(pattern.resource, request.resource);
}

// Only the head is involved before the spilling star, so the whole comparison ignores case.
function matchesShortPattern(pattern: string, request: RequestResource): boolean {
  if (!pattern.endsWith('*')) return false;
  const segments = pattern.toLowerCase().split(':');
  const last = segments.length - 1;
  for (let i = 0; i < last; i++) {
    if (!matchesPattern(segments[i]!, request.head![i]!)) return false;
  }
  const rest = [...request.head!.slice(last), request.resource].join(':').toLowerCase();
  return matchesPattern(segments[last]!, rest);
}
