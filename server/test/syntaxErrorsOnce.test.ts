import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { LspClient } from './lspClient';

// A JSON syntax error is reported once: VS Code's JSON checker reports it in json and jsonc, so a client
// that says so in initializationOptions gets no IAM001 there; other clients (and YAML) keep IAM001. A
// half-typed key is never also an unknown element (IAM009).

const BROKEN = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Pri "Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}]}';
const HALF_VALUE = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*","Co": }]}';

async function codesFor(client: LspClient, uri: string, text: string, languageId = 'json'): Promise<string[]> {
  client.open(uri, text, 1, languageId);
  const published = await client.waitForDiagnostics(uri);
  return published.diagnostics.map((d) => String(d.code));
}

let vscodeLike: LspClient;
let plain: LspClient;

before(async () => {
  vscodeLike = new LspClient();
  await vscodeLike.request('initialize', { processId: process.pid, rootUri: null, capabilities: {}, initializationOptions: { syntaxCheckedByEditor: ['json', 'jsonc'] } });
  vscodeLike.notify('initialized', {});
  plain = new LspClient();
  await plain.initialize();
});

after(async () => {
  await vscodeLike.close();
  await plain.close();
});

test('a client whose editor checks JSON syntax gets no IAM001 in json and jsonc, and no cascaded IAM009', async () => {
  for (const [name, languageId] of [['a.json', 'json'], ['b.json', 'jsonc']] as const) {
    const codes = await codesFor(vscodeLike, `file:///syntax/${name}`, BROKEN, languageId);
    assert.ok(!codes.includes('IAM001'), `${languageId}: ${codes}`);
    assert.ok(!codes.includes('IAM009'), `${languageId}: ${codes}`);
  }
});

test('other clients keep IAM001 for the same text, still without IAM009 on the half-typed key', async () => {
  const codes = await codesFor(plain, 'file:///syntax/c.json', BROKEN);
  assert.ok(codes.includes('IAM001'), String(codes));
  assert.ok(!codes.includes('IAM009'), String(codes));
});

test('a key typed with its colon but no value yet is no unknown element', async () => {
  const codes = await codesFor(plain, 'file:///syntax/d.json', HALF_VALUE);
  assert.ok(codes.includes('IAM001'), String(codes));
  assert.ok(!codes.includes('IAM009'), String(codes));
});

test('a finished unknown key is still IAM009, and YAML keeps IAM001 even for that client', async () => {
  const finished = await codesFor(vscodeLike, 'file:///syntax/e.json', '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Actions":"s3:GetObject","Action":"s3:GetObject","Resource":"*"}]}');
  assert.ok(finished.includes('IAM009'), String(finished));
  const yaml = await codesFor(vscodeLike, 'file:///syntax/t.yaml', 'Resources:\n  R:\n    Type: AWS::IAM::Policy\n    Properties:\n      PolicyDocument:\n        Version: "2012-10-17"\n        Statement:\n          - Effect: Allow\n            Action: [s3:GetObject\n', 'yaml');
  assert.ok(yaml.includes('IAM001'), String(yaml));
});
