import { functionRoleId, isServerlessConfig, SERVERLESS_ROLE_ID } from '../document/locateServerless';
import { isObject, type Policy } from '../document/model';
import type { PolicyFile } from '../document/policyFile';
import { readPolicy } from '../document/readPolicy';
import { arrayItems } from '../document/shape';
import { getValue, type ObjectNode, type PathSegment, type PropertyNode, type Span, type ValueNode } from '../document/tree';
import { templateString } from '../document/unknown';
import type { RolePolicies, RoleSource } from './roles';

/**
 * The roles a Serverless Framework configuration makes: the shared Lambda execution role
 * (`IamRoleLambdaExecution`, also found by the service's name or the role's `name`), and one per
 * function that has its own `iamRoleStatements` (serverless-iam-roles-per-function). Each is trusted
 * by Lambda, as the framework writes it; its statements are those located in the file, plus the
 * customer managed policies of `resources.Resources` that `managedPolicies` refers to with `Ref`.
 */
export function serverlessRoles(file: PolicyFile, fileName?: string): RoleSource[] {
  const root = file.root;
  if (!isObject(root) || !isServerlessConfig(root, fileName)) return [];
  const provider = getValue(root, 'provider');
  const role = getValue(getValue(provider, 'iam'), 'role');
  const service = text(getValue(root, 'service')) ?? text(getValue(getValue(root, 'service'), 'name'));
  const roleName = text(getValue(role, 'name'));
  const at = getValue(root, 'provider')!.span;
  const sources: RoleSource[] = [
    {
      summary: { name: roleName ?? service ?? SERVERLESS_ROLE_ID, logicalId: SERVERLESS_ROLE_ID, aliases: [service, roleName].filter((name): name is string => name !== undefined) },
      collect: () => collect(file, root, SERVERLESS_ROLE_ID, roleName ?? service ?? SERVERLESS_ROLE_ID, at, {
        managed: [...arrayItems(getValue(role, 'managedPolicies')), ...arrayItems(getValue(provider, 'iamManagedPolicies'))],
        boundary: getValue(role, 'permissionsBoundary') ?? getValue(provider, 'rolePermissionsBoundary'),
      }),
    },
  ];
  const functions = getValue(root, 'functions');
  if (isObject(functions)) {
    for (const fn of functions.properties) {
      if (!getValue(fn.value, 'iamRoleStatements')) continue;
      const id = functionRoleId(fn.key);
      sources.push({ summary: { name: id, logicalId: id, aliases: [fn.key] }, collect: () => collect(file, root, id, id, fn.keySpan, { managed: [] }) });
    }
  }
  return sources;
}

function collect(file: PolicyFile, root: ObjectNode, roleId: string, name: string, at: Span, references: { managed: ValueNode[]; boundary?: ValueNode }): RolePolicies {
  const identity: Policy[] = file.policies.filter((policy) => policy.type === 'identity' && policy.owner?.kind === 'role' && policy.owner.name === roleId);
  const unresolved: string[] = [];
  const resources = getValue(getValue(root, 'resources'), 'Resources');
  const managedPolicyOf = (reference: ValueNode): Policy | undefined => {
    const id = text(getValue(reference, 'Ref'));
    const resource = id === undefined ? undefined : getValue(resources, id);
    if (text(getValue(resource, 'Type')) !== 'AWS::IAM::ManagedPolicy') return undefined;
    const document = getValue(getValue(resource, 'Properties'), 'PolicyDocument');
    return file.policies.find((policy) => policy.node === document);
  };
  for (const reference of references.managed) {
    const policy = managedPolicyOf(reference);
    if (policy) identity.push(policy);
    else unresolved.push(describe(reference));
  }
  let boundary: Policy | undefined;
  if (references.boundary) {
    const located = managedPolicyOf(references.boundary);
    boundary = located && readPolicy(located.node, { type: 'boundary', typeReason: `it is the permissions boundary of ${roleId}`, label: located.label, owner: located.owner, allowsIntrinsics: true });
    if (!boundary) unresolved.push(describe(references.boundary));
  }
  return { role: { name, logicalId: roleId }, trust: lambdaTrust(at, roleId), identity, boundary, unresolved };
}

/**
 * The trust policy the framework writes for every role it makes: Lambda may assume it. It has no
 * text in the file, so its nodes sit, zero-length, where the role is configured.
 */
function lambdaTrust(at: Span, roleId: string): Policy {
  const here = { offset: at.offset, length: 0 };
  const path: PathSegment[] = ['provider', 'iam', 'role', 'AssumeRolePolicyDocument'];
  const node = generated({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }] }, here, path);
  return readPolicy(node, {
    type: 'trust',
    typeReason: 'the Serverless Framework lets Lambda assume every role it makes',
    label: `trust policy of ${roleId} (written by the Serverless Framework)`,
    owner: { kind: 'role', name: roleId },
    allowsIntrinsics: false,
  });
}

/** A value tree for a document that has no text of its own (a default). */
function generated(value: unknown, span: Span, path: PathSegment[]): ValueNode {
  if (typeof value === 'string') return templateString([value], { span, path, origin: 'default' });
  if (Array.isArray(value)) return { kind: 'array', items: value.map((item, index) => generated(item, span, [...path, index])), span, path };
  const properties: PropertyNode[] = Object.entries(value as Record<string, unknown>).map(([key, child]) => ({ key, keySpan: span, span, value: generated(child, span, [...path, key]) }));
  return { kind: 'object', properties, span, path };
}

function text(node: ValueNode | undefined): string | undefined {
  return node?.kind === 'string' ? node.value : undefined;
}

function describe(reference: ValueNode): string {
  return text(reference) ?? text(getValue(reference, 'Ref')) ?? JSON.stringify(reference.path);
}
