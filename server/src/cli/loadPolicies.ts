import * as path from 'path';
import { parseJson, parsePolicyFile, readPolicy, looksLikePolicy, type PolicyType, type SourcedPolicy, type ValueNode } from '../../../engine/src';
import { UsageError } from './args';
import { readInput } from './inputs';

/** Every policy in a file, each playing the given role in the evaluation. */
export function loadPolicyFile(file: string, type: PolicyType): SourcedPolicy[] {
  const input = readInput(file);
  if (input.error !== undefined || input.text === undefined) throw new UsageError(`${file}: ${input.error ?? 'cannot be read'}`);
  const parsed = parsePolicyFile(input.text, { fileName: file, type });
  if (parsed.policies.length === 0) {
    const reason = parsed.syntaxProblems.length > 0 ? 'not valid JSON' : 'no IAM policy found';
    throw new UsageError(`${file}: ${reason}`);
  }
  return parsed.policies.map((policy) => ({ policy, source: file, file: parsed }));
}

/**
 * A policy given in a test file: a path (relative to the test file) or the policy itself, inline.
 * Inline policies keep the spans of the test file, so results can point into it.
 */
export function loadPolicyReference(node: ValueNode, type: PolicyType, testFile: string, testText: string): SourcedPolicy[] {
  if (node.kind === 'string') return loadPolicyFile(path.resolve(path.dirname(testFile), node.value), type);
  if (looksLikePolicy(node)) {
    const policy = readPolicy(node, { type, typeReason: `it is listed under ${type} in the test file`, label: `inline ${type} policy`, allowsIntrinsics: false });
    return [{ policy, source: testFile, file: { text: testText, root: parseJson(testText).root, syntaxProblems: [], policies: [policy] } }];
  }
  throw new UsageError(`${testFile}: a policy must be a file path or a policy object (at ${node.path.join('.')})`);
}
