// Issue 13's rows: policy summary, access diff, managed policies, measured in-process on the compiled engine.
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { loadEngine, root } from './paths.mjs';
import { policyOfLength, policyText } from './inputs.mjs';
import { summary } from './stats.mjs';

const require = createRequire(import.meta.url);

function sourced(engine, text, name) {
  const file = engine.parsePolicyFile(text, { fileName: `${name}.json`, type: 'identity' });
  return file.policies.map((policy) => ({ policy, source: name, file }));
}

function timed(runs, warmUp, run) {
  for (let i = 0; i < warmUp; i++) run(i);
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    run(i);
    samples.push(performance.now() - started);
  }
  return summary(samples);
}

/** summarizePolicy of a 10 KB policy, catalogue loaded (a fresh parse each run, so nothing is cached on the policy). */
export function summaryOf10k(runs) {
  const { engine, newCatalog } = loadEngine();
  const catalog = newCatalog();
  const text = policyOfLength(10_240);
  return timed(runs, 5, () => engine.summarizePolicy(engine.parsePolicyFile(text).policies[0], catalog));
}

/** diffPolicies of two 10 KB policies that differ by one added action. */
export function diffOf10k(runs) {
  const { engine, newCatalog } = loadEngine();
  const catalog = newCatalog();
  const oldText = policyOfLength(10_240);
  const document = JSON.parse(oldText);
  const allow = document.Statement.find((statement) => statement.Effect === 'Allow');
  allow.Action = [...allow.Action, 's3:PutObject'];
  const newText = JSON.stringify(document, null, 2);
  let result;
  const stats = timed(runs, 1, () => {
    result = engine.diffPolicies({ policies: sourced(engine, oldText, 'old') }, { policies: sourced(engine, newText, 'new') }, catalog);
  });
  return { ...stats, requests: result.checked, newAccess: result.newAccess, complete: result.complete };
}

/** AdministratorAccess against a 50-statement policy: every catalogue action is in the space. */
export function adminAgainst50(runs) {
  const { engine, newCatalog } = loadEngine();
  const catalog = newCatalog();
  catalog.loadAll();
  const managed = managedPolicies(engine);
  const admin = engine.readManagedPolicy(managed, 'AdministratorAccess');
  const text = policyText(50);
  let result;
  const stats = timed(runs, 1, () => {
    result = engine.diffPolicies({ policies: sourced(engine, text, 'policy') }, { policies: admin.file.policies.map((policy) => ({ policy, source: admin.info.arn, file: admin.file })) }, catalog);
  });
  return { ...stats, requests: result.checked, classes: result.space.actionClasses, complete: result.complete };
}

export function managedPolicies(engine) {
  const { fileManagedPolicySource } = require(join(root, 'out', 'server', 'src', 'managedPolicyFiles.js'));
  return new engine.ManagedPolicies(fileManagedPolicySource(join(root, 'dist', 'managed-policies')));
}

/** Hover on a managed policy ARN in a template, after the policy's data and summary are loaded. */
export function managedPolicyHover(runs) {
  const { engine, newCatalog } = loadEngine();
  const catalog = newCatalog();
  const managed = managedPolicies(engine);
  const names = ['AmazonS3ReadOnlyAccess', 'AWSLambdaBasicExecutionRole', 'ReadOnlyAccess', 'AdministratorAccess'];
  const text = JSON.stringify({ Resources: { Role: { Type: 'AWS::IAM::Role', Properties: { ManagedPolicyArns: names.map((name) => managed.find(name).arn) } } } }, null, 2);
  const file = engine.parsePolicyFile(text, { fileName: 'template.json' });
  const offsets = names.map((name) => text.indexOf(name) + 2);
  return timed(runs, 2 * offsets.length, (i) => engine.managedPolicyHover(file, offsets[i % offsets.length], catalog, managed));
}
