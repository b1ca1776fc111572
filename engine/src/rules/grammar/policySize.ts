import type { PolicyType } from '../../document/model';
import type { PolicyFile } from '../../document/policyFile';
import type { ValueNode } from '../../document/tree';
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
    // AWS managed policies (in an authorization-details dump) are AWS's to size; several exceed 6,144 characters.
    if (policy.owner?.awsManaged) return;
    const quota = QUOTAS[policy.type];
    const measured = measure(file, policy.node, quota);
    if (!measured || measured.size <= quota.limit) return;
    // Values chosen by a condition known only at deployment (`var.prod ? a : b`, `!If`) are held
    // here branch by branch, all of them: the size IAM sees is that of one choice, which is not known.
    if (hasBranches(policy.node)) return;
    if (measured.withoutWhitespace <= quota.limit) {
      // Over only because Organizations counts whitespace, which its console removes: a policy file
      // laid out for reading (AWS's data perimeter SCPs) fits once it is taken out.
      report(
        openingTarget(policy.node),
        `The policy has ${withThousands(measured.size)} characters with its whitespace, over the ${withThousands(quota.limit)} allowed for ${quota.what}; without whitespace it has ${withThousands(measured.withoutWhitespace)}: remove the whitespace before sending it (the Organizations console does).`,
        undefined,
        { severity: 'warning' },
      );
      return;
    }
    report(
      openingTarget(policy.node),
      `The policy has ${withThousands(measured.size)} characters${quota.countsWhitespace ? '' : ' (whitespace aside)'}, over the ${withThousands(quota.limit)} allowed for ${quota.what}: split it, or use wildcards and fewer statements.`,
    );
  },
};

/**
 * 12345 as "12,345". Not toLocaleString: its first call loads ICU's number formatting, about 15 ms,
 * and on a newly opened large policy that came first in the time to the first diagnostics.
 */
export function withThousands(value: number): string {
  return String(value).replace(/\B(?=(\d{3})+$)/g, ',');
}

const QUOTE = 34;
const BACKSLASH = 92;

/**
 * Characters of text[start, end) outside JSON strings that are not whitespace, plus every
 * character inside strings. Reads character codes in place: this runs over every large policy on
 * every keystroke.
 */
function countWithoutWhitespace(text: string, start: number, end: number): number {
  let count = 0;
  let inString = false;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      count++;
      if (c === BACKSLASH) {
        count++;
        i++;
      } else if (c === QUOTE) inString = false;
    } else if (c === QUOTE) {
      inString = true;
      count++;
    } else if (c !== 32 && c !== 10 && c !== 13 && c !== 9) count++;
  }
  return count;
}

/**
 * The policy's size as its quota counts it, and without whitespace; undefined for a JSON policy whose
 * text is no longer than the quota (a cheap exit: it cannot exceed it). Only a JSON file's own text is
 * what IAM or Organizations receives; CloudFormation and Terraform send the policy as minified JSON (the
 * YAML or HCL of a document is not what arrives), so for them both sizes are that JSON's length.
 */
function measure(file: PolicyFile, node: ValueNode, quota: Quota): { size: number; withoutWhitespace: number } | undefined {
  if (file.format !== 'json') {
    const minified = minifiedLength(node);
    return { size: minified, withoutWhitespace: minified };
  }
  const { offset, length } = node.span;
  if (length <= quota.limit) return undefined;
  const withoutWhitespace = countWithoutWhitespace(file.text, offset, offset + length);
  return { size: quota.countsWhitespace ? length : withoutWhitespace, withoutWhitespace };
}

function hasBranches(node: ValueNode): boolean {
  if (node.assumptions && node.assumptions.length > 0) return true;
  if (node.kind === 'array') return node.items.some(hasBranches);
  if (node.kind === 'object') return node.properties.some((property) => property.value !== undefined && hasBranches(property.value));
  return false;
}

/** The length of the node written as minified JSON. */
function minifiedLength(node: ValueNode): number {
  switch (node.kind) {
    case 'string':
      return JSON.stringify(node.value).length;
    case 'number':
      return node.raw.length;
    case 'boolean':
      return node.value ? 4 : 5;
    case 'null':
      return 4;
    case 'array':
      return 2 + Math.max(node.items.length - 1, 0) + node.items.reduce((sum, item) => sum + minifiedLength(item), 0);
    case 'object':
      return (
        2 +
        Math.max(node.properties.length - 1, 0) +
        node.properties.reduce((sum, property) => sum + JSON.stringify(property.key).length + 1 + (property.value ? minifiedLength(property.value) : 4), 0)
      );
  }
}
