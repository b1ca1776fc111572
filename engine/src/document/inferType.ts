import { isObject, stringsOf, type PolicyType } from './model';
import { getProperty, getValue, type ValueNode } from './tree';

export interface InferredType {
  readonly type: PolicyType;
  readonly reason: string;
}

const TRUST_ACTION = /^sts:(AssumeRole\w*|TagSession|SetSourceIdentity|SetContext|\*)$/i;

/**
 * Infers the type of a standalone policy document from what it contains and what its file is called.
 * A Principal makes it a trust policy when every action is an sts:AssumeRole* (or a session tagging
 * companion), else a resource policy; no Principal makes it an identity policy. The file name can say
 * more than the content can: `*.scp.json`, `my-boundary.json`, `session-policy.json`.
 */
export function inferStandaloneType(document: ValueNode, fileName?: string): InferredType {
  const fromName = typeFromFileName(fileName);
  const content = inferFromContent(document);
  if (fromName && isCompatible(fromName, content.type)) {
    return { type: fromName, reason: `the file name says ${fromName}` };
  }
  return content;
}

function inferFromContent(document: ValueNode): InferredType {
  const statementsNode = getValue(document, 'Statement');
  const statements = statementsNode?.kind === 'array' ? statementsNode.items : statementsNode ? [statementsNode] : [];
  let hasPrincipal = false;
  let resourceSigns = false;
  for (const statement of statements) {
    if (!isObject(statement)) continue;
    if (getProperty(statement, 'Principal') || getProperty(statement, 'NotPrincipal')) hasPrincipal = true;
    // The actions decide: only sts:AssumeRole* and friends make a trust policy (a stray Resource in one
    // is a mistake to report, not a different kind of policy). Half-typed entries ("") say nothing, so
    // while no action is typed yet, a Resource element is what tells a resource policy apart.
    const actions = stringsOf(getValue(statement, 'Action') ?? getValue(statement, 'NotAction')).filter((action) => action.value !== '');
    if (getProperty(statement, 'NotAction') || actions.some((action) => !TRUST_ACTION.test(action.value))) resourceSigns = true;
    if (actions.length === 0 && (getProperty(statement, 'Resource') || getProperty(statement, 'NotResource'))) resourceSigns = true;
  }
  if (!hasPrincipal) return { type: 'identity', reason: 'no statement names a Principal' };
  if (!resourceSigns) return { type: 'trust', reason: 'it names principals that may assume a role (sts:AssumeRole*)' };
  return { type: 'resource', reason: 'its statements name a Principal' };
}

const NAME_HINTS: readonly [RegExp, PolicyType][] = [
  [/(^|[^a-z])scps?([^a-z]|$)/, 'scp'],
  [/(^|[^a-z])rcps?([^a-z]|$)/, 'rcp'],
  [/boundary/, 'boundary'],
  [/(^|[^a-z])session([^a-z]|$)/, 'session'],
  [/trust/, 'trust'],
];

export function typeFromFileName(fileName: string | undefined): PolicyType | undefined {
  if (!fileName) return undefined;
  const base = fileName.split(/[\\/]/).pop()!.toLowerCase();
  return NAME_HINTS.find(([pattern]) => pattern.test(base))?.[1];
}

// A file named like an SCP that names principals is not an SCP; trust the content then.
function isCompatible(fromName: PolicyType, fromContent: PolicyType): boolean {
  const principalTypes: PolicyType[] = ['trust', 'resource', 'rcp'];
  return principalTypes.includes(fromName) === (fromContent !== 'identity');
}
