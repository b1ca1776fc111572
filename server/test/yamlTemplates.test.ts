import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { runCli, tempFolder } from './cliRunner';
import { LspClient, positionAt } from './lspClient';
import { nextUri } from './lspFixtures';

// CloudFormation templates in YAML, through the CLI and the server as separate processes.

const TEMPLATE = `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  AppRole:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Principal: { Service: lambda.amazonaws.com }
            Action: sts:AssumeRole
      Policies:
        - PolicyName: app
          PolicyDocument:
            Version: "2012-10-17"
            Statement:
              - Effect: Allow
                Action: [s3:GetObjekt, s3:GetObject]
                Resource: !Sub "arn:aws:s3:::\${Bucket}/*"
`;

let dir: string;
let cleanup: () => void;
let client: LspClient;

before(async () => {
  ({ dir, cleanup } = tempFolder({
    'infra/stack.yaml': TEMPLATE,
    // Not a policy and not valid YAML until rendered: skipped when a directory is walked.
    'infra/chart/templates/deployment.yaml': 'spec:\n  replicas: {{ .Values.replicas }}\n  - bad: [\n',
    'infra/.github/ci.yml': 'on: push\n',
  }));
  client = new LspClient();
  await client.initialize();
});

after(async () => {
  assert.equal(await client.close(), 0, client.stderr);
  cleanup();
});

test('check finds the unknown action in a YAML template, at its YAML line and column', () => {
  const result = runCli(dir, ['check', 'infra/stack.yaml']);
  assert.equal(result.status, 1, result.stderr);
  const line = TEMPLATE.split('\n').findIndex((text) => text.includes('s3:GetObjekt'));
  const column = TEMPLATE.split('\n')[line]!.indexOf('s3:GetObjekt') + 1;
  assert.ok(result.stdout.includes(`infra/stack.yaml:${line + 1}:${column}: error IAM102 Unknown action "s3:GetObjekt"`), result.stdout);
});

test('walking a directory checks YAML templates and passes over YAML that is not a policy', () => {
  const result = runCli(dir, ['check', 'infra']);
  assert.equal(result.status, 1, result.stdout + result.stderr);
  assert.match(result.stdout, /stack\.yaml:\d+:\d+: error IAM102/);
  assert.doesNotMatch(result.stdout + result.stderr, /deployment\.yaml|ci\.yml/);
});

test('a broken YAML file named on the command line is an input error', () => {
  const result = runCli(dir, ['check', 'infra/chart/templates/deployment.yaml']);
  assert.equal(result.status, 2);
  assert.match(result.stderr, /deployment\.yaml: not valid YAML \(line \d+, column \d+: YAML syntax error: /);
});

test('simulate takes a role from a YAML template', () => {
  const result = runCli(dir, ['simulate', '--role', 'AppRole', '--template', 'infra/stack.yaml', '--action', 's3:GetObject', '--resource', 'arn:aws:s3:::uploads/a.png', '--format', 'json', '--explain']);
  assert.equal(result.status, 0, result.stderr);
  const { explanation } = JSON.parse(result.stdout);
  assert.ok(explanation.notes.includes('Simulated as role AppRole: 1 identity policy.'), result.stdout);
  const statement = explanation.statements[0];
  assert.equal(statement.policyLabel, 'inline policy app of AppRole');
  assert.equal(statement.action, 'match');
  // The statement's range is in the YAML text.
  assert.equal(statement.range.start.line, TEMPLATE.split('\n').findIndex((text) => text.includes('- Effect: Allow') && text.startsWith('              ')));
});

test('the server publishes diagnostics, hovers and completes values in a YAML document', async () => {
  const uri = nextUri('stack.yaml');
  const since = client.diagnostics.length;
  client.open(uri, TEMPLATE, 1, 'yaml');
  const published = await client.waitForDiagnostics(uri, (params) => params.diagnostics.some((diagnostic) => diagnostic.code === 'IAM102'), since);
  const diagnostic = published.diagnostics.find((candidate) => candidate.code === 'IAM102')!;
  const line = TEMPLATE.split('\n')[diagnostic.range.start.line]!;
  assert.equal(line.slice(diagnostic.range.start.character, diagnostic.range.end.character), 's3:GetObjekt');
  assert.deepEqual((diagnostic.data as { fixes: { replacement: string }[] }).fixes.map((fix) => fix.replacement), ['"s3:GetObject"']);
  const at = positionAt(TEMPLATE, TEMPLATE.indexOf('s3:GetObject]') + 4);
  const hovered = await client.request<any>('textDocument/hover', { textDocument: { uri }, position: at });
  assert.match(hovered?.contents?.value ?? '', /s3:GetObject/);
  const list = await client.request<any>('textDocument/completion', { textDocument: { uri }, position: at });
  assert.ok(list?.items?.some((item: { label: string }) => item.label === 's3:GetObject'), JSON.stringify(list).slice(0, 300));
});

test('the server completes a condition operator typed on its own line in YAML', async () => {
  const text = 'Version: "2012-10-17"\nStatement:\n  - Effect: Allow\n    Action: s3:GetObject\n    Resource: "*"\n    Condition:\n      StringEq\n';
  const uri = nextUri('policy.yaml');
  client.open(uri, text, 1, 'yaml');
  const list = await client.request<any>('textDocument/completion', { textDocument: { uri }, position: positionAt(text, text.indexOf('StringEq') + 'StringEq'.length) });
  const item = list?.items?.find((candidate: { label: string }) => candidate.label === 'StringEquals');
  assert.ok(item, JSON.stringify(list).slice(0, 300));
  assert.equal(item.textEdit?.newText ?? item.textEditText, 'StringEquals: ');
});
