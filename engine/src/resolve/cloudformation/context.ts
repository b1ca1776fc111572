import { isObject } from '../../document/model';
import { getValue, type ObjectNode, type ValueNode } from '../../document/tree';

/** What a template states that intrinsic functions may refer to. */
export interface TemplateContext {
  /** Parameters by name: their Default, when they have one. */
  readonly parameters: ReadonlyMap<string, { readonly default?: ValueNode }>;
  /** Resources by logical id: their Type and Properties. */
  readonly resources: ReadonlyMap<string, { readonly type?: string; readonly properties?: ObjectNode }>;
  readonly mappings?: ObjectNode;
  readonly conditions: ReadonlySet<string>;
}

/** Reads the parts of a template that references resolve against; cheap (top-level entries only). */
export function templateContext(root: ObjectNode): TemplateContext {
  const parameters = new Map<string, { default?: ValueNode }>();
  const parameterNode = getValue(root, 'Parameters');
  if (isObject(parameterNode)) {
    for (const parameter of parameterNode.properties) parameters.set(parameter.key, { default: getValue(parameter.value, 'Default') });
  }
  const resources = new Map<string, { type?: string; properties?: ObjectNode }>();
  const resourceNode = getValue(root, 'Resources');
  if (isObject(resourceNode)) {
    for (const resource of resourceNode.properties) {
      const type = getValue(resource.value, 'Type');
      const properties = getValue(resource.value, 'Properties');
      resources.set(resource.key, { type: type?.kind === 'string' ? type.value : undefined, properties: isObject(properties) ? properties : undefined });
    }
  }
  const conditionNode = getValue(root, 'Conditions');
  const conditions = new Set(isObject(conditionNode) ? conditionNode.properties.map((condition) => condition.key) : []);
  const mappings = getValue(root, 'Mappings');
  return { parameters, resources, mappings: isObject(mappings) ? mappings : undefined, conditions };
}
