import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { runCli, tempFolder } from './cliRunner';
import { LspClient } from './lspClient';
import { nextUri } from './lspFixtures';

// Serverless Framework configurations through the CLI and the server, each a separate process.

const CONFIG = `service: reports
custom:
  bucket: reports-\${sls:stage}
provider:
  name: aws
  runtime: nodejs20.x
  stage: \${opt:stage, 'prod'}
  iam:
    role:
      statements:
        - Effect: Allow
          Action:
            - s3:GetObjekt
            - s3:GetObject
          Resource: arn:aws:s3:::\${self:custom.bucket}/*
        - Effect: Allow
          Action: dynamodb:GetItem
          Resource: arn:aws:dynamodb:\${aws:region}:\${aws:accountId}:table/\${env:TABLE}
functions:
  read:
    handler: index.handler
`;

let dir: string;
let cleanup: () => void;
let client: LspClient;

before(async () => {
  ({ dir, cleanup } = tempFolder({ 'app/serverless.yml': CONFIG, 'app/package.json': '{"name": "app"}' }));
  client = new LspClient();
  await client.initialize();
});

after(async () => {
  assert.equal(await client.close(), 0, client.stderr);
  cleanup();
});

test('check finds the unknown action in serverless.yml and nothing about unresolved variables', () => {
  const result = runCli(dir, ['check', 'app', '--format', 'json']);
  assert.equal(result.status, 1, result.stderr);
  const [file] = JSON.parse(result.stdout).files;
  assert.match(file.file, /serverless\.yml$/);
  const findings = file.policies.flatMap((policy: { findings: { code: string; severity: string; path: string }[] }) => policy.findings);
  assert.deepEqual(
    findings.filter((finding: { severity: string }) => finding.severity !== 'info' && finding.severity !== 'hint').map((finding: { code: string; path: string }) => `${finding.code} ${finding.path}`),
    ['IAM102 Statement[0].Action[0]'],
  );
  assert.equal(file.policies[0].path, 'provider.iam.role.statements');
});

test('simulate as the execution role, by the service name, with variables resolved', () => {
  const allowed = runCli(dir, ['simulate', '--role', 'reports', '--template', 'app/serverless.yml', '--action', 's3:GetObject', '--resource', 'arn:aws:s3:::reports-prod/daily.csv', '--format', 'json']);
  assert.equal(allowed.status, 0, allowed.stderr);
  assert.equal(JSON.parse(allowed.stdout).decision, 'Allow');
  // The stage resolves to "prod" (the default of --stage written in the file), so another stage's bucket is not granted.
  const other = runCli(dir, ['simulate', '--role', 'IamRoleLambdaExecution', '--template', 'app/serverless.yml', '--action', 's3:GetObject', '--resource', 'arn:aws:s3:::reports-dev/daily.csv', '--format', 'json']);
  assert.equal(JSON.parse(other.stdout).decision, 'ImplicitDeny', other.stdout);
});

test('simulate: Lambda may assume the execution role, as the framework writes its trust policy', () => {
  const result = runCli(dir, [
    'simulate', '--role', 'reports', '--template', 'app/serverless.yml', '--action', 'sts:AssumeRole',
    '--resource', 'arn:aws:iam::111122223333:role/reports-prod-lambdaRole', '--principal', 'lambda.amazonaws.com', '--format', 'json',
  ]);
  assert.equal(result.status, 0, result.stdout + result.stderr);
  assert.equal(JSON.parse(result.stdout).decision, 'Allow');
});

test('the server publishes diagnostics for serverless.yml at the YAML text', async () => {
  const uri = nextUri('serverless.yml');
  const since = client.diagnostics.length;
  client.open(uri, CONFIG, 1, 'yaml');
  const published = await client.waitForDiagnostics(uri, (params) => params.diagnostics.some((diagnostic) => diagnostic.code === 'IAM102'), since);
  const line = CONFIG.split('\n');
  assert.deepEqual(
    published.diagnostics.filter((diagnostic) => diagnostic.severity === 1 || diagnostic.severity === 2).map((diagnostic) => `${diagnostic.code} ${line[diagnostic.range.start.line]!.slice(diagnostic.range.start.character, diagnostic.range.end.character)}`),
    ['IAM102 s3:GetObjekt'],
  );
});

test('the server completes actions on an empty list item and ARNs on an empty Resource in serverless.yml', async () => {
  const text = `service: reports
provider:
  name: aws
  iam:
    role:
      statements:
        - Effect: Allow
          Action:
            - 
          Resource: 
`;
  const uri = nextUri('serverless.yml');
  client.open(uri, text, 1, 'yaml');
  const lines = text.split('\n');
  const itemLine = lines.findIndex((line) => line.trim() === '-');
  const actions = await client.request<any>('textDocument/completion', { textDocument: { uri }, position: { line: itemLine, character: lines[itemLine]!.length } });
  // With nothing typed, as in JSON's "": the service prefixes (the first of them; the list is incomplete), each completing to "service:".
  assert.ok(actions?.items?.some((item: { label: string }) => item.label === 'apigateway'), JSON.stringify(actions?.items?.map((item: { label: string }) => item.label)).slice(0, 3000));
  assert.ok(actions?.items?.some((item: { label: string }) => item.label === 'athena'), JSON.stringify(actions?.items?.map((item: { label: string }) => item.label)).slice(0, 3000));
  const resourceLine = lines.findIndex((line) => line.includes('Resource:'));
  const resources = await client.request<any>('textDocument/completion', { textDocument: { uri }, position: { line: resourceLine, character: lines[resourceLine]!.length } });
  assert.ok(resources?.items?.some((item: { label: string }) => /^arn:|^"\*"$|^\*$/.test(item.label)), JSON.stringify(resources).slice(0, 300));
});

test('Simulate Access in serverless.yml offers the execution role, and a decision that rests on ${env:TABLE} says so', async () => {
  const uri = nextUri('serverless.yml');
  client.open(uri, CONFIG, 1, 'yaml');
  const template = await client.request<any>('iam/requestTemplate', { uri, position: { line: 0, character: 0 } });
  assert.ok(template.roles?.some((role: { name: string }) => role.name === 'IamRoleLambdaExecution'), JSON.stringify(template.roles));
  const result = await client.request<any>('iam/simulate', {
    uri,
    asRole: 'IamRoleLambdaExecution',
    action: 'dynamodb:GetItem',
    // The file sets no provider.region, so ${aws:region} is the framework's default, us-east-1.
    resource: 'arn:aws:dynamodb:us-east-1:111122223333:table/orders',
  });
  assert.equal(result.error, undefined, JSON.stringify(result));
  assert.equal(result.decision, 'Allow', JSON.stringify(result));
  assert.ok(result.dependsOn?.unknowns.some((unknown: { source: string }) => unknown.source.includes('env:TABLE')), JSON.stringify(result.dependsOn));
});
