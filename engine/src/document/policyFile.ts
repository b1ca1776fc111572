import { findEmbeddedPolicies, type EmbeddedPolicy } from './embedded';
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
  /**
   * Policies written as JSON strings (`{"Policy": "{\"Version\": ...}"}`, Terraform plans), each a
   * document of its own; looked for only in files where no policy was found the ordinary way.
   */
  readonly embedded: readonly EmbeddedPolicy[];
}

export function parsePolicyFile(text: string, options: LocateOptions = {}): PolicyFile {
  return parse(text, options, true);
}

function parse(text: string, options: LocateOptions, lookInStrings: boolean): PolicyFile {
  const { root, syntaxProblems } = parseJson(text);
  const policies = locatePolicies(root, options);
  const embedded = lookInStrings && policies.length === 0 && root ? findEmbeddedPolicies(text, root, options, (inner, innerOptions) => parse(inner, innerOptions, false)) : [];
  return { text, root, syntaxProblems, policies, embedded };
}
