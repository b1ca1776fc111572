// The same work measured in-process, without the transport, to tell engine cost from JSON-RPC cost.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { loadEngine, root } from './paths.mjs';
import { summary } from './stats.mjs';

export function engineLatency(text, offsets, kind) {
  const { engine, newCatalog } = loadEngine();
  const catalog = newCatalog();
  const file = engine.parsePolicyFile(text, { fileName: 'policy.json' });
  const run = kind === 'completion' ? (offset) => engine.complete(file, offset, catalog) : (offset) => engine.hover(file, offset, catalog);
  for (const offset of offsets.slice(0, 50)) run(offset);
  const samples = offsets.map((offset) => {
    const started = performance.now();
    run(offset);
    return performance.now() - started;
  });
  return summary(samples);
}

/** The i-th letter of a cycle of 26, so no two edits within a cycle produce the same text. */
export function typedLetter(i) {
  return String.fromCharCode(65 + (i % 26));
}

const WARM_UP_EDITS = 100;

/** Parse plus every rule after a one-character edit: what the server computes per validation. */
export function lintCompute(text, editOffset, edits, fileName = 'policy.json', parseOptions = {}) {
  const { engine, newCatalog } = loadEngine();
  const catalog = newCatalog();
  engine.lintDocument(engine.parsePolicyFile(text, { fileName, ...parseOptions }), catalog);
  // A server that is being typed into has run its rules many times: warm the JIT with unmeasured edits
  // (at other offsets, so the measured texts are still new to the linter's caches).
  for (let i = 0; i < WARM_UP_EDITS; i++) {
    let offset = (editOffset + 97 * (i + 1)) % text.length;
    while (offset < text.length - 1 && !/[a-z]/.test(text[offset])) offset++;
    engine.lintDocument(engine.parsePolicyFile(text.slice(0, offset) + typedLetter(i) + text.slice(offset + 1), { fileName, ...parseOptions }), catalog);
  }
  const samples = [];
  for (let i = 0; i < edits; i++) {
    // A different letter every time, as when typing: the linter keeps recent results per policy, and an
    // edit that returns to an earlier text would measure that cache instead of the rules.
    const edited = text.slice(0, editOffset) + typedLetter(i) + text.slice(editOffset + 1);
    const started = performance.now();
    engine.lintDocument(engine.parsePolicyFile(edited, { fileName, ...parseOptions }), catalog);
    samples.push(performance.now() - started);
  }
  return summary(samples);
}

/** Every catalogue action, an identity policy and a context: the "simulate all actions" workload. */
function simulationInputs(policyText) {
  const { engine, newCatalog } = loadEngine();
  const catalog = newCatalog();
  catalog.loadAll();
  const actions = catalog.services().flatMap((service) => catalog.service(service.prefix)?.actions.map((action) => `${service.prefix}:${action.name}`) ?? []);
  const file = engine.parsePolicyFile(policyText, { fileName: 'policy.json', type: 'identity' });
  const policies = { identity: file.policies.map((policy) => ({ policy, source: 'bench', file })) };
  const statements = file.policies.reduce((sum, policy) => sum + policy.statements.length, 0);
  const context = { 'aws:RequestedRegion': 'eu-west-1', 'aws:SourceIp': '10.1.2.3', 'aws:SecureTransport': 'true', 'aws:username': 'alice' };
  return { engine, actions, policies, statements, context };
}

/**
 * Time of one full pass (every catalogue action against one resource), p50/p95 over `passes`
 * passes after two warm-up passes. `trace` is simulate's option: 'full' or 'deciding'.
 */
export function simulationPass(policyText, resource, trace, passes) {
  const { engine, actions, policies, statements, context } = simulationInputs(policyText);
  const options = { trace };
  const pass = () => {
    for (const action of actions) engine.simulate(policies, { action, resource, context }, options);
  };
  pass();
  pass();
  const samples = [];
  for (let i = 0; i < passes; i++) {
    const started = performance.now();
    pass();
    samples.push(performance.now() - started);
  }
  return { actions: actions.length, statements, ...summary(samples) };
}

/** Every catalogue action against one resource; returns statement evaluations per second. */
export function simulationThroughput(policyText, resource) {
  const { engine, actions, policies, statements, context } = simulationInputs(policyText);
  const pass = () => {
    for (const action of actions) engine.simulate(policies, { action, resource, context });
  };
  pass();
  let passes = 0;
  const started = performance.now();
  do {
    pass();
    passes++;
  } while (performance.now() - started < 2_000);
  const seconds = (performance.now() - started) / 1000;
  return { actions: actions.length, statements, perSecond: (passes * actions.length * statements) / seconds };
}

/** Resident set size of a fresh process that has loaded every service, after a full GC. */
export function rssAfterLoadAll() {
  const script = `
    const { loadEngine } = await import(${JSON.stringify(join(root, 'scripts', 'bench', 'paths.mjs'))});
    const catalog = loadEngine().newCatalog();
    catalog.loadAll();
    globalThis.gc();
    globalThis.gc();
    const usage = process.memoryUsage();
    console.log(JSON.stringify({ rss: usage.rss, heapUsed: usage.heapUsed, services: catalog.services().length }));
  `;
  const output = execFileSync(process.execPath, ['--expose-gc', '--input-type=module', '-e', script], { encoding: 'utf8' });
  return JSON.parse(output.trim().split('\n').pop());
}

/**
 * The slowest of the hostile wildcard shapes at ten times AWS's sizes: a pattern as long as ten bucket
 * policies (200 KB) against a value ten times the longest ARN (20 KB). Each shape is timed `runs` times
 * and its median kept.
 */
export function worstWildcardMatch(runs) {
  const { engine } = loadEngine();
  const value = 'a'.repeat(20_480);
  const shapes = ['a*'.repeat(100_000) + 'b', '*' + 'a?'.repeat(5_000) + 'b*', '?*'.repeat(100_000), '*' + '?'.repeat(10_000) + 'a*', '*' + 'a'.repeat(10_000) + 'b*'];
  const medians = shapes.map((pattern) => {
    const samples = Array.from({ length: runs }, () => {
      const started = performance.now();
      engine.matchesWildcard(pattern, value);
      return performance.now() - started;
    });
    return samples.sort((a, b) => a - b)[Math.floor(runs / 2)];
  });
  return Math.max(...medians);
}
