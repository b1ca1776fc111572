/** The parts of an AWS managed policy ARN: `arn:<partition>:iam::aws:policy/<path/>name`. */
export interface ManagedPolicyArn {
  readonly partition: string;
  /** The path between "policy/" and the name, without its slashes; "" for none. */
  readonly path: string;
  readonly name: string;
}

// The partition may be written as CloudFormation's ${AWS::Partition} inside a !Sub, or as an
// unknown part (U+E002, docs/unknown-values.md) once a template value is resolved.
const MANAGED_ARN = /^arn:(aws|aws-cn|aws-us-gov|aws-iso(?:-[a-z])?|\$\{AWS::Partition\}|\uE002):iam::aws:policy\/(?:([\w+=,.@\-/]*)\/)?([\w+=,.@-]+)$/;

/** Reads an AWS managed policy ARN; undefined for anything else (customer managed policies included). */
export function parseManagedPolicyArn(text: string): ManagedPolicyArn | undefined {
  const match = MANAGED_ARN.exec(text);
  if (!match) return undefined;
  return { partition: match[1]!, path: match[2] ?? '', name: match[3]! };
}

/** True when the text starts like an AWS managed policy ARN (for completion while typing). */
export function startsLikeManagedPolicyArn(text: string): boolean {
  return /^arn:[^:]*:iam::aws:policy\//.test(text);
}

/** The ARN of a managed policy in the aws partition. */
export function managedPolicyArn(name: string, path = ''): string {
  return `arn:aws:iam::aws:policy/${path ? `${path}/` : ''}${name}`;
}
