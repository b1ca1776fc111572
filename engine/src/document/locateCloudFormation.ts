import type { FoundPolicy } from './locate';
import { arrayItems, looksLikePolicy } from './shape';
import { isObject, type PolicyType } from './model';
import { getProperty, getValue, type ObjectNode, type ValueNode } from './tree';

export function isCloudFormationTemplate(root: ObjectNode): boolean {
  const resources = getValue(root, 'Resources');
  if (!isObject(resources)) return false;
  return resources.properties.some((resource) => getValue(resource.value, 'Type')?.kind === 'string');
}

/** Where each CloudFormation resource type keeps its policies, and what type they are. */
const DOCUMENT_PROPERTIES: Record<string, readonly [property: string, type: PolicyType][]> = {
  'AWS::IAM::Policy': [['PolicyDocument', 'identity']],
  'AWS::IAM::ManagedPolicy': [['PolicyDocument', 'identity']],
  'AWS::IAM::RolePolicy': [['PolicyDocument', 'identity']],
  'AWS::IAM::UserPolicy': [['PolicyDocument', 'identity']],
  'AWS::IAM::GroupPolicy': [['PolicyDocument', 'identity']],
  'AWS::S3::BucketPolicy': [['PolicyDocument', 'resource']],
  'AWS::SQS::QueuePolicy': [['PolicyDocument', 'resource']],
  'AWS::SNS::TopicPolicy': [['PolicyDocument', 'resource']],
  'AWS::KMS::Key': [['KeyPolicy', 'resource']],
  'AWS::SecretsManager::ResourcePolicy': [['ResourcePolicy', 'resource']],
};

/** Resources whose `Policies` property is a list of inline identity policies. */
const INLINE_POLICY_OWNERS: Record<string, 'role' | 'user' | 'group'> = {
  'AWS::IAM::Role': 'role',
  'AWS::IAM::User': 'user',
  'AWS::IAM::Group': 'group',
};

const ORGANIZATIONS_POLICY_TYPES: Record<string, PolicyType> = {
  SERVICE_CONTROL_POLICY: 'scp',
  RESOURCE_CONTROL_POLICY: 'rcp',
};

export function locateInCloudFormation(root: ObjectNode): FoundPolicy[] {
  const resources = getValue(root, 'Resources');
  if (!isObject(resources)) return [];
  const found: FoundPolicy[] = [];
  const boundaries = boundaryPolicyIds(resources);
  for (const resource of resources.properties) {
    if (!isObject(resource.value)) continue;
    const typeNode = getValue(resource.value, 'Type');
    const properties = getValue(resource.value, 'Properties');
    if (typeNode?.kind !== 'string' || !isObject(properties)) continue;
    found.push(...policiesOfResource(resource.key, typeNode.value, properties, boundaries.has(resource.key)));
  }
  return found;
}

/** Logical ids of managed policies that some role or user uses as its permissions boundary (`{"Ref": id}`). */
function boundaryPolicyIds(resources: ObjectNode): Set<string> {
  const ids = new Set<string>();
  for (const resource of resources.properties) {
    const boundary = getValue(getValue(resource.value, 'Properties'), 'PermissionsBoundary');
    const ref = getValue(boundary, 'Ref');
    if (ref?.kind === 'string') ids.add(ref.value);
  }
  return ids;
}

function policiesOfResource(logicalId: string, type: string, properties: ObjectNode, isBoundary: boolean): FoundPolicy[] {
  const found: FoundPolicy[] = [];
  const add = (node: ValueNode | undefined, policyType: PolicyType, label: string, ownerKind: 'role' | 'user' | 'group' | 'managed-policy' | 'resource') => {
    if (!looksLikePolicy(node)) return;
    const role = policyType === 'boundary' ? ', used as a permissions boundary' : '';
    found.push({
      node,
      placement: {
        type: policyType,
        typeReason: `it is the ${label.split(' of ')[0]} of a CloudFormation ${type}${role}`,
        label,
        owner: { kind: ownerKind, name: logicalId },
        allowsIntrinsics: true,
      },
    });
  };
  if (type === 'AWS::IAM::Role') {
    add(getValue(properties, 'AssumeRolePolicyDocument'), 'trust', `AssumeRolePolicyDocument of ${logicalId}`, 'role');
  }
  const ownerKind = INLINE_POLICY_OWNERS[type];
  if (ownerKind) {
    for (const inline of arrayItems(getValue(properties, 'Policies'))) {
      const name = getValue(inline, 'PolicyName');
      const label = `inline policy ${name?.kind === 'string' ? name.value : ''} of ${logicalId}`.replace('  ', ' ');
      add(getValue(inline, 'PolicyDocument'), 'identity', label, ownerKind);
    }
  }
  for (const [property, documentType] of DOCUMENT_PROPERTIES[type] ?? []) {
    const ownerKindForDocument = documentType === 'identity' ? 'managed-policy' : 'resource';
    const policyType = isBoundary && type === 'AWS::IAM::ManagedPolicy' ? 'boundary' : documentType;
    add(getValue(properties, property), policyType, `${property} of ${logicalId}`, ownerKindForDocument);
  }
  if (type === 'AWS::Organizations::Policy') {
    const orgType = getValue(properties, 'Type');
    const policyType = orgType?.kind === 'string' ? ORGANIZATIONS_POLICY_TYPES[orgType.value] : undefined;
    if (policyType) add(getValue(properties, 'Content'), policyType, `Content of ${logicalId}`, 'managed-policy');
  }
  return found;
}

/** The ManagedPolicyArns and PermissionsBoundary a CloudFormation role refers to, for simulating "as this role". */
export function roleReferences(properties: ObjectNode): { managedPolicyArns: ValueNode[]; permissionsBoundary?: ValueNode } {
  return {
    managedPolicyArns: arrayItems(getValue(properties, 'ManagedPolicyArns')),
    permissionsBoundary: getProperty(properties, 'PermissionsBoundary')?.value,
  };
}
