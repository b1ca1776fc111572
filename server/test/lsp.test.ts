import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { LspClient, positionAt, repoRoot, withCursor, type Position } from './lspClient';

// The server exactly as editors run it: `node dist/server.js --stdio`, the real catalogue, real JSON-RPC.

let client: LspClient;
let opened = 0;

/** A fresh uri per document, so one test's diagnostics never satisfy another's wait. */
function nextUri(name = 'policy.json'): string {
  return `file:///workspace/${++opened}/${name}`;
}

async function openAndWait(text: string, name?: string) {
  const uri = nextUri(name);
  const since = client.diagnostics.length;
  client.open(uri, text);
  const published = await client.waitForDiagnostics(uri, () => true, since);
  return { uri, published };
}

before(async () => {
  client = new LspClient();
  await client.initialize();
});

after(async () => {
  const code = await client.close();
  assert.equal(code, 0, `the server left with ${code}; stderr: ${client.stderr}`);
});

test('initialize announces incremental sync, completion, hover and the server version', async () => {
  const other = new LspClient();
  try {
    const result = await other.initialize();
    const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot(), 'package.json'), 'utf8')) as { version: string };
    assert.deepEqual(result.serverInfo, { name: 'iam-author', version: manifest.version });
    assert.equal(result.capabilities.textDocumentSync, 2, 'incremental');
    assert.equal(result.capabilities.hoverProvider, true);
    for (const trigger of ['"', ':']) assert.ok(result.capabilities.completionProvider.triggerCharacters.includes(trigger), trigger);
  } finally {
    assert.equal(await other.close(), 0);
  }
});

const POLICY = `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "Read",
      "Effect": "Allow",
      "Action": ["s3:GetObjct", "s3:ListBucket"],
      "Resource": "*"
    },
    {
      "Action": "nosuchsvc:Get",
      "Resource": "*"
    },
    {
      "Effect": "allow",
      "Action": "s3:Frobnicate*",
      "Resource": "*"
    }
  ]
}`;

const range = (line: number, start: number, end: number) => ({ start: { line, character: start }, end: { line, character: end } });

test('a policy gets diagnostics with rule ids, exact ranges and messages', async () => {
  const { published } = await openAndWait(POLICY);
  assert.equal(published.version, 1);
  const expected: [code: string, range: ReturnType<typeof range>, message: RegExp][] = [
    ['IAM102', range(6, 17, 30), /^Unknown action "s3:GetObjct"\. Did you mean "s3:GetObject"\?$/],
    ['IAM005', range(9, 4, 5), /has no Effect/],
    ['IAM101', range(10, 16, 31), /Service prefix "nosuchsvc" is not in the IAM catalogue/],
    ['IAM005', range(14, 16, 23), /case-sensitive: write "Allow"/],
    ['IAM103', range(15, 16, 32), /"s3:Frobnicate\*" matches no action/],
  ];
  // Other rules may add findings of their own to this document; these five must be exactly so.
  const codes = new Set(expected.map(([code]) => code));
  const actual = published.diagnostics.filter((d) => codes.has(String(d.code))).sort((a, b) => a.range.start.line - b.range.start.line);
  assert.deepEqual(actual.map((d) => [d.code, d.range]), expected.map(([code, r]) => [code, r]));
  expected.forEach(([, , message], index) => assert.match(actual[index]!.message, message));
  for (const diagnostic of actual) {
    assert.equal(diagnostic.source, 'iam-author');
    assert.equal(diagnostic.severity, 1);
    assert.match(diagnostic.codeDescription!.href, new RegExp(`^file:.*/docs/rules/${diagnostic.code}\\.md$`));
  }
});

test('a missing Version is a warning on the opening brace; a JSON syntax error is reported', async () => {
  const { published } = await openAndWait('{\n  "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]\n');
  const codes = published.diagnostics.map((d) => [d.code, d.severity]);
  assert.deepEqual(codes.find(([code]) => code === 'IAM002'), ['IAM002', 2]);
  assert.deepEqual(published.diagnostics.find((d) => d.code === 'IAM002')!.range, range(0, 0, 1));
  assert.ok(codes.some(([code]) => code === 'IAM001'), JSON.stringify(codes));
});

for (const [name, text] of [
  ['package.json', '{"name": "app", "version": "1.0.0", "scripts": {"test": "node --test"}}'],
  ['settings.json', '// comments\n{"editor.tabSize": 2,}'],
  ['data.json', '[1, 2, {"Statement": []}]'],
  ['empty.json', ''],
] as const) {
  test(`non-policy JSON (${name}) gets no diagnostics`, async () => {
    const { published } = await openAndWait(text, name);
    assert.deepEqual(published.diagnostics, []);
  });
}

test('incremental changes are validated, and published diagnostics belong to the newest version', async () => {
  const text = '{\n  "Version": "2012-10-17",\n  "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}]\n}';
  const { uri, published } = await openAndWait(text);
  assert.deepEqual(published.diagnostics, []);
  const since = client.diagnostics.length;
  const column = text.split('\n')[2]!.indexOf('GetObject');
  // Version 2 breaks the action, version 3 (sent at once) breaks it differently: only 3 may be shown last.
  client.notify('textDocument/didChange', {
    textDocument: { uri, version: 2 },
    contentChanges: [{ range: range(2, column, column + 'GetObject'.length), text: 'GetObjekt' }],
  });
  client.notify('textDocument/didChange', {
    textDocument: { uri, version: 3 },
    contentChanges: [{ range: range(2, column - 3, column - 1), text: 'zz' }],
  });
  const latest = await client.waitForDiagnostics(uri, (params) => params.version === 3, since);
  const actionFindings = (params: typeof latest) => params.diagnostics.filter((d) => d.code === 'IAM101' || d.code === 'IAM102');
  assert.deepEqual(actionFindings(latest).map((d) => [d.code, d.range]), [['IAM101', range(2, column - 4, column + 10)]]);
  await new Promise((resolve) => setTimeout(resolve, 150));
  const forUri = client.diagnostics.slice(since).filter((params) => params.uri === uri);
  assert.equal(forUri[forUri.length - 1]!.version, 3, 'nothing older is published after the newest version');
  for (const params of forUri.filter((p) => p.version === 2)) {
    assert.deepEqual(actionFindings(params).map((d) => d.code), ['IAM102'], 'version 2 diagnostics describe version 2');
  }
});

test('closing a document clears its diagnostics', async () => {
  const { uri } = await openAndWait(POLICY);
  const since = client.diagnostics.length;
  client.notify('textDocument/didClose', { textDocument: { uri } });
  const cleared = await client.waitForDiagnostics(uri, () => true, since);
  assert.deepEqual(cleared.diagnostics, []);
});

async function completeAt(marked: string) {
  const { text, position } = withCursor(marked);
  const uri = nextUri();
  client.open(uri, text);
  const result = await client.request('textDocument/completion', { textDocument: { uri }, position });
  return { result, position, text };
}

const ACTION_CASES: [name: string, marked: string, contentStart: (position: Position) => number, contentEnd: (position: Position) => number][] = [
  [
    'an unterminated string',
    '{\n  "Version": "2012-10-17",\n  "Statement": [{\n    "Effect": "Allow",\n    "Action": "s3:Get|\n    "Resource": "*"\n  }]\n}',
    (p) => p.character - 's3:Get'.length,
    (p) => p.character,
  ],
  [
    'a closed string in an array',
    '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["s3:Get|"], "Resource": "*"}]}',
    (p) => p.character - 's3:Get'.length,
    (p) => p.character,
  ],
  [
    'the middle of an existing action',
    '{"Statement": [{"Effect": "Allow", "Action": ["s3:ListBucket", "s3:Ge|tObject"], "Resource": "*"}]}',
    (p) => p.character - 's3:Ge'.length,
    (p) => p.character + 'tObject'.length,
  ],
];

for (const [name, marked, start, end] of ACTION_CASES) {
  test(`completion offers s3:GetObject in ${name}, replacing the string content`, async () => {
    const { result, position } = await completeAt(marked);
    const item = result.items.find((candidate: any) => candidate.label === 's3:GetObject');
    assert.ok(item, `no s3:GetObject among ${result.items.length} items`);
    assert.match(item.detail, /^Read\b/, 'the access level comes first');
    // Documentation arrives when the editor resolves the item, keeping the list small.
    assert.equal(item.documentation, undefined);
    const resolved = await client.request('completionItem/resolve', item);
    assert.match(resolved.documentation.value, /\*\*s3:GetObject\*\* · Read/);
    assert.deepEqual(item.textEdit.range, { start: { line: position.line, character: start(position) }, end: { line: position.line, character: end(position) } });
    // Closing an unterminated string is a kindness; adding a quote to a closed one would break it.
    const unterminated = name === 'an unterminated string';
    assert.match(item.textEdit.newText, unterminated ? /^s3:GetObject"?$/ : /^s3:GetObject$/);
    assert.ok(result.items.every((candidate: any) => candidate.label.startsWith('s3:')), 'only s3 actions');
  });
}

test('completion offers service prefixes before a colon is typed', async () => {
  const { result, position } = await completeAt('{"Statement": [{"Effect": "Allow", "Action": "ec|"}]}');
  const labels = result.items.map((candidate: any) => candidate.label);
  for (const prefix of ['ec2', 'ecr', 'ecs']) assert.ok(labels.includes(prefix), prefix);
  // Prefixes that "ec" cannot select are not sent: the editor would filter them out anyway.
  for (const prefix of ['s3', 'iam']) assert.ok(!labels.includes(prefix), prefix);
  const ec2 = result.items.find((candidate: any) => candidate.label === 'ec2');
  assert.equal(ec2.textEdit.newText, 'ec2:');
  assert.deepEqual(ec2.textEdit.range, { start: { line: 0, character: position.character - 2 }, end: position });
  assert.equal(ec2.command?.command, 'editor.action.triggerSuggest', 'picking a service asks for its actions');
});

test('completion and hover are silent outside policies', async () => {
  for (const marked of ['{"name": "s3:Get|"}', '{"scripts": {"Action": "s3:|"}}', '["s3:Get|"]']) {
    const { result, position } = await completeAt(marked);
    assert.equal(result, null, marked);
    const uri = nextUri('package.json');
    client.open(uri, withCursor(marked).text);
    assert.equal(await client.request('textDocument/hover', { textDocument: { uri }, position }), null, marked);
  }
});

test('hover on an action shows its documentation and access level', async () => {
  const { text, position } = withCursor('{"Statement": [{"Effect": "Allow", "Action": ["s3:PutObj|ect"], "Resource": "*"}]}');
  const uri = nextUri();
  client.open(uri, text);
  const result = await client.request('textDocument/hover', { textDocument: { uri }, position });
  assert.equal(result.contents.kind, 'markdown');
  assert.match(result.contents.value, /^\*\*s3:PutObject\*\* · Write/);
  const start = text.indexOf('"s3:PutObject"');
  assert.deepEqual(result.range, { start: positionAt(text, start), end: positionAt(text, start + '"s3:PutObject"'.length) });
});

const SIMULATED = `{
  "Version": "2012-10-17",
  "Statement": [
    { "Sid": "ReadAll", "Effect": "Allow", "Action": "s3:Get*", "Resource": "*" },
    { "Sid": "NoSecrets", "Effect": "Deny", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::secrets/*" }
  ]
}`;

test('iam/simulate returns the decision and the deciding statements with their ranges', async () => {
  const uri = nextUri();
  client.open(uri, SIMULATED);
  const cases: [resource: string, action: string, decision: string, sids: string[]][] = [
    ['arn:aws:s3:::public/a.txt', 's3:GetObject', 'Allow', ['ReadAll']],
    ['arn:aws:s3:::secrets/key', 's3:GetObject', 'ExplicitDeny', ['NoSecrets']],
    ['arn:aws:s3:::public/a.txt', 's3:PutObject', 'ImplicitDeny', []],
  ];
  for (const [resource, action, decision, sids] of cases) {
    const result = await client.request('iam/simulate', { uri, action, resource });
    assert.equal(result.decision, decision, `${action} on ${resource}`);
    assert.equal(result.error, undefined);
    assert.deepEqual(result.decidingStatements.map((statement: any) => statement.sid), sids);
    for (const statement of result.decidingStatements) {
      const line = statement.sid === 'ReadAll' ? 3 : 4;
      const lineText = SIMULATED.split('\n')[line]!;
      assert.deepEqual(statement.range, range(line, lineText.indexOf('{'), lineText.lastIndexOf('}') + 1));
    }
    assert.equal(result.statements.length, 2);
  }
});

test('iam/simulate on an RCP: it denies requests to the services RCPs govern, and does not apply to others', async () => {
  const uri = nextUri('perimeter.rcp.json');
  client.open(uri, '{"Version": "2012-10-17", "Statement": [{"Sid": "DenyAll", "Effect": "Deny", "Principal": "*", "Action": "*", "Resource": "*"}]}');
  const s3 = await client.request('iam/simulate', { uri, action: 's3:GetObject', resource: 'arn:aws:s3:::b/k' });
  assert.equal(s3.decision, 'ExplicitDeny');
  assert.deepEqual(s3.decidingStatements.map((statement: any) => statement.sid), ['DenyAll']);
  const ec2 = await client.request('iam/simulate', { uri, action: 'ec2:RunInstances', resource: '*' });
  assert.equal(ec2.decision, 'ImplicitDeny', 'no identity policy allows it, and the RCP does not deny it');
  assert.deepEqual(ec2.decidingStatements, []);
});

test('iam/simulate answers an unknown or policy-less document with an error, not a failure', async () => {
  const unknown = await client.request('iam/simulate', { uri: 'file:///never/opened.json', action: 's3:GetObject', resource: '*' });
  assert.equal(unknown.decision, 'ImplicitDeny');
  assert.match(unknown.error, /not open/);
  const { uri } = await openAndWait('{"name": "x"}', 'package.json');
  const empty = await client.request('iam/simulate', { uri, action: 's3:GetObject', resource: '*' });
  assert.match(empty.error, /no IAM policy/);
  const malformed = await client.request('iam/simulate', { uri });
  assert.equal(typeof malformed.error, 'string');
});

test('iam/actionsInDocument lists the actions and resources the document names', async () => {
  const uri = nextUri();
  client.open(uri, SIMULATED);
  const result = await client.request('iam/actionsInDocument', { uri });
  assert.deepEqual(result, { actions: ['s3:Get*', 's3:GetObject'], resources: ['*', 'arn:aws:s3:::secrets/*'] });
  assert.deepEqual(await client.request('iam/actionsInDocument', { uri: 'file:///nope.json' }), { actions: [], resources: [] });
});

const HOSTILE: [name: string, text: () => string][] = [
  ['binary garbage', () => Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)).toString('latin1')],
  ['Statement nested 5000 deep', () => '{"Statement": ' + '['.repeat(5000)],
  ['objects nested 100000 deep', () => '{"a":'.repeat(100_000)],
  ['lone surrogates and NULs', () => '{"Statement": [{"Effect": "\ud800\u0000", "Action": "s3:\udfff"}]}'],
  [
    'a 2 MB policy',
    () => {
      const statement = '{"Effect": "Allow", "Action": ["s3:GetObject", "s3:GetObjct"], "Resource": "arn:aws:s3:::bucket/key"}';
      const count = Math.ceil((2 * 1024 * 1024) / statement.length);
      return `{"Version": "2012-10-17", "Statement": [${Array(count).fill(statement).join(',\n')}]}`;
    },
  ],
];

for (const [name, make] of HOSTILE) {
  test(`the server survives ${name} and keeps answering`, async () => {
    const text = make();
    const uri = nextUri();
    const since = client.diagnostics.length;
    client.open(uri, text);
    const end = positionAt(text, text.length);
    const middle = positionAt(text, text.length >> 1);
    for (const position of [end, middle, { line: 0, character: 1 }]) {
      await client.request('textDocument/completion', { textDocument: { uri }, position }, 30_000);
      await client.request('textDocument/hover', { textDocument: { uri }, position }, 30_000);
    }
    await client.request('iam/simulate', { uri, action: 's3:GetObject', resource: '*' }, 30_000);
    await client.waitForDiagnostics(uri, () => true, since, 30_000);

    const probe = await openAndWait(POLICY);
    assert.ok(probe.published.diagnostics.some((d) => d.code === 'IAM102'), 'a normal document is still validated');
    assert.ok(client.alive);
    assert.deepEqual(client.logs.filter((line) => /uncaught|unhandled/.test(line)), []);
  });
}
