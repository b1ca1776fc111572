import { attributeOf, blocksOf, type HclBlock, type HclBody, type HclExpression } from '../../hcl/ast';
import { inferStandaloneType } from '../../document/inferType';
import type { FoundPolicy } from '../../document/locate';
import { looksLikePolicy } from '../../document/shape';
import { VPC_ENDPOINT_RESOURCE, type PolicyOwner, type PolicyType } from '../../document/model';
import type { SyntaxProblem } from '../../document/parseJson';
import type { PathSegment, Span, ValueNode } from '../../document/tree';
import { addressOf, indexConfiguration, type TerraformConfig } from './config';
import { evaluate, type Scope } from './evaluate';
import { lowerPolicyDocument, policyDocumentNames, type SourceNote } from './lowerPolicyDocument';
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
const RESOURCE_IMPLIED = new Set(['aws_ecr_repository_policy', 'aws_ecrpublic_repository_policy', 'aws_ecr_repository_creation_template']);

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
    for (const documentName of policyDocumentNames(target)) {
      if (!documentUses.has(documentName)) documentUses.set(documentName, argument.use);
      if (ownBlocks.has(argument.resource)) uses.push({ span: argument.expression.span, address: `data.aws_iam_policy_document.${documentName}` });
    }
  }
  const cache = loweredCache(text, config, moduleConfig);
  for (const block of body.blocks) {
    if (block.type === 'data' && block.labels[0] === 'aws_iam_policy_document' && block.labels[1] !== undefined) {
      const name = block.labels[1];
      const path = ['data', 'aws_iam_policy_document', name];
      const lowered = cache.lower(block, (recording) => lowerPolicyDocument(block, path, recording));
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
 * Lowered documents of the previous parse. A document's lowering depends on its own block and on the
 * entries of the configuration its references look up while it is lowered (variables, locals,
 * resources, the documents it merges), and on nothing else. Each lowering records those look-ups; a
 * document block whose text is the same as last time, and whose looked-up entries read the same, lowers
 * the same, with its spans moved by how far the block moved. So a keystroke re-lowers the documents
 * that depend on what changed: the edited one, or those naming an edited variable or bucket, not all fifty.
 *
 * Merged-in statements keep the spans of the document that writes them, so a merged document must
 * also sit at the same distance from this one; a variable's or resource's text only lends values,
 * which take the span of the reference.
 */
interface LoweredEntry {
  readonly offset: number;
  readonly lowered: ReturnType<typeof lowerPolicyDocument>;
  readonly lookups: readonly Lookup[];
}

type LookupKind = 'variables' | 'locals' | 'resources' | 'data';

/** One look-up a lowering made: what it found, as text, and for merged documents where, relative to the document. */
interface Lookup {
  readonly kind: LookupKind;
  readonly key: string;
  readonly text: string | undefined;
  readonly distance?: number;
}

let lowered = new Map<string, LoweredEntry[]>();

function loweredCache(text: string, config: TerraformConfig, moduleConfig: TerraformConfig | undefined) {
  // A module's configuration spans other files: no reuse there (the CLI reads each file once anyway).
  const previous = moduleConfig ? new Map<string, LoweredEntry[]>() : lowered;
  const next = new Map<string, LoweredEntry[]>();
  if (!moduleConfig) lowered = next;
  const spanOfEntry = (kind: LookupKind, key: string): Span | undefined => {
    if (kind === 'variables') return config.variables.get(key)?.block.span;
    if (kind === 'locals') return config.locals.get(key)?.span;
    return (kind === 'resources' ? config.resources : config.data).get(key)?.span;
  };
  const lookupOf = (kind: LookupKind, key: string, offset: number): Lookup => {
    const span = spanOfEntry(kind, key);
    const written = span && text.slice(span.offset, span.offset + span.length);
    return kind === 'data' && span ? { kind, key, text: written, distance: span.offset - offset } : { kind, key, text: written };
  };
  const stillHolds = (lookup: Lookup, offset: number): boolean => {
    const now = lookupOf(lookup.kind, lookup.key, offset);
    return now.text === lookup.text && now.distance === lookup.distance;
  };
  return {
    lower(block: HclBlock, compute: (scope: Scope) => LoweredEntry['lowered']): LoweredEntry['lowered'] {
      const { offset, length } = block.span;
      const source = text.slice(offset, offset + length);
      const known = previous.get(source)?.find((entry) => entry.lookups.every((lookup) => stillHolds(lookup, offset)));
      let entry: LoweredEntry;
      if (known) {
        entry = known.offset === offset ? known : { ...known, offset, lowered: shiftSpans(known.lowered, offset - known.offset) as LoweredEntry['lowered'] };
      } else {
        const looked = new Map<string, { kind: LookupKind; key: string }>();
        const lowered = compute({ config: recordingConfig(config, (kind, key) => looked.set(`${kind}\u0000${key}`, { kind, key })) });
        entry = { offset, lowered, lookups: [...looked.values()].map(({ kind, key }) => lookupOf(kind, key, offset)) };
      }
      const same = next.get(source);
      if (same) same.push(entry);
      else next.set(source, [entry]);
      return entry.lowered;
    },
  };
}

/** `config`, telling `looked` of each entry asked for by name. Lowering asks by name only; listing all is not offered. */
function recordingConfig(config: TerraformConfig, looked: (kind: LookupKind, key: string) => void): TerraformConfig {
  const watch = <V>(kind: LookupKind, map: ReadonlyMap<string, V>): ReadonlyMap<string, V> => new LookupRecorder(map, (key) => looked(kind, key));
  return { ...config, variables: watch('variables', config.variables), locals: watch('locals', config.locals), resources: watch('resources', config.resources), data: watch('data', config.data) };
}

class LookupRecorder<V> implements ReadonlyMap<string, V> {
  constructor(
    private readonly map: ReadonlyMap<string, V>,
    private readonly looked: (key: string) => void,
  ) {}

  get(key: string): V | undefined {
    this.looked(key);
    return this.map.get(key);
  }

  has(key: string): boolean {
    this.looked(key);
    return this.map.has(key);
  }

  // Whatever walks the whole table depends on all of it: no lowering does, and none may without a way to record it.
  get size(): number {
    return unrecorded();
  }
  forEach(): void {
    unrecorded();
  }
  entries(): MapIterator<[string, V]> {
    return unrecorded();
  }
  keys(): MapIterator<string> {
    return unrecorded();
  }
  values(): MapIterator<V> {
    return unrecorded();
  }
  [Symbol.iterator](): MapIterator<[string, V]> {
    return unrecorded();
  }
}

function unrecorded(): never {
  throw new Error('a policy document\'s lowering listed a table of the configuration: its reuse could not be checked');
}

/** Drops the documents kept for the next read (after a warm-up, which must leave no trace). */
export function forgetLoweredDocuments(): void {
  lowered = new Map();
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
