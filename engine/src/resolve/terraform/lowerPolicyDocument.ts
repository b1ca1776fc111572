import { attributeOf, blocksOf, type HclBlock, type HclBody, type HclExpression, type HclStep } from '../../hcl/ast';
import { templateString, unknownValue, type UnknownPart } from '../../document/unknown';
import type { ObjectNode, PathSegment, PropertyNode, Span, ValueNode } from '../../document/tree';
import { evaluate, type Scope } from './evaluate';

/**
 * `data "aws_iam_policy_document"` as the policy JSON it produces: `statement` blocks become
 * Statement objects (`actions` → Action, `principals` blocks → Principal, `condition` blocks →
 * Condition), with every span on the HCL that wrote it, so that every rule, hover and the simulator
 * read it as they read JSON. The provider's defaults appear as values of origin 'default'
 * (`Version` 2012-10-17, `Effect` Allow).
 *
 * `source_policy_documents` and `override_policy_documents` are merged as the provider merges them:
 * the sources' statements first, then this document's own (one with the Sid of a source statement
 * takes its place), then each override in order (a statement with the Sid of an earlier one replaces
 * it, others are appended).
 */
export interface SourceNote {
  readonly message: string;
  readonly span: Span;
  readonly path: readonly PathSegment[];
}

export interface LoweredDocument {
  readonly node: ObjectNode;
  /** What could not be checked (a `dynamic "statement"` over values known only at apply). */
  readonly notes: readonly SourceNote[];
}

const DEFAULT_VERSION = '2012-10-17';
const MERGE_ARGUMENTS = ['source_policy_documents', 'override_policy_documents'];
const STRING_LISTS: readonly [argument: string, element: string][] = [
  ['actions', 'Action'],
  ['not_actions', 'NotAction'],
  ['resources', 'Resource'],
  ['not_resources', 'NotResource'],
];

interface Lowering {
  readonly scope: Scope;
  readonly notes: SourceNote[];
  /** Documents being lowered, against `a` merging `b` merging `a`. */
  readonly visiting: readonly string[];
}

export function lowerPolicyDocument(block: HclBlock, path: readonly PathSegment[], scope: Scope): LoweredDocument {
  const notes: SourceNote[] = [];
  const node = lower(block, path, { scope, notes, visiting: [block.labels[1] ?? ''] });
  return { node, notes };
}

function lower(block: HclBlock, path: readonly PathSegment[], lowering: Lowering): ObjectNode {
  const body = block.body;
  const properties: PropertyNode[] = [];
  const header = block.labelSpans[1] ?? block.typeSpan;
  const version = attributeOf(body, 'version');
  properties.push(
    version
      ? property('Version', version.nameSpan, version.span, evaluate(version.value, [...path, 'Version'], lowering.scope))
      : property('Version', header, header, templateString([DEFAULT_VERSION], { span: header, path: [...path, 'Version'], origin: 'default' })),
  );
  const policyId = attributeOf(body, 'policy_id');
  if (policyId) properties.push(property('Id', policyId.nameSpan, policyId.span, evaluate(policyId.value, [...path, 'Id'], lowering.scope)));
  const notesBefore = lowering.notes.length;
  const statements = mergedStatements(block, [...path, 'Statement'], lowering);
  const blocks = blocksOf(body, 'statement');
  const dynamics = body.blocks.filter((candidate) => candidate.type === 'dynamic' && candidate.labels[0] === 'statement');
  const unchecked = lowering.notes.length > notesBefore;
  if (statements.length === 0 && (dynamics.length > 0 || unchecked)) {
    // Every statement comes from a dynamic block or a merged document, and none came out of them
    // before Terraform runs (a for_each over an input, one the defaults leave empty as modules switch
    // statements on and off, `source_policy_documents = compact([...])`). The statements are the
    // caller's to choose: unknown, not an empty list (IAM004 would call the document empty). What
    // could not be read is reported on its own (IAM023).
    const sources = [...dynamics.map((dynamic) => dynamic.span), ...MERGE_ARGUMENTS.flatMap((name) => attributeOf(body, name)?.span ?? [])];
    const span = sources.length > 0 ? cover(sources) : header;
    const statementPath = [...path, 'Statement'];
    const chosen = unknownValue({ source: 'dynamic "statement"', reason: 'statements made from the configuration\'s inputs', span }, { span, path: statementPath });
    properties.push(property('Statement', dynamics[0]?.typeSpan ?? span, span, chosen));
    return { kind: 'object', properties, span: block.span, path };
  }
  const statementSpan = blocks.length > 0 ? cover(blocks.map((statement) => statement.span)) : header;
  properties.push(property('Statement', blocks[0]?.typeSpan ?? header, statementSpan, { kind: 'array', items: statements, span: statementSpan, path: [...path, 'Statement'] }));
  return { kind: 'object', properties, span: block.span, path };
}

function mergedStatements(block: HclBlock, path: readonly PathSegment[], lowering: Lowering): ValueNode[] {
  const merged: ValueNode[] = [];
  const place = (statement: (index: number) => ValueNode, sid: string | undefined, replaceSameSid: boolean) => {
    const at = sid ? merged.findIndex((existing) => sidOf(existing) === sid) : -1;
    if (at >= 0 && replaceSameSid) merged[at] = statement(at);
    else merged.push(statement(merged.length));
  };
  for (const source of documentsIn(block.body, 'source_policy_documents', lowering)) {
    for (const statement of source.statements) place((index) => lowerStatement(statement.block, [...path, index], statement.scope, lowering), sidText(statement.block, statement.scope), false);
  }
  for (const statement of ownStatements(block.body, lowering)) {
    place((index) => lowerStatement(statement.block, [...path, index], statement.scope, lowering), sidText(statement.block, statement.scope), true);
  }
  for (const override of documentsIn(block.body, 'override_policy_documents', lowering)) {
    for (const statement of override.statements) place((index) => lowerStatement(statement.block, [...path, index], statement.scope, lowering), sidText(statement.block, statement.scope), true);
  }
  // Statements placed before a replacement keep their index; the final positions are the paths.
  return merged.map((statement, index) => (statement.path[statement.path.length - 1] === index ? statement : relocate(statement, [...path, index])));
}

interface ScopedStatement {
  readonly block: HclBlock;
  readonly scope: Scope;
}

/** The `statement` blocks of a document, `dynamic "statement"` blocks expanded where their values are static. */
function ownStatements(body: HclBody, lowering: Lowering): ScopedStatement[] {
  const statements: ScopedStatement[] = [];
  for (const block of body.blocks) {
    if (block.type === 'statement') statements.push({ block, scope: lowering.scope });
    // A loop, not push(...): a static for_each may hold more items than a call takes arguments.
    else if (block.type === 'dynamic' && block.labels[0] === 'statement') for (const statement of expandDynamic(block, lowering)) statements.push(statement);
  }
  return statements;
}

function expandDynamic(block: HclBlock, lowering: Lowering): ScopedStatement[] {
  const content = blocksOf(block.body, 'content')[0];
  const forEach = attributeOf(block.body, 'for_each');
  const iterator = attributeOf(block.body, 'iterator');
  const name = iterator?.value.kind === 'reference' ? iterator.value.root : 'statement';
  const values = forEach ? evaluate(forEach.value, [], lowering.scope) : undefined;
  const entries: [key: ValueNode, value: ValueNode][] | undefined =
    values?.kind === 'array'
      ? values.items.map((item, index) => [{ kind: 'number', value: index, raw: String(index), span: item.span, path: [] }, item])
      : values?.kind === 'object'
        ? values.properties.filter((entry) => entry.value).map((entry) => [{ kind: 'string', value: entry.key, span: entry.keySpan, path: [] }, entry.value!])
        : undefined;
  if (!content || !entries || entries.some(([, value]) => value.kind === 'string' && value.unknowns)) {
    lowering.notes.push({
      message: `This dynamic "statement" block is not checked: its for_each (${forEach ? sourceText(forEach.value) : 'missing'}) is known only when Terraform runs.`,
      span: block.typeSpan,
      path: [],
    });
    return [];
  }
  return entries.map(([key, value]) => {
    const binding: ObjectNode = {
      kind: 'object',
      properties: [property('key', key.span, key.span, key), property('value', value.span, value.span, value)],
      span: value.span,
      path: [],
    };
    const bindings = new Map(lowering.scope.bindings ?? []);
    bindings.set(name, binding);
    return { block: { ...content, type: 'statement' }, scope: { ...lowering.scope, bindings } };
  });
}

function sourceText(expression: HclExpression): string {
  return 'text' in expression ? expression.text : expression.kind;
}

/** The documents named in a merge argument: `[data.aws_iam_policy_document.x.json, ...]`. */
function documentsIn(body: HclBody, argument: string, lowering: Lowering): { statements: ScopedStatement[] }[] {
  const written = attributeOf(body, argument);
  if (!written) return [];
  const items = written.value.kind === 'tuple' ? written.value.items : [written.value];
  const documents: { statements: ScopedStatement[] }[] = [];
  for (const item of items) {
    const name = policyDocumentName(item);
    const block = name ? lowering.scope.config.data.get(`aws_iam_policy_document.${name}`) : undefined;
    if (!name || !block || lowering.visiting.includes(name)) {
      lowering.notes.push({ message: `${sourceText(item)} is not merged into this document for checking: only other aws_iam_policy_document data sources of this configuration are.`, span: item.span, path: [] });
      continue;
    }
    // A merged document brings its own merges: its sources first, then its statements, as Terraform builds its JSON.
    const inner: Lowering = { ...lowering, visiting: [...lowering.visiting, name] };
    const statements = [
      ...documentsIn(block.body, 'source_policy_documents', inner).flatMap((document) => document.statements),
      ...ownStatements(block.body, inner),
      ...documentsIn(block.body, 'override_policy_documents', inner).flatMap((document) => document.statements),
    ];
    documents.push({ statements });
  }
  return documents;
}

/**
 * `data.aws_iam_policy_document.NAME.json` (or `.minified_json`) → NAME; also `NAME[0].json` and
 * `NAME[*].json`, the instances of a document with `count` (modules switch documents on and off that way).
 */
export function policyDocumentName(expression: HclExpression): string | undefined {
  if (expression.kind !== 'reference' || expression.root !== 'data') return undefined;
  const [type, name, ...rest] = expression.steps;
  if (type !== 'aws_iam_policy_document' || typeof name !== 'string') return undefined;
  const attribute = rest.length === 2 && typeof rest[0] === 'number' ? rest[1] : rest.length === 1 ? attributeOrSplat(rest[0]) : undefined;
  return attribute === 'json' || attribute === 'minified_json' ? name : undefined;
}

/** `.json`, or `[*].json` (the splat of a counted document, one JSON per instance). */
function attributeOrSplat(step: HclStep | undefined): HclStep | undefined {
  return typeof step === 'object' && 'splat' in step ? (step.then.length === 1 ? step.then[0] : undefined) : step;
}

// Functions modules wrap a counted document's JSON in, which return one of their arguments (or its only item).
const PASSING_ON = new Set(['one', 'try', 'coalesce', 'element']);

/**
 * The documents an argument may take: the one it names, those of either branch of
 * `cond ? data.aws_iam_policy_document.x[0].json : var.policy`, or the one inside
 * `one(data.aws_iam_policy_document.x[*].json)`.
 */
export function policyDocumentNames(expression: HclExpression): string[] {
  if (expression.kind === 'conditional') return [...policyDocumentNames(expression.whenTrue), ...policyDocumentNames(expression.whenFalse)];
  if (expression.kind === 'call') return PASSING_ON.has(expression.name) ? expression.args.flatMap(policyDocumentNames) : [];
  const name = policyDocumentName(expression);
  return name === undefined ? [] : [name];
}

function sidText(block: HclBlock, scope: Scope): string | undefined {
  const sid = attributeOf(block.body, 'sid');
  if (!sid) return undefined;
  const value = evaluate(sid.value, [], scope);
  return value.kind === 'string' && !value.unknowns && value.value !== '' ? value.value : undefined;
}

function sidOf(statement: ValueNode): string | undefined {
  if (statement.kind !== 'object') return undefined;
  const sid = statement.properties.find((entry) => entry.key === 'Sid')?.value;
  return sid?.kind === 'string' && !sid.unknowns && sid.value !== '' ? sid.value : undefined;
}

function lowerStatement(block: HclBlock, path: readonly PathSegment[], scope: Scope, lowering: Lowering): ObjectNode {
  const body = block.body;
  const properties: PropertyNode[] = [];
  const sid = attributeOf(body, 'sid');
  if (sid) properties.push(property('Sid', sid.nameSpan, sid.span, evaluate(sid.value, [...path, 'Sid'], scope)));
  const effect = attributeOf(body, 'effect');
  properties.push(
    effect
      ? property('Effect', effect.nameSpan, effect.span, evaluate(effect.value, [...path, 'Effect'], scope))
      : property('Effect', block.typeSpan, block.typeSpan, templateString(['Allow'], { span: block.typeSpan, path: [...path, 'Effect'], origin: 'default' })),
  );
  for (const [argument, element] of STRING_LISTS) {
    const written = attributeOf(body, argument);
    if (written) properties.push(property(element, written.nameSpan, written.span, evaluate(written.value, [...path, element], scope)));
  }
  for (const [blockType, element] of [['principals', 'Principal'], ['not_principals', 'NotPrincipal']] as const) {
    const principal = lowerPrincipals(blocksOf(body, blockType), [...path, element], scope);
    if (principal) properties.push(principal);
  }
  const condition = lowerConditions(blocksOf(body, 'condition'), [...path, 'Condition'], scope);
  if (condition) properties.push(condition);
  // Anything else in a statement block is an argument the provider does not know: kept under its own
  // name so the unknown-element rule reports it where it is written.
  const known = new Set(['sid', 'effect', ...STRING_LISTS.map(([argument]) => argument)]);
  for (const attribute of body.attributes) {
    if (!known.has(attribute.name)) properties.push(property(attribute.name, attribute.nameSpan, attribute.span, evaluate(attribute.value, [...path, attribute.name], scope)));
  }
  void lowering;
  return { kind: 'object', properties, span: block.span, path };
}

/** `principals { type = "Service" identifiers = [...] }` blocks → `{"Service": [...]}`; `type = "*"` with `["*"]` → `"*"`. */
function lowerPrincipals(blocks: readonly HclBlock[], path: readonly PathSegment[], scope: Scope): PropertyNode | undefined {
  if (blocks.length === 0) return undefined;
  const key = path[path.length - 1] as string;
  const span = cover(blocks.map((block) => block.span));
  const entries: PropertyNode[] = [];
  const unreadable: UnknownPart[] = [];
  for (const block of blocks) {
    const type = attributeOf(block.body, 'type');
    const identifiers = attributeOf(block.body, 'identifiers');
    const typeValue = type ? evaluate(type.value, [], scope) : undefined;
    const typeName = typeValue?.kind === 'string' && !typeValue.unknowns ? typeValue.value : undefined;
    if (typeName === undefined) {
      // A type known only when Terraform runs (`type = element(keys(var.principals), count.index)`)
      // cannot be a key of the Principal object: kept to say so below.
      if (typeValue?.kind === 'string') unreadable.push(...(typeValue.unknowns ?? []));
      continue;
    }
    if (typeName === '*' && blocks.length === 1) {
      const value = identifiers ? evaluate(identifiers.value, path, scope) : undefined;
      const only = value?.kind === 'array' && value.items.length === 1 ? value.items[0] : value;
      if (only?.kind === 'string' && only.value === '*') return property(key, block.typeSpan, span, { ...only, path });
    }
    const entryPath = [...path, typeName];
    const existing = entries.find((entry) => entry.key === typeName);
    const value = identifiers ? evaluate(identifiers.value, entryPath, scope) : undefined;
    if (existing && existing.value?.kind === 'array' && value?.kind === 'array') {
      const items = [...existing.value.items, ...value.items.map((item, index) => relocate(item, [...entryPath, existingLength(existing) + index]))];
      entries[entries.indexOf(existing)] = { ...existing, span: cover([existing.span, block.span]), value: { ...existing.value, items, span: cover([existing.value.span, value.span]) } };
    } else {
      entries.push(property(typeName, type!.value.span, identifiers ? cover([type!.span, identifiers.span]) : type!.span, value));
    }
  }
  if (entries.length === 0 && unreadable.length > 0) {
    // Every principal's type is unknown: the statement names principals, which ones is not known
    // (not an empty Principal, which IAM017 would report as applying to nobody).
    return property(key, blocks[0]!.typeSpan, span, templateString(unreadable, { span, path, origin: 'derived' }));
  }
  return property(key, blocks[0]!.typeSpan, span, { kind: 'object', properties: entries, span, path });
}

function existingLength(entry: PropertyNode): number {
  return entry.value?.kind === 'array' ? entry.value.items.length : 0;
}

/** `condition { test = "StringEquals" variable = "aws:SourceAccount" values = [...] }` → `{"StringEquals": {"aws:SourceAccount": [...]}}`. */
function lowerConditions(blocks: readonly HclBlock[], path: readonly PathSegment[], scope: Scope): PropertyNode | undefined {
  if (blocks.length === 0) return undefined;
  const span = cover(blocks.map((block) => block.span));
  const operators: PropertyNode[] = [];
  const unreadable: UnknownPart[] = [];
  for (const block of blocks) {
    const test = attributeOf(block.body, 'test');
    const variable = attributeOf(block.body, 'variable');
    const values = attributeOf(block.body, 'values');
    const testValue = test ? evaluate(test.value, [], scope) : undefined;
    const variableValue = variable ? evaluate(variable.value, [], scope) : undefined;
    if (testValue?.kind !== 'string' || testValue.unknowns || variableValue?.kind !== 'string' || variableValue.unknowns) {
      // An operator or key known only when Terraform runs (`autoscaling:ResourceTag/kubernetes.io/cluster/${var.cluster}`)
      // cannot be a key of the Condition object: what makes it unknown is kept to say so below.
      for (const value of [testValue, variableValue]) if (value?.kind === 'string') unreadable.push(...(value.unknowns ?? []));
      continue;
    }
    const operatorPath = [...path, testValue.value];
    const keyPath = [...operatorPath, variableValue.value];
    const entry = property(variableValue.value, variable!.value.span, cover([variable!.span, values?.span ?? variable!.span]), values ? evaluate(values.value, keyPath, scope) : undefined);
    const existing = operators.findIndex((operator) => operator.key === testValue.value);
    if (existing >= 0 && operators[existing]!.value?.kind === 'object') {
      const object = operators[existing]!.value as ObjectNode;
      operators[existing] = { ...operators[existing]!, span: cover([operators[existing]!.span, block.span]), value: { ...object, properties: [...object.properties, entry], span: cover([object.span, block.span]) } };
    } else {
      operators.push(property(testValue.value, test!.value.span, block.span, { kind: 'object', properties: [entry], span: block.span, path: operatorPath }));
    }
  }
  if (operators.length === 0 && unreadable.length > 0) {
    // Every condition is unknown: the statement has conditions, which ones is not known. Not an empty
    // Condition (IAM017 would say it tests nothing), and a simulation names the unknowns it rests on.
    return property('Condition', blocks[0]!.typeSpan, span, templateString(unreadable, { span, path, origin: 'derived' }));
  }
  return property('Condition', blocks[0]!.typeSpan, span, { kind: 'object', properties: operators, span, path });
}

function property(key: string, keySpan: Span, span: Span, value: ValueNode | undefined): PropertyNode {
  return { key, keySpan, span, value };
}

/** The smallest span holding all of these. */
export function cover(spans: readonly Span[]): Span {
  let start = Infinity;
  let end = -Infinity;
  for (const span of spans) {
    start = Math.min(start, span.offset);
    end = Math.max(end, span.offset + span.length);
  }
  return start === Infinity ? { offset: 0, length: 0 } : { offset: start, length: end - start };
}

/** The same node at another path (a statement moved by a merge), children included. */
export function relocate(node: ValueNode, path: readonly PathSegment[]): ValueNode {
  switch (node.kind) {
    case 'array':
      return { ...node, path, items: node.items.map((item, index) => relocate(item, [...path, index])) };
    case 'object':
      return { ...node, path, properties: node.properties.map((entry) => ({ ...entry, value: entry.value && relocate(entry.value, [...path, entry.key]) })) };
    default:
      return { ...node, path };
  }
}
