import { templateString, UNKNOWN_MARK, type TemplatePart } from '../../document/unknown';
import type { PropertyNode, StringNode, ValueNode } from '../../document/tree';
import { matchingBrace } from '../matchingBrace';

/**
 * Terraform template files: `templatefile("${path.module}/policy.json.tftpl", { ... })` renders
 * them, and many modules keep their policies so (`.tftpl`, Terraform's own extension, and `.tpl`).
 * Such a file is JSON once rendered; its strings may hold interpolations (`${var_name}`) and
 * directives (`%{ if x }...%{ endif }`), whose values come from the templatefile() call. Read here
 * without that call, each is an unknown part: never a defect, as every unknown (document/unknown.ts).
 * `$${` and `%%{` are the escapes for a literal `${` and `%{`: `$${aws:username}` is the IAM policy
 * variable, and stays one.
 *
 * Interpolations or directives between the values (`"Resource": ${jsonencode(arns)}`) leave a file
 * that is not JSON until rendered (needsRendering): nothing in it is read.
 */
export function isTerraformTemplateFile(fileName: string | undefined): boolean {
  return fileName !== undefined && /\.(tftpl|tpl)$/i.test(fileName);
}

/**
 * Whether a template has `${...}` or `%{...}` between JSON values (`%{ if x },{...}%{ endif }`,
 * `"Resource": ${jsonencode(arns)}`) rather than inside strings: then it is not JSON until rendered,
 * and its "syntax errors" are the template's own syntax. Strings are skipped over, escapes included.
 */
export function needsRendering(text: string): boolean {
  return /[$%]\{/.test(text.replace(/"(?:[^"\\\n]|\\.)*"/g, '""'));
}

/** The tree with every string's interpolations and directives as unknown parts, and its escapes read. */
export function readTemplateStrings(node: ValueNode): ValueNode {
  switch (node.kind) {
    case 'string':
      return templateStringNode(node);
    case 'array':
      return { ...node, items: node.items.map(readTemplateStrings) };
    case 'object':
      return { ...node, properties: node.properties.map(readTemplateProperty) };
    default:
      return node;
  }
}

const REASON = 'a value templatefile() fills in';

/**
 * A key with an interpolation (`"${oidc_host}:sub"`, `"${principal_type}"`) keeps its place, with a
 * mark for each unknown part: the condition or principal is there, only its name is not known.
 */
function readTemplateProperty(property: PropertyNode): PropertyNode {
  const value = property.value && readTemplateStrings(property.value);
  const parts = templateParts(property.key);
  const key = parts ? parts.map((part) => (typeof part === 'string' ? part : UNKNOWN_MARK)).join('') : property.key;
  return key === property.key && value === property.value ? property : { ...property, key, ...(value ? { value } : {}) };
}

/** Interpolations, directives and escapes of a template string as parts; undefined when it has none. */
function templateParts(text: string): TemplatePart[] | undefined {
  if (!text.includes('{')) return undefined;
  const parts: TemplatePart[] = [];
  let literal = '';
  let changed = false;
  let index = 0;
  while (index < text.length) {
    const escaped = text.startsWith('$${', index) || text.startsWith('%%{', index);
    if (escaped) {
      literal += `${text[index]}{`;
      index += 3;
      changed = true;
      continue;
    }
    if (!text.startsWith('${', index) && !text.startsWith('%{', index)) {
      literal += text[index];
      index++;
      continue;
    }
    const close = matchingBrace(text, index + 2);
    // Never closed: Terraform would reject the template; the rest is read as text. (Looking for a
    // closing brace again from each later opener would take time quadratic in the string.)
    if (close < 0) {
      literal += text.slice(index);
      break;
    }
    if (literal) parts.push(literal);
    literal = '';
    parts.push({ source: text.slice(index + 2, close).trim(), reason: REASON });
    index = close + 1;
    changed = true;
  }
  if (!changed) return undefined;
  if (literal) parts.push(literal);
  return parts;
}

function templateStringNode(node: StringNode): StringNode {
  const parts = templateParts(node.value);
  return parts ? templateString(parts, { span: node.span, path: node.path, origin: 'derived' }) : node;
}
