/**
 * Values that are not known before deployment, in one representation for every template language.
 *
 * A CloudFormation `!Sub "arn:${AWS::Partition}:s3:::${Bucket}/*"` whose `Bucket` has no default, a
 * Terraform `"arn:aws:s3:::${var.bucket}/*"` without a default, `!GetAtt Role.Arn` or `module.x.arn`:
 * each is a string some of whose parts are only known once the stack is deployed. The resolvers
 * (resolve/cloudformation, resolve/terraform) turn them into ordinary StringNodes that carry
 * `unknowns`; every rule, hover and the simulator then read one shape (docs/unknown-values.md):
 *
 * - The node's `value` holds UNKNOWN_MARK in place of each unknown part, in order, so code that only
 *   compares strings treats the part as a character no real value contains: it matches no literal,
 *   is never `*`, and a wildcard covers it only where it would cover any text.
 * - Lint drops any finding on a value with unknown parts (support in rules/linter.ts): an unknown is
 *   never a defect. Findings on literal values next to it still appear.
 * - Matching asks `matchesMaybe`: a mark matches any run of characters, but only as "maybe", so the
 *   simulator can say which unknown a decision depended on. The literal text around a mark still
 *   rules matches out: `arn:aws:s3:::<mark>/*` cannot match `arn:aws:s3:::bucket`.
 *
 * A private-use character is used rather than `${...}` text because `${...}` is already meaningful in
 * IAM (policy variables), and rather than a side table because values travel through many layers
 * (merges, embedded documents, caches) that copy strings but not tables.
 */
import { matchesGlob } from '../match/wildcard';
import type { PathSegment, Span, StringNode, ValueNode } from './tree';

/** Stands for one unknown part inside a StringNode's value. Private use: no real policy text holds it. */
export const UNKNOWN_MARK = '\uE002';

/** One part of a value that is not known before deployment. */
export interface UnknownPart {
  /** What the part stands for, as the user wrote it: `var.bucket`, `BucketName`, `aws_s3_bucket.b.arn`. */
  readonly source: string;
  /** Why it is unknown, as a short clause: "a parameter without a default", "a module output". */
  readonly reason: string;
  /** Where the reference is written, when it is written somewhere. */
  readonly span?: Span;
}

/**
 * Whether a quick fix may replace the node's text. 'written': the value is the text at its span.
 * 'derived': made from other parts (`!Join`, `jsonencode`, a resolved reference, a `!Sub` with
 * substitutions), so an edit must go to those parts. 'default': no text of its own (a fix inserts).
 */
export type ValueOrigin = 'written' | 'derived' | 'default';

/** A template condition under which a node exists: `IsProd` holds, or does not. */
export interface Assumption {
  /** The condition as written: a CloudFormation condition name, an HCL condition expression. */
  readonly condition: string;
  readonly holds: boolean;
  readonly span?: Span;
}

/** Literal text or an unknown part, the pieces a resolver builds a string from. */
export type TemplatePart = string | UnknownPart;

interface NodePlace {
  readonly span: Span;
  readonly path: readonly PathSegment[];
  readonly origin?: ValueOrigin;
  readonly assumptions?: readonly Assumption[];
}

/**
 * A string node made of literal text and unknown parts: the one way a resolver builds one. Without
 * unknown parts it is a plain string node. Its origin is 'derived' unless `place` says otherwise.
 * Literal text can never hold the mark.
 */
export function templateString(parts: readonly TemplatePart[], place: NodePlace): StringNode {
  let value = '';
  const unknowns: UnknownPart[] = [];
  for (const part of parts) {
    if (typeof part === 'string') value += part.replaceAll(UNKNOWN_MARK, '\uFFFD');
    else {
      value += UNKNOWN_MARK;
      unknowns.push(part);
    }
  }
  const node: { -readonly [K in keyof StringNode]: StringNode[K] } = { kind: 'string', value, span: place.span, path: place.path };
  if (unknowns.length > 0) node.unknowns = unknowns;
  // A resolver builds it from parts, so unless told otherwise its text is not the text at its span.
  const origin = place.origin ?? 'derived';
  if (origin !== 'written') node.origin = origin;
  if (place.assumptions && place.assumptions.length > 0) node.assumptions = place.assumptions;
  return node;
}

/** A value that is wholly unknown (`!GetAtt Role.Arn`, `module.x.arn`, a list given by `var.actions`). */
export function unknownValue(part: UnknownPart, place: NodePlace): StringNode {
  return templateString([part], place);
}

/** True for a string node with at least one unknown part. */
export function hasUnknown(node: ValueNode | undefined): node is StringNode & { readonly unknowns: readonly UnknownPart[] } {
  return node?.kind === 'string' && node.unknowns !== undefined && node.unknowns.length > 0;
}

/** True when nothing of the value is known. */
export function isWhollyUnknown(node: ValueNode | undefined): boolean {
  return hasUnknown(node) && node.value === UNKNOWN_MARK;
}

/** True when a fix may replace the node's text where it stands. */
export function isWritten(node: ValueNode): boolean {
  return node.kind !== 'string' || node.origin === undefined || node.origin === 'written';
}

/** The node's literal text and unknown parts, in order. */
export function templateParts(node: StringNode): TemplatePart[] {
  if (!hasUnknown(node)) return [node.value];
  const parts: TemplatePart[] = [];
  let next = 0;
  let literal = '';
  for (const character of node.value) {
    if (character !== UNKNOWN_MARK) {
      literal += character;
      continue;
    }
    if (literal) parts.push(literal);
    literal = '';
    parts.push(node.unknowns[next++] ?? { source: '?', reason: 'unknown' });
  }
  if (literal) parts.push(literal);
  return parts;
}

/** The value for people: each unknown part as `${source}`. Escape it like any user text. */
export function renderValue(node: StringNode): string {
  if (!hasUnknown(node)) return node.value;
  return templateParts(node)
    .map((part) => (typeof part === 'string' ? part : `\${${part.source}}`))
    .join('');
}

/** Replaces each mark of a value with `*`: the pattern of every value it could become. */
export function patternOfValue(value: string): string {
  return value.includes(UNKNOWN_MARK) ? value.replaceAll(UNKNOWN_MARK, '*') : value;
}

/** The pattern of every value the node could become, for "could this be valid" questions. */
export function patternOf(node: StringNode): string {
  return patternOfValue(node.value);
}

export type MaybeMatch = 'yes' | 'no' | 'maybe';

/**
 * Whether `text` matches the wildcard `pattern` (see match/wildcard) when the pattern may hold
 * unknown parts: 'yes' or 'no' for a known pattern; for one with marks, 'maybe' when some value of
 * the unknown parts would match, otherwise 'no'.
 */
export function matchesMaybe(pattern: string, text: string, match: (pattern: string, text: string) => boolean = matchesGlob): MaybeMatch {
  if (!pattern.includes(UNKNOWN_MARK)) return match(pattern, text) ? 'yes' : 'no';
  return match(patternOfValue(pattern), text) ? 'maybe' : 'no';
}

/** The unknown parts of a node and of everything below it, for "depends on" notes. */
export function unknownsIn(node: ValueNode | undefined, into: UnknownPart[] = []): UnknownPart[] {
  if (!node) return into;
  if (hasUnknown(node)) into.push(...node.unknowns);
  else if (node.kind === 'array') for (const item of node.items) unknownsIn(item, into);
  else if (node.kind === 'object') for (const property of node.properties) unknownsIn(property.value, into);
  return into;
}

/** One line for a person: "var.bucket (a variable without a default)". */
export function describeUnknown(part: UnknownPart): string {
  return `${part.source} (${part.reason})`;
}

/** One line for a person: "IsProd is true". */
export function describeAssumption(assumption: Assumption): string {
  return `${assumption.condition} is ${assumption.holds ? 'true' : 'false'}`;
}

/**
 * True when two nodes cannot exist together: they are branches of one choice (`!If [C, a, b]`), so
 * one assumes a condition holds and the other that it does not. Rules that compare two values or
 * statements (covered, repeated, duplicated) leave such pairs alone: only one of them is deployed.
 */
export function excludeEachOther(a: ValueNode, b: ValueNode): boolean {
  if (!a.assumptions?.length || !b.assumptions?.length) return false;
  return a.assumptions.some((left) => b.assumptions!.some((right) => left.condition === right.condition && left.holds !== right.holds));
}
