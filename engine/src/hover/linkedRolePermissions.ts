import type { Catalog } from '../catalog/catalog';
import type { ManagedPolicies } from '../managed/managedPolicies';
import { readManagedPolicy } from '../managed/managedPolicyFile';
import { ROLE_FACTS } from '../roles/facts';
import { docLink } from '../roles/explanation';
import { linkedRolePolicyName } from '../roles/linkedRolePolicies';
import { inlineCode } from '../roles/markdown';
import { serviceReference } from './actionDocs';
import { summaryMarkdown } from '../summary/markdown';
import { cachedPolicySummary } from '../summary/summarize';

const POLICY_REFERENCE = 'https://docs.aws.amazon.com/aws-managed-policy/latest/reference';

/**
 * What a service-linked role is allowed to do, from the AWS managed policy attached to it: the policy's
 * name, version and date, and its access by service and access level (the policy summary, as
 * the policy's own hover and `iam-author summary` give it). When the table or the data has no
 * policy for the role, it says so and nothing more.
 */
export function linkedRolePermissions(roleName: string, principal: string | undefined, catalog: Catalog, managed: ManagedPolicies | undefined): string | undefined {
  if (!managed) return undefined;
  const policyName = linkedRolePolicyName(roleName);
  const read = policyName ? readSafely(managed, policyName) : undefined;
  const policy = read?.file.policies[0];
  const service = serviceLink(principal, catalog);
  if (!read || !policy) {
    return `**Permissions:** the AWS managed policy data this extension carries has no policy for ${inlineCode(roleName)}; the service's documentation lists what it allows.${service ? `\n\n${service}` : ''}`;
  }
  const { info } = read;
  const lines = [
    `**Permissions:** AWS managed policy [${inlineCode(info.name)}](${POLICY_REFERENCE}/${encodeURIComponent(info.name)}.html) ${info.versionId}${info.updated ? `, updated ${info.updated}` : ''}`,
    '',
    summaryMarkdown(cachedPolicySummary(policy, catalog), 8),
    '',
    `${ROLE_FACTS.linkedPolicyAttached.text} ${docLink(ROLE_FACTS.linkedPolicyAttached.source)}`,
  ];
  if (service) lines.push('', service);
  return lines.join('\n');
}

/**
 * The service's page in the Service Authorization Reference, found from its principal: the label before
 * ".amazonaws.com" that is a catalogue prefix, read from the right ("replication.dynamodb" is DynamoDB).
 */
function serviceLink(principal: string | undefined, catalog: Catalog): string | undefined {
  const labels = principal?.toLowerCase().replace(/\.amazonaws\.com(\.cn)?$/, '').split('.') ?? [];
  for (let i = labels.length - 1; i >= 0; i--) {
    const service = catalog.service(labels[i]!);
    if (service) return `[${service.name} in the Service Authorization Reference](${serviceReference(catalog, service.prefix)})`;
  }
  return undefined;
}

/** Missing or broken data must not take the rest of the hover with it. */
function readSafely(managed: ManagedPolicies, name: string): ReturnType<typeof readManagedPolicy> {
  try {
    return readManagedPolicy(managed, name);
  } catch {
    return undefined;
  }
}
