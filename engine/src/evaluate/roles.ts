import { isObject, type Policy, type PolicyType } from '../document/model';
import type { PolicyFile } from '../document/policyFile';
import { readPolicy } from '../document/readPolicy';
import { arrayItems, looksLikePolicy } from '../document/shape';
import { getValue, type ObjectNode, type ValueNode } from '../document/tree';
import { serverlessRoles } from './serverlessRoles';

export interface RoleSummary {
  /** The role's name: RoleName when given, else the CloudFormation logical id. */
  readonly name: string;
  readonly logicalId?: string;
  readonly arn?: string;
  /** Other names the role is known by (a Serverless service's name for its execution role). */
  readonly aliases?: readonly string[];
}

/** Everything a file says about one role, ready to simulate as it or to simulate assuming it. */
export interface RolePolicies {
  readonly role: RoleSummary;
  readonly trust?: Policy;
  /** Inline policies, policies attached to the role, and customer managed policies found in the same file. */
  readonly identity: readonly Policy[];
  readonly boundary?: Policy;
  /** Managed policies and boundaries the role refers to that the file does not hold (AWS managed ones, other stacks). */
  readonly unresolved: readonly string[];
}

/** The roles of a CloudFormation template or an authorization-details dump. */
export function listRoles(file: PolicyFile): RoleSummary[] {
  return roleSources(file).map((source) => source.summary);
}

/** Collects one role's policies by name, logical id or ARN (case-sensitive, as IAM names are). */
export function collectRolePolicies(file: PolicyFile, name: string): RolePolicies | undefined {
  const source = roleSources(file).find(
    ({ summary }) => summary.name === name || summary.logicalId === name || summary.arn === name || summary.aliases?.includes(name) === true,
  );
  return source?.collect();
}

export interface RoleSource {
  readonly summary: RoleSummary;
  collect(): RolePolicies;
}

function roleSources(file: PolicyFile): RoleSource[] {
  const root = file.root;
  if (!isObject(root)) return [];
  const serverless = serverlessRoles(file);
  if (serverless.length > 0) {
    const resources = getValue(getValue(root, 'resources'), 'Resources');
    return [...serverless, ...(isObject(resources) ? cloudFormationRoles(file, resources) : [])];
  }
  const resources = getValue(root, 'Resources');
  if (isObject(resources)) return cloudFormationRoles(file, resources);
  return authorizationDetailRoles(file, root);
}

/** The located policy for a node (so results point at the same objects), read with the given type. */
function policyAt(file: PolicyFile, node: ValueNode | undefined, type: PolicyType, label: string): Policy | undefined {
  if (!looksLikePolicy(node)) return undefined;
  const located = file.policies.find((policy) => policy.node === node);
  if (located && located.type === type) return located;
  return readPolicy(node, {
    type,
    typeReason: `it is the ${type} policy of the role being simulated`,
    label: located?.label ?? label,
    owner: located?.owner,
    allowsIntrinsics: located?.allowsIntrinsics ?? false,
  });
}

function text(node: ValueNode | undefined): string | undefined {
  return node?.kind === 'string' ? node.value : undefined;
}

function cloudFormationRoles(file: PolicyFile, resources: ObjectNode): RoleSource[] {
  const typeOf = (id: string) => text(getValue(getValue(resources, id), 'Type'));
  const propertiesOf = (id: string) => getValue(getValue(resources, id), 'Properties');
  const managedNamed = (reference: ValueNode): string | undefined => {
    // {"Ref": id}, or an ARN (plain or in Fn::Sub) whose last part is a ManagedPolicyName of this template.
    const ref = text(getValue(reference, 'Ref'));
    if (ref !== undefined) return typeOf(ref) === 'AWS::IAM::ManagedPolicy' ? ref : undefined;
    const arn = text(reference) ?? text(getValue(reference, 'Fn::Sub'));
    const policyName = arn?.slice(arn.lastIndexOf('/') + 1);
    return resources.properties.find(
      (resource) => typeOf(resource.key) === 'AWS::IAM::ManagedPolicy' && text(getValue(propertiesOf(resource.key), 'ManagedPolicyName')) === policyName,
    )?.key;
  };
  const describeReference = (reference: ValueNode) => text(getValue(reference, 'Ref')) ?? text(reference) ?? text(getValue(reference, 'Fn::Sub')) ?? JSON.stringify(reference.path);

  return resources.properties
    .filter((resource) => typeOf(resource.key) === 'AWS::IAM::Role')
    .map((resource) => {
      const logicalId = resource.key;
      const properties = propertiesOf(logicalId);
      const name = text(getValue(properties, 'RoleName')) ?? logicalId;
      const refersToRole = (node: ValueNode | undefined) => node !== undefined && (text(getValue(node, 'Ref')) === logicalId || text(node) === name);
      return {
        summary: { name, logicalId },
        collect(): RolePolicies {
          const identity: Policy[] = [];
          const unresolved: string[] = [];
          for (const inline of arrayItems(getValue(properties, 'Policies'))) {
            const policy = policyAt(file, getValue(inline, 'PolicyDocument'), 'identity', `inline policy of ${logicalId}`);
            if (policy) identity.push(policy);
          }
          for (const reference of arrayItems(getValue(properties, 'ManagedPolicyArns'))) {
            const id = managedNamed(reference);
            const policy = id && policyAt(file, getValue(propertiesOf(id), 'PolicyDocument'), 'identity', `PolicyDocument of ${id}`);
            if (policy) identity.push(policy);
            else unresolved.push(describeReference(reference));
          }
          // Policies that attach themselves to the role: AWS::IAM::Policy/ManagedPolicy `Roles`, AWS::IAM::RolePolicy `RoleName`.
          for (const other of resources.properties) {
            const type = typeOf(other.key);
            const otherProperties = propertiesOf(other.key);
            const attached =
              ((type === 'AWS::IAM::Policy' || type === 'AWS::IAM::ManagedPolicy') && arrayItems(getValue(otherProperties, 'Roles')).some(refersToRole)) ||
              (type === 'AWS::IAM::RolePolicy' && refersToRole(getValue(otherProperties, 'RoleName')));
            if (!attached) continue;
            const policy = policyAt(file, getValue(otherProperties, 'PolicyDocument'), 'identity', `PolicyDocument of ${other.key}`);
            if (policy && !identity.includes(policy)) identity.push(policy);
          }
          const boundaryReference = getValue(properties, 'PermissionsBoundary');
          let boundary: Policy | undefined;
          if (boundaryReference) {
            const id = managedNamed(boundaryReference);
            boundary = id ? policyAt(file, getValue(propertiesOf(id), 'PolicyDocument'), 'boundary', `PolicyDocument of ${id}`) : undefined;
            if (!boundary) unresolved.push(describeReference(boundaryReference));
          }
          const trust = policyAt(file, getValue(properties, 'AssumeRolePolicyDocument'), 'trust', `AssumeRolePolicyDocument of ${logicalId}`);
          return { role: { name, logicalId }, trust, identity, boundary, unresolved };
        },
      };
    });
}

function authorizationDetailRoles(file: PolicyFile, root: ObjectNode): RoleSource[] {
  const managedByArn = new Map<string, ValueNode>();
  for (const managed of arrayItems(getValue(root, 'Policies'))) {
    const arn = text(getValue(managed, 'Arn'));
    const defaultVersion = text(getValue(managed, 'DefaultVersionId'));
    const versions = arrayItems(getValue(managed, 'PolicyVersionList'));
    const chosen =
      versions.find((version) => getValue(version, 'IsDefaultVersion')?.kind === 'boolean' && (getValue(version, 'IsDefaultVersion') as { value: boolean }).value) ??
      versions.find((version) => text(getValue(version, 'VersionId')) === defaultVersion) ??
      versions[0];
    const document = getValue(chosen, 'Document');
    if (arn && document) managedByArn.set(arn, document);
  }
  return arrayItems(getValue(root, 'RoleDetailList')).map((entry) => {
    const name = text(getValue(entry, 'RoleName')) ?? '?';
    const arn = text(getValue(entry, 'Arn'));
    return {
      summary: { name, arn },
      collect(): RolePolicies {
        const identity: Policy[] = [];
        const unresolved: string[] = [];
        for (const inline of arrayItems(getValue(entry, 'RolePolicyList'))) {
          const policy = policyAt(file, getValue(inline, 'PolicyDocument'), 'identity', `inline policy of role ${name}`);
          if (policy) identity.push(policy);
        }
        for (const attached of arrayItems(getValue(entry, 'AttachedManagedPolicies'))) {
          const policyArn = text(getValue(attached, 'PolicyArn')) ?? '?';
          const policy = policyAt(file, managedByArn.get(policyArn), 'identity', `managed policy ${policyArn}`);
          if (policy) identity.push(policy);
          else unresolved.push(policyArn);
        }
        const boundaryArn = text(getValue(getValue(entry, 'PermissionsBoundary'), 'PermissionsBoundaryArn'));
        const boundary = boundaryArn ? policyAt(file, managedByArn.get(boundaryArn), 'boundary', `boundary ${boundaryArn}`) : undefined;
        if (boundaryArn && !boundary) unresolved.push(boundaryArn);
        const trust = policyAt(file, getValue(entry, 'AssumeRolePolicyDocument'), 'trust', `trust policy of role ${name}`);
        return { role: { name, arn }, trust, identity, boundary, unresolved };
      },
    };
  });
}
