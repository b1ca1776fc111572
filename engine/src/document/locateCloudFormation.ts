import type { FoundPolicy } from './locate';
import { MemoSlot, memoized } from './memo';
import { arrayItems, looksLikePolicy } from './shape';
import { isObject, type PolicyOwner, type PolicyType } from './model';
import { policyPropertiesOf } from './cloudFormationPolicyProperties';
import { locateInSam } from './sam/locateSam';
import type { PolicyPlacement } from './readPolicy';
import { CloudFormationResolver, intrinsicOf, NO_VALUE, templateContext } from '../resolve/cloudformation';
import { getProperty, getValue, type ObjectNode, type PropertyNode, type StringNode, type ValueNode } from './tree';

export function isCloudFormationTemplate(root: ObjectNode): boolean {
  const resources = getValue(root, 'Resources');
  if (!isObject(resources)) return false;
  return resources.properties.some((resource) => getValue(resource.value, 'Type')?.kind === 'string');
}

/** A policy a template gives as a JSON string (`AWS::Logs::ResourcePolicy`, a `KeyPolicy` in quotes). */
export interface FoundPolicyString {
  readonly host: StringNode;
  readonly placement: PolicyPlacement;
}

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

/** The policies of a template: those written as objects, and those written as JSON strings. */
export function locateInCloudFormation(root: ObjectNode, resolve = true): FoundPolicy[] {
  return scanTemplate(root, resolve).objects;
}

export function policyStringsInCloudFormation(root: ObjectNode, resolve = true): FoundPolicyString[] {
  return scanTemplate(root, resolve).strings;
}

interface TemplateScan {
  readonly objects: FoundPolicy[];
  readonly strings: FoundPolicyString[];
}

const SCAN = new MemoSlot<TemplateScan>('template scan, resolved');
const SCAN_AS_WRITTEN = new MemoSlot<TemplateScan>('template scan, as written');

/**
 * One walk over the resources finds both kinds, and is made once per parsed template: the objects
 * and the strings are asked for separately, and resolving intrinsic functions twice cost a 1 MB
 * template a tenth of its parse and lint time.
 */
function scanTemplate(root: ObjectNode, resolve: boolean): TemplateScan {
  return memoized(root, resolve ? SCAN : SCAN_AS_WRITTEN, () => walkTemplate(root, resolve));
}

function walkTemplate(root: ObjectNode, resolve: boolean): TemplateScan {
  const scan: TemplateScan = { objects: [], strings: [] };
  const resources = getValue(root, 'Resources');
  if (isObject(resources)) {
    const resolver = resolve ? new CloudFormationResolver(templateContext(root)) : AS_WRITTEN;
    const boundaries = boundaryPolicyIds(resources);
    for (const resource of resources.properties) {
      if (!isObject(resource.value)) continue;
      const typeNode = getValue(resource.value, 'Type');
      const properties = getValue(resource.value, 'Properties');
      if (typeNode?.kind !== 'string' || !isObject(properties)) continue;
      scanResource(scan, resolver, resource.key, typeNode.value, properties, boundaries.has(resource.key));
    }
    for (const found of locateInSam(resources)) {
      const node = resolver.resolve(found.node);
      if (node !== NO_VALUE) scan.objects.push({ node, placement: found.placement });
    }
  }
  return scan;
}

/** Reads intrinsic functions as written: the benchmark's baseline. */
const AS_WRITTEN = { resolve: (node: ValueNode) => node } as unknown as CloudFormationResolver;

/**
 * A policy property's value as the policies it may be: the document with its intrinsic functions
 * resolved; for `!If [Cond, document, other]` each branch that is a document, with its assumption
 * (`AWS::NoValue` leaves none); for a string, the JSON text it holds.
 */
function alternatives(resolver: CloudFormationResolver, node: ValueNode | undefined): ValueNode[] {
  if (!node) return [];
  const call = intrinsicOf(node);
  if (call?.key === 'Fn::If' && call.value?.kind === 'array' && call.value.items.length === 3) {
    const wrapped: ValueNode = { kind: 'array', items: [node], span: node.span, path: node.path };
    const branches = resolver.resolve(wrapped);
    return branches !== NO_VALUE && branches.kind === 'array' ? [...branches.items] : [];
  }
  const resolved = resolver.resolve(node);
  return resolved === NO_VALUE ? [] : [resolved];
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

function scanResource(scan: TemplateScan, resolver: CloudFormationResolver, logicalId: string, type: string, properties: ObjectNode, isBoundary: boolean): void {
  const add = (written: ValueNode | undefined, policyType: PolicyType, label: string, ownerKind: PolicyOwner['kind'], acceptsString: boolean, resourceImplied = false) => {
    for (const node of alternatives(resolver, written)) addOne(node, policyType, label, ownerKind, acceptsString, resourceImplied);
  };
  const addOne = (node: ValueNode, policyType: PolicyType, label: string, ownerKind: PolicyOwner['kind'], acceptsString: boolean, resourceImplied: boolean) => {
    const boundary = policyType === 'boundary' ? ', used as a permissions boundary' : '';
    const placement: PolicyPlacement = {
      type: policyType,
      typeReason: `it is the ${label.split(' of ')[0]} of a CloudFormation ${type}${boundary}`,
      label,
      owner: { kind: ownerKind, name: logicalId, resourceType: type },
      allowsIntrinsics: true,
      ...(resourceImplied ? { resourceImplied } : {}),
    };
    if (looksLikePolicy(node)) scan.objects.push({ node, placement });
    else if (acceptsString && node.kind === 'string') scan.strings.push({ host: node, placement: { ...placement, allowsIntrinsics: false } });
  };
  const entries = policyPropertiesOf(type);
  // A role's trust policy first, then its inline policies, then the other documents: the order
  // people read a role in.
  const documentOf = (entry: (typeof entries)[number]) => {
    const ownerKind: PolicyOwner['kind'] = entry.type === 'trust' ? 'role' : entry.type === 'resource' ? 'resource' : 'managed-policy';
    const policyType = isBoundary && type === 'AWS::IAM::ManagedPolicy' ? 'boundary' : entry.type;
    add(getValue(properties, entry.property), policyType, `${entry.property} of ${logicalId}`, ownerKind, entry.string === true, entry.resourceImplied === true);
  };
  entries.filter((entry) => entry.type === 'trust').forEach(documentOf);
  const inlineOwner = INLINE_POLICY_OWNERS[type];
  if (inlineOwner) {
    // Resolved first, so that `- !If [Cond, {PolicyName: ..., PolicyDocument: ...}, !Ref AWS::NoValue]` is an item.
    const inlinePolicies = alternatives(resolver, getValue(properties, 'Policies'))[0];
    for (const inline of arrayItems(inlinePolicies)) {
      const name = getValue(inline, 'PolicyName');
      const label = `inline policy ${name?.kind === 'string' ? name.value : ''} of ${logicalId}`.replace('  ', ' ');
      add(getValue(inline, 'PolicyDocument'), 'identity', label, inlineOwner, true);
    }
  }
  entries.filter((entry) => entry.type !== 'trust').forEach(documentOf);
  if (type === 'AWS::Organizations::Policy') {
    const orgType = getValue(properties, 'Type');
    const policyType = orgType?.kind === 'string' ? ORGANIZATIONS_POLICY_TYPES[orgType.value] : undefined;
    if (policyType) add(getValue(properties, 'Content'), policyType, `Content of ${logicalId}`, 'managed-policy', true);
  }
  if (type === 'AWS::Events::EventBusPolicy') eventBusStatement(scan, resolver, logicalId, properties);
}

/**
 * `AWS::Events::EventBusPolicy` gives one statement (its `Statement` property), not a document;
 * EventBridge writes the document around it, with Version 2012-10-17. It is read as that document:
 * the Statement is the template's own node, the Version has no text (it points at the property).
 * The older form (Action, Principal, Condition as properties) has no statement of IAM's shape.
 */
function eventBusStatement(scan: TemplateScan, resolver: CloudFormationResolver, logicalId: string, properties: ObjectNode): void {
  const statement = getProperty(properties, 'Statement');
  if (!statement || !isObject(statement.value)) return;
  const version: PropertyNode = {
    key: 'Version',
    keySpan: statement.keySpan,
    span: statement.keySpan,
    value: { kind: 'string', value: '2012-10-17', span: statement.keySpan, path: [...properties.path, 'Version'] },
  };
  const node = resolver.resolve({ kind: 'object', properties: [version, statement], span: properties.span, path: properties.path });
  if (node === NO_VALUE) return;
  scan.objects.push({
    node,
    placement: {
      type: 'resource',
      typeReason: 'it is the statement of a CloudFormation AWS::Events::EventBusPolicy, a resource policy of the event bus',
      label: `Statement of ${logicalId}`,
      owner: { kind: 'resource', name: logicalId },
      allowsIntrinsics: true,
    },
  });
}

/** The ManagedPolicyArns and PermissionsBoundary a CloudFormation role refers to, for simulating "as this role". */
export function roleReferences(properties: ObjectNode): { managedPolicyArns: ValueNode[]; permissionsBoundary?: ValueNode } {
  return {
    managedPolicyArns: arrayItems(getValue(properties, 'ManagedPolicyArns')),
    permissionsBoundary: getProperty(properties, 'PermissionsBoundary')?.value,
  };
}
