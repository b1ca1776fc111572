import type { CompletionResult } from '../complete/types';
import type { PolicyFile } from '../document/policyFile';
import type { ManagedPolicies } from './managedPolicies';
import { managedPolicyPlace } from './place';

/**
 * AWS managed policies where one is named (ManagedPolicyArns, PermissionsBoundary, Terraform's
 * policy_arn and managed_policy_arns, SAM Policies): every policy, the editor filters by what is typed.
 * ARNs where an ARN goes; in SAM's Policies, names (which SAM turns into ARNs).
 */
export function completeManagedPolicy(file: PolicyFile, offset: number, managed: ManagedPolicies): CompletionResult | undefined {
  const place = managedPolicyPlace(file, offset);
  if (!place) return undefined;
  const typedArn = place.node.value.startsWith('arn:');
  const asArn = place.kind === 'arn' || typedArn;
  const candidates = managed.list().map((info) => ({
    label: asArn ? info.arn : info.name,
    kind: 'value' as const,
    detail: `AWS managed policy ${info.versionId}${info.updated ? ` · ${info.updated}` : ''}`,
    sortText: info.name.toLowerCase(),
    ...(asArn ? { filterText: info.arn } : {}),
  }));
  return { candidates, replace: place.content };
}
