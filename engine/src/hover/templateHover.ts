import { isObject, type Policy } from '../document/model';
import type { PolicyFile } from '../document/policyFile';
import { SAM_ROLE_SERVICES, samRoleId } from '../document/sam/locateSam';
import { arrayItems } from '../document/shape';
import { containsOffset, getValue, type ObjectNode, type PropertyNode, type Span, type ValueNode } from '../document/tree';
import { classifyTrustPolicy } from '../roles/classifyTrust';
import { ROLE_DOCS, ROLE_DOC_TITLES } from '../roles/docLinks';
import { explainServiceRole } from '../roles/explain';
import { Explanation } from '../roles/explanation';
import { servicePrincipal } from '../roles/servicePrincipals';
import { mdCode, mdText } from '../markdown/userText';

/**
 * Hover on the roles of a CloudFormation or SAM template outside their policies: a role resource's
 * logical id or `Type`, an `AWS::IAM::InstanceProfile`, a SAM function (whose role SAM generates),
 * and any `Ref` / `Fn::GetAtt` naming one of them (`IamInstanceProfile: !Ref Profile`,
 * `Role: !GetAtt AppRole.Arn`). Each says what kind of role it is, with the same knowledge as the
 * trust policy's hover.
 */
export function templateHover(file: PolicyFile, offset: number): { markdown: string; span: Span } | undefined {
  const resources = isObject(file.root) ? getValue(file.root, 'Resources') : undefined;
  if (!isObject(resources)) return undefined;
  const target = targetAt(file.root!, resources, offset);
  if (!target) return undefined;
  const markdown = describeResource(file, resources, target.logicalId);
  return markdown ? { markdown, span: target.span } : undefined;
}

function targetAt(root: ValueNode, resources: ObjectNode, offset: number): { logicalId: string; span: Span } | undefined {
  for (const resource of resources.properties) {
    if (containsOffset(resource.keySpan, offset)) return { logicalId: resource.key, span: resource.keySpan };
    const type = getValue(resource.value, 'Type');
    if (type && containsOffset(type.span, offset)) return { logicalId: resource.key, span: type.span };
  }
  const reference = referenceAt(root, offset);
  return reference && getValue(resources, reference.logicalId) ? reference : undefined;
}

/** A `Ref` or `Fn::GetAtt` at the offset, and the logical id it names. */
function referenceAt(node: ValueNode, offset: number): { logicalId: string; span: Span } | undefined {
  let current: ValueNode | undefined = node;
  let parentKey: string | undefined;
  while (current && containsOffset(current.span, offset)) {
    if (current.kind === 'string') {
      if (parentKey === 'Ref') return { logicalId: current.value, span: current.span };
      if (parentKey === 'Fn::GetAtt') return { logicalId: current.value.split('.')[0]!, span: current.span };
      return undefined;
    }
    let next: ValueNode | undefined;
    if (current.kind === 'object') {
      const property: PropertyNode | undefined = current.properties.find((candidate) => candidate.value && containsOffset(candidate.value.span, offset));
      parentKey = property?.key;
      next = property?.value;
    } else if (current.kind === 'array') {
      // `Fn::GetAtt: [Role, Arn]`: the logical id is the first item.
      const index = current.items.findIndex((item) => containsOffset(item.span, offset));
      if (parentKey === 'Fn::GetAtt' && index > 0) return undefined;
      next = current.items[index];
    }
    current = next;
  }
  return undefined;
}

function describeResource(file: PolicyFile, resources: ObjectNode, logicalId: string): string | undefined {
  const resource = getValue(resources, logicalId);
  const type = getValue(resource, 'Type');
  if (type?.kind !== 'string') return undefined;
  if (type.value === 'AWS::IAM::Role') return describeRole(file, resources, logicalId);
  if (type.value === 'AWS::IAM::InstanceProfile') return describeInstanceProfile(file, resources, logicalId);
  const service = SAM_ROLE_SERVICES[type.value];
  if (service) return describeSamRole(file, logicalId, type.value, service);
  return undefined;
}

function describeRole(file: PolicyFile, resources: ObjectNode, logicalId: string): string {
  const owned = file.policies.filter((policy) => policy.owner?.name === logicalId);
  const trust = owned.find((policy) => policy.type === 'trust');
  const kind = trust ? classifyTrustPolicy(trust) : undefined;
  const profiles = instanceProfilesOf(resources, logicalId);
  const lines = [`${code(logicalId)} · \`AWS::IAM::Role\` — ${kind ? mdText(kind.headline) : 'a role whose trust policy names no principal this extension recognises'}`, ''];
  if (profiles.length > 0) {
    lines.push(`Delivered to EC2 instances through the instance profile${profiles.length > 1 ? 's' : ''} ${profiles.map(code).join(', ')}.`, '');
  }
  lines.push(policySummary(owned), '');
  if (kind) lines.push('---', '', kind.markdown);
  else lines.push(`[${ROLE_DOC_TITLES.terms}](${ROLE_DOCS.terms})`);
  return lines.join('\n');
}

function describeInstanceProfile(file: PolicyFile, resources: ObjectNode, logicalId: string): string {
  const roles = arrayItems(getValue(getValue(getValue(resources, logicalId), 'Properties'), 'Roles')).map(refName).filter((name): name is string => name !== undefined);
  const out = new Explanation()
    .paragraph(`${code(logicalId)} · \`AWS::IAM::InstanceProfile\` — delivers ${roles.length > 0 ? `the role ${roles.map(code).join(', ')}` : 'one role'} to EC2 instances`)
    .facts(['instanceProfileContainer', 'instanceProfilePassRole']);
  for (const role of roles) {
    if (getValue(getValue(resources, role), 'Type')?.kind !== 'string') continue;
    const trust = file.policies.find((policy) => policy.owner?.name === role && policy.type === 'trust');
    const kind = trust ? classifyTrustPolicy(trust) : undefined;
    if (kind) out.paragraph(`${code(role)}: ${mdText(kind.headline)}.`);
  }
  return out.toMarkdown();
}

function describeSamRole(file: PolicyFile, logicalId: string, type: string, service: string): string {
  const roleId = samRoleId(logicalId);
  const owned = file.policies.filter((policy) => policy.owner?.name === roleId);
  const trust = owned.find((policy) => policy.type === 'trust');
  const kind = trust ? classifyTrustPolicy(trust) : undefined;
  return [
    `${code(logicalId)} · \`${type}\` — SAM generates its execution role ${code(roleId)}${kind ? `: ${mdText(kind.headline)}` : `, trusted by ${mdCode(service)}`}`,
    '',
    policySummary(owned),
    '',
    '---',
    '',
    kind ? kind.markdown : explainServiceRole(service, servicePrincipal(service)),
  ].join('\n');
}

function policySummary(owned: readonly Policy[]): string {
  const identity = owned.filter((policy) => policy.type === 'identity').length;
  return identity === 0 ? 'No permissions policy of its own in this template.' : `${identity} permissions ${identity === 1 ? 'policy' : 'policies'} in this template; run **IAM: Simulate Access** "as role" to evaluate them.`;
}

/** Instance profiles of the template that hold the role (`Roles: [!Ref Role]`). */
function instanceProfilesOf(resources: ObjectNode, logicalId: string): string[] {
  return resources.properties
    .filter((resource) => {
      const type = getValue(resource.value, 'Type');
      if (type?.kind !== 'string' || type.value !== 'AWS::IAM::InstanceProfile') return false;
      return arrayItems(getValue(getValue(resource.value, 'Properties'), 'Roles')).some((role) => refName(role) === logicalId);
    })
    .map((resource) => resource.key);
}

function refName(node: ValueNode): string | undefined {
  const ref = getValue(node, 'Ref');
  if (ref?.kind === 'string') return ref.value;
  return node.kind === 'string' ? node.value : undefined;
}

/** A logical id as inline code; user text, so a backtick or line break cannot open Markdown. */
function code(text: string): string {
  return mdCode(text);
}
