import { isObject, type Policy, type PolicyType } from '../document/model';
import type { PolicyFile } from '../document/policyFile';
import { readPolicy } from '../document/readPolicy';
import { arrayItems, looksLikePolicy } from '../document/shape';
import { samPolicyEntries, SAM_ROLE_SERVICES, samRoleId } from '../document/sam/locateSam';
import { SAM_POLICY_TEMPLATES } from '../document/sam/policyTemplates';
import { getValue, type ObjectNode, type PathSegment, type Span, type ValueNode } from '../document/tree';
import { serverlessRoles } from './serverlessRoles';

export interface RoleSummary {
  /** The role's name: RoleName when given, else the CloudFormation logical id. */
  readonly name: string;
  readonly logicalId?: string;
  readonly arn?: string;
  /** Other names the role is known by (a Serverless service's name for its execution role). */
  readonly aliases?: readonly string[];
  /** For a role SAM generates: the function or state machine it is for. */
  readonly samResource?: string;
  /** The template resource that makes the role (the role, or the SAM function), for "is the cursor in it". */
  readonly span?: Span;
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
  /** Which of `unresolved` is the permissions boundary, when it is one of them. */
  readonly unresolvedBoundary?: string;
}

/** The roles of a CloudFormation template or an authorization-details dump. */
export function listRoles(file: PolicyFile): RoleSummary[] {
  return roleSources(file).map((source) => source.summary);
}

/**
 * Collects one role's policies by name, logical id or ARN (case-sensitive, as IAM names are); a SAM
 * function's or state machine's logical id names the role SAM generates for it.
 */
export function collectRolePolicies(file: PolicyFile, name: string): RolePolicies | undefined {
  const source = roleSources(file).find(
    ({ summary }) => summary.name === name || summary.logicalId === name || summary.arn === name || summary.aliases?.includes(name) === true || summary.samResource === name,
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
  if (isObject(resources)) return [...cloudFormationRoles(file, resources), ...samRoles(file, resources)];
  return authorizationDetailRoles(file, root);
}

/** The located policy for a node (so results point at the same objects), read with the given type. */
function policyAt(file: PolicyFile, node: ValueNode | undefined, type: PolicyType, label: string): Policy | undefined {
  if (!looksLikePolicy(node)) return undefined;
  // The located policy is the document with its template values resolved: a node of its own with
  // the written node's span.
  const located = file.policies.find((policy) => policy.node === node || (policy.node.span.offset === node.span.offset && policy.node.span.length === node.span.length));
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
      const span = resource.span;
      const properties = propertiesOf(logicalId);
      const name = text(getValue(properties, 'RoleName')) ?? logicalId;
      const refersToRole = (node: ValueNode | undefined) => node !== undefined && (text(getValue(node, 'Ref')) === logicalId || text(node) === name);
      return {
        summary: { name, logicalId, span },
        collect(): RolePolicies {
          const identity: Policy[] = [];
          const unresolved: string[] = [];
          let unresolvedBoundary: string | undefined;
          // Inline policies as located (each branch of an `!If` among them, with its assumption).
          identity.push(...file.policies.filter((policy) => policy.type === 'identity' && policy.owner?.kind === 'role' && policy.owner.name === logicalId));
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
            if (!boundary) unresolved.push((unresolvedBoundary = describeReference(boundaryReference)));
          }
          const trust =
            file.policies.find((policy) => policy.type === 'trust' && policy.owner?.kind === 'role' && policy.owner.name === logicalId) ??
            policyAt(file, getValue(properties, 'AssumeRolePolicyDocument'), 'trust', `AssumeRolePolicyDocument of ${logicalId}`);
          return { role: { name, logicalId, span }, trust, identity, boundary, unresolved, ...(unresolvedBoundary !== undefined ? { unresolvedBoundary } : {}) };
        },
      };
    });
}

/**
 * The execution roles SAM generates (`<LogicalId>Role`) for functions and state machines that name no
 * `Role` of their own: the located inline policies and expanded policy templates, the trust policy
 * written in the template or else the one SAM writes (the service may assume the role), and the
 * managed policies and templates the file cannot show, as not evaluated.
 */
function samRoles(file: PolicyFile, resources: ObjectNode): RoleSource[] {
  const sources: RoleSource[] = [];
  for (const resource of resources.properties) {
    const type = text(getValue(resource.value, 'Type'));
    const service = type ? SAM_ROLE_SERVICES[type] : undefined;
    const properties = getValue(resource.value, 'Properties');
    if (!service || getValue(properties, 'Role')) continue;
    const roleId = samRoleId(resource.key);
    const summary: RoleSummary = { name: roleId, logicalId: roleId, samResource: resource.key, span: resource.span };
    sources.push({
      summary,
      collect(): RolePolicies {
        const owned = file.policies.filter((policy) => policy.owner?.name === roleId);
        const unresolved: string[] = [];
        for (const entry of samPolicyEntries(properties)) {
          if (entry.kind === 'string') unresolved.push(entry.value);
          const only = entry.kind === 'object' && entry.properties.length === 1 ? entry.properties[0]!.key : undefined;
          if (only && only !== 'Statement' && only !== 'Version' && !SAM_POLICY_TEMPLATES[only]) unresolved.push(`SAM policy template ${only} (not expanded)`);
        }
        const boundary = text(getValue(properties, 'PermissionsBoundary'));
        if (boundary) unresolved.push(boundary);
        const trust = owned.find((policy) => policy.type === 'trust') ?? generatedTrust(service, resource.key, resource.keySpan, resource.value?.path ?? []);
        return { role: summary, trust, identity: owned.filter((policy) => policy.type === 'identity'), unresolved, ...(boundary ? { unresolvedBoundary: boundary } : {}) };
      },
    });
  }
  return sources;
}

/** The trust policy SAM writes for a generated role: the service may assume it. It has no text; it points at the resource's id. */
function generatedTrust(service: string, logicalId: string, span: Span, path: readonly PathSegment[]): Policy {
  const string = (value: string): ValueNode => ({ kind: 'string', value, span, path });
  const object = (entries: [string, ValueNode][]): ObjectNode => ({ kind: 'object', properties: entries.map(([key, value]) => ({ key, keySpan: span, span, value })), span, path });
  const statement = object([
    ['Effect', string('Allow')],
    ['Principal', object([['Service', string(service)]])],
    ['Action', string('sts:AssumeRole')],
  ]);
  const document = object([
    ['Version', string('2012-10-17')],
    ['Statement', { kind: 'array', items: [statement], span, path }],
  ]);
  return readPolicy(document, {
    type: 'trust',
    typeReason: `it is the trust policy SAM writes for the role of ${logicalId}`,
    label: `trust policy SAM generates for ${logicalId}`,
    owner: { kind: 'role', name: samRoleId(logicalId) },
    allowsIntrinsics: false,
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
        return { role: { name, arn }, trust, identity, boundary, unresolved, ...(boundaryArn && !boundary ? { unresolvedBoundary: boundaryArn } : {}) };
      },
    };
  });
}
