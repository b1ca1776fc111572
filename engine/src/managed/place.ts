import { valueNodeAt } from '../document/nodeAt';
import type { PolicyFile } from '../document/policyFile';
import type { Span, StringNode } from '../document/tree';

/** Where a managed policy is named: a list of ARNs, one ARN, or SAM's Policies list (names or ARNs). */
export type ManagedPolicyPlaceKind = 'arn' | 'name-or-arn';

export interface ManagedPolicyPlace {
  readonly kind: ManagedPolicyPlaceKind;
  readonly node: StringNode;
  /** The string's contents, quotes excluded. */
  readonly content: Span;
}

// CloudFormation (AWS::IAM::Role/User/Group ManagedPolicyArns, PermissionsBoundary) and Terraform
// (aws_iam_role managed_policy_arns, aws_iam_role_policy_attachment policy_arn) as their readers
// expose them as value trees; SAM functions list policy names or ARNs under Policies.
const ARN_LISTS = new Set(['ManagedPolicyArns', 'managed_policy_arns']);
const ARN_VALUES = new Set(['PermissionsBoundary', 'policy_arn', 'permissions_boundary']);

/** The managed-policy place at an offset, when the string there is one. */
export function managedPolicyPlace(file: PolicyFile, offset: number): ManagedPolicyPlace | undefined {
  const named = file.managedPolicyStrings?.find((candidate) => offset >= candidate.span.offset && offset <= candidate.span.offset + candidate.span.length);
  const node = named ?? valueNodeAt(file.root, offset);
  if (node?.kind !== 'string') return undefined;
  const path = node.path;
  const last = path[path.length - 1];
  const key = typeof last === 'number' ? path[path.length - 2] : last;
  let kind: ManagedPolicyPlaceKind | undefined;
  if (typeof last === 'number' && typeof key === 'string' && ARN_LISTS.has(key)) kind = 'arn';
  else if (typeof last === 'string' && ARN_VALUES.has(last)) kind = 'arn';
  else if (typeof last === 'number' && key === 'Policies') kind = 'name-or-arn';
  if (!kind) return undefined;
  const quoted = file.text[node.span.offset] === '"' || file.text[node.span.offset] === "'";
  const content = quoted ? { offset: node.span.offset + 1, length: Math.max(0, node.span.length - 2) } : node.span;
  return { kind, node, content };
}
