import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { CodeAction } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LspClient } from './lspClient';

// Comments and trailing commas in a .json policy: the editor reads past them, IAM does not. The server
// publishes IAM024 for them (also to a client whose editor checks JSON syntax itself: VS Code does not
// check a .json file associated with jsonc) with a fix that removes them; .jsonc files may keep them.

const COMMENTED = `{
  // read the nightly reports
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::reports/*" },
  ]
}`;

const TEMPLATE = `{
  "Resources": {
    "Reader": {
      "Type": "AWS::IAM::ManagedPolicy",
      "Properties": {
        "PolicyDocument": {
          "Version": "2012-10-17", /* current */
          "Statement": [{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::reports/*" }]
        }
      }
    }
  }
}`;

let plain: LspClient;
let vscodeLike: LspClient;

before(async () => {
  plain = new LspClient();
  await plain.initialize();
  vscodeLike = new LspClient();
  await vscodeLike.request('initialize', { processId: process.pid, rootUri: null, capabilities: {}, initializationOptions: { syntaxCheckedByEditor: ['json', 'jsonc'] } });
  vscodeLike.notify('initialized', {});
});

after(async () => {
  await plain.close();
  await vscodeLike.close();
});

async function publish(client: LspClient, uri: string, text: string, languageId = 'json') {
  const since = client.diagnostics.length;
  client.open(uri, text, 1, languageId);
  return (await client.waitForDiagnostics(uri, () => true, since)).diagnostics;
}

test('a comment and a trailing comma in a .json policy are two IAM024 errors, for every client', async () => {
  for (const [client, languageId] of [[plain, 'json'], [vscodeLike, 'json'], [vscodeLike, 'jsonc']] as const) {
    const uri = `file:///project/jsonc/${languageId}-${client === plain ? 'plain' : 'vscode'}/reader.json`;
    const found = (await publish(client, uri, COMMENTED, languageId)).filter((d) => d.code === 'IAM024');
    assert.deepEqual(found.map((d) => [d.severity, d.range.start.line]), [[1, 1], [1, 4]], JSON.stringify(found));
  }
});

test('a .jsonc file keeps its comments and trailing commas without a finding', async () => {
  const codes = (await publish(plain, 'file:///project/jsonc/reader.jsonc', COMMENTED, 'jsonc')).map((d) => d.code);
  assert.ok(!codes.includes('IAM024'), String(codes));
});

test('in a CloudFormation JSON template, the quick fix removes the comment and leaves valid JSON', async () => {
  const uri = 'file:///project/jsonc/stack.json';
  const diagnostic = (await publish(plain, uri, TEMPLATE)).find((d) => d.code === 'IAM024');
  assert.ok(diagnostic, 'IAM024 published');
  const actions = await plain.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] } });
  const remove = actions.find((action) => action.title === 'Remove the comment');
  assert.ok(remove, JSON.stringify(actions.map((action) => action.title)));
  const fixed = TextDocument.applyEdits(TextDocument.create(uri, 'json', 1, TEMPLATE), remove.edit?.changes?.[uri] ?? []);
  assert.equal(fixed, TEMPLATE.replace(' /* current */', ''));
  assert.doesNotThrow(() => JSON.parse(fixed));
});
