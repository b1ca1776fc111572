import { findEmbeddedPolicies, type EmbeddedPolicy } from './embedded';
import { locatePolicies, type LocateOptions } from './locate';
import type { Policy } from './model';
import { parseJson, type SyntaxProblem } from './parseJson';
import { parseYaml } from './parseYaml';
import type { ValueNode } from './tree';

/** The syntax a file is written in. */
export type SourceFormat = 'json' | 'yaml';

/** Everything the services need to know about one version of one file, computed once. */
export interface PolicyFile {
  readonly text: string;
  readonly format: SourceFormat;
  readonly root: ValueNode | undefined;
  readonly syntaxProblems: readonly SyntaxProblem[];
  readonly policies: readonly Policy[];
  /**
   * Policies written as JSON strings (`{"Policy": "{\"Version\": ...}"}`, Terraform plans), each a
   * document of its own; looked for only in files where no policy was found the ordinary way.
   */
  readonly embedded: readonly EmbeddedPolicy[];
  /** The name it was parsed under, when known: it hints at the kind of policy a new file becomes. */
  readonly fileName?: string;
}

export interface ParseOptions extends LocateOptions {
  /** The syntax; by default YAML for `.yaml` and `.yml` files, JSON (with comments) otherwise. */
  readonly format?: SourceFormat;
}

export function parsePolicyFile(text: string, options: ParseOptions = {}): PolicyFile {
  return parse(text, options, true);
}

/** YAML by the file's extension; JSON otherwise. */
export function formatOf(fileName: string | undefined): SourceFormat {
  return fileName !== undefined && /\.ya?ml$/i.test(fileName) ? 'yaml' : 'json';
}

function parse(text: string, options: ParseOptions, lookInStrings: boolean): PolicyFile {
  const format = options.format ?? formatOf(options.fileName);
  const { root, syntaxProblems } = format === 'yaml' ? parseYaml(text) : parseJson(text);
  const policies = locatePolicies(root, options);
  // A policy inside a string is JSON whatever the file around it is written in.
  const embedded =
    lookInStrings && policies.length === 0 && root
      ? findEmbeddedPolicies(text, root, options, (inner, innerOptions) => parse(inner, { ...innerOptions, format: 'json' }, false))
      : [];
  return { text, format, root, syntaxProblems, policies, embedded, fileName: options.fileName };
}
