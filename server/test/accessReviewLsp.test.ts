import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { AccessDiffResult } from '../src/protocol';
import { LspClient, positionAt } from './lspClient';
import { nextUri } from './lspFixtures';

// iam/accessDiff over JSON-RPC, as "IAM: Review Access Changes" asks it, and the "+ access" lens it leaves.

let client: LspClient;

before(async () => {
  client = new LspClient();
  await client.initialize();
});

after(async () => {
  assert.equal(await client.close(), 0, client.stderr);
});

const OLD = JSON.stringify({ Version: '2012-10-17', Statement: [{ Sid: 'Read', Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::reports/*' }, { Sid: 'Delete', Effect: 'Allow', Action: 's3:DeleteObject', Resource: 'arn:aws:s3:::reports/*' }] }, null, 2);
const NEW = JSON.stringify({ Version: '2012-10-17', Statement: [{ Sid: 'Read', Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject'], Resource: 'arn:aws:s3:::reports/*' }] }, null, 2);

interface Lens {
  readonly range: { start: { line: number } };
  readonly command: { title: string };
}

test('iam/accessDiff: added access points at the open document, removed at the old text; "+ access" lenses follow', async () => {
  const uri = nextUri();
  client.open(uri, NEW);
  const before = await client.request<Lens[]>('textDocument/codeLens', { textDocument: { uri } });
  assert.equal(before.filter((lens) => lens.command.title === '+ access').length, 0);

  const result = await client.request<AccessDiffResult>('iam/accessDiff', { uri, oldText: OLD, oldLabel: 'HEAD' });
  assert.equal(result.error, undefined);
  assert.equal(result.newAccess, true);
  assert.equal(result.complete, true);
  const put = result.added.find((witness) => witness.action === 's3:PutObject');
  assert.ok(put, JSON.stringify(result.added));
  assert.equal(put.accessLevel, 'Write');
  assert.equal(put.serviceName, 'Amazon S3');
  assert.equal(put.statement?.sid, 'Read');
  assert.equal(put.statement?.range.start.line, positionAt(NEW, NEW.indexOf('"Sid": "Read"')).line - 1);
  const deleted = result.removed.find((witness) => witness.action === 's3:DeleteObject');
  assert.equal(deleted?.statement?.range.start.line, positionAt(OLD, OLD.indexOf('"Sid": "Delete"')).line - 1);

  const lenses = await client.request<Lens[]>('textDocument/codeLens', { textDocument: { uri } });
  const plus = lenses.filter((lens) => lens.command.title === '+ access');
  assert.deepEqual(plus.map((lens) => lens.range.start.line), [put.statement!.range.start.line]);
});

test('iam/accessDiff: a new file adds everything it allows; broken input is an error, never "no new access"', async () => {
  const uri = nextUri();
  client.open(uri, NEW);
  const fresh = await client.request<AccessDiffResult>('iam/accessDiff', { uri, oldText: '' });
  assert.equal(fresh.newAccess, true);
  assert.ok(fresh.added.some((witness) => witness.action === 's3:GetObject'));

  const broken = await client.request<AccessDiffResult>('iam/accessDiff', { uri, oldText: '{"Statement": [', oldLabel: 'HEAD' });
  assert.match(broken.error ?? '', /at HEAD does not parse/);
  assert.equal(broken.newAccess, false);
  assert.equal(broken.complete, false);

  const brokenNow = nextUri();
  client.open(brokenNow, '{"Version": "2012-10-17", "Statement": [');
  assert.match((await client.request<AccessDiffResult>('iam/accessDiff', { uri: brokenNow, oldText: OLD })).error ?? '', /does not parse/);
  assert.match((await client.request<AccessDiffResult>('iam/accessDiff', { uri: 'file:///nowhere.json', oldText: OLD })).error ?? '', /not open/);
});
