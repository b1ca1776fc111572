import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import type { PublishDiagnosticsParams } from 'vscode-languageserver/node';
import { tempFolder } from './cliRunner';
import { LspClient } from './lspClient';

// Rule settings in the editor, over JSON-RPC with the real server: the iamAuthor.rules setting, the
// project's .iam-author.json (read from disk, re-read when the client reports it changed), and
// diagnostics on the settings file itself.

const BAD = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObjct","Resource":"arn:aws:s3:::bucket/*"}]}';
const WARNING = 2;
const INFORMATION = 3;

let dir: string;
let cleanup: () => void;
let client: LspClient;
let editorRules: Record<string, string> = { IAM102: 'info' };
const shownWarnings: string[] = [];

before(async () => {
  ({ dir, cleanup } = tempFolder({
    'loose/bad.json': BAD,
    'team/.iam-author.json': { rules: { 'unknown-action': 'warning' } },
    'team/nested/bad.json': BAD,
  }));
  client = new LspClient();
  client.connection.onRequest('workspace/configuration', () => [{ rules: editorRules }]);
  client.connection.onRequest('window/showMessageRequest', (params: { message: string }) => {
    shownWarnings.push(params.message);
    return null;
  });
  await client.request('initialize', { processId: process.pid, rootUri: null, capabilities: { workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: false } } } });
  client.notify('initialized', {});
});

after(async () => {
  assert.equal(await client.close(), 0, client.stderr);
  cleanup();
});

const uriOf = (relative: string) => pathToFileURL(path.join(dir, relative)).href;
const unknownAction = (params: PublishDiagnosticsParams) => params.diagnostics.filter((diagnostic) => diagnostic.code === 'IAM102');

async function severityAfter(relative: string, since: number, expected: number | undefined): Promise<void> {
  await client.waitForDiagnostics(uriOf(relative), (params) => {
    const found = unknownAction(params);
    return expected === undefined ? found.length === 0 : found.length === 1 && found[0]!.severity === expected;
  }, since);
}

test('the editor setting changes a rule severity', async () => {
  const since = client.diagnostics.length;
  client.open(uriOf('loose/bad.json'), BAD);
  await severityAfter('loose/bad.json', since, INFORMATION);
});

test('the nearest .iam-author.json overrides the editor setting', async () => {
  const since = client.diagnostics.length;
  client.open(uriOf('team/nested/bad.json'), BAD);
  await severityAfter('team/nested/bad.json', since, WARNING);
});

test('a saved project file re-checks the open documents when the client reports the change', async () => {
  const since = client.diagnostics.length;
  fs.writeFileSync(path.join(dir, 'team', '.iam-author.json'), JSON.stringify({ rules: { IAM102: 'off' } }));
  client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf('team/.iam-author.json'), type: 2 }] });
  await severityAfter('team/nested/bad.json', since, undefined);
});

test('settings pushed with didChangeConfiguration apply at once', async () => {
  const since = client.diagnostics.length;
  client.notify('workspace/didChangeConfiguration', { settings: { iamAuthor: { rules: { IAM102: 'off' } } } });
  await severityAfter('loose/bad.json', since, undefined);
});

test('a change notice without settings makes the server ask for them', async () => {
  editorRules = { 'unknown-action': 'warning' };
  const since = client.diagnostics.length;
  client.notify('workspace/didChangeConfiguration', { settings: null });
  await severityAfter('loose/bad.json', since, WARNING);
});

test('an editor setting naming no rule is shown to the user and changes nothing else', async () => {
  const since = client.diagnostics.length;
  client.notify('workspace/didChangeConfiguration', { settings: { iamAuthor: { rules: { 'unknown-actoin': 'off', IAM102: 'info' } } } });
  await severityAfter('loose/bad.json', since, INFORMATION);
  assert.ok(shownWarnings.some((message) => /iamAuthor\.rules\.unknown-actoin: Unknown rule "unknown-actoin": did you mean "unknown-action"\?/.test(message)), shownWarnings.join('\n'));
});

test('an open .iam-author.json gets diagnostics for what it gets wrong', async () => {
  const text = '{\n  "rules": { "IAM102": "offf", "nope": "off" }\n}';
  const since = client.diagnostics.length;
  client.open(uriOf('team/.iam-author.json'), text);
  const published = await client.waitForDiagnostics(uriOf('team/.iam-author.json'), (params) => params.diagnostics.length > 0, since);
  const marked = published.diagnostics.map((diagnostic) => [diagnostic.code, text.split('\n')[diagnostic.range.start.line]!.slice(diagnostic.range.start.character, diagnostic.range.end.character)]);
  assert.deepEqual(marked, [
    ['config', '"offf"'],
    ['config', '"nope"'],
  ]);
});
