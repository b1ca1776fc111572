import type { Catalog } from '../catalog/catalog';
import { locateCursor } from '../document/nodeAt';
import type { PolicyFile } from '../document/policyFile';
import type { Policy } from '../document/model';
import type { PathSegment, Span } from '../document/tree';
import { conditionKeySpecs, operatorKeySpecs } from './conditions';
import type { KeySpec } from './keys';
import { statementAt, type CompletionPlace } from './place';
import { principalTypeSpecs } from './principals';
import type { Candidate, CompletionResult } from './types';

/**
 * Completion in a Terraform file works from the lowered tree: the cursor is in a quoted string of a
 * policy (`actions = ["s3:Get|"]`, `effect = "|"`, a jsonencode value), between the items of a list
 * (`actions = [|]`), on an empty line of a `statement` block (its arguments and blocks), or in the
 * `type` of a `principals` block or the `test` / `variable` of a `condition` block.
 */
export type HclCompletion = { readonly mode: 'value'; readonly place: CompletionPlace } | { readonly mode: 'done'; readonly result: CompletionResult };

export function hclCompletionPlace(file: PolicyFile, offset: number, catalog: Catalog): HclCompletion | undefined {
  const cursor = locateCursor(file, offset);
  if (!cursor) return undefined;
  const { policy, node } = cursor;
  const text = file.text;
  if (cursor.onKey && cursor.property) {
    const keySpan = cursor.property.keySpan;
    if (text.charAt(keySpan.offset) !== '"') return undefined;
    const inner = innerSpan(text, keySpan, offset);
    if (!inner) return undefined;
    const path = cursor.path.slice(0, -1);
    // `principals { type = "Serv|" }` and `condition { test = "..." variable = "..." }`: their strings became keys.
    const element = path[0] === 'Statement' ? path[2] : undefined;
    if ((element === 'Principal' || element === 'NotPrincipal') && path.length === 3) {
      return done(specCandidates(principalTypeSpecs(policy.type === 'identity' ? 'resource' : policy.type, [])), inner.span);
    }
    if (element === 'Condition' && path.length === 3) return done(specCandidates(operatorKeySpecs()), inner.span);
    if (element === 'Condition' && path.length === 4 && typeof path[3] === 'string') {
      return done(specCandidates(conditionKeySpecs(path[3], statementAt(policy, path), catalog)), inner.span);
    }
    return undefined;
  }
  if (node?.kind === 'string' && offset === node.span.offset && typeof cursor.path[cursor.path.length - 1] === 'number') {
    // Just before an item's opening quote (`[|"s3:GetObject"]`): a new item goes there.
    return { mode: 'value', place: { ...basePlace(file, offset, policy, cursor.path.slice(0, -1)), inString: false, span: { offset, length: 0 }, typed: '', closed: false } };
  }
  if (node?.kind === 'string') {
    const inner = innerSpan(text, node.span, offset);
    // Only a string written where it stands (not a resolved reference, not JSON inside a string).
    if (!inner || (node.origin !== undefined && node.origin !== 'written') || text.slice(inner.span.offset, inner.span.offset + inner.span.length) !== node.value) return undefined;
    return { mode: 'value', place: { ...basePlace(file, offset, policy, cursor.path), inString: true, span: inner.span, typed: text.slice(inner.span.offset, offset), closed: true } };
  }
  if (node?.kind === 'array') {
    return { mode: 'value', place: { ...basePlace(file, offset, policy, cursor.path), inString: false, span: { offset, length: 0 }, typed: '', closed: false } };
  }
  if (node?.kind === 'object' && cursor.path[0] === 'Statement' && cursor.path.length === 2 && isStatementBlock(text, node.span) && onEmptyLine(text, offset)) {
    const present = new Set(node.properties.map((property) => property.key));
    return done(STATEMENT_ARGUMENTS.filter((argument) => !argument.element || !present.has(argument.element)).map(toCandidate), { offset, length: 0 });
  }
  return undefined;
}

/** HCL writes `${` and `%{` in strings as `$${` and `%%{`; candidates say what the value is. */
export function fitToHcl(result: CompletionResult): CompletionResult {
  const candidates = result.candidates.map((candidate): Candidate => {
    const insert = candidate.insertText ?? candidate.label;
    if (candidate.isSnippet || !/[$%]\{/.test(insert)) return candidate;
    return { ...candidate, insertText: insert.replace(/([$%])\{/g, '$1$1{') };
  });
  return { candidates, replace: result.replace };
}

function done(candidates: Candidate[], replace: Span): HclCompletion {
  return { mode: 'done', result: { candidates, replace } };
}

function innerSpan(text: string, span: Span, offset: number): { span: Span } | undefined {
  if (text.charAt(span.offset) !== '"') return undefined;
  const closed = span.length >= 2 && text.charAt(span.offset + span.length - 1) === '"';
  const start = span.offset + 1;
  const end = span.offset + span.length - (closed ? 1 : 0);
  return offset >= start && offset <= end ? { span: { offset: start, length: end - start } } : undefined;
}

function basePlace(file: PolicyFile, offset: number, policy: Policy, path: readonly PathSegment[]) {
  return {
    text: file.text,
    offset,
    policy,
    policyType: policy.type,
    path,
    isKey: false,
    siblingKeys: [],
    statement: path[0] === 'Statement' ? statementAt(policy, path) : undefined,
  };
}

function isStatementBlock(text: string, span: Span): boolean {
  return /^statement\s*\{/.test(text.slice(span.offset, span.offset + 40)) || /^content\s*\{/.test(text.slice(span.offset, span.offset + 40));
}

function onEmptyLine(text: string, offset: number): boolean {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const lineEnd = text.indexOf('\n', offset);
  return /^\s*[a-z_]*\s*$/.test(text.slice(lineStart, lineEnd < 0 ? text.length : lineEnd));
}

function specCandidates(specs: readonly KeySpec[]): Candidate[] {
  return specs.map((spec) => ({
    label: spec.name,
    kind: spec.kind ?? 'property',
    ...(spec.detail ? { detail: spec.detail } : {}),
    ...(spec.documentation ? { documentation: spec.documentation } : {}),
    ...(spec.documentationKey ? { documentationKey: spec.documentationKey } : {}),
    ...(spec.sortText ? { sortText: spec.sortText } : {}),
  }));
}

interface StatementArgument {
  readonly label: string;
  /** The IAM element it writes, so one already present is not offered again. */
  readonly element?: string;
  readonly snippet: string;
  readonly documentation: string;
}

const STATEMENT_ARGUMENTS: readonly StatementArgument[] = [
  { label: 'sid', element: 'Sid', snippet: 'sid = "$1"', documentation: 'The statement id (`Sid`): letters and digits; statements with the same sid are replaced when documents are merged.' },
  { label: 'effect', snippet: 'effect = "${1|Allow,Deny|}"', documentation: '`Allow` (the default) or `Deny`.' },
  { label: 'actions', element: 'Action', snippet: 'actions = ["$1"]', documentation: 'The actions (`Action`) the statement allows or denies, e.g. `s3:GetObject`.' },
  { label: 'not_actions', element: 'NotAction', snippet: 'not_actions = ["$1"]', documentation: 'Every action except these (`NotAction`).' },
  { label: 'resources', element: 'Resource', snippet: 'resources = ["$1"]', documentation: 'The resources (`Resource`) as ARNs.' },
  { label: 'not_resources', element: 'NotResource', snippet: 'not_resources = ["$1"]', documentation: 'Every resource except these (`NotResource`).' },
  { label: 'principals', snippet: 'principals {\n\ttype        = "${1|AWS,Service,Federated,CanonicalUser|}"\n\tidentifiers = ["$2"]\n}', documentation: 'Who the statement applies to (`Principal`), in resource and trust policies.' },
  { label: 'not_principals', snippet: 'not_principals {\n\ttype        = "${1|AWS,Service,Federated,CanonicalUser|}"\n\tidentifiers = ["$2"]\n}', documentation: 'Everyone except these (`NotPrincipal`).' },
  { label: 'condition', snippet: 'condition {\n\ttest     = "$1"\n\tvariable = "$2"\n\tvalues   = ["$3"]\n}', documentation: 'A condition (`Condition`): an operator (`test`), a condition key (`variable`) and its values.' },
];

function toCandidate(argument: StatementArgument): Candidate {
  return { label: argument.label, kind: 'property', insertText: argument.snippet, isSnippet: true, documentation: argument.documentation };
}
