import { isObject } from './model';
import type { ArrayNode, ObjectNode, PropertyNode, StringNode, ValueNode } from './tree';
import { templateString, type UnknownPart } from './unknown';

/**
 * API Gateway's abbreviated resources. In a REST API's resource policy, "execute-api:/stage/GET/pets"
 * and "execute-api:/*" stand for arn:aws:execute-api:<Region>:<account>:<api-id>/stage/GET/pets:
 * API Gateway fills in the parts from the API the policy is attached to when it saves the policy
 * (API Gateway Developer Guide, resource policy examples). They are read as that ARN with those parts
 * unknown, so that they are checked and simulated as the ARN they become.
 */
const SHORTHAND = 'execute-api:/';

/** The resource policy with its abbreviated API Gateway resources expanded; the same node when it has none. */
export function expandApiGatewayShorthand(policy: ValueNode): ValueNode {
  return mapStatements(policy, (statement) => mapProperties(statement, (property) => (property.key === 'Resource' || property.key === 'NotResource' ? mapStrings(property, expand) : property)));
}

function expand(node: StringNode): StringNode {
  if (!node.value.startsWith(SHORTHAND) || node.unknowns) return node;
  const from = (source: string): UnknownPart => ({ source, reason: 'filled in by API Gateway from the API the policy is attached to' });
  const rest = node.value.slice(SHORTHAND.length - 1);
  return templateString(['arn:', from('partition'), ':execute-api:', from('region'), ':', from('account'), ':', from('api-id'), rest], { span: node.span, path: node.path, origin: 'derived' });
}

function mapStatements(policy: ValueNode, map: (statement: ObjectNode) => ObjectNode): ValueNode {
  if (!isObject(policy)) return policy;
  return mapProperties(policy, (property) => {
    if (property.key !== 'Statement' || !property.value) return property;
    const value = property.value;
    if (isObject(value)) return withValue(property, map(value));
    if (value.kind !== 'array') return property;
    const items = value.items.map((item) => (isObject(item) ? map(item) : item));
    return items.every((item, index) => item === value.items[index]) ? property : withValue(property, { ...value, items } as ArrayNode);
  });
}

function mapProperties(node: ObjectNode, map: (property: PropertyNode) => PropertyNode): ObjectNode {
  const properties = node.properties.map(map);
  return properties.every((property, index) => property === node.properties[index]) ? node : { ...node, properties };
}

function mapStrings(property: PropertyNode, map: (node: StringNode) => StringNode): PropertyNode {
  const value = property.value;
  if (value?.kind === 'string') {
    const mapped = map(value);
    return mapped === value ? property : withValue(property, mapped);
  }
  if (value?.kind !== 'array') return property;
  const items = value.items.map((item) => (item.kind === 'string' ? map(item) : item));
  return items.every((item, index) => item === value.items[index]) ? property : withValue(property, { ...value, items });
}

function withValue(property: PropertyNode, value: ValueNode): PropertyNode {
  return { ...property, value };
}
