import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { CodeAction, Diagnostic } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LspClient } from './lspClient';

interface FixCase {
  readonly name: string;
  readonly text: unknown;
  readonly code: string;
  /** Part of the code action's title. */
  readonly title: string;
  readonly fileName?: string;
  /** The policy after the edit, as a value. */
  readonly expected: unknown;
}

const statement = (extra: object = {}) => ({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::example-bucket/*', ...extra });
const policy = (...statements: object[]) => ({ Version: '2012-10-17', Statement: statements });
const trustStatement = (extra: object = {}) => ({ Effect: 'Allow', Principal: { Service: 'config.amazonaws.com' }, Action: 'sts:AssumeRole', ...extra });

const CASES: readonly FixCase[] = [
  { name: 'add Version', code: 'IAM002', title: 'Version', text: { Statement: [statement()] }, expected: policy(statement()) },
  { name: 'fix the Effect', code: 'IAM005', title: 'Allow', text: policy(statement({ Effect: 'allow' })), expected: policy(statement()) },
  { name: 'replace an unknown action', code: 'IAM102', title: 's3:GetObject', text: policy(statement({ Action: 's3:GetObjekt' })), expected: policy(statement()) },
  { name: 'replace an unknown service', code: 'IAM101', title: 's3:GetObject', text: policy(statement({ Action: 's4:GetObject' })), expected: policy(statement()) },
  { name: "fix an ARN's service case", code: 'IAM106', title: 's3', text: policy(statement({ Resource: 'arn:aws:S3:::example-bucket/*' })), expected: policy(statement()) },
  {
    name: 'add a confused-deputy condition',
    code: 'IAM311',
    title: 'aws:SourceAccount',
    fileName: 'trust-policy.json',
    text: policy(trustStatement()),
    expected: policy(
      trustStatement({ Condition: { StringEquals: { 'aws:SourceAccount': '111122223333' }, ArnLike: { 'aws:SourceArn': 'arn:aws:config:*:111122223333:*' } } }),
    ),
  },
  {
    name: 'expand a wildcard action',
    code: 'IAM113',
    title: 'Expand',
    text: policy(statement({ Action: ['s3:GetObject', 's3:PutObjectLegalH*'] })),
    expected: policy(statement({ Action: ['s3:GetObject', 's3:PutObjectLegalHold'] })),
  },
  {
    name: 'remove a redundant entry',
    code: 'IAM401',
    title: 'Remove',
    text: policy(statement({ Action: ['s3:GetObject', 's3:Get*'] })),
    expected: policy(statement({ Action: ['s3:Get*'] })),
  },
  {
    name: 'convert a value to the type the operator needs',
    code: 'IAM202',
    title: 'true',
    text: policy(statement({ Condition: { Bool: { 'aws:SecureTransport': 'yes' } } })),
    expected: policy(statement({ Condition: { Bool: { 'aws:SecureTransport': 'true' } } })),
  },
];

describe('code actions over JSON-RPC (node dist/server.js --stdio)', () => {
  let client: LspClient;
  let capabilities: any;

  before(async () => {
    client = new LspClient();
    capabilities = (await client.initialize()).capabilities;
  });

  after(async () => {
    await client.close();
  });

  it('announces quick fixes', () => {
    assert.deepEqual(capabilities.codeActionProvider, { codeActionKinds: ['quickfix'] });
  });

  CASES.forEach((testCase, index) => {
    it(testCase.name, async () => {
      const uri = `file:///project/code-actions/${index}/${testCase.fileName ?? 'policy.json'}`;
      const text = JSON.stringify(testCase.text, null, 2);
      const since = client.diagnostics.length;
      client.open(uri, text);
      const published = await client.waitForDiagnostics(uri, () => true, since);
      const diagnostic = published.diagnostics.find((d) => d.code === testCase.code);
      assert.ok(diagnostic, `no ${testCase.code} among ${JSON.stringify(published.diagnostics.map((d) => d.code))}`);
      const actions = await codeActions(client, uri, diagnostic);
      const action = actions.find((candidate) => candidate.title.includes(testCase.title));
      assert.ok(action, `no action titled like "${testCase.title}" among ${JSON.stringify(actions.map((a) => a.title))}`);
      assert.equal(action.kind, 'quickfix');
      assert.deepEqual(action.diagnostics?.map((d) => d.code), [testCase.code]);
      const edits = action.edit?.changes?.[uri] ?? [];
      assert.ok(edits.length > 0, 'the action edits the document');
      const fixed = TextDocument.applyEdits(TextDocument.create(uri, 'json', 1, text), edits);
      assert.deepEqual(JSON.parse(fixed), testCase.expected, fixed);
    });
  });

  it('offers nothing for other sources, other kinds or malformed data, and keeps serving', async () => {
    const uri = 'file:///project/code-actions/other/policy.json';
    const text = JSON.stringify({ Statement: [statement()] }, null, 2);
    const since = client.diagnostics.length;
    client.open(uri, text);
    const published = await client.waitForDiagnostics(uri, () => true, since);
    const diagnostic = published.diagnostics.find((d) => d.code === 'IAM002')!;
    assert.ok(diagnostic);
    assert.deepEqual(await codeActions(client, uri, { ...diagnostic, source: 'someone-else' }), []);
    assert.deepEqual(await codeActions(client, uri, diagnostic, ['refactor']), []);
    const hostile = { ...diagnostic, data: { fixes: [{ title: 'x', replacement: 'y', span: { offset: 1e9, length: 1 } }, { title: 7 }, null] } };
    assert.deepEqual(await codeActions(client, uri, hostile), []);
    assert.equal((await codeActions(client, uri, diagnostic)).length, 1);
    assert.ok(client.alive);
  });
});

function codeActions(client: LspClient, uri: string, diagnostic: Diagnostic, only?: string[]): Promise<CodeAction[]> {
  return client.request<CodeAction[]>('textDocument/codeAction', {
    textDocument: { uri },
    range: diagnostic.range,
    context: { diagnostics: [diagnostic], ...(only ? { only } : {}) },
  });
}
