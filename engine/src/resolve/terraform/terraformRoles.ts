import { attributeOf, blocksOf, type HclBlock, type HclExpression } from '../../hcl/ast';
import type { Policy, PolicyType } from '../../document/model';
import type { PolicyFile } from '../../document/policyFile';
import { readPolicy } from '../../document/readPolicy';
import { formatPath } from '../../document/tree';
import type { RolePolicies, RoleSummary } from '../../evaluate/roles';
import type { TerraformModule } from './terraformModule';
import { evaluate } from './evaluate';
import { policyDocumentNames } from './lowerPolicyDocument';
import { roleOfAttachment, throughLocals } from './locateTerraform';

/** A policy of the module with the file it is written in, for results that point at it. */
export interface TerraformRolePolicy {
  readonly policy: Policy;
  readonly file: PolicyFile;
  readonly fileName: string;
}

export interface TerraformRole {
  readonly role: RolePolicies;
  /** The file of each policy of `role` (a module's policies are spread over its files). */
  readonly fileOf: ReadonlyMap<Policy, { file: PolicyFile; fileName: string }>;
}

/** The `aws_iam_role` resources of a module: address, label and `name`. */
export function terraformRoles(module: TerraformModule): RoleSummary[] {
  return [...module.config.resources.entries()].filter(([address]) => address.startsWith('aws_iam_role.')).map(([address, block]) => summaryOf(address, block, module));
}

function summaryOf(address: string, block: HclBlock, module: TerraformModule): RoleSummary {
  const written = attributeOf(block.body, 'name')?.value;
  const name = written ? evaluate(written, [], { config: module.config }) : undefined;
  return { name: name?.kind === 'string' && !name.unknowns ? name.value : address, logicalId: address };
}

/**
 * One role of a Terraform module, found by address (`aws_iam_role.app`), label (`app`) or `name`,
 * with every policy that applies to it in the same configuration: `assume_role_policy`,
 * `inline_policy` blocks, `aws_iam_role_policy` resources whose `role` is it, the aws_iam_policy
 * resources it attaches (`aws_iam_role_policy_attachment`, `aws_iam_policy_attachment`,
 * `managed_policy_arns`) and its `permissions_boundary`. Policies the module does not hold (AWS
 * managed ones, other modules) are listed as unresolved.
 */
export function collectTerraformRole(module: TerraformModule, wanted: string): TerraformRole | undefined {
  const entry = [...module.config.resources.entries()].find(
    ([address, block]) => address.startsWith('aws_iam_role.') && (address === wanted || block.labels[1] === wanted || summaryOf(address, block, module).name === wanted),
  );
  if (!entry) return undefined;
  const [address, block] = entry;
  const label = block.labels[1]!;
  const fileOf = new Map<Policy, { file: PolicyFile; fileName: string }>();
  const located = (path: string, type: PolicyType): Policy | undefined => {
    for (const { name, file } of module.files) {
      const policy = file.policies.find((candidate) => formatPath(candidate.path) === path);
      if (!policy) continue;
      const typed = policy.type === type ? policy : readPolicy(policy.node, { type, typeReason: `it is the ${type} policy of the role being simulated`, label: policy.label, allowsIntrinsics: false, ...(policy.owner ? { owner: policy.owner } : {}) });
      fileOf.set(typed, { file, fileName: name });
      return typed;
    }
    return undefined;
  };
  /** The policy an argument holds: the document its `.json` names, or what is written in the argument itself. */
  const argumentPolicy = (expression: HclExpression | undefined, argumentAddress: string, type: PolicyType): Policy | undefined => {
    if (!expression) return undefined;
    const target = throughLocals(expression, module.config);
    // `one(data.aws_iam_policy_document.x[*].json)` names one document for certain; a condition's
    // branch (`c ? x.json : var.p`) holds only if the condition does, so it is not taken for the role.
    const names = target.kind === 'conditional' ? [] : policyDocumentNames(target);
    const document = names.length === 1 ? names[0] : undefined;
    return located(document !== undefined ? `data.aws_iam_policy_document.${document}` : argumentAddress, type);
  };
  const unresolved: string[] = [];
  const identity: Policy[] = [];
  const add = (policy: Policy | undefined) => {
    if (policy && !identity.includes(policy)) identity.push(policy);
  };
  /** `aws_iam_policy.x.arn` → that policy's document; anything else is not in the module. */
  const managed = (expression: HclExpression, type: PolicyType): Policy | undefined => {
    if (expression.kind === 'reference' && expression.root === 'aws_iam_policy' && typeof expression.steps[0] === 'string') {
      const policyBlock = module.config.resources.get(`aws_iam_policy.${expression.steps[0]}`);
      const policy = policyBlock && argumentPolicy(attributeOf(policyBlock.body, 'policy')?.value, `aws_iam_policy.${expression.steps[0]}.policy`, type);
      if (policy) return policy;
    }
    const value = evaluate(expression, [], { config: module.config });
    unresolved.push(value.kind === 'string' && !value.unknowns ? value.value : 'text' in expression ? expression.text : expression.kind);
    return undefined;
  };

  const trust = argumentPolicy(attributeOf(block.body, 'assume_role_policy')?.value, `${address}.assume_role_policy`, 'trust');
  blocksOf(block.body, 'inline_policy').forEach((inline, index) => add(argumentPolicy(attributeOf(inline.body, 'policy')?.value, `${address}.inline_policy[${index}].policy`, 'identity')));
  const arns = attributeOf(block.body, 'managed_policy_arns')?.value;
  for (const item of arns?.kind === 'tuple' ? arns.items : arns ? [arns] : []) add(managed(item, 'identity'));
  for (const [otherAddress, other] of module.config.resources) {
    const type = other.labels[0];
    if (type === 'aws_iam_role_policy' && roleOfAttachment(other, module.config) === address) {
      add(argumentPolicy(attributeOf(other.body, 'policy')?.value, `${otherAddress}.policy`, 'identity'));
    } else if (type === 'aws_iam_role_policy_attachment' && roleOfAttachment(other, module.config) === address) {
      const arn = attributeOf(other.body, 'policy_arn')?.value;
      if (arn) add(managed(arn, 'identity'));
    } else if (type === 'aws_iam_policy_attachment' && attachesRole(other, address, label)) {
      const arn = attributeOf(other.body, 'policy_arn')?.value;
      if (arn) add(managed(arn, 'identity'));
    }
  }
  const boundaryExpression = attributeOf(block.body, 'permissions_boundary')?.value;
  const boundary = boundaryExpression ? managed(boundaryExpression, 'boundary') : undefined;
  // A boundary outside the module (an AWS managed policy ARN) is the last unresolved entry.
  const unresolvedBoundary = boundaryExpression && !boundary ? unresolved[unresolved.length - 1] : undefined;
  const summary = summaryOf(address, block, module);
  return { role: { role: summary, trust, identity, boundary, unresolved, ...(unresolvedBoundary !== undefined ? { unresolvedBoundary } : {}) }, fileOf };
}

/** `roles = [aws_iam_role.app.name, ...]` of an aws_iam_policy_attachment. */
function attachesRole(block: HclBlock, address: string, label: string): boolean {
  const roles = attributeOf(block.body, 'roles')?.value;
  const items = roles?.kind === 'tuple' ? roles.items : [];
  return items.some((item) => item.kind === 'reference' && item.root === 'aws_iam_role' && item.steps[0] === label) || items.some((item) => item.kind === 'reference' && `${item.root}.${String(item.steps[0])}` === address);
}
