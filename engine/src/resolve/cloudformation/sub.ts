import { getValue, type StringNode, type ValueNode } from '../../document/tree';
import type { TemplateContext } from './context';
import { attributeParts, refParts, type Parts } from './references';

export interface Substitution {
  readonly parts: Parts;
  /** True when some `${...}` was replaced (the text is then derived, not written). */
  readonly substituted: boolean;
  /** The template string as written. */
  readonly written?: StringNode;
}

/**
 * `Fn::Sub`, both forms: `"text ${Name}"` and `["text ${Name}", {Name: value}]`. A name is looked up
 * in the variable map, then as a pseudo parameter, a parameter or a resource (`${Bucket}` as Ref,
 * `${Bucket.Arn}` as GetAtt). `${!Name}` is the literal text `${Name}`. A name with one colon and no
 * `::` (`${aws:username}`) is an IAM policy variable that CloudFormation would refuse unescaped; it
 * is kept as the policy variable it was meant to be rather than reported as a template error here.
 */
export function substitute(args: ValueNode | undefined, context: TemplateContext, textOf: (node: ValueNode) => Parts | undefined): Substitution | undefined {
  let template: ValueNode | undefined = args;
  let variables: ValueNode | undefined;
  if (args?.kind === 'array') {
    template = args.items[0];
    variables = args.items[1];
  }
  if (template?.kind !== 'string') return undefined;
  const text = template.value;
  const parts: Parts = [];
  let substituted = false;
  let literal = '';
  let index = 0;
  while (index < text.length) {
    const open = text.indexOf('${', index);
    const close = open < 0 ? -1 : text.indexOf('}', open + 2);
    if (open < 0 || close < 0) {
      literal += text.slice(index);
      break;
    }
    literal += text.slice(index, open);
    const name = text.slice(open + 2, close);
    index = close + 1;
    if (name.startsWith('!')) {
      literal += `\${${name.slice(1)}}`;
      continue;
    }
    if (/^[^:]+:[^:]+$/.test(name) && getValue(variables, name) === undefined) {
      literal += `\${${name}}`;
      continue;
    }
    const value = lookup(name.trim(), variables, context, textOf);
    substituted = true;
    if (literal) parts.push(literal);
    literal = '';
    parts.push(...value);
  }
  if (literal) parts.push(literal);
  return { parts, substituted, written: template };
}

function lookup(name: string, variables: ValueNode | undefined, context: TemplateContext, textOf: (node: ValueNode) => Parts | undefined): Parts {
  const variable = getValue(variables, name);
  if (variable) return textOf(variable) ?? [{ source: name, reason: 'a value that is not text' }];
  const dot = name.indexOf('.');
  if (dot > 0 && !context.parameters.has(name)) return attributeParts(name.slice(0, dot), name.slice(dot + 1), context, textOf);
  const value = refParts(name, context, textOf);
  return Array.isArray(value) ? value : (textOf(value) ?? [{ source: name, reason: 'a list, which Fn::Sub cannot place in text' }]);
}
