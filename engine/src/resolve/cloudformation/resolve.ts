import { isObject } from '../../document/model';
import type { ArrayNode, ObjectNode, PropertyNode, StringNode, ValueNode } from '../../document/tree';
import { templateParts, templateString, type Assumption, type TemplatePart } from '../../document/unknown';
import type { TemplateContext } from './context';
import { attributeParts, refParts, type Parts } from './references';
import { substitute } from './sub';

/**
 * CloudFormation's intrinsic functions resolved into the shared value tree (docs/unknown-values.md):
 * what the template states becomes known text, the rest unknown parts with their reasons, and each
 * branch of `Fn::If` an alternative with its assumption. The template's own tree is never changed:
 * the result is a new tree whose nodes keep the spans of what they were made from, sharing every
 * subtree that holds no intrinsic function.
 */

/** `!Ref AWS::NoValue`: the element is left out. */
export const NO_VALUE = Symbol('AWS::NoValue');
export type Resolved = ValueNode | typeof NO_VALUE;

const FUNCTIONS = new Set(['Ref', 'Fn::Sub', 'Fn::GetAtt', 'Fn::Join', 'Fn::Select', 'Fn::Split', 'Fn::If', 'Fn::ImportValue', 'Fn::Transform', 'Fn::FindInMap', 'Fn::Base64', 'Fn::GetAZs', 'Fn::Cidr', 'Fn::Length', 'Fn::ToJsonString', 'Fn::Equals', 'Fn::Not', 'Fn::And', 'Fn::Or', 'Condition']);

/** Keys that hold one value: a choice between two values there is unknown rather than a list of both. */
const SINGLE_VALUED = new Set(['Effect', 'Version', 'Sid', 'Id']);

/** The intrinsic function an object calls, when it is one (`{"Ref": ...}`, `{"Fn::Sub": ...}`). */
export function intrinsicOf(node: ValueNode | undefined): PropertyNode | undefined {
  if (node?.kind !== 'object' || node.properties.length !== 1) return undefined;
  const property = node.properties[0]!;
  return FUNCTIONS.has(property.key) ? property : undefined;
}

export class CloudFormationResolver {
  constructor(private readonly context: TemplateContext) {}

  /** The node with its intrinsic functions resolved; the same node when it holds none. */
  resolve(node: ValueNode): Resolved {
    switch (node.kind) {
      case 'object':
        return intrinsicOf(node) ? this.call(node, intrinsicOf(node)!) : this.object(node);
      case 'array':
        return this.array(node);
      default:
        return node;
    }
  }

  private object(node: ObjectNode): ObjectNode {
    let changed = false;
    const properties: PropertyNode[] = [];
    for (const property of node.properties) {
      if (!property.value) {
        properties.push(property);
        continue;
      }
      const value = this.propertyValue(property.key, property.value);
      if (value === property.value) properties.push(property);
      else {
        changed = true;
        if (value !== NO_VALUE) properties.push({ ...property, value });
      }
    }
    return changed ? { ...node, properties } : node;
  }

  /** A property's value; `Fn::If` there keeps both branches where the element takes a list. */
  private propertyValue(key: string, value: ValueNode): Resolved {
    const call = intrinsicOf(value);
    if (call?.key !== 'Fn::If') return this.resolve(value);
    const branches = this.branches(value as ObjectNode, call);
    if (!branches) return this.unknown(value, 'Fn::If', 'a condition written in an unexpected shape');
    const kept = branches.filter((branch): branch is ValueNode => branch !== NO_VALUE);
    if (kept.length === 0) return NO_VALUE;
    if (kept.length === 1) return kept[0]!;
    const condition = conditionName(call);
    const bothObjects = kept.every((branch) => branch.kind === 'object');
    if (SINGLE_VALUED.has(key) || (bothObjects && key !== 'Statement')) return this.unknown(value, condition, `chosen by the condition ${condition}`);
    // Each branch an item of its own, with its assumption: both are checked.
    const items = kept.flatMap((branch) => (branch.kind === 'array' ? branch.items.map((item) => withAssumptions(item, branch.assumptions ?? [])) : [branch]));
    return { kind: 'array', items, span: value.span, path: value.path };
  }

  private array(node: ArrayNode): ArrayNode {
    let changed = false;
    const items: ValueNode[] = [];
    for (const item of node.items) {
      const call = intrinsicOf(item);
      if (call?.key === 'Fn::If') {
        changed = true;
        const branches = this.branches(item as ObjectNode, call);
        if (!branches) items.push(this.unknown(item, 'Fn::If', 'a condition written in an unexpected shape'));
        else {
          // One push per entry: a branch can be a list of any length, and spreading it into push's
          // arguments overflows the stack past about 100,000 entries.
          for (const branch of branches) {
            if (branch === NO_VALUE) continue;
            if (branch.kind !== 'array') items.push(branch);
            else for (const entry of branch.items) items.push(withAssumptions(entry, branch.assumptions ?? []));
          }
        }
        continue;
      }
      const resolved = this.resolve(item);
      if (resolved !== item) changed = true;
      if (resolved !== NO_VALUE) items.push(resolved);
    }
    return changed ? { ...node, items } : node;
  }

  /** Both branches of `Fn::If [Condition, whenTrue, whenFalse]`, each carrying its assumption. */
  private branches(node: ObjectNode, call: PropertyNode): [Resolved, Resolved] | undefined {
    const args = call.value;
    if (args?.kind !== 'array' || args.items.length !== 3 || args.items[0]!.kind !== 'string') return undefined;
    const condition = args.items[0] as StringNode;
    const assume = (holds: boolean, branch: ValueNode): Resolved => {
      const resolved = this.resolve(branch);
      if (resolved === NO_VALUE) return NO_VALUE;
      return withAssumptions(resolved, [{ condition: condition.value, holds, span: condition.span }, ...(node.assumptions ?? [])]);
    };
    return [assume(true, args.items[1]!), assume(false, args.items[2]!)];
  }

  /** A call in a place that takes one value. */
  private call(node: ObjectNode, call: PropertyNode): Resolved {
    const args = call.value;
    switch (call.key) {
      case 'Ref': {
        if (args?.kind !== 'string') return this.unknown(node, 'Ref', 'a Ref that names nothing');
        if (args.value === 'AWS::NoValue') return NO_VALUE;
        const value = refParts(args.value, this.context, (inner) => this.textParts(inner));
        return Array.isArray(value) ? this.string(value, node) : this.resolve(value);
      }
      case 'Fn::GetAtt': {
        const [logicalId, attribute] = getAttArguments(args);
        if (!logicalId || !attribute) return this.unknown(node, 'Fn::GetAtt', 'an attribute written in an unexpected shape');
        return this.string(attributeParts(logicalId, attribute, this.context, (inner) => this.textParts(inner)), node);
      }
      case 'Fn::Sub': {
        const result = substitute(args, this.context, (inner) => this.textParts(inner));
        if (!result) return this.unknown(node, 'Fn::Sub', 'a substitution written in an unexpected shape');
        // Without substitutions the string is the text written inside the !Sub: fixes may edit it.
        if (!result.substituted && result.written) return templateString(result.parts, { span: result.written.span, path: node.path, origin: 'written', assumptions: node.assumptions });
        return this.string(result.parts, node);
      }
      case 'Fn::Join':
        return this.join(node, args);
      case 'Fn::Select':
        return this.select(node, args);
      case 'Fn::Split':
        return this.split(node, args);
      case 'Fn::FindInMap':
        return this.findInMap(node, args);
      case 'Fn::If': {
        const branches = this.branches(node, call);
        const kept = branches?.filter((branch): branch is ValueNode => branch !== NO_VALUE) ?? [];
        if (branches && kept.length === 1 && branches.includes(NO_VALUE)) return kept[0]!;
        if (branches && kept.length === 0) return NO_VALUE;
        return this.unknown(node, conditionName(call), `chosen by the condition ${conditionName(call)}`);
      }
      case 'Fn::ImportValue':
        return this.unknown(node, `Fn::ImportValue ${args?.kind === 'string' ? args.value : ''}`.trim(), 'an output of another stack');
      case 'Fn::Transform':
        return this.unknown(node, 'Fn::Transform', MACRO_REASON);
      default:
        return this.unknown(node, call.key, 'a value computed when the stack is deployed');
    }
  }

  private join(node: ObjectNode, args: ValueNode | undefined): Resolved {
    if (args?.kind !== 'array' || args.items.length !== 2 || args.items[0]!.kind !== 'string') return this.unknown(node, 'Fn::Join', 'a join written in an unexpected shape');
    const delimiter = (args.items[0] as StringNode).value;
    const list = this.resolve(args.items[1]!);
    if (list === NO_VALUE || list.kind !== 'array') return this.unknown(node, 'Fn::Join', 'a list known after deployment');
    const parts: Parts = [];
    list.items.forEach((item, index) => {
      if (index > 0) parts.push(delimiter);
      parts.push(...(this.textParts(item) ?? [{ source: 'Fn::Join', reason: 'a list item that is not text' }]));
    });
    return this.string(parts, node);
  }

  private select(node: ObjectNode, args: ValueNode | undefined): Resolved {
    if (args?.kind !== 'array' || args.items.length !== 2) return this.unknown(node, 'Fn::Select', 'a selection written in an unexpected shape');
    const indexNode = this.resolve(args.items[0]!);
    const index = indexNode === NO_VALUE ? NaN : indexNode.kind === 'number' ? indexNode.value : indexNode.kind === 'string' ? Number(indexNode.value) : NaN;
    const list = this.resolve(args.items[1]!);
    if (!Number.isInteger(index) || list === NO_VALUE || list.kind !== 'array' || index < 0 || index >= list.items.length) return this.unknown(node, 'Fn::Select', 'an item of a list known after deployment');
    return list.items[index]!;
  }

  private split(node: ObjectNode, args: ValueNode | undefined): Resolved {
    if (args?.kind !== 'array' || args.items.length !== 2 || args.items[0]!.kind !== 'string') return this.unknown(node, 'Fn::Split', 'a split written in an unexpected shape');
    const delimiter = (args.items[0] as StringNode).value;
    const source = this.resolve(args.items[1]!);
    if (source === NO_VALUE || source.kind !== 'string' || source.unknowns?.length || delimiter === '') return this.unknown(node, 'Fn::Split', 'a list known after deployment');
    const items = source.value.split(delimiter).map((value) => templateString([value], { span: node.span, path: node.path, origin: 'derived' }));
    return { kind: 'array', items, span: node.span, path: node.path };
  }

  private findInMap(node: ObjectNode, args: ValueNode | undefined): Resolved {
    if (args?.kind !== 'array' || args.items.length < 3) return this.unknown(node, 'Fn::FindInMap', 'a mapping lookup written in an unexpected shape');
    const keys = args.items.slice(0, 3).map((item) => this.resolve(item));
    let value: ValueNode | undefined = this.context.mappings;
    for (const key of keys) {
      if (key === NO_VALUE || key.kind !== 'string' || key.unknowns?.length || !isObject(value)) return this.unknown(node, 'Fn::FindInMap', 'a mapping entry chosen at deployment');
      value = value.properties.find((property) => property.key === key.value)?.value;
    }
    return value ? this.resolve(value) : this.unknown(node, 'Fn::FindInMap', 'a mapping entry the template does not have');
  }

  /** A node's value as text parts, for Join, Sub and names; undefined for lists and objects. */
  textParts(node: ValueNode): Parts | undefined {
    const resolved = this.resolve(node);
    if (resolved === NO_VALUE) return [];
    if (resolved.kind === 'string') return templateParts(resolved);
    if (resolved.kind === 'number' || resolved.kind === 'boolean') return [String(resolved.value)];
    return undefined;
  }

  private string(parts: readonly TemplatePart[], node: ValueNode): StringNode {
    return templateString(parts, { span: node.span, path: node.path, origin: 'derived', assumptions: node.assumptions });
  }

  private unknown(node: ValueNode, source: string, reason: string): StringNode {
    return this.string([{ source, reason, span: node.span }], node);
  }
}

/** Why a part made by `Fn::Transform` is unknown: the template-macro rule reports it once. */
export const MACRO_REASON = 'produced by a macro when the stack is deployed';

function conditionName(call: PropertyNode): string {
  const first = call.value?.kind === 'array' ? call.value.items[0] : undefined;
  return first?.kind === 'string' ? first.value : 'a condition';
}

function getAttArguments(args: ValueNode | undefined): [string | undefined, string | undefined] {
  if (args?.kind === 'string') {
    const dot = args.value.indexOf('.');
    return dot > 0 ? [args.value.slice(0, dot), args.value.slice(dot + 1)] : [undefined, undefined];
  }
  if (args?.kind === 'array' && args.items[0]?.kind === 'string' && args.items[1]?.kind === 'string') return [args.items[0].value, args.items[1].value];
  return [undefined, undefined];
}

function withAssumptions<T extends ValueNode>(node: T, assumptions: readonly Assumption[]): T {
  if (assumptions.length === 0) return node;
  return { ...node, assumptions: [...assumptions, ...(node.assumptions ?? []).filter((existing) => !assumptions.some((a) => a.condition === existing.condition))] };
}
