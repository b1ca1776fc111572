import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseJsonOutput, runCli, tempFolder } from './cliRunner';
import { LspClient, positionAt } from './lspClient';
import { nextUri } from './lspFixtures';

// Policies written as JSON strings, as AWS CLI get-*-policy commands and Terraform plans hold them:
// checked by the CLI and the server, simulated from the CLI.

const BUCKET_POLICY = {
  Version: '2012-10-17',
  Statement: [{ Sid: 'PublicRead', Effect: 'Allow', Principal: '*', Action: ['s3:GetObjekt', 's3:GetObject'], Resource: 'arn:aws:s3:::reports/*' }],
};
const OUTPUT = JSON.stringify({ Policy: JSON.stringify(BUCKET_POLICY) }, null, 2) + '\n';
const PLAN = JSON.stringify(
  {
    format_version: '1.2',
    resource_changes: [
      {
        address: 'aws_iam_role.app',
        type: 'aws_iam_role',
        change: { after: { assume_role_policy: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }] }) } },
      },
      { address: 'aws_iam_policy.admin', type: 'aws_iam_policy', change: { after: { policy: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] }) } } },
    ],
  },
  null,
  2,
);

let dir: string;
let cleanup: () => void;
let client: LspClient;

before(async () => {
  ({ dir, cleanup } = tempFolder({ 'bucket-policy.json': OUTPUT, 'plan.json': PLAN }));
  client = new LspClient();
  await client.initialize();
});

after(async () => {
  assert.equal(await client.close(), 0, client.stderr);
  cleanup();
});

test('check reports a finding inside the Policy string at its line and column in the file', () => {
  const result = runCli(dir, ['check', 'bucket-policy.json']);
  assert.equal(result.status, 1, result.stderr);
  const column = OUTPUT.split('\n')[1]!.indexOf('\\"s3:GetObjekt\\"') + 1;
  assert.match(result.stdout, new RegExp(`bucket-policy\\.json:2:${column}: error IAM102 Unknown action "s3:GetObjekt"`));
});

test('check --format json lists the policies of a Terraform plan by their attribute, with their types', () => {
  const output = parseJsonOutput(runCli(dir, ['check', '--format', 'json', '--fail-on', 'never', 'plan.json']));
  const policies = output.files[0].policies.map((policy: any) => [policy.path, policy.type, policy.findings.map((finding: any) => finding.code)]);
  assert.deepEqual(policies.map((policy: any) => policy.slice(0, 2)), [
    ['resource_changes[0].change.after.assume_role_policy', 'trust'],
    ['resource_changes[1].change.after.policy', 'identity'],
  ]);
  assert.ok(policies[1][2].length > 0, 'Allow * on * is reported');
});

test('simulate takes get-bucket-policy output as a resource policy', () => {
  const result = runCli(dir, [
    'simulate', '--resource-policy', 'bucket-policy.json', '--action', 's3:GetObject', '--resource', 'arn:aws:s3:::reports/a.csv',
    '--principal', 'arn:aws:iam::111122223333:user/alice', '--resource-account', '111122223333', '--format', 'json',
  ]);
  assert.equal(result.status, 0, result.stderr);
  assert.equal(JSON.parse(result.stdout).decision, 'Allow');
});

test('the server publishes the embedded finding at the escaped text, with a fix that keeps the string valid', async () => {
  const uri = nextUri('bucket-policy.json');
  const since = client.diagnostics.length;
  client.open(uri, OUTPUT);
  const published = await client.waitForDiagnostics(uri, (params) => params.diagnostics.some((diagnostic) => diagnostic.code === 'IAM102'), since);
  const diagnostic = published.diagnostics.find((candidate) => candidate.code === 'IAM102')!;
  const line = OUTPUT.split('\n')[diagnostic.range.start.line]!;
  assert.equal(line.slice(diagnostic.range.start.character, diagnostic.range.end.character), '\\"s3:GetObjekt\\"');
  const actions = await client.request<any[]>('textDocument/codeAction', { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] } });
  const edit = actions.find((action) => /s3:GetObject/.test(action.title))?.edit?.changes?.[uri]?.[0];
  assert.ok(edit, JSON.stringify(actions));
  assert.equal(edit.newText, '\\"s3:GetObject\\"');
});

test('hover inside the string explains the action', async () => {
  const uri = nextUri('bucket-policy.json');
  client.open(uri, OUTPUT);
  const offset = OUTPUT.indexOf('s3:GetObject\\"') + 4;
  const result = await client.request<any>('textDocument/hover', { textDocument: { uri }, position: positionAt(OUTPUT, offset) });
  assert.ok(result, 'a hover');
  assert.match(result.contents.value, /s3:GetObject/);
});

test('Simulate Access covers the policy in the string, and its deciding statement is found in the file', async () => {
  const uri = nextUri('bucket-policy.json');
  client.open(uri, OUTPUT);
  const result = await client.request<any>('iam/simulate', {
    uri,
    action: 's3:GetObject',
    resource: 'arn:aws:s3:::reports/a.csv',
    principal: 'arn:aws:iam::111122223333:user/alice',
    resourceAccount: '111122223333',
    context: {},
  });
  assert.equal(result.decision, 'Allow', JSON.stringify(result));
  const [deciding] = result.decidingStatements;
  const line = OUTPUT.split('\n')[deciding.range.start.line]!;
  // The statement starts at its opening brace inside the Policy string.
  assert.equal(line.slice(deciding.range.start.character, deciding.range.start.character + 12), '{\\"Sid\\":\\"P');
  assert.match(deciding.source, /\(Policy\)$/);
});
