import { locatePolicies, type LocateOptions } from './locate';
import type { Policy } from './model';
import { parseJson, type SyntaxProblem } from './parseJson';
import type { ValueNode } from './tree';

/** Everything the services need to know about one version of one file, computed once. */
export interface PolicyFile {
  readonly text: string;
  readonly root: ValueNode | undefined;
  readonly syntaxProblems: readonly SyntaxProblem[];
  readonly policies: readonly Policy[];
}

export function parsePolicyFile(text: string, options: LocateOptions = {}): PolicyFile {
  const { root, syntaxProblems } = parseJson(text);
  return { text, root, syntaxProblems, policies: locatePolicies(root, options) };
}
