import type { RolePolicies } from '../evaluate/roles';
import type { SourcedPolicy } from '../evaluate/types';
import { parseManagedPolicyArn } from './arn';
import type { ManagedPolicies } from './managedPolicies';
import { readManagedPolicy } from './managedPolicyFile';

export interface ManagedAttachments {
  /** The AWS managed policies the role attaches, as identity policies. */
  readonly identity: SourcedPolicy[];
  /** Its permissions boundary, when that is an AWS managed policy. */
  readonly boundary: SourcedPolicy[];
  /** What is still not known: customer managed policies of other stacks or modules, ARNs the data lacks. */
  readonly unresolved: string[];
}

/**
 * The AWS managed policies a template's or a dump's role refers to, read from the shipped data: a
 * role's access is its inline policies plus these, so the CLI and the editor simulate with both.
 */
export function roleManagedAttachments(role: RolePolicies, managed: ManagedPolicies | undefined): ManagedAttachments {
  const attachments: ManagedAttachments = { identity: [], boundary: [], unresolved: [] };
  for (const reference of role.unresolved) {
    const isBoundary = reference === role.unresolvedBoundary;
    // SAM's Policies also take a bare AWS managed policy name, which SAM turns into its ARN.
    const named = parseManagedPolicyArn(reference) !== undefined || /^[\w+=,.@-]+$/.test(reference);
    const read = managed && named ? readManagedPolicy(managed, reference, isBoundary ? 'boundary' : 'identity') : undefined;
    if (!read) {
      attachments.unresolved.push(reference);
      continue;
    }
    const policies = read.file.policies.map((policy) => ({ policy, source: read.info.arn, file: read.file }));
    (isBoundary ? attachments.boundary : attachments.identity).push(...policies);
  }
  return attachments;
}
