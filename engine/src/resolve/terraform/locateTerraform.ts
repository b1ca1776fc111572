import { attributeOf, blocksOf, type HclBlock, type HclBody, type HclExpression } from '../../hcl/ast';
import { inferStandaloneType } from '../../document/inferType';
import type { FoundPolicy } from '../../document/locate';
import { looksLikePolicy } from '../../document/shape';
import { VPC_ENDPOINT_RESOURCE, type PolicyOwner, type PolicyType } from '../../document/model';
import type { SyntaxProblem } from '../../document/parseJson';
import type { PathSegment, Span, ValueNode } from '../../document/tree';
import { addressOf, indexConfiguration, type TerraformConfig } from './config';
import { evaluate, type Scope } from './evaluate';
import { lowerPolicyDocument, policyDocumentName, type SourceNote } from './lowerPolicyDocument';
import { ORGANIZATIONS_POLICY_TYPES, POLICY_ARGUMENTS } from './policyArguments';
import { policyInString } from './policyInString';

/**
 * Every policy of a Terraform file: each `data "aws_iam_policy_document"` block (typed by where its
 * `.json` is used) and each policy argument of an AWS resource written as `jsonencode({...})`, a
 * heredoc or a quoted JSON string. A policy's path is its Terraform address
 * (`data.aws_iam_policy_document.s3_read`, `aws_iam_role.app.assume_role_policy`), so findings'
 * paths below it read as IAM JSON paths (`Statement[0].Action[1]`).
 */
export interface TerraformPolicies {
  readonly found: FoundPolicy[];
  readonly notes: SourceNote[];
  /** JSON syntax problems of policies written as strings. */
  readonly problems: SyntaxProblem[];
  readonly config: TerraformConfig;
  /** Arguments of this file that name a document (`assume_role_policy = data.aws_iam_policy_document.x.json`). */
  readonly uses: { readonly span: Span; readonly address: string }[];
}

/** A use of a policy document or argument: the type it gives and who owns it. */
interface Use {
  readonly type: PolicyType;
  readonly reason: string;
  readonly owner?: PolicyOwner;
  /** The service applies the policy to the one resource it is attached to: statements leave Resource out. */
  readonly resourceImplied?: boolean;
}

/** Repository policies apply to their repository; their statements name no Resource (as in CloudFormation). */
const RESOURCE_IMPLIED = new Set(['aws_ecr_repository_policy', 'aws_ecrpublic_repository_policy']);

/** The CloudFormation resource type a Terraform resource stands for, where a check or the simulator tells policies apart by it. */
const CLOUDFORMATION_TYPES: Readonly<Record<string, string>> = { aws_vpc_endpoint: VPC_ENDPOINT_RESOURCE, aws_vpc_endpoint_policy: VPC_ENDPOINT_RESOURCE };

export function locateTerraform(body: HclBody, text: string, moduleConfig?: TerraformConfig): TerraformPolicies {
  const config = moduleConfig ?? indexConfiguration([body]);
  const scope: Scope = { config };
  const found: FoundPolicy[] = [];
  const notes: SourceNote[] = [];
  const problems: SyntaxProblem[] = [];
  const documentUses = new Map<string, Use>();
  const boundaries = boundaryPolicies(config);

  const arguments_ = policyArgumentsOf(config, boundaries);
  const uses: { span: Span; address: string }[] = [];
  const ownBlocks = new Set(body.blocks);
  for (const argument of arguments_) {
    const target = throughLocals(argument.expression, config);
    const documentName = policyDocumentName(target);
    if (documentName !== undefined) {
      if (!documentUses.has(documentName)) documentUses.set(documentName, argument.use);
      if (ownBlocks.has(argument.resource)) uses.push({ span: argument.expression.span, address: `data.aws_iam_policy_document.${documentName}` });
    }
  }
  const cache = loweredCache(body, text, moduleConfig);
  for (const block of body.blocks) {
    if (block.type === 'data' && block.labels[0] === 'aws_iam_policy_document' && block.labels[1] !== undefined) {
      const name = block.labels[1];
      const path = ['data', 'aws_iam_policy_document', name];
      const lowered = cache.lower(block, () => lowerPolicyDocument(block, path, scope));
      for (const note of lowered.notes) notes.push({ ...note, path });
      const use = documentUses.get(name);
      const inferred = use ?? { ...toUse(inferStandaloneType(lowered.node)) };
      found.push({ node: lowered.node, placement: placement(inferred, `data.aws_iam_policy_document.${name}`) });
    }
  }
  for (const argument of arguments_) {
    if (!ownBlocks.has(argument.resource)) continue;
    const target = throughLocals(argument.expression, config);
    let node: ValueNode | undefined;
    if (target.kind === 'call' && target.name === 'jsonencode' && target.args.length === 1) {
      node = evaluate(target.args[0]!, argument.path, scope);
    } else if (target.kind === 'template' && target === argument.expression) {
      const inString = policyInString(target, text, argument.path, scope);
      const hasUnknown = inString.problems.length > 0 && /\$\{|%\{/.test(text.slice(target.span.offset, target.span.offset + target.span.length));
      if (hasUnknown) {
        notes.push({ message: `The policy in ${argument.address} is not checked: with its interpolations it is not JSON until Terraform runs.`, span: target.span, path: argument.path });
      } else {
        for (const problem of inString.problems) problems.push(problem);
      }
      node = inString.problems.length > 0 ? undefined : inString.node;
    }
    if (looksLikePolicy(node)) found.push({ node, placement: placement(argument.use, argument.address) });
  }
  return { found, notes, problems, config, uses };
}

/**
 * Lowered documents of the previous parse. A document's lowering depends on its own block and on
 * what its references can name (variables, locals, resources, the documents it merges): while that
 * environment is the same text, a document block whose text is the same lowers the same, with its
 * spans moved by how far the block moved. So a keystroke re-lowers one document, not fifty.
 */
interface LoweredEntry {
  readonly offset: number;
  readonly lowered: ReturnType<typeof lowerPolicyDocument>;
}
let lastEnvironment = '';
let lowered = new Map<string, LoweredEntry>();

function loweredCache(body: HclBody, text: string, moduleConfig: TerraformConfig | undefined) {
  // A module's configuration spans other files: no reuse there (the CLI reads each file once anyway).
  let environment = moduleConfig ? '\u0000module' : '';
  for (const block of body.blocks) {
    if (block.type === 'data' && block.labels[0] === 'aws_iam_policy_document' && !hasMerges(block)) continue;
    environment += `${text.slice(block.span.offset, block.span.offset + block.span.length)}\u0000`;
  }
  const previous = environment === lastEnvironment && !moduleConfig ? lowered : new Map<string, LoweredEntry>();
  const next = new Map<string, LoweredEntry>();
  lastEnvironment = environment;
  lowered = next;
  return {
    lower(block: HclBlock, compute: () => LoweredEntry['lowered']): LoweredEntry['lowered'] {
      const source = text.slice(block.span.offset, block.span.offset + block.span.length);
      const known = previous.get(source);
      const result = known ? (known.offset === block.span.offset ? known.lowered : (shiftSpans(known.lowered, block.span.offset - known.offset) as LoweredEntry['lowered'])) : compute();
      next.set(source, { offset: block.span.offset, lowered: result });
      return result;
    },
  };
}

/** Drops the documents kept for the next read (after a warm-up, which must leave no trace). */
export function forgetLoweredDocuments(): void {
  lastEnvironment = '';
  lowered = new Map();
}

function hasMerges(block: HclBlock): boolean {
  return block.body.attributes.some((attribute) => attribute.name === 'source_policy_documents' || attribute.name === 'override_policy_documents');
}

/** A copy with every span (`{offset, length}`) moved by `delta`; paths and values unchanged. */
export function shiftSpans(value: unknown, delta: number): unknown {
  if (Array.isArray(value)) return value.map((item) => shiftSpans(item, delta));
  if (typeof value !== 'object' || value === null) return value;
  const object = value as Record<string, unknown>;
  if (typeof object.offset === 'number' && typeof object.length === 'number' && Object.keys(object).length === 2) {
    return { offset: (object.offset as number) + delta, length: object.length };
  }
  const copy: Record<string, unknown> = {};
  for (const key in object) copy[key] = key === 'path' ? object[key] : shiftSpans(object[key], delta);
  return copy;
}

function toUse(inferred: { type: PolicyType; reason: string }): Use {
  return { type: inferred.type, reason: inferred.reason };
}

function placement(use: Use, label: string): FoundPolicy['placement'] {
  const base = { type: use.type, typeReason: use.reason, label, allowsIntrinsics: false, ...(use.resourceImplied ? { resourceImplied: true } : {}) };
  return use.owner ? { ...base, owner: use.owner } : base;
}

/** `policy = local.policy` → the expression the local holds (a few steps at most). */
export function throughLocals(expression: HclExpression, config: TerraformConfig): HclExpression {
  let current = expression;
  for (let step = 0; step < 8; step++) {
    if (current.kind !== 'reference' || current.root !== 'local' || current.steps.length !== 1 || typeof current.steps[0] !== 'string') return current;
    const next = config.locals.get(current.steps[0]);
    if (!next) return current;
    current = next;
  }
  return current;
}

export interface PolicyArgumentUse {
  readonly resource: HclBlock;
  readonly expression: HclExpression;
  readonly path: readonly PathSegment[];
  readonly address: string;
  readonly use: Use;
}

/** Every policy argument of every resource of the configuration, with the type it gives its document. */
export function policyArgumentsOf(config: TerraformConfig, boundaries = boundaryPolicies(config)): PolicyArgumentUse[] {
  const uses: PolicyArgumentUse[] = [];
  for (const { mode, block } of config.blocks) {
    const resourceType = block.labels[0] ?? '';
    const table = mode === 'resource' ? POLICY_ARGUMENTS[resourceType] : undefined;
    if (!table) continue;
    const address = addressOf(mode, block);
    for (const [argument, spec] of Object.entries(table)) {
      let type = spec.type;
      let reason = `it is the ${argument} of ${resourceType}`;
      if (resourceType === 'aws_organizations_policy') {
        const kind = attributeOf(block.body, 'type');
        const kindValue = kind ? evaluate(kind.value, [], { config }) : undefined;
        const mapped = kindValue?.kind === 'string' ? ORGANIZATIONS_POLICY_TYPES[kindValue.value] : kind ? undefined : 'scp';
        if (!mapped) continue;
        type = mapped;
        reason = `it is the content of an aws_organizations_policy of type ${type === 'scp' ? 'SERVICE_CONTROL_POLICY' : 'RESOURCE_CONTROL_POLICY'}`;
      } else if (resourceType === 'aws_iam_policy' && boundaries.has(block.labels[1] ?? '')) {
        type = 'boundary';
        reason = 'it is the policy of an aws_iam_policy that a role or user uses as its permissions_boundary';
      }
      const owner = ownerOf(resourceType, address, block, config);
      const use: Use = { type, reason, ...(owner ? { owner } : {}), ...(RESOURCE_IMPLIED.has(resourceType) ? { resourceImplied: true } : {}) };
      if (spec.block) {
        blocksOf(block.body, spec.block).forEach((nested, index) => {
          const written = attributeOf(nested.body, argument);
          if (written) uses.push({ resource: block, expression: written.value, path: [resourceType, block.labels[1]!, spec.block!, index, argument], address: `${address}.${spec.block}[${index}].${argument}`, use });
        });
        continue;
      }
      const written = attributeOf(block.body, argument);
      if (written) uses.push({ resource: block, expression: written.value, path: [resourceType, block.labels[1]!, argument], address: `${address}.${argument}`, use });
    }
  }
  return uses;
}

function ownerOf(resourceType: string, address: string, block: HclBlock, config: TerraformConfig): PolicyOwner | undefined {
  if (resourceType === 'aws_iam_role') return { kind: 'role', name: address };
  if (resourceType === 'aws_iam_policy') return { kind: 'managed-policy', name: address };
  if (resourceType === 'aws_iam_role_policy') {
    const role = roleOfAttachment(block, config);
    return role ? { kind: 'role', name: role } : undefined;
  }
  if (resourceType.startsWith('aws_iam_')) return undefined;
  const cloudFormationType = CLOUDFORMATION_TYPES[resourceType];
  return { kind: 'resource', name: address, ...(cloudFormationType ? { resourceType: cloudFormationType } : {}) };
}

/** The aws_iam_role an attachment's `role` argument names: `aws_iam_role.app.name` / `.id`, or the role's name as text. */
export function roleOfAttachment(block: HclBlock, config: TerraformConfig): string | undefined {
  const role = attributeOf(block.body, 'role')?.value;
  if (!role) return undefined;
  if (role.kind === 'reference' && role.root === 'aws_iam_role' && typeof role.steps[0] === 'string') {
    return config.resources.has(`aws_iam_role.${role.steps[0]}`) ? `aws_iam_role.${role.steps[0]}` : undefined;
  }
  const value = evaluate(role, [], { config });
  if (value.kind !== 'string' || value.unknowns) return undefined;
  for (const [address, resource] of config.resources) {
    if (!address.startsWith('aws_iam_role.')) continue;
    const name = attributeOf(resource.body, 'name')?.value;
    const nameValue = name ? evaluate(name, [], { config }) : undefined;
    if (nameValue?.kind === 'string' && nameValue.value === value.value) return address;
  }
  return undefined;
}

/** Names of aws_iam_policy resources used as a permissions_boundary (`aws_iam_policy.x.arn`). */
function boundaryPolicies(config: TerraformConfig): Set<string> {
  const names = new Set<string>();
  for (const { block } of config.blocks) {
    const boundary = attributeOf(block.body, 'permissions_boundary')?.value;
    if (boundary?.kind === 'reference' && boundary.root === 'aws_iam_policy' && typeof boundary.steps[0] === 'string') names.add(boundary.steps[0]);
  }
  return names;
}
