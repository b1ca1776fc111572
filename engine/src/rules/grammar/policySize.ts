import type { PolicyType } from '../../document/model';
import { openingTarget } from '../targets';
import type { Rule } from '../types';

interface Quota {
  readonly limit: number;
  readonly countsWhitespace: boolean;
  readonly what: string;
}

// IAM quotas count non-whitespace characters; Organizations counts every character.
const QUOTAS: Record<PolicyType, Quota> = {
  identity: { limit: 6144, countsWhitespace: false, what: 'a managed policy' },
  boundary: { limit: 6144, countsWhitespace: false, what: 'a managed policy used as a boundary' },
  trust: { limit: 2048, countsWhitespace: false, what: 'a role trust policy (default quota; it can be raised to 4,096)' },
  session: { limit: 2048, countsWhitespace: false, what: 'a session policy' },
  scp: { limit: 5120, countsWhitespace: true, what: 'a service control policy' },
  rcp: { limit: 5120, countsWhitespace: true, what: 'a resource control policy' },
  resource: { limit: 20480, countsWhitespace: false, what: 'an S3 bucket policy (the largest common resource policy)' },
};

export const policySize: Rule = {
  meta: {
    id: 'IAM018',
    name: 'policy-size',
    severity: 'error',
    category: 'error',
    description:
      'Each policy type has a size quota: 6,144 characters for managed policies, 2,048 for trust and session policies, 5,120 (whitespace included) for SCPs and RCPs, 20 KB for S3 bucket policies.',
    accessAnalyzer: 'Policy size exceeds identity/resource/SCP/role trust policy quota',
  },
  scope: 'policy',
  check({ file, policy, report }) {
    const quota = QUOTAS[policy.type];
    const source = file.text.slice(policy.node.span.offset, policy.node.span.offset + policy.node.span.length);
    // Cheap early exit: a policy no longer than the quota cannot exceed it.
    if (source.length <= quota.limit) return;
    const size = quota.countsWhitespace ? source.length : countWithoutWhitespace(source);
    if (size <= quota.limit) return;
    report(
      openingTarget(policy.node),
      `The policy has ${size.toLocaleString('en-US')} characters${quota.countsWhitespace ? '' : ' (whitespace aside)'}, over the ${quota.limit.toLocaleString('en-US')} allowed for ${quota.what}: split it, or use wildcards and fewer statements.`,
    );
  },
};

/** Characters outside JSON strings that are not whitespace, plus every character inside strings. */
function countWithoutWhitespace(source: string): number {
  let count = 0;
  let inString = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (inString) {
      count++;
      if (c === '\\') {
        count++;
        i++;
      } else if (c === '"') inString = false;
    } else if (c === '"') {
      inString = true;
      count++;
    } else if (c !== ' ' && c !== '\n' && c !== '\r' && c !== '\t') count++;
  }
  return count;
}
