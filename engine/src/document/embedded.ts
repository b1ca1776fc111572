import type { LocateOptions } from './locate';
import { isObject, type PolicyType } from './model';
import type { PolicyFile } from './policyFile';
import { getProperty, type ObjectNode, type PathSegment, type Span, type StringNode, type ValueNode } from './tree';

/**
 * A policy written as a JSON string inside another JSON document: what `aws s3api get-bucket-policy`,
 * `aws kms get-key-policy`, `aws lambda get-policy` or `aws organizations describe-policy` print, and
 * how `terraform show -json` keeps the policies of a plan or state.
 *
 * The string's value is a document of its own (`file`), checked, hovered and simulated as any policy
 * file is; `toOuter` and `toInner` move offsets between that value and the text of the file around it,
 * where every `"` of the policy is written `\"` and a line break may be `\n`.
 */
export interface EmbeddedPolicy {
  /** The string that holds the policy. */
  readonly host: StringNode;
  /** The policy's text (the string's value) parsed as a file of its own. */
  readonly file: PolicyFile;
  /** A span of the string's value → the span of the outer text that writes it (escapes included). */
  toOuterSpan(span: Span): Span;
  /** Offset in the outer text → offset in the string's value; undefined outside the string's contents. */
  toInner(offset: number): number | undefined;
}

/** Names of the string properties whose policy is a role's trust policy (AWS API and Terraform spellings). */
const TRUST_KEYS = /^(AssumeRolePolicyDocument|assume_role_policy)$/;
const ORGANIZATIONS_TYPES: Readonly<Record<string, PolicyType>> = { SERVICE_CONTROL_POLICY: 'scp', RESOURCE_CONTROL_POLICY: 'rcp' };

// A walk over a 1 MB file that is not a policy costs a few milliseconds; it is only made for files in
// which no policy was found the ordinary way, and it stops at this many strings that could hold one.
const MAX_EMBEDDED = 1000;

type ParseFile = (text: string, options: LocateOptions) => PolicyFile;

/**
 * Every string of `root` whose value is a policy document. `parse` is parsePolicyFile, passed in to
 * keep the two modules apart (and told not to look for policies inside the policies it finds).
 */
export function findEmbeddedPolicies(text: string, root: ValueNode, options: LocateOptions, parse: ParseFile): EmbeddedPolicy[] {
  const found: EmbeddedPolicy[] = [];
  const stack: [node: ValueNode, parent: ObjectNode | undefined, key: PathSegment | undefined][] = [[root, undefined, undefined]];
  while (stack.length > 0 && found.length < MAX_EMBEDDED) {
    const [node, parent, key] = stack.pop()!;
    if (node.kind === 'object') {
      for (let i = node.properties.length - 1; i >= 0; i--) {
        const property = node.properties[i]!;
        if (property.value) stack.push([property.value, node, property.key]);
      }
    } else if (node.kind === 'array') {
      for (let i = node.items.length - 1; i >= 0; i--) stack.push([node.items[i]!, undefined, i]);
    } else if (node.kind === 'string' && mayHoldPolicy(node.value)) {
      const embedded = embed(text, node, parse, { fileName: options.fileName, type: options.type ?? typeHint(key, parent) });
      if (embedded) found.push(embedded);
    }
  }
  return found;
}

/** The cheap test before a parse: a JSON object that mentions Statement. */
function mayHoldPolicy(value: string): boolean {
  return value.includes('"Statement"') && value.trimStart().startsWith('{');
}

/**
 * A string the file's structure says holds a policy (a CloudFormation property that takes one as
 * JSON text), in a JSON or a YAML file; undefined when its value is not a policy in valid JSON.
 */
export function embedPolicyString(text: string, format: 'json' | 'yaml', host: StringNode, parse: ParseFile, options: LocateOptions): EmbeddedPolicy | undefined {
  if (!mayHoldPolicy(host.value)) return undefined;
  return embed(text, host, parse, options, format === 'yaml' ? alignedOffsets : valueOffsets);
}

type OffsetMap = (text: string, node: StringNode) => Int32Array | undefined;

function embed(text: string, host: StringNode, parse: ParseFile, options: LocateOptions, offsetsOf: OffsetMap = valueOffsets): EmbeddedPolicy | undefined {
  const offsets = offsetsOf(text, host);
  if (!offsets) return undefined;
  const file = parse(host.value, options);
  // Only valid JSON counts: these strings are written by tools, and a description that happens to
  // start with {"Statement" is prose, not a half-typed policy.
  if (file.policies.length === 0 || file.syntaxProblems.length > 0) return undefined;
  const start = host.span.offset + 1;
  const end = host.span.offset + host.span.length - 1;
  const toOuter = (offset: number) => offsets[Math.max(0, Math.min(offset, offsets.length - 1))]!;
  return {
    host,
    file,
    toOuterSpan: (span) => {
      const start = toOuter(span.offset);
      return { offset: start, length: toOuter(span.offset + span.length) - start };
    },
    toInner: (offset) => {
      if (offset < start || offset > end) return undefined;
      // The first value character at or after the offset (an offset inside an escape counts as its start).
      let low = 0;
      let high = offsets.length - 1;
      while (low < high) {
        const middle = (low + high) >> 1;
        if (offsets[middle]! < offset) low = middle + 1;
        else high = middle;
      }
      return low;
    },
  };
}

/**
 * For each UTF-16 unit of the string's value, its offset in `text`, and one more entry for the
 * closing quote. Undefined when the token in the text does not decode to the value (a string the
 * tolerant parser had to mend).
 */
function valueOffsets(text: string, node: StringNode): Int32Array | undefined {
  const start = node.span.offset + 1;
  const end = node.span.offset + node.span.length - 1;
  if (text.charCodeAt(node.span.offset) !== 34 || text.charCodeAt(end) !== 34) return undefined;
  const offsets = new Int32Array(node.value.length + 1);
  let unit = 0;
  for (let raw = start; raw < end; unit++) {
    if (unit >= node.value.length) return undefined;
    offsets[unit] = raw;
    if (text.charCodeAt(raw) !== 92) raw++;
    else raw += text.charCodeAt(raw + 1) === 117 ? 6 : 2;
  }
  if (unit !== node.value.length) return undefined;
  offsets[unit] = end;
  return offsets;
}

/**
 * The same map for a YAML scalar (plain, quoted or a `|` / `>` block), whose text differs from its
 * value by quotes, escapes, indentation and folding: each value character is found at the next
 * place in the text that writes it. Characters of the policy's tokens land exactly; only whitespace
 * may be placed a little early. Undefined when the text runs out first.
 */
function alignedOffsets(text: string, node: StringNode): Int32Array | undefined {
  const end = node.span.offset + node.span.length;
  const offsets = new Int32Array(node.value.length + 1);
  let raw = node.span.offset;
  for (let unit = 0; unit < node.value.length; unit++) {
    const wanted = node.value.charCodeAt(unit);
    // A folded line break is written as a space or a line break; an escaped character after a backslash.
    while (raw < end && text.charCodeAt(raw) !== wanted && !(wanted === 32 && text.charCodeAt(raw) === 10)) raw++;
    // A block's final line break may be the end of the file rather than a character.
    if (raw >= end && !/\s/.test(node.value[unit]!)) return undefined;
    offsets[unit] = raw < end ? raw++ : end;
  }
  offsets[node.value.length] = Math.min(raw, end);
  return offsets;
}

/**
 * What the surroundings say about the policy's type: a trust policy by its property's name, an SCP
 * or RCP by the Organizations type next to it (`describe-policy` puts it in PolicySummary.Type,
 * Terraform's aws_organizations_policy in `type`). Otherwise the content decides, as for any file.
 */
function typeHint(key: PathSegment | undefined, parent: ObjectNode | undefined): PolicyType | undefined {
  if (typeof key === 'string' && TRUST_KEYS.test(key)) return 'trust';
  if (!parent) return undefined;
  const direct = getProperty(parent, 'type')?.value ?? getProperty(parent, 'Type')?.value;
  const summary = getProperty(parent, 'PolicySummary')?.value;
  const nested = isObject(summary) ? getProperty(summary, 'Type')?.value : undefined;
  for (const candidate of [direct, nested]) {
    if (candidate?.kind === 'string' && ORGANIZATIONS_TYPES[candidate.value]) return ORGANIZATIONS_TYPES[candidate.value];
  }
  return undefined;
}
