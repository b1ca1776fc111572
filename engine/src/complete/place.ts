import type { Policy, PolicyType, Statement } from '../document/model';
import type { PolicyFile } from '../document/policyFile';
import type { PathSegment, Span, ValueNode } from '../document/tree';
import { scanPosition, type ScanStart } from './scan';

/** Everything completion needs to know about the cursor. */
export interface CompletionPlace {
  readonly text: string;
  readonly offset: number;
  readonly policy?: Policy;
  readonly policyType: PolicyType;
  /** Path relative to the policy document. */
  readonly path: readonly PathSegment[];
  readonly isKey: boolean;
  readonly siblingKeys: readonly string[];
  readonly statement?: Statement;
  readonly inString: boolean;
  /** The string's contents (quotes excluded), or an empty span at the cursor outside strings. */
  readonly span: Span;
  /** What has been typed between the start of the span and the cursor. */
  readonly typed: string;
  /** For strings: whether the closing quote is there. */
  readonly closed: boolean;
  /** Set in YAML templates: keys are written `Name: ` there, without quotes or JSON value snippets. */
  readonly yaml?: boolean;
  /** The file's name, when known: a hint at what a policy still being written will become. */
  readonly fileName?: string;
}

const POLICY_KEYS = new Set(['Version', 'Id', 'Statement']);

/**
 * In a file that parsed cleanly, the statement around the cursor is well formed up to its closing
 * brace, so scanning can begin at its opening brace. Half-typed files are scanned from the top: the
 * parse tree cannot be trusted there, and the text is what the user sees.
 */
function scanStart(file: PolicyFile, offset: number): ScanStart | undefined {
  if (file.syntaxProblems.length > 0) return undefined;
  for (const policy of file.policies) {
    for (const statement of policy.statements) {
      const { span, kind, path } = statement.node;
      if (kind === 'object' && offset > span.offset && offset < span.offset + span.length) return { offset: span.offset, path };
    }
  }
  return undefined;
}

/** Works out the completion place at an offset; undefined outside every policy and in comments. */
export function completionPlace(file: PolicyFile, offset: number): CompletionPlace | undefined {
  const scanned = scanPosition(file.text, offset, scanStart(file, offset));
  if (scanned.afterValue) return undefined;
  const { policy, relative } = policyAt(file, scanned.path);
  if (!relative) return undefined;
  const string = scanned.string;
  const span = string ? { offset: string.quote + 1, length: string.contentEnd - string.quote - 1 } : { offset, length: 0 };
  const statement = policy && relative[0] === 'Statement' ? statementAt(policy, relative) : undefined;
  return {
    text: file.text,
    offset,
    policy,
    policyType: policy?.type ?? 'identity',
    fileName: file.fileName,
    path: relative,
    isKey: scanned.isKey,
    siblingKeys: scanned.isKey ? siblingKeys(file, scanned.path, scanned.siblingKeys, string?.quote) : scanned.siblingKeys,
    statement,
    inString: string !== undefined,
    span,
    typed: string ? file.text.slice(string.quote + 1, Math.min(offset, string.contentEnd)) : '',
    closed: string?.closed ?? false,
  };
}

function policyAt(file: PolicyFile, path: readonly PathSegment[]): { policy?: Policy; relative?: readonly PathSegment[] } {
  let best: Policy | undefined;
  for (const policy of file.policies) {
    if (isPrefix(policy.path, path) && (!best || policy.path.length > best.path.length)) best = policy;
  }
  if (best) return { policy: best, relative: path.slice(best.path.length) };
  // A new file that is becoming a policy: `{` or `{"Version": ...` with nothing else yet.
  if (file.policies.length === 0 && isEmptyOrPolicyShaped(file)) return { relative: path };
  return {};
}

/**
 * Keys of the object being completed, before and after the cursor: the scan sees only those before it,
 * the tree sees all of them (but counts the half-typed key under the cursor, which is left out).
 */
function siblingKeys(file: PolicyFile, path: readonly PathSegment[], scanned: readonly string[], quote: number | undefined): string[] {
  let node: ValueNode | undefined = file.root;
  for (const segment of path) {
    if (!node) break;
    if (node.kind === 'object' && typeof segment === 'string') node = node.properties.find((p) => p.key === segment)?.value;
    else if (node.kind === 'array' && typeof segment === 'number') node = node.items[segment];
    else node = undefined;
  }
  const keys = new Set(scanned);
  if (node?.kind === 'object') {
    for (const property of node.properties) if (property.keySpan.offset !== quote) keys.add(property.key);
  }
  return [...keys];
}

function isEmptyOrPolicyShaped(file: PolicyFile): boolean {
  const root = file.root;
  if (!root) return true;
  return root.kind === 'object' && root.properties.every((property) => POLICY_KEYS.has(property.key));
}

function isPrefix(prefix: readonly PathSegment[], path: readonly PathSegment[]): boolean {
  if (prefix.length > path.length) return false;
  return prefix.every((segment, index) => path[index] === segment);
}

/** The statement a policy-relative path starting with "Statement" points into. */
export function statementAt(policy: Policy, relative: readonly PathSegment[]): Statement | undefined {
  const index = typeof relative[1] === 'number' ? relative[1] : 0;
  return policy.statements.find((statement) => statement.index === index);
}
