import { embedPolicyString, findEmbeddedPolicies, type EmbeddedPolicy } from './embedded';
import { isCloudFormationTemplate, policyStringsInCloudFormation } from './locateCloudFormation';
import { isObject } from './model';
import { locatePolicies, type LocateOptions } from './locate';
import type { Policy } from './model';
import type { JsoncExtension } from './jsoncExtensions';
import { parseJson, type SyntaxProblem } from './parseJson';
import { parseYaml } from './parseYaml';
import { readTerraform } from '../resolve/terraform/terraformFile';
import { isTerraformJsonFile, readTerraformJson } from '../hcl/readTerraformJson';
import { isTerraformTemplateFile, needsRendering, readTemplateStrings } from '../resolve/terraform/templateFile';
import type { SourceNote } from '../resolve/terraform/lowerPolicyDocument';
import type { Span, StringNode, ValueNode } from './tree';

/** The syntax a file is written in. */
export type SourceFormat = 'json' | 'yaml' | 'terraform';

/** Everything the services need to know about one version of one file, computed once. */
export interface PolicyFile {
  readonly text: string;
  readonly format: SourceFormat;
  readonly root: ValueNode | undefined;
  readonly syntaxProblems: readonly SyntaxProblem[];
  /** The comments and trailing commas of a JSON file, which JSON parsers such as IAM's reject. */
  readonly jsoncExtensions?: readonly JsoncExtension[];
  readonly policies: readonly Policy[];
  /**
   * Policies written as JSON strings (`{"Policy": "{\"Version\": ...}"}`, Terraform plans), each a
   * document of its own; looked for only in files where no policy was found the ordinary way.
   */
  readonly embedded: readonly EmbeddedPolicy[];
  /** The name it was parsed under, when known: it hints at the kind of policy a new file becomes. */
  readonly fileName?: string;
  /** Parts of a template that could not be checked (a `dynamic "statement"` over values known at apply). */
  readonly notes?: readonly SourceNote[];
  /**
   * Places that stand for a policy written elsewhere in the file: Terraform's
   * `assume_role_policy = data.aws_iam_policy_document.x.json`. Hover there describes that policy.
   */
  readonly policyUses?: readonly { readonly span: Span; readonly policy: Policy }[];
  /**
   * Strings outside the value tree that name a managed policy by ARN: Terraform's `policy_arn`,
   * `managed_policy_arns` and `permissions_boundary` (a `.tf` file's tree holds only its policies).
   */
  readonly managedPolicyStrings?: readonly StringNode[];
  /** A Terraform template (`.tftpl`) that is not JSON until templatefile() renders it: nothing in it is read. */
  readonly needsRendering?: boolean;
}

export interface ParseOptions extends LocateOptions {
  /** The syntax; by default YAML for `.yaml` and `.yml` files, Terraform for `.tf` and `.tofu`, JSON (with comments) otherwise. */
  readonly format?: SourceFormat;
}

export function parsePolicyFile(text: string, options: ParseOptions = {}): PolicyFile {
  return parse(text, options, true);
}

/**
 * YAML or Terraform by the file's extension (`.tf.json` is Terraform in its JSON syntax); JSON otherwise. A
 * CloudFormation `.template` may be either: it is JSON when its first character (after white space)
 * opens an object, YAML otherwise.
 */
export function formatOf(fileName: string | undefined, text?: string): SourceFormat {
  if (fileName === undefined) return 'json';
  if (/\.ya?ml$/i.test(fileName)) return 'yaml';
  if (/\.(tf|tofu)(\.json)?$/i.test(fileName)) return 'terraform';
  if (/\.template$/i.test(fileName) && text !== undefined) return /^\s*\{/.test(text) ? 'json' : 'yaml';
  return 'json';
}

function parse(text: string, options: ParseOptions, lookInStrings: boolean): PolicyFile {
  const format = options.format ?? formatOf(options.fileName, text);
  if (format === 'terraform') {
    const read = readTerraform(text, { type: options.type, ...(isTerraformJsonFile(options.fileName) ? { parsed: readTerraformJson(text) } : {}) });
    return { text, format, root: read.root, syntaxProblems: read.syntaxProblems, policies: read.policies, embedded: [], notes: read.notes, policyUses: read.policyUses, managedPolicyStrings: read.managedPolicyStrings, fileName: options.fileName };
  }
  const template = format === 'json' && isTerraformTemplateFile(options.fileName);
  // A template with directives or interpolations between its values is read once rendered, by Terraform.
  if (template && needsRendering(text)) return { text, format, root: undefined, syntaxProblems: [], policies: [], embedded: [], fileName: options.fileName, needsRendering: true };
  const parsed = format === 'yaml' ? parseYaml(text) : parseJson(text);
  const { syntaxProblems, jsoncExtensions } = parsed;
  // A Terraform template (templatefile()'s .tftpl) is JSON whose ${...} templatefile() fills in.
  const root = parsed.root && template ? readTemplateStrings(parsed.root) : parsed.root;
  const policies = locatePolicies(root, options);
  return { text, format, root, syntaxProblems, jsoncExtensions, policies, embedded: lookInStrings ? embeddedPolicies(text, format, root, policies.length > 0, options) : [], fileName: options.fileName };
}

/**
 * Policies written as JSON strings: in a CloudFormation template, those of the properties that take
 * a policy as a string (AWS::Logs::ResourcePolicy, a quoted KeyPolicy); elsewhere, any string that
 * holds one, looked for only when the file has no policy of its own.
 */
function embeddedPolicies(text: string, format: Exclude<SourceFormat, 'terraform'>, root: ValueNode | undefined, hasPolicies: boolean, options: ParseOptions): EmbeddedPolicy[] {
  // A policy inside a string is JSON whatever the file around it is written in.
  const parseInner = (inner: string, innerOptions: ParseOptions) => parse(inner, { ...innerOptions, format: 'json' }, false);
  if (isObject(root) && isCloudFormationTemplate(root)) {
    const found: EmbeddedPolicy[] = [];
    for (const { host, placement } of policyStringsInCloudFormation(root, options.resolveTemplates !== false)) {
      const type = options.type ?? placement.type;
      const hint = options.type ? { type } : { type, typeReason: placement.typeReason, label: placement.label, owner: placement.owner, resourceImplied: placement.resourceImplied };
      const embedded = embedPolicyString(text, format, host, parseInner, { fileName: options.fileName, ...hint });
      if (embedded) found.push(embedded);
    }
    return found;
  }
  if (hasPolicies || !root) return [];
  return findEmbeddedPolicies(text, root, options, parseInner);
}
