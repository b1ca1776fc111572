import { isArray, isObject } from './model';
import { getProperty, type ObjectNode, type ValueNode } from './tree';

/** A policy document is an object with a Statement, or a Version that is a policy-language date. */
export function looksLikePolicy(node: ValueNode | undefined): node is ObjectNode {
  if (!isObject(node)) return false;
  if (getProperty(node, 'Statement')) return true;
  const version = getProperty(node, 'Version')?.value;
  return version?.kind === 'string' && /^20\d\d-\d\d-\d\d$/.test(version.value);
}

export function arrayItems(node: ValueNode | undefined): ValueNode[] {
  return isArray(node) ? [...node.items] : [];
}
