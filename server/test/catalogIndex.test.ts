import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { test } from 'node:test';
import { loadCatalog } from '../src/runtime';
import { repoRoot } from './lspClient';

// The built catalogue's index (scripts/build-catalog.mjs) as the server and CLI read it.
const catalogDir = path.join(repoRoot(), 'dist', 'catalog');

test('the index lists the services RCPs govern, from the data: catalogue services, sorted, s3 and Cognito user pools among them, EC2 not', () => {
  const index = JSON.parse(fs.readFileSync(path.join(catalogDir, 'index.json'), 'utf8')) as { rcpServices: string[]; services: { prefix: string }[] };
  const services = new Set(index.services.map((service) => service.prefix));
  assert.ok(index.rcpServices.length >= 10, `${index.rcpServices.length} RCP services`);
  assert.deepEqual(index.rcpServices, [...index.rcpServices].sort());
  for (const prefix of index.rcpServices) assert.ok(services.has(prefix), `${prefix} is a catalogue service`);
  for (const prefix of ['s3', 'sts', 'kms', 'sqs', 'secretsmanager', 'cognito-idp']) assert.ok(index.rcpServices.includes(prefix), prefix);
  assert.ok(!index.rcpServices.includes('ec2'));
  const catalog = loadCatalog(catalogDir);
  assert.ok(catalog.rcpServices()?.has('dynamodb'));
});
