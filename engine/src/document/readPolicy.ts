import {
  isObject,
  scalarsOf,
  stringsOf,
  type ConditionBlock,
  type ConditionElement,
  type Policy,
  type PolicyOwner,
  type PolicyType,
  type PrincipalElement,
  type PrincipalKeyword,
  type Statement,
  type StringListElement,
} from './model';
import { getProperty, type ObjectNode, type PropertyNode, type ValueNode } from './tree';
import { expandApiGatewayShorthand } from './apiGatewayShorthand';

export interface PolicyPlacement {
  readonly type: PolicyType;
  readonly typeReason: string;
  readonly label: string;
  readonly owner?: PolicyOwner;
  readonly allowsIntrinsics: boolean;
  readonly resourceImplied?: boolean;
}

/** Reads the policy model out of a policy document node; tolerant of every half-typed shape. */
export function readPolicy(written: ValueNode, placement: PolicyPlacement): Policy {
  // Only a resource policy can be an API Gateway REST API's, where "execute-api:/*" is a resource.
  const node = placement.type === 'resource' ? expandApiGatewayShorthand(written) : written;
  const object = isObject(node) ? node : undefined;
  const statementProperty = object && getProperty(object, 'Statement');
  const version = object && getProperty(object, 'Version');
  const id = object && getProperty(object, 'Id');
  const statements = readStatements(statementProperty?.value);
  const { type, typeReason, label, allowsIntrinsics } = placement;
  // The placement's fields written out instead of spread (spreading placements of several shapes
  // cost microseconds a policy in a dump); `owner` stays absent when the placement has none.
  if (placement.resourceImplied) return { type, typeReason, label, owner: placement.owner, allowsIntrinsics, resourceImplied: true, path: node.path, node, version, id, statementProperty, statements };
  if (!('owner' in placement)) return { type, typeReason, label, allowsIntrinsics, path: node.path, node, version, id, statementProperty, statements };
  return { type, typeReason, label, owner: placement.owner, allowsIntrinsics, path: node.path, node, version, id, statementProperty, statements };
}

function readStatements(node: ValueNode | undefined): Statement[] {
  if (!node) return [];
  const nodes = node.kind === 'array' ? node.items : [node];
  return nodes.map((statementNode, index) => readStatement(statementNode, index));
}

function readStatement(node: ValueNode, index: number): Statement {
  if (!isObject(node)) return { index, node, path: node.path };
  const effect = getProperty(node, 'Effect');
  const effectText = effect?.value?.kind === 'string' ? effect.value.value : undefined;
  // Written out rather than spread from a base object: the spread was most of the cost of reading a
  // 1 MB dump's statements.
  return {
    index,
    node,
    path: node.path,
    sid: getProperty(node, 'Sid'),
    effect,
    effectValue: effectText === 'Allow' || effectText === 'Deny' ? effectText : undefined,
    action: readStringList(node, 'Action', 'NotAction'),
    resource: readStringList(node, 'Resource', 'NotResource'),
    principal: readPrincipal(node),
    condition: readCondition(getProperty(node, 'Condition')),
  };
}

// When both the positive and the Not form are present the grammar rules report it; the model keeps
// the positive one so that evaluation and completion still have something sensible to work with.
function readStringList<K extends string>(node: ObjectNode, keyword: K, negated: K): StringListElement<K> | undefined {
  for (const key of [keyword, negated]) {
    const property = getProperty(node, key);
    if (property) return { keyword: key, property, values: stringsOf(property.value) };
  }
  return undefined;
}

function readPrincipal(node: ObjectNode): PrincipalElement | undefined {
  for (const keyword of ['Principal', 'NotPrincipal'] as PrincipalKeyword[]) {
    const property = getProperty(node, keyword);
    if (!property) continue;
    const value = property.value;
    if (value?.kind === 'string') {
      return { keyword, property, wildcard: value.value === '*' ? value : undefined, entries: [] };
    }
    const entries = isObject(value)
      ? value.properties.map((entry) => ({ type: entry.key, property: entry, values: stringsOf(entry.value) }))
      : [];
    return { keyword, property, entries };
  }
  return undefined;
}

function readCondition(property: PropertyNode | undefined): ConditionElement | undefined {
  if (!property) return undefined;
  const blocks: ConditionBlock[] = [];
  if (isObject(property.value)) {
    for (const operatorProperty of property.value.properties) {
      const keys = isObject(operatorProperty.value) ? operatorProperty.value.properties : [];
      blocks.push({
        operator: operatorProperty.key,
        property: operatorProperty,
        entries: keys.map((keyProperty) => ({
          key: keyProperty.key,
          property: keyProperty,
          values: scalarsOf(keyProperty.value),
        })),
      });
    }
  }
  return { property, blocks };
}
