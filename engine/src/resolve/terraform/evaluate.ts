import type { HclExpression, HclTemplatePart } from '../../hcl/ast';
import { attributeOf } from '../../hcl/ast';
import { templateParts, templateString, unknownValue, type Assumption, type TemplatePart, type UnknownPart } from '../../document/unknown';
import type { PathSegment, PropertyNode, Span, ValueNode } from '../../document/tree';
import type { TerraformConfig } from './config';
import { staticResourceAttribute } from './resourceAttributes';

/**
 * Static evaluation of Terraform expressions into the shared value tree. Literals are written
 * values (a fix may replace them); a reference Terraform can resolve before plan (`var.x` with a
 * default, `local.x`, a resource attribute the provider builds from static arguments) is resolved
 * and marked derived, with the reference's span; everything else becomes an unknown part with its
 * reason (see document/unknown.ts), never a guess.
 */
export interface Scope {
  readonly config: TerraformConfig;
  /** `statement.value` inside a `dynamic "statement"` block, and the like. */
  readonly bindings?: ReadonlyMap<string, ValueNode>;
  /** Assumptions of the branch being evaluated (`cond ? a : b`). */
  readonly assumptions?: readonly Assumption[];
  /** References followed so far, against cycles (`local.a = local.b`, `local.b = local.a`). */
  readonly following?: readonly string[];
}

const MAX_FOLLOW = 16;

export function evaluate(expression: HclExpression, path: readonly PathSegment[], scope: Scope): ValueNode {
  const place = { span: expression.span, path, assumptions: scope.assumptions };
  switch (expression.kind) {
    case 'number':
      return { kind: 'number', value: expression.value, raw: expression.raw, span: expression.span, path };
    case 'boolean':
      return { kind: 'boolean', value: expression.value, span: expression.span, path };
    case 'null':
      return { kind: 'null', span: expression.span, path };
    case 'template': {
      const written = expression.quoted && expression.parts.every((part) => part.kind === 'text');
      return templateString(templateValue(expression.parts, scope), { ...place, origin: written ? 'written' : 'derived' });
    }
    case 'tuple':
      return { kind: 'array', items: tupleItems(expression.items, path, scope), span: expression.span, path };
    case 'object': {
      const properties: PropertyNode[] = [];
      for (const item of expression.items) {
        // A key built by an expression (IRSA's "${replace(provider.url, "https://", "")}:sub") keeps its
        // place with its unknown parts marked: the condition is there, only its name is not all known.
        const key = item.key ?? computedKey(evaluate(item.keyExpression, path, scope));
        if (key === undefined) continue;
        properties.push({ key, keySpan: item.keySpan, span: item.span, value: evaluate(item.value, [...path, key], scope) });
      }
      return { kind: 'object', properties, span: expression.span, path };
    }
    case 'reference':
      return resolveReference(expression, path, scope);
    case 'conditional': {
      const decided = decide(expression.condition, scope);
      if (decided !== undefined) return evaluate(decided ? expression.whenTrue : expression.whenFalse, path, scope);
      return unknownValue({ source: expression.text, reason: 'chosen by a condition known when Terraform runs', span: expression.span }, place);
    }
    case 'call':
      return unknownValue({ source: expression.text, reason: `the result of ${expression.name}()`, span: expression.span }, place);
    case 'other':
      return unknownValue({ source: expression.text, reason: expression.what, span: expression.span }, place);
  }
}

/** The text of a computed object key, unknown parts as marks; undefined when it is not a string. */
function computedKey(node: ValueNode): string | undefined {
  return node.kind === 'string' ? node.value : undefined;
}

/**
 * A list's items; an item `cond ? a : b` whose condition is not static becomes both branches, each
 * with its assumption, so that every value it can take is checked.
 */
function tupleItems(items: readonly HclExpression[], path: readonly PathSegment[], scope: Scope): ValueNode[] {
  const result: ValueNode[] = [];
  const add = (expression: HclExpression, itemScope: Scope) => {
    if (expression.kind === 'conditional' && decide(expression.condition, itemScope) === undefined) {
      const condition = expression.condition.kind === 'other' || expression.condition.kind === 'reference' || expression.condition.kind === 'call' ? expression.condition.text : conditionText(expression);
      add(expression.whenTrue, withAssumption(itemScope, { condition, holds: true, span: expression.condition.span }));
      add(expression.whenFalse, withAssumption(itemScope, { condition, holds: false, span: expression.condition.span }));
      return;
    }
    result.push(evaluate(expression, [...path, result.length], itemScope));
  };
  for (const item of items) add(item, scope);
  return result;
}

function conditionText(expression: Extract<HclExpression, { kind: 'conditional' }>): string {
  const whole = expression.text;
  const question = whole.indexOf('?');
  return question > 0 ? whole.slice(0, question).trim() : whole;
}

function withAssumption(scope: Scope, assumption: Assumption): Scope {
  return { ...scope, assumptions: [...(scope.assumptions ?? []), assumption] };
}

/** A condition's value when it is static (`true`, `var.enabled` with a boolean default); undefined otherwise. */
function decide(condition: HclExpression, scope: Scope): boolean | undefined {
  const value = evaluate(condition, [], scope);
  if (value.kind === 'boolean') return value.value;
  if (value.kind === 'string' && !value.unknowns && (value.value === 'true' || value.value === 'false')) return value.value === 'true';
  return undefined;
}

function templateValue(parts: readonly HclTemplatePart[], scope: Scope): TemplatePart[] {
  const result: TemplatePart[] = [];
  for (const part of parts) {
    if (part.kind === 'text') result.push(part.value);
    else if (part.kind === 'directive') result.push({ source: '%{...}', reason: 'a template directive', span: part.span });
    else {
      const value = evaluate(part.expression, [], scope);
      if (value.kind === 'string') for (const part of templateParts(value)) result.push(part);
      else if (value.kind === 'number' || value.kind === 'boolean') result.push(String(value.value));
      else result.push({ source: expressionText(part.expression), reason: 'not a single string', span: part.span });
    }
  }
  return result;
}

function expressionText(expression: HclExpression): string {
  return 'text' in expression ? expression.text : '...';
}

function resolveReference(expression: Extract<HclExpression, { kind: 'reference' }>, path: readonly PathSegment[], scope: Scope): ValueNode {
  const place = { span: expression.span, path, assumptions: scope.assumptions };
  const unknown = (reason: string) => unknownValue({ source: expression.text, reason, span: expression.span }, place);
  const { root, steps } = expression;
  const bound = scope.bindings?.get(root);
  if (bound) return derivedCopy(followSteps(bound, steps), expression.span, path) ?? unknown('not a value of the iterator');
  const first = typeof steps[0] === 'string' ? steps[0] : undefined;
  if ((scope.following?.length ?? 0) >= MAX_FOLLOW || (first && scope.following?.includes(`${root}.${first}`))) return unknown('a reference that refers back to itself');
  const follow = (key: string, target: HclExpression, rest: typeof steps) => {
    const value = evaluate(target, [], { config: scope.config, following: [...(scope.following ?? []), key] });
    return derivedCopy(followSteps(value, rest), expression.span, path) ?? unknown('a part of a value that it does not have');
  };
  switch (root) {
    case 'var': {
      const variable = first ? scope.config.variables.get(first) : undefined;
      if (!variable) return unknown('a variable not declared in this configuration');
      if (!variable.default) return unknown('a variable without a default');
      if (isEmptyDefault(variable.default)) return unknown('a variable whose default is empty: its value is given where the configuration is used');
      return follow(`var.${first}`, variable.default, steps.slice(1));
    }
    case 'local': {
      const local = first ? scope.config.locals.get(first) : undefined;
      return local ? follow(`local.${first}`, local, steps.slice(1)) : unknown('a local value not declared in this configuration');
    }
    case 'module':
      return unknown('a module output');
    case 'count':
    case 'each':
      return unknown(`the ${root} of a repeated block`);
    case 'data':
      return unknown(first === 'aws_iam_policy_document' ? 'the JSON of a policy document' : 'a data source read when Terraform runs');
    case 'path':
    case 'terraform':
    case 'self':
      return unknown('known when Terraform runs');
  }
  const name = first;
  const attribute = typeof steps[1] === 'string' ? steps[1] : undefined;
  const block = name ? scope.config.resources.get(`${root}.${name}`) : undefined;
  if (!block) return unknown('a resource not declared in this configuration');
  if (!attribute || steps.length > 2) return unknown('a resource attribute known after apply');
  const argument = (argumentName: string): TemplatePart[] | undefined => {
    const written = attributeOf(block.body, argumentName);
    if (!written) return undefined;
    const value = evaluate(written.value, [], { config: scope.config, following: [...(scope.following ?? []), `${root}.${name}`] });
    return value.kind === 'string' ? templateParts(value) : undefined;
  };
  const parts = staticResourceAttribute(block, attribute, argument, expression.text);
  if (!parts) return unknown('a resource attribute known after apply');
  return templateString(parts, { ...place, origin: 'derived' });
}

/**
 * `default = []`, `{}`, `""` or `null`: the usual way a module says "none unless the caller gives
 * some" (a list of bucket ARNs, a map of extra statements). Read as that value, it would make a
 * statement's `resources` empty, or a document's statements vanish, and report as mistakes what the
 * caller fills in; so such a variable is an input known where the configuration is used, not a value.
 * A default with content (a bucket name, `true`) is still read as the value.
 */
function isEmptyDefault(expression: HclExpression): boolean {
  switch (expression.kind) {
    case 'tuple':
    case 'object':
      return expression.items.length === 0;
    case 'null':
      return true;
    case 'template':
      return expression.parts.every((part) => part.kind === 'text' && part.value === '');
    default:
      return false;
  }
}

function followSteps(value: ValueNode, steps: readonly (string | number | object)[]): ValueNode | undefined {
  let node: ValueNode | undefined = value;
  for (const step of steps) {
    if (!node) return undefined;
    if (typeof step === 'string' && node.kind === 'object') node = node.properties.find((property) => property.key === step)?.value;
    else if (typeof step === 'number' && node.kind === 'array') node = node.items[step];
    else if (node.kind === 'string' && node.unknowns) return node;
    else return undefined;
  }
  return node;
}

/**
 * A resolved value shown where the reference is written: every node takes the reference's span (a
 * finding on a variable's default shows at its use) and is derived, so no fix edits it there.
 */
function derivedCopy(node: ValueNode | undefined, span: Span, path: readonly PathSegment[]): ValueNode | undefined {
  if (!node) return undefined;
  switch (node.kind) {
    case 'string': {
      const unknowns: UnknownPart[] | undefined = node.unknowns ? [...node.unknowns] : undefined;
      return { kind: 'string', value: node.value, span, path, origin: 'derived', ...(unknowns ? { unknowns } : {}), ...(node.assumptions ? { assumptions: node.assumptions } : {}) };
    }
    case 'array':
      return { kind: 'array', items: node.items.map((item, index) => derivedCopy(item, span, [...path, index])!), span, path };
    case 'object':
      return {
        kind: 'object',
        properties: node.properties.map((property) => ({ key: property.key, keySpan: span, span, value: derivedCopy(property.value, span, [...path, property.key]) })),
        span,
        path,
      };
    default:
      return { ...node, span, path };
  }
}
