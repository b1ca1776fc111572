import * as path from 'path';
import { documentPolicies, formatOf, isJsonValueStream, isTerraformTemplateFile, formatPath, type DocumentPolicy, lintDocument, parsePolicyFile, readTerraformModule, relativePath, unreadableJsonFindings, type Catalog, type Finding, type LintOptions, type PolicyFile, type PolicyType, type Severity } from '../../../engine/src';
import type { InputFile, PassOverReason } from './inputs';
import { LineIndex } from './positions';

export interface CheckedFinding {
  readonly code: string;
  readonly name: string;
  readonly severity: Severity;
  readonly message: string;
  /** JSON path inside the policy. */
  readonly path: string;
  readonly range: { start: { line: number; character: number }; end: { line: number; character: number } };
}

export interface CheckedPolicy {
  /** JSON path of the policy inside the file; "" for a plain policy file. */
  readonly path: string;
  readonly type: PolicyType;
  readonly findings: CheckedFinding[];
}

export interface CheckedFile {
  readonly file: string;
  readonly policies: CheckedPolicy[];
  /** Findings about the file itself, outside any policy: a JSON file of a folder scan that is empty or not JSON. */
  readonly findings?: CheckedFinding[];
  /** Why the file could not be checked; the file then counts as a usage error (exit 2). */
  readonly error?: string;
}

const FORMAT_NAMES = { json: 'JSON', yaml: 'YAML', terraform: 'HCL' } as const;

/**
 * Checks one input: parse, locate, lint, and express every finding relative to its policy. A file
 * found by walking a directory that holds no policy is passed over, with the reason.
 */
export function checkInput(input: InputFile, catalog: Catalog, type: PolicyType | undefined, explicit: boolean, options?: LintOptions, read?: PolicyFile): CheckedFile | PassOverReason {
  if (input.error !== undefined || input.text === undefined) return { file: input.name, policies: [], error: input.error ?? 'cannot be read' };
  const file = read ?? parsePolicyFile(input.text, { fileName: input.name, type });
  // A template (templatefile() JSON with directives between the values, a Helm or Go template) is
  // often not JSON until rendered: not the user's policy problem. One whose template parts all stand
  // inside strings is JSON as it is, and its syntax errors are real.
  if (file.needsRendering) return explicit ? { file: input.name, policies: [], error: 'is a template that is not JSON until rendered: check the rendered policy' } : 'template not JSON until rendered';
  if (!explicit && isTerraformTemplateFile(input.name) && file.policies.length === 0 && file.syntaxProblems.length > 0) return 'template not JSON until rendered';
  if (file.policies.length === 0 && file.embedded.length === 0) {
    // A directory holds YAML of every kind (CI workflows, Helm templates that are not YAML until
    // rendered): one found by walking that does not parse is not the user's policy problem.
    // A `.tf.json` is JSON: one that does not parse is reported as any JSON file is.
    const syntax = /\.json$/i.test(input.name) ? 'JSON' : FORMAT_NAMES[file.format];
    if (!explicit && syntax !== 'JSON') return file.syntaxProblems.length > 0 ? (file.format === 'yaml' ? 'not valid YAML' : 'not valid HCL') : 'no IAM policy';
    // A .json file in a folder of policies that is empty or not JSON is most likely a broken policy:
    // a finding on that file (json-syntax), so that the rest is checked and the exit code comes from
    // the findings. A file named on the command line that cannot be read stays an input error.
    // A stream of JSON objects (JSON Lines, a DynamoDB import file) is data, not a broken policy.
    if (!explicit && syntax === 'JSON' && file.syntaxProblems.length > 0 && isJsonValueStream(input.text)) return 'JSON data stream';
    if (!explicit && (file.syntaxProblems.length > 0 || input.text.trim() === '')) {
      const findings = unreadableJsonFindings(file, options);
      if (!findings) return 'not valid JSON';
      const lines = new LineIndex(input.text);
      return { file: input.name, policies: [], findings: findings.map((finding) => checkedFinding(finding, '', lines)) };
    }
    if (file.syntaxProblems.length > 0) {
      const first = file.syntaxProblems[0]!;
      const at = new LineIndex(input.text).position(first.offset);
      return { file: input.name, policies: [], error: `not valid ${syntax} (line ${at.line + 1}, column ${at.character + 1}: ${first.message})` };
    }
    // Files found by walking a directory may be any JSON; only name the ones the user asked for.
    return explicit ? { file: input.name, policies: [] } : 'no IAM policy';
  }
  return { file: input.name, policies: groupByPolicy(file, lintDocument(file, catalog, options)) };
}

function groupByPolicy(file: PolicyFile, findings: readonly Finding[]): CheckedPolicy[] {
  const lines = new LineIndex(file.text);
  // Policies written as strings (a Terraform plan, get-bucket-policy output) come after the file's own.
  const all = documentPolicies(file);
  const policies: CheckedPolicy[] = all.map(({ policy, path }) => ({ path: formatPath(path), type: policy.type, findings: [] }));
  for (const finding of findings) {
    const index = finding.policyIndex ?? owningPolicy(all, finding.span.offset);
    policies[index]!.findings.push(checkedFinding(finding, formatPath(relativePath(finding.path, all[index]!.path)), lines));
  }
  return policies;
}

function checkedFinding(finding: Finding, path: string, lines: LineIndex): CheckedFinding {
  return { code: finding.ruleId, name: finding.ruleName, severity: finding.severity, message: finding.message, path, range: lines.range(finding.span) };
}

/** File-level findings (JSON syntax) belong to the policy around them, or to the first one. */
function owningPolicy(all: readonly DocumentPolicy[], offset: number): number {
  let owner = 0;
  all.forEach(({ policy, embedded }, index) => {
    const { offset: start, length } = embedded ? embedded.host.span : policy.node.span;
    if (offset >= start && offset <= start + length) owner = index;
  });
  return owner;
}

/**
 * The Terraform files among the inputs, read as Terraform reads them: the `.tf`, `.tofu` and
 * `.tf.json` files of one folder are one module, so a reference in one file (`var.bucket`,
 * `aws_s3_bucket.b.arn`, `data.aws_iam_policy_document.x.json`) finds what another declares, and a
 * document takes its type from where another file uses it. By file name; files of a folder that were
 * not given (a single file named on the command line) are not read. With `--type`, each file is read
 * on its own, with that type.
 */
export function readTerraformModules(inputs: readonly InputFile[], type: PolicyType | undefined): Map<string, PolicyFile> {
  const read = new Map<string, PolicyFile>();
  if (type !== undefined) return read;
  const folders = new Map<string, { name: string; text: string }[]>();
  for (const input of inputs) {
    if (input.text === undefined || input.name === '-' || formatOf(input.name) !== 'terraform') continue;
    const folder = path.dirname(input.name);
    folders.set(folder, [...(folders.get(folder) ?? []), { name: input.name, text: input.text }]);
  }
  for (const sources of folders.values()) {
    if (sources.length < 2) continue;
    for (const { name, file } of readTerraformModule(sources).files) read.set(name, file);
  }
  return read;
}
