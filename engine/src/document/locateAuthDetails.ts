import type { FoundPolicy } from './locate';
import { arrayItems, looksLikePolicy } from './shape';
import { isObject, type PolicyOwner, type PolicyType } from './model';
import { getProperty, getValue, type ObjectNode, type ValueNode } from './tree';

const DETAIL_LISTS = ['UserDetailList', 'GroupDetailList', 'RoleDetailList', 'Policies'];

/** The output of `aws iam get-account-authorization-details`. */
export function isAuthorizationDetails(root: ObjectNode): boolean {
  return DETAIL_LISTS.some((key) => getProperty(root, key)?.value?.kind === 'array');
}

export function locateInAuthorizationDetails(root: ObjectNode): FoundPolicy[] {
  const found: FoundPolicy[] = [];
  const add = (node: ValueNode | undefined, type: PolicyType, label: string, owner: PolicyOwner, reason: string) => {
    if (looksLikePolicy(node)) {
      found.push({ node, placement: { type, typeReason: reason, label, owner, allowsIntrinsics: false } });
    }
  };
  const inlineLists: [list: string, nameKey: string, policiesKey: string, kind: 'user' | 'group' | 'role'][] = [
    ['UserDetailList', 'UserName', 'UserPolicyList', 'user'],
    ['GroupDetailList', 'GroupName', 'GroupPolicyList', 'group'],
    ['RoleDetailList', 'RoleName', 'RolePolicyList', 'role'],
  ];
  for (const [list, nameKey, policiesKey, kind] of inlineLists) {
    for (const entity of arrayItems(getValue(root, list))) {
      const name = textOf(getValue(entity, nameKey)) ?? '?';
      const account = /^arn:[^:]*:iam::(\d{12}):/.exec(textOf(getValue(entity, 'Arn')) ?? '')?.[1];
      const owner: PolicyOwner = account ? { kind, name, account } : { kind, name };
      if (kind === 'role') {
        add(getValue(entity, 'AssumeRolePolicyDocument'), 'trust', `trust policy of role ${name}`, owner, 'it is a role trust policy');
      }
      for (const inline of arrayItems(getValue(entity, policiesKey))) {
        const policyName = textOf(getValue(inline, 'PolicyName')) ?? '?';
        add(getValue(inline, 'PolicyDocument'), 'identity', `inline policy ${policyName} of ${kind} ${name}`, owner, `it is an inline policy of a ${kind}`);
      }
    }
  }
  const boundaries = boundaryArns(root);
  for (const managed of arrayItems(getValue(root, 'Policies'))) {
    const name = textOf(getValue(managed, 'PolicyName')) ?? '?';
    const arn = textOf(getValue(managed, 'Arn'));
    const isBoundary = arn !== undefined && boundaries.has(arn);
    for (const version of arrayItems(getValue(managed, 'PolicyVersionList'))) {
      const versionId = textOf(getValue(version, 'VersionId')) ?? '';
      add(
        getValue(version, 'Document'),
        isBoundary ? 'boundary' : 'identity',
        `managed policy ${name} ${versionId}`.trim(),
        { kind: 'managed-policy', name, ...(arn !== undefined && /^arn:[^:]+:iam::aws:policy\//.test(arn) && { awsManaged: true }) },
        isBoundary ? 'it is a managed policy used as a permissions boundary' : 'it is a managed policy',
      );
    }
  }
  return found;
}

function boundaryArns(root: ObjectNode): Set<string> {
  const arns = new Set<string>();
  for (const list of ['UserDetailList', 'RoleDetailList']) {
    for (const entity of arrayItems(getValue(root, list))) {
      const boundary = getValue(entity, 'PermissionsBoundary');
      const arn = isObject(boundary) ? textOf(getValue(boundary, 'PermissionsBoundaryArn')) : undefined;
      if (arn) arns.add(arn);
    }
  }
  return arns;
}

function textOf(node: ValueNode | undefined): string | undefined {
  return node?.kind === 'string' ? node.value : undefined;
}
