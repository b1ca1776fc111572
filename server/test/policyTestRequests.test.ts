import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import type { ListPolicyTestsResult, RunPolicyTestsResult } from '../src/protocol';
import { LspClient, positionAt } from './lspClient';

// The requests behind VS Code's Test Explorer for policy test files, over stdio JSON-RPC.

let client: LspClient;
let scratch: string;

before(async () => {
  client = new LspClient();
  await client.initialize();
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'iam-policy-tests-'));
});

after(async () => {
  fs.rmSync(scratch, { recursive: true, force: true });
  assert.equal(await client.close(), 0, client.stderr);
});

function lineOf(text: string, needle: string): number {
  const offset = text.indexOf(needle);
  assert.ok(offset >= 0, `fixture lacks ${needle}`);
  return positionAt(text, offset).line;
}

const TEST_FILE = `{
  "policies": { "identity": ["reader.json"] },
  "tests": [
    { "name": "reads reports", "action": "s3:GetObject", "resource": "arn:aws:s3:::reports/a", "expect": "Allow" },
    { "name": "cannot delete", "action": "s3:DeleteObject", "resource": "arn:aws:s3:::reports/a", "expect": "Deny" },
    { "name": "wrongly expects a write", "action": "s3:PutObject", "resource": "arn:aws:s3:::reports/a", "expect": "Allow" }
  ]
}`;

function writeTestFile(name: string, text: string): string {
  fs.writeFileSync(path.join(scratch, 'reader.json'), `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::reports/*"}]}`);
  const file = path.join(scratch, name);
  fs.writeFileSync(file, text);
  return pathToFileURL(file).href;
}

test('iam/listPolicyTests names each test with its range, from disk or from the open document', async () => {
  const uri = writeTestFile('list.iamtest.json', TEST_FILE);
  const listed = await client.request<ListPolicyTestsResult>('iam/listPolicyTests', { uri });
  assert.deepEqual(listed.tests.map((t) => t.name), ['reads reports', 'cannot delete', 'wrongly expects a write']);
  assert.equal(listed.tests[2]!.range.start.line, lineOf(TEST_FILE, 'wrongly expects'));
  client.open(uri, TEST_FILE.replace('"cannot delete"', '"renamed"'));
  const fromEditor = await client.request<ListPolicyTestsResult>('iam/listPolicyTests', { uri });
  assert.equal(fromEditor.tests[1]!.name, 'renamed');
});

test('iam/runPolicyTests runs the file and places each result at its test', async () => {
  const uri = writeTestFile('run.iamtest.json', TEST_FILE);
  const outcome = await client.request<RunPolicyTestsResult>('iam/runPolicyTests', { uri });
  assert.equal(outcome.error, undefined);
  assert.deepEqual(
    outcome.results.map(({ name, pass, actual }) => ({ name, pass, actual })),
    [
      { name: 'reads reports', pass: true, actual: 'Allow' },
      { name: 'cannot delete', pass: true, actual: 'ImplicitDeny' },
      { name: 'wrongly expects a write', pass: false, actual: 'ImplicitDeny' },
    ],
  );
  assert.equal(outcome.results[2]!.range.start.line, lineOf(TEST_FILE, 'wrongly expects'));
  assert.equal(outcome.results[2]!.expect, 'Allow');
});

const BAD_TEST_FILES: { name: string; text?: string; uri?: string; error: RegExp }[] = [
  { name: 'not JSON', text: '{ "tests": [', error: /not a valid policy test file/ },
  { name: 'tests not an array', text: '{ "policies": { "identity": [] }, "tests": {} }', error: /"tests" must be an array/ },
  { name: 'a missing policy file', text: '{ "policies": { "identity": ["gone.json"] }, "tests": [] }', error: /gone\.json/ },
  { name: 'an unsaved document', uri: 'untitled:Untitled-1', error: /saved files/ },
];

for (const scenario of BAD_TEST_FILES) {
  test(`iam/runPolicyTests reports ${scenario.name} as an error`, async () => {
    const uri = scenario.uri ?? writeTestFile(`bad${BAD_TEST_FILES.indexOf(scenario)}.iamtest.json`, scenario.text!);
    const outcome = await client.request<RunPolicyTestsResult>('iam/runPolicyTests', { uri });
    assert.match(outcome.error ?? '', scenario.error);
    assert.deepEqual(outcome.results, []);
  });
}

test('a test file gets catalogue diagnostics on its actions, with a fix to the action meant', async () => {
  const text = `{
  "policies": { "identity": ["reader.json"] },
  "tests": [
    { "name": "typo", "action": "s3:GetObjekt", "resource": "arn:aws:s3:::reports/a", "expect": "Deny" },
    { "name": "fine", "action": "s3:GetObject", "resource": "arn:aws:s3:::reports/a", "expect": "Allow" }
  ]
}`;
  const uri = pathToFileURL(path.join(scratch, 'typo.iamtest.json')).href;
  client.open(uri, text);
  const published = await client.waitForDiagnostics(uri, (params) => params.diagnostics.length > 0);
  const codes = published.diagnostics.map((d) => `${d.code}@${d.range.start.line}`);
  assert.deepEqual(codes, [`IAM102@${lineOf(text, 's3:GetObjekt')}`]);
  assert.match(published.diagnostics[0]!.message, /Did you mean "s3:GetObject"/);
  const actions = await client.request<{ title: string }[]>('textDocument/codeAction', { textDocument: { uri }, range: published.diagnostics[0]!.range, context: { diagnostics: published.diagnostics } });
  assert.ok(actions.some((action) => action.title === 'Change to "s3:GetObject"'), JSON.stringify(actions.map((a) => a.title)));
});
