import type { ArrayNode, ObjectNode, PathSegment, PropertyNode, ScalarNode, StringNode, ValueNode } from './tree';

/** The kinds of policy the engine knows; each has its own grammar rules and place in evaluation. */
export type PolicyType = 'identity' | 'trust' | 'resource' | 'scp' | 'rcp' | 'boundary' | 'session';

export const POLICY_TYPES: readonly PolicyType[] = ['identity', 'trust', 'resource', 'scp', 'rcp', 'boundary', 'session'];

/** Who a located policy belongs to, when the file says (a CloudFormation role, a dumped user, ...). */
export interface PolicyOwner {
  readonly kind: 'role' | 'user' | 'group' | 'managed-policy' | 'resource';
  readonly name: string;
  /** The owner's account ID when the file states it (a dumped role's ARN); trust hovers compare principals with it. */
  readonly account?: string;
  /** An AWS managed policy (arn:aws:iam::aws:policy/...): AWS writes it, and its own size quota does not bind it. */
  readonly awsManaged?: boolean;
  /** The CloudFormation resource type that holds the policy (`AWS::EC2::VPCEndpoint`), when a template says. */
  readonly resourceType?: string;
}

/** The CloudFormation resource whose PolicyDocument is a VPC endpoint policy. */
export const VPC_ENDPOINT_RESOURCE = 'AWS::EC2::VPCEndpoint';

/** One policy found in a file, with the statements and elements read out of it. */
export interface Policy {
  readonly type: PolicyType;
  /** Why the type was chosen, for hover and for `--type auto` users wondering. */
  readonly typeReason: string;
  /** Path of the policy document inside the file; empty for a plain policy file. */
  readonly path: readonly PathSegment[];
  /** A short human label, e.g. "AssumeRolePolicyDocument of MyRole". */
  readonly label: string;
  readonly owner?: PolicyOwner;
  /** True inside CloudFormation, where `{"Ref": ...}` and `{"Fn::Sub": ...}` may stand for any string. */
  readonly allowsIntrinsics: boolean;
  /**
   * True for a policy that the service applies to the one resource it is attached to, whose
   * statements leave Resource out (an ECR repository policy).
   */
  readonly resourceImplied?: boolean;
  readonly node: ValueNode;
  readonly version?: PropertyNode;
  readonly id?: PropertyNode;
  readonly statementProperty?: PropertyNode;
  readonly statements: readonly Statement[];
}

export type ActionKeyword = 'Action' | 'NotAction';
export type ResourceKeyword = 'Resource' | 'NotResource';
export type PrincipalKeyword = 'Principal' | 'NotPrincipal';

export interface Statement {
  readonly index: number;
  readonly node: ValueNode;
  readonly path: readonly PathSegment[];
  readonly sid?: PropertyNode;
  readonly effect?: PropertyNode;
  /** The effect when it is exactly "Allow" or "Deny"; anything else is a finding, not an effect. */
  readonly effectValue?: 'Allow' | 'Deny';
  readonly action?: StringListElement<ActionKeyword>;
  readonly resource?: StringListElement<ResourceKeyword>;
  readonly principal?: PrincipalElement;
  readonly condition?: ConditionElement;
}

/** Action/NotAction or Resource/NotResource: one string or an array of strings. */
export interface StringListElement<K extends string> {
  readonly keyword: K;
  readonly property: PropertyNode;
  /** The string entries; entries of other types are left for the grammar rules to report. */
  readonly values: readonly StringNode[];
}

export interface PrincipalEntry {
  /** "AWS", "Service", "Federated", "CanonicalUser" or whatever the user wrote. */
  readonly type: string;
  readonly property: PropertyNode;
  readonly values: readonly StringNode[];
}

export interface PrincipalElement {
  readonly keyword: PrincipalKeyword;
  readonly property: PropertyNode;
  /** Set when the element is the bare string "*" (everyone). */
  readonly wildcard?: StringNode;
  readonly entries: readonly PrincipalEntry[];
}

export interface ConditionEntry {
  /** The condition key as written, e.g. "aws:SourceIp". */
  readonly key: string;
  readonly property: PropertyNode;
  /** Scalar values; a lone value is a one-element list. */
  readonly values: readonly ScalarNode[];
}

export interface ConditionBlock {
  /** The operator as written, e.g. "ForAnyValue:StringLikeIfExists". */
  readonly operator: string;
  readonly property: PropertyNode;
  readonly entries: readonly ConditionEntry[];
}

export interface ConditionElement {
  readonly property: PropertyNode;
  readonly blocks: readonly ConditionBlock[];
}

export function isObject(node: ValueNode | undefined): node is ObjectNode {
  return node?.kind === 'object';
}

export function isArray(node: ValueNode | undefined): node is ArrayNode {
  return node?.kind === 'array';
}

/** A lone string or the strings of an array: the shape most IAM elements take. */
export function stringsOf(node: ValueNode | undefined): StringNode[] {
  if (!node) return [];
  if (node.kind === 'string') return [node];
  if (node.kind === 'array') return node.items.filter((item): item is StringNode => item.kind === 'string');
  return [];
}

export function scalarsOf(node: ValueNode | undefined): ScalarNode[] {
  if (!node) return [];
  if (node.kind === 'array') {
    return node.items.filter((item): item is ScalarNode => item.kind !== 'array' && item.kind !== 'object');
  }
  return node.kind === 'object' ? [] : [node];
}

/**
 * How every human-readable text names a statement: its Sid when it has one, else its position counted
 * from 1 ("statement 2"), as people count and as the rule messages do. JSON paths stay zero-based.
 */
export function statementName(index: number, sid: string | undefined): string {
  return sid ? `statement "${sid}"` : `statement ${index + 1}`;
}
