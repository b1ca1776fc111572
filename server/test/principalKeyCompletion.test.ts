import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { LspClient } from './lspClient';
import { requestAt } from './lspFixtures';

// Writing a trust or resource policy from scratch: before its Principal is written the policy reads as
// an identity policy, yet Principal must be offered among the statement's keys where it is plausible,
// ranked by how likely it is.

interface Item {
  label: string;
  sortText?: string;
  filterText?: string;
}

let client: LspClient;

before(async () => {
  client = new LspClient();
  await client.initialize();
});

after(async () => {
  assert.equal(await client.close(), 0, client.stderr);
});

async function keys(marked: string, name: string): Promise<string[]> {
  const list = await requestAt<{ items: Item[] } | Item[] | null>(client, 'textDocument/completion', marked, name);
  const items = Array.isArray(list) ? list : (list?.items ?? []);
  return [...items].sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label)).map((item) => item.label);
}

const EMPTY_STATEMENT = '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Effect": "Allow",\n      |\n    }\n  ]\n}';
const HALF_TYPED = '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Pri|\n    }\n  ]\n}';
const ASSUME_ROLE = '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Action": "sts:AssumeRole",\n      |\n    }\n  ]\n}';
const S3_READ = '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Action": "s3:GetObject",\n      |\n    }\n  ]\n}';

test('a file named as a trust policy offers Principal first among the keys', async () => {
  const offered = await keys(EMPTY_STATEMENT, 'ec2-trust-policy.json');
  assert.equal(offered[0], 'Principal', String(offered));
});

test('"Pri typed in a trust policy file completes to Principal', async () => {
  const offered = await keys(HALF_TYPED, 'ec2-trust-policy.json');
  assert.ok(offered.includes('Principal'), String(offered));
});

test('a bucket policy file offers Principal and NotPrincipal', async () => {
  const offered = await keys(EMPTY_STATEMENT, 'bucket-policy.json');
  assert.ok(offered.includes('Principal') && offered.includes('NotPrincipal'), String(offered));
});

test('an sts:AssumeRole action makes Principal likely whatever the file is called', async () => {
  const offered = await keys(ASSUME_ROLE, 'role.json');
  assert.equal(offered[0], 'Principal', String(offered));
});

test('an empty document offers Principal, after the identity-policy keys', async () => {
  const offered = await keys(EMPTY_STATEMENT, 'policy.json');
  assert.equal(offered[offered.length - 1], 'Principal', String(offered));
  assert.ok(offered.indexOf('Action') < offered.indexOf('Principal'));
});

test('an identity policy that already grants s3 actions is not offered Principal', async () => {
  const offered = await keys(S3_READ, 'policy.json');
  assert.ok(offered.length > 0);
  assert.ok(!offered.includes('Principal'), String(offered));
});
