import { checkAction, getValue, parseJson, simulate, simulatePattern, type Catalog, type ContextValue, type Coverage, type Decision, type PolicySet, type PolicyType, type SourcedPolicy, type ValueNode } from '../../../engine/src';
import { actionsOfPattern } from '../simulation/patternActions';
import { UsageError } from './args';
import { readInput } from './inputs';
import { endpointPolicies, loadPolicyReference } from './loadPolicies';
import { rcpScope } from '../simulation/rcpScope';

export type Expectation = Decision | 'Deny' | Coverage;

export interface PolicyTestResult {
  readonly file: string;
  readonly name: string;
  readonly expect: Expectation;
  /** The decision, or for a pattern expectation the coverage (AllowAll, AllowSome, DenyAll). */
  readonly actual: Decision | Coverage;
  readonly pass: boolean;
  readonly summary: string;
  /** Why the test fails whatever the decision: its request names an action AWS does not have. */
  readonly problem?: string;
  /** Offset of the test in its file, for editors that show failures in place. */
  readonly offset: number;
}

const POLICY_KEYS: Record<string, PolicyType | 'endpoint'> = {
  identity: 'identity',
  resource: 'resource',
  trust: 'trust',
  boundary: 'boundary',
  scp: 'scp',
  rcp: 'rcp',
  session: 'session',
  endpoint: 'endpoint',
};
const SET_KEYS: Record<PolicyType, keyof PolicySet> = {
  identity: 'identity',
  resource: 'resource',
  trust: 'resource',
  boundary: 'boundary',
  scp: 'scp',
  rcp: 'rcp',
  session: 'session',
};
const COVERAGES: readonly Coverage[] = ['AllowAll', 'AllowSome', 'DenyAll'];
const EXPECTATIONS: readonly Expectation[] = ['Allow', 'ExplicitDeny', 'ImplicitDeny', 'Deny', ...COVERAGES];

/** Where the policies a test file names may be read from; the CLI reads whatever its user names. */
export interface PolicyTestOptions {
  /** Folders the named policy files must lie inside (the editor passes its workspace folders). */
  readonly allowedRoots?: readonly string[];
}

/** Runs every test of one `*.iamtest.json` file. Malformed files are usage errors with the reason. */
export function runPolicyTestFile(file: string, catalog: Catalog, options: PolicyTestOptions = {}): PolicyTestResult[] {
  const input = readInput(file);
  if (input.error !== undefined || input.text === undefined) throw new UsageError(`${file}: ${input.error ?? 'cannot be read'}`);
  const { root, syntaxProblems } = parseJson(input.text);
  if (!root || syntaxProblems.length > 0 || root.kind !== 'object') throw new UsageError(`${file}: not a valid policy test file (JSON object expected)`);
  const policies = loadPolicies(getValue(root, 'policies'), file, input.text, options);
  const tests = getValue(root, 'tests');
  if (tests?.kind !== 'array') throw new UsageError(`${file}: "tests" must be an array`);
  return tests.items.map((test, index) => runOne(test, index, policies, file, catalog));
}

function loadPolicies(node: ValueNode | undefined, file: string, text: string, options: PolicyTestOptions): Record<keyof PolicySet, SourcedPolicy[]> {
  if (node?.kind !== 'object') throw new UsageError(`${file}: "policies" must be an object (identity, resource, trust, boundary, scp, rcp, session, endpoint)`);
  const set: Record<keyof PolicySet, SourcedPolicy[]> = { identity: [], resource: [], boundary: [], session: [], scp: [], rcp: [], endpoint: [] };
  for (const property of node.properties) {
    const kind = POLICY_KEYS[property.key];
    if (!kind) throw new UsageError(`${file}: unknown policy kind "${property.key}"`);
    if (!property.value) continue;
    if (kind === 'endpoint') {
      // VPC endpoint policies: resource-based policies that must also allow a request through the endpoint.
      const references = property.value.kind === 'array' ? property.value.items : [property.value];
      for (const reference of references) set.endpoint.push(...endpointPolicies(loadPolicyReference(reference, 'resource', file, text, options.allowedRoots), file));
      continue;
    }
    const type = kind;
    const references = property.value.kind === 'array' ? property.value.items : [property.value];
    references.forEach((reference, index) => {
      // SCPs and RCPs: each entry is one level of the organization; an entry that is itself a list
      // holds the policies attached at that level.
      const level = type === 'scp' || type === 'rcp' ? `${type} ${index + 1}` : undefined;
      const members = level !== undefined && reference.kind === 'array' ? reference.items : [reference];
      if (members.length === 0) throw new UsageError(`${file}: ${level} has no policies (at ${reference.path.join('.')})`);
      for (const member of members) {
        const loaded = loadPolicyReference(member, type, file, text, options.allowedRoots);
        set[SET_KEYS[type]].push(...(level !== undefined ? loaded.map((sourced) => ({ ...sourced, level })) : loaded));
      }
    });
  }
  return set;
}

function runOne(test: ValueNode, index: number, policies: PolicySet, file: string, catalog: Catalog): PolicyTestResult {
  const text = (key: string) => {
    const value = getValue(test, key);
    // A number where an account ID belongs would otherwise be dropped and change the decision unseen.
    if (value === undefined) return undefined;
    if (value.kind !== 'string') throw new UsageError(`${file}: test ${index + 1}: "${key}" must be a string`);
    return value.value;
  };
  const name = text('name') ?? `test ${index + 1}`;
  const expect = text('expect');
  const action = text('action');
  const resource = text('resource');
  if (!expect || !EXPECTATIONS.includes(expect as Expectation)) throw new UsageError(`${file}: ${name}: "expect" must be one of ${EXPECTATIONS.join(', ')}`);
  if (!action || !resource) throw new UsageError(`${file}: ${name}: "action" and "resource" are required`);
  const request = {
    principal: text('principal'),
    resourceAccount: text('resourceAccount'),
    managementAccount: text('managementAccount'),
    context: readContext(getValue(test, 'context'), file, name),
    ...readEndpoint(getValue(test, 'endpoint'), file, name),
  };
  if (COVERAGES.includes(expect as Coverage)) {
    // A question about many requests: "action" and "resource" are patterns (a literal is a pattern matching itself).
    const actions = actionsOfPattern(catalog, action);
    if (actions.length === 0) throw new UsageError(`${file}: ${name}: the action pattern "${action}" matches no action of the catalogue`);
    const answer = simulatePattern(policies, { ...request, actions, resourcePattern: resource }, rcpScope(policies, () => catalog));
    return { file, name, expect: expect as Expectation, actual: answer.coverage, pass: answer.coverage === expect, summary: answer.summary, offset: test.span.offset };
  }
  const result = simulate(policies, { ...request, action, resource }, rcpScope(policies, () => catalog));
  // An action AWS does not have is denied by every policy: a test expecting a deny would pass
  // whatever the policies say, so it fails and says why.
  const unknown = checkAction(action, catalog);
  if (unknown) return { file, name, expect: expect as Expectation, actual: result.decision, pass: false, summary: result.summary, problem: unknown.message, offset: test.span.offset };
  const pass = expect === 'Deny' ? result.decision !== 'Allow' : result.decision === expect;
  return { file, name, expect: expect as Expectation, actual: result.decision, pass, summary: result.summary, offset: test.span.offset };
}

function readContext(node: ValueNode | undefined, file: string, name: string): Record<string, ContextValue> {
  if (!node) return {};
  if (node.kind !== 'object') throw new UsageError(`${file}: ${name}: "context" must be an object`);
  const context: Record<string, ContextValue> = {};
  for (const property of node.properties) {
    const value = property.value;
    if (value?.kind === 'array') context[property.key] = value.items.map(scalarText);
    else if (value) context[property.key] = scalarText(value);
  }
  return context;
}

function scalarText(node: ValueNode): string {
  if (node.kind === 'string') return node.value;
  if (node.kind === 'number' || node.kind === 'boolean') return String(node.value);
  return '';
}

/** `"endpoint": "vpce-…"` or `{"id": "vpce-…", "vpc": "vpc-…"}`: the VPC endpoint the request travels through. */
function readEndpoint(node: ValueNode | undefined, file: string, name: string): { endpoint?: { id?: string; vpc?: string } } {
  if (!node) return {};
  if (node.kind === 'string') return { endpoint: { id: node.value } };
  if (node.kind !== 'object') throw new UsageError(`${file}: ${name}: "endpoint" must be an endpoint ID or {"id", "vpc"}`);
  const part = (key: string) => {
    const value = getValue(node, key);
    if (value !== undefined && value.kind !== 'string') throw new UsageError(`${file}: ${name}: "endpoint.${key}" must be a string`);
    return value?.value;
  };
  return { endpoint: { id: part('id'), vpc: part('vpc') } };
}
