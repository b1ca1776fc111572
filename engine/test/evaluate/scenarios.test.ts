import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { parsePolicyFile, simulate, simulatePattern, type PolicySet, type PolicyType, type SourcedPolicy, type StatementTrace } from '../../src';

/**
 * Walks engine/test/scenarios/**.json. Each file: {description, policies, request, expect}; see
 * docs/evaluation.md for the format. Every scenario runs twice, with the full trace and with the
 * deciding-only trace, and both must agree.
 */
const SCENARIOS = path.resolve(__dirname, '../../../../engine/test/scenarios');

interface Scenario {
  description: string;
  policies: Record<string, unknown>;
  request: {
    principal?: string;
    action: string;
    resource: string;
    resourceAccount?: string;
    managementAccount?: string;
    context?: Record<string, string | string[]>;
    /** A question about many requests: these actions on every resource the pattern matches. */
    actions?: string[];
    resourcePattern?: string;
    /** The VPC endpoint the request travels through. */
    endpoint?: { id?: string; vpc?: string };
  };
  expect: {
    /** For pattern questions: AllowAll, AllowSome or DenyAll, and the witnesses of each side. */
    coverage?: string;
    allowed?: { action: string; resource: string };
    denied?: { action: string; resource: string; decision?: string };
    decision?: string; decidingStatements?: string[]; missingContextKeys?: string[]; serviceRule?: string; noteIncludes?: string };
}

const KINDS: Record<string, { set: keyof PolicySet; type: PolicyType; levels?: boolean; role?: 'endpoint' }> = {
  identity: { set: 'identity', type: 'identity' },
  resource: { set: 'resource', type: 'resource' },
  trust: { set: 'resource', type: 'trust' },
  boundary: { set: 'boundary', type: 'boundary' },
  session: { set: 'session', type: 'session' },
  scp: { set: 'scp', type: 'scp', levels: true },
  rcp: { set: 'rcp', type: 'rcp', levels: true },
  // A VPC endpoint policy is a resource-based policy that plays its own part in the decision.
  endpoint: { set: 'endpoint', type: 'resource', role: 'endpoint' },
};

function files(directory: string): string[] {
  return fs
    .readdirSync(directory, { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? files(path.join(directory, entry.name)) : entry.name.endsWith('.json') ? [path.join(directory, entry.name)] : []))
    .sort();
}

function toPolicy(document: unknown, type: PolicyType, source: string, level?: string, role?: 'endpoint'): SourcedPolicy {
  const parsed = parsePolicyFile(JSON.stringify(document, null, 2), { type });
  assert.equal(parsed.policies.length, 1, `${source}: not a policy: ${JSON.stringify(document)}`);
  return { policy: parsed.policies[0]!, source, file: parsed, ...(level !== undefined ? { level } : {}), ...(role ? { role } : {}) };
}

function policySet(policies: Record<string, unknown>): PolicySet {
  const set: Record<string, SourcedPolicy[]> = {};
  for (const [kind, value] of Object.entries(policies)) {
    const spec = KINDS[kind];
    assert.ok(spec, `unknown policy kind ${kind}`);
    const list = (set[spec.set] ??= []);
    const items = Array.isArray(value) ? value : [value];
    items.forEach((item, index) => {
      // SCPs and RCPs: each item is one level; an array item is a level of several policies.
      const level = spec.levels ? `level ${index}` : undefined;
      for (const document of Array.isArray(item) ? item : [item]) list.push(toPolicy(document, spec.type, `${kind}[${index}]`, level, spec.role));
    });
  }
  return set;
}

function reference(trace: StatementTrace): string {
  return `${trace.policyType}:${trace.sid ?? `#${trace.index}`}`;
}

const all = files(SCENARIOS);

test('the scenario corpus is large enough to mean something', () => {
  assert.ok(all.length >= 80, `only ${all.length} scenarios`);
});

for (const file of all) {
  const scenario = JSON.parse(fs.readFileSync(file, 'utf8')) as Scenario;
  const name = `${path.relative(SCENARIOS, file)}: ${scenario.description}`;
  test(name, () => {
    const policies = policySet(scenario.policies);
    if (scenario.request.resourcePattern !== undefined || scenario.request.actions !== undefined) return checkPattern(policies, scenario);
    for (const trace of ['full', 'deciding'] as const) {
      const result = simulate(policies, scenario.request, { trace });
      const detail = `[${trace}] ${result.summary}\n${(result.notes ?? []).join('\n')}`;
      assert.equal(result.decision, scenario.expect.decision, detail);
      if (scenario.expect.decidingStatements) {
        assert.deepEqual(result.decidingStatements.map(reference).sort(), [...scenario.expect.decidingStatements].sort(), detail);
      }
      if (scenario.expect.missingContextKeys) assert.deepEqual(result.missingContextKeys, scenario.expect.missingContextKeys, detail);
      // A service rule (serviceRules.ts) takes part only where the scenario says so.
      assert.equal(result.serviceRule?.id, scenario.expect.serviceRule, detail);
      const noteIncludes = scenario.expect.noteIncludes;
      if (noteIncludes !== undefined) assert.ok([result.summary, ...(result.notes ?? [])].some((note) => note.includes(noteIncludes)), detail);
    }
  });
}

function checkPattern(policies: PolicySet, scenario: Scenario): void {
  const { actions, resourcePattern, action, resource, ...rest } = scenario.request;
  const answer = simulatePattern(policies, { ...rest, actions: actions ?? [action], resourcePattern: resourcePattern ?? resource });
  const detail = `${answer.summary}\nresources tried: ${answer.resources.join(', ')}`;
  assert.equal(answer.coverage, scenario.expect.coverage, detail);
  const side = (witness: { action: string; resource: string; decision: string } | undefined) => witness && { action: witness.action, resource: witness.resource };
  if (scenario.expect.allowed) assert.deepEqual(side(answer.allowed), scenario.expect.allowed, detail);
  if (scenario.expect.denied) {
    const { decision, ...where } = scenario.expect.denied;
    assert.deepEqual(side(answer.denied), where, detail);
    if (decision) assert.equal(answer.denied?.decision, decision, detail);
  }
  // Every witness is a request of the question, and simulating it alone gives the same decision.
  for (const witness of [answer.allowed, answer.denied]) {
    if (!witness) continue;
    assert.equal(simulate(policies, { ...rest, action: witness.action, resource: witness.resource }).decision, witness.decision);
  }
}
