import type { TextDocument } from 'vscode-languageserver-textdocument';
import { collectRolePolicies, collectTerraformRole, listRoles, readTerraformModule, roleManagedAttachments, simulate, terraformRoles, type ManagedAttachments, type ManagedPolicies, type Policy, type PolicyFile, type RolePolicies, type SourcedPolicy, type Span, type TerraformModule } from '../../../engine/src';
import { spanToRange } from '../convert';
import type { SimulateParams, SimulateResult, TemplateRole } from '../protocol';
import { emptySimulation, toSimulateResult } from '../simulateHandler';

const ASSUME_ROLE = /^sts:assumerole/i;

/**
 * The roles of a template (its IAM roles and the roles SAM generates), for "as role" in Simulate
 * Access: the one whose resource holds the cursor first, then the others in the template's order.
 */
export function templateRoles(file: PolicyFile, cursor: number | undefined): TemplateRole[] {
  if (file.format === 'terraform') return ordered(terraformFileRoles(file, cursor));
  const roles = listRoles(file)
    .filter((role) => role.logicalId !== undefined)
    .map((role) => {
      const containsCursor = cursor !== undefined && role.span !== undefined && cursor >= role.span.offset && cursor <= role.span.offset + role.span.length;
      return { name: role.logicalId!, detail: role.samResource ? `the role SAM generates for ${role.samResource}` : role.name !== role.logicalId ? `RoleName ${role.name}` : undefined, containsCursor };
    });
  return ordered(roles);
}

function ordered(roles: readonly TemplateRole[]): TemplateRole[] {
  return [...roles.filter((role) => role.containsCursor), ...roles.filter((role) => !role.containsCursor)];
}

/**
 * The open file as a Terraform module of its own. The editor simulates what the document says:
 * policies attached from other files of the folder are listed as not evaluated (the CLI's
 * `simulate --template FOLDER` reads the whole module), so every highlighted statement is in view.
 */
function moduleOfFile(file: PolicyFile): TerraformModule {
  return readTerraformModule([{ name: file.fileName ?? 'main.tf', text: file.text }]);
}

function terraformFileRoles(file: PolicyFile, cursor: number | undefined): TemplateRole[] {
  const module = moduleOfFile(file);
  return terraformRoles(module).map((role) => {
    const block = module.config.resources.get(role.logicalId!);
    const containsCursor = cursor !== undefined && block !== undefined && cursor >= block.span.offset && cursor <= block.span.offset + block.span.length;
    return { name: role.logicalId!, detail: role.name !== role.logicalId ? `name ${role.name}` : undefined, containsCursor };
  });
}

/**
 * Simulate Access "as role X": the request is made with the role's credentials, so its identity
 * policies and boundary decide (the role's ARN is the principal when the resource ARN names the
 * account), the AWS managed policies it attaches among them, read from the shipped data. For an
 * `sts:AssumeRole*` action it asks instead whether the principal may assume the role: the role's
 * trust policy against the request.
 */
export function simulateAsRole(document: TextDocument, file: PolicyFile, params: SimulateParams & { asRole: string }, managed?: ManagedPolicies): SimulateResult {
  const role = file.format === 'terraform' ? collectTerraformRole(moduleOfFile(file), params.asRole)?.role : collectRolePolicies(file, params.asRole);
  if (!role) return emptySimulation(`The ${file.format === 'terraform' ? 'file' : 'template'} has no role "${params.asRole}".`);
  const name = document.uri.slice(document.uri.lastIndexOf('/') + 1);
  const sourced = (policies: readonly (Policy | undefined)[]): SourcedPolicy[] =>
    policies.filter((policy): policy is Policy => policy !== undefined).map((policy) => ({ policy, source: name, file }));
  const assuming = ASSUME_ROLE.test(params.action);
  if (assuming && !role.trust) return emptySimulation(`Role ${role.role.name} has no trust policy in the template.`);
  const attached = roleManagedAttachments(role, managed);
  const account = params.resourceAccount || /^arn:[^:]*:[^:]*:[^:]*:(\d{12}):/.exec(params.resource)?.[1];
  const roleArn = role.role.arn ?? (account ? `arn:aws:iam::${account}:role/${role.role.name}` : undefined);
  const result = simulate(
    assuming ? { resource: sourced([role.trust]) } : { identity: [...sourced(role.identity), ...attached.identity], boundary: [...sourced([role.boundary]), ...attached.boundary] },
    {
      action: params.action,
      resource: params.resource,
      principal: assuming ? params.principal || undefined : roleArn,
      resourceAccount: params.resourceAccount || undefined,
      context: params.context,
    },
  );
  // A statement of an AWS managed policy is not in this document: it points at where the template names the policy.
  const simulated = toSimulateResult(result, (trace, span) => spanToRange(document, trace.source === name ? span : whereNamed(file, trace.source, role)));
  const notes = roleNotes(role, assuming, attached);
  return { ...simulated, notes: [...(simulated.notes ?? []), ...notes] };
}

/**
 * Where the file names an AWS managed policy (its ARN in ManagedPolicyArns, or its name in SAM's
 * Policies), for links into the editor; the role's resource when neither is written as such.
 */
function whereNamed(file: PolicyFile, arn: string, role: RolePolicies): Span {
  for (const written of [arn, arn.slice(arn.lastIndexOf('/') + 1)]) {
    const at = file.text.indexOf(written);
    if (at >= 0) return { offset: at, length: written.length };
  }
  return role.role.span ?? { offset: 0, length: 0 };
}

/** What simulating as a role took into account (its AWS managed policies among it), and what it could not. */
export function roleNotes(role: RolePolicies, assuming: boolean, attached: ManagedAttachments = { identity: [], boundary: [], unresolved: [...role.unresolved] }): string[] {
  const name = role.role.name;
  if (assuming) return [`Simulated whether the principal may assume role ${name}: its trust policy against the caller's own policies.`];
  const managed = [...new Set([...attached.identity, ...attached.boundary].map((policy) => policy.source))];
  const identityCount = role.identity.length + new Set(attached.identity.map((policy) => policy.source)).size;
  const notes = [
    `Simulated as role ${name}: ${identityCount} identity ${identityCount === 1 ? 'policy' : 'policies'}${role.boundary || attached.boundary.length > 0 ? ' and its permissions boundary' : ''}.`,
  ];
  if (managed.length > 0) notes.push(`AWS managed policies from the shipped data: ${managed.join(', ')}.`);
  if (attached.unresolved.length > 0) notes.push(`Not in the file, so not evaluated: ${attached.unresolved.join(', ')}.`);
  return notes;
}
