import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parsePolicyFile } from '../../src/document';
import { diffPolicies, harness } from '../../src/diff';
import { simulate, type SourcedPolicy } from '../../src/evaluate';
import { readManagedPolicy } from '../../src/managed';
import { realCatalog } from '../fixtures/catalog';
import { realManagedPolicies } from '../fixtures/managedPolicies';

// Property: every witness the diff prints is confirmed by the simulator, asked afresh: the side it is
// attributed to allows the request and the other side does not. Pairs are real AWS managed policies
// and mutations of them (a statement dropped, a condition dropped, an action list cut).

const catalog = realCatalog();
const managed = realManagedPolicies();

/** A small deterministic generator, so a failure names its seed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function sourced(document: unknown, name: string): SourcedPolicy[] {
  const file = parsePolicyFile(JSON.stringify(document, null, 2), { type: 'identity' });
  return file.policies.map((policy) => ({ policy, source: name, file }));
}

type Document = { Version: string; Statement: Record<string, unknown>[] | Record<string, unknown> };

function statementsOf(document: Document): Record<string, unknown>[] {
  return Array.isArray(document.Statement) ? document.Statement : [document.Statement];
}

function mutate(document: Document, next: () => number): Document {
  const statements = statementsOf(document).map((statement) => ({ ...statement }));
  const pick = Math.floor(next() * statements.length);
  const target = statements[pick]!;
  switch (Math.floor(next() * 3)) {
    case 0:
      if (statements.length > 1) statements.splice(pick, 1);
      break;
    case 1:
      delete target['Condition'];
      break;
    default:
      if (Array.isArray(target['Action']) && target['Action'].length > 1) target['Action'] = target['Action'].slice(0, Math.ceil(target['Action'].length / 2));
  }
  return { Version: document.Version, Statement: statements };
}

// Small policies keep the property fast; every sixth of them, so the sample moves with the data.
const SMALL = managed
  .list()
  .map((info) => ({ info, text: managed.documentText(info.name)! }))
  .filter(({ text }) => text.length < 1500 && !text.includes('NotAction'))
  .filter((_, index) => index % 6 === 0)
  .slice(0, 40);

test('every witness between a managed policy and a mutation of it is confirmed by the simulator', () => {
  assert.ok(SMALL.length >= 20);
  const next = random(13);
  let witnesses = 0;
  for (const { info, text } of SMALL) {
    const document = JSON.parse(text) as Document;
    const mutated = mutate(document, next);
    const [oldSide, newSide] = next() < 0.5 ? [sourced(mutated, 'mutated'), sourced(document, info.name)] : [sourced(document, info.name), sourced(mutated, 'mutated')];
    const result = diffPolicies({ policies: oldSide }, { policies: newSide }, catalog, { maxRequests: 5000 });
    for (const [list, allowing, other] of [[result.added, newSide, oldSide], [result.removed, oldSide, newSide]] as const) {
      for (const witness of list) {
        witnesses++;
        const { set: allowSet, request } = harness('identity', allowing, witness);
        assert.equal(simulate(allowSet, request).decision, 'Allow', `${info.name}: ${JSON.stringify(witness)}`);
        const { set: otherSet } = harness('identity', other, witness);
        assert.notEqual(simulate(otherSet, request).decision, 'Allow', `${info.name}: ${JSON.stringify(witness)}`);
      }
    }
  }
  assert.ok(witnesses > 10, `only ${witnesses} witnesses: the property tested little`);
});

test('every witness between two different managed policies is confirmed by the simulator', () => {
  const next = random(17);
  let witnesses = 0;
  for (let i = 0; i < 15; i++) {
    const a = SMALL[Math.floor(next() * SMALL.length)]!;
    const b = SMALL[Math.floor(next() * SMALL.length)]!;
    const oldSide = readManagedPolicy(managed, a.info.name)!.file;
    const newSide = readManagedPolicy(managed, b.info.name)!.file;
    const old = oldSide.policies.map((policy) => ({ policy, source: a.info.arn, file: oldSide }));
    const current = newSide.policies.map((policy) => ({ policy, source: b.info.arn, file: newSide }));
    const result = diffPolicies({ policies: old }, { policies: current }, catalog, { maxRequests: 5000 });
    for (const witness of result.added) {
      witnesses++;
      const { set, request } = harness('identity', current, witness);
      assert.equal(simulate(set, request).decision, 'Allow');
      assert.notEqual(simulate(harness('identity', old, witness).set, request).decision, 'Allow');
      assert.equal(witness.statement?.source, b.info.arn);
    }
    if (a.info.name !== b.info.name && !result.complete) continue;
    if (a.info.name === b.info.name) assert.equal(result.newAccess, false);
  }
  assert.ok(witnesses > 5, `only ${witnesses} witnesses`);
});
