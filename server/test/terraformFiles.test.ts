import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { CodeAction, Diagnostic } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { runCli, tempFolder } from './cliRunner';
import { LspClient, positionAt } from './lspClient';
import { nextUri } from './lspFixtures';

// Terraform files through the server (JSON-RPC, a separate process) and the CLI (a process on a folder).

const MAIN_TF = `variable "bucket" {
  default = "reports"
}

data "aws_iam_policy_document" "s3_read" {
  statement {
    sid       = "Read"
    actions   = ["s3:GetObjekt", "s3:ListBucket"]
    resources = ["arn:aws:s3:::\${var.bucket}", "arn:aws:s3:::\${var.bucket}/*"]

  }
}

data "aws_iam_policy_document" "assume" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["ec2.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "app" {
  name               = "app"
  assume_role_policy = data.aws_iam_policy_document.assume.json
}

resource "aws_iam_role_policy" "read" {
  role   = aws_iam_role.app.id
  policy = data.aws_iam_policy_document.s3_read.json
}
`;

const BUCKET_TF = `resource "aws_s3_bucket_policy" "b" {
  bucket = "reports"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "arn:aws:iam::111122223333:root" }
      Action    = "s3:PutObjekt"
      Resource  = "arn:aws:s3:::reports/*"
    }]
  })
}
`;

let dir: string;
let cleanup: () => void;
let client: LspClient;

before(async () => {
  ({ dir, cleanup } = tempFolder({ 'infra/main.tf': MAIN_TF, 'infra/bucket.tf': BUCKET_TF, 'infra/modules/empty/variables.tf': 'variable "x" {}\n' }));
  client = new LspClient();
  await client.initialize();
});

after(async () => {
  assert.equal(await client.close(), 0, client.stderr);
  cleanup();
});

test('check walks a folder of .tf files: Terraform addresses as policy paths, IAM paths and HCL ranges for findings', () => {
  const result = runCli(dir, ['check', '--format', 'json', 'infra']);
  assert.equal(result.status, 1, result.stderr);
  const { files } = JSON.parse(result.stdout) as { files: { file: string; policies: { path: string; type: string; findings: { code: string; path: string; range: { start: { line: number; character: number } } }[] }[] }[] };
  const main = files.find((file) => file.file.endsWith('main.tf'))!;
  assert.deepEqual(main.policies.map((policy) => `${policy.path} ${policy.type}`), ['data.aws_iam_policy_document.s3_read identity', 'data.aws_iam_policy_document.assume trust']);
  const finding = main.policies[0]!.findings.find((candidate) => candidate.code === 'IAM102')!;
  assert.equal(finding.path, 'Statement[0].Action[0]');
  const line = MAIN_TF.split('\n').findIndex((text) => text.includes('s3:GetObjekt'));
  assert.deepEqual(finding.range.start, { line, character: MAIN_TF.split('\n')[line]!.indexOf('"s3:GetObjekt"') });
  const bucket = files.find((file) => file.file.endsWith('bucket.tf'))!;
  assert.deepEqual(bucket.policies.map((policy) => `${policy.path} ${policy.type}`), ['aws_s3_bucket_policy.b.policy resource']);
  assert.equal(bucket.policies[0]!.findings[0]!.path, 'Statement[0].Action');
  // A .tf file with no policy is passed over when a folder is walked.
  assert.ok(!files.some((file) => file.file.endsWith('variables.tf')));
});

test('check gives SARIF with HCL ranges', () => {
  const result = runCli(dir, ['check', '--format', 'sarif', 'infra/main.tf']);
  const sarif = JSON.parse(result.stdout);
  const hit = sarif.runs[0].results.find((candidate: { ruleId: string }) => candidate.ruleId === 'IAM102');
  const line = MAIN_TF.split('\n').findIndex((text) => text.includes('s3:GetObjekt'));
  assert.equal(hit.locations[0].physicalLocation.region.startLine, line + 1);
});

test('the server publishes diagnostics with HCL ranges and a quick fix that edits the HCL', async () => {
  const uri = nextUri('main.tf');
  const since = client.diagnostics.length;
  client.open(uri, MAIN_TF, 1, 'terraform');
  const published = await client.waitForDiagnostics(uri, (params) => params.diagnostics.some((diagnostic) => diagnostic.code === 'IAM102'), since);
  const diagnostic = published.diagnostics.find((candidate) => candidate.code === 'IAM102')!;
  const document = TextDocument.create(uri, 'terraform', 1, MAIN_TF);
  assert.equal(document.getText(diagnostic.range), '"s3:GetObjekt"');
  const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic as Diagnostic] } });
  const fix = actions.find((action) => action.title.includes('s3:GetObject'));
  assert.ok(fix, JSON.stringify(actions));
  const edits = fix.edit!.changes![uri]!;
  const fixed = TextDocument.applyEdits(document, edits);
  assert.match(fixed, /actions {3}= \["s3:GetObject", "s3:ListBucket"\]/);
});

test('a .tf file opened as plain text is read as Terraform', async () => {
  const uri = nextUri('bucket.tf');
  const since = client.diagnostics.length;
  client.open(uri, BUCKET_TF, 1, 'plaintext');
  const published = await client.waitForDiagnostics(uri, (params) => params.diagnostics.some((diagnostic) => diagnostic.code === 'IAM102'), since);
  assert.ok(published.diagnostics.length > 0);
});

test('hover on an action and on a trust policy principal', async () => {
  const uri = nextUri('main.tf');
  client.open(uri, MAIN_TF, 1, 'opentofu');
  const onAction = await client.request<any>('textDocument/hover', { textDocument: { uri }, position: positionAt(MAIN_TF, MAIN_TF.indexOf('s3:ListBucket') + 4) });
  assert.match(onAction?.contents?.value ?? '', /ListBucket/);
  const onPrincipal = await client.request<any>('textDocument/hover', { textDocument: { uri }, position: positionAt(MAIN_TF, MAIN_TF.indexOf('ec2.amazonaws.com') + 3) });
  assert.match(onPrincipal?.contents?.value ?? '', /EC2/);
});

test('completion offers actions inside actions = [...], statement arguments in a statement block', async () => {
  const uri = nextUri('main.tf');
  const text = MAIN_TF.replace('"s3:ListBucket"]', '"s3:ListBucket", "s3:"]');
  client.open(uri, text, 1, 'terraform');
  const inString = await client.request<any>('textDocument/completion', { textDocument: { uri }, position: positionAt(text, text.indexOf('"s3:"]') + 4) });
  assert.ok(inString?.items?.some((item: { label: string }) => item.label === 's3:GetObject'), JSON.stringify(inString).slice(0, 300));
  // Between the items of the list: services, each opening its quoted string.
  const between = await client.request<any>('textDocument/completion', { textDocument: { uri }, position: positionAt(text, text.indexOf('["sts:AssumeRole"]') + 1) });
  const first = between?.items?.[0];
  assert.equal(first?.kind !== undefined, true, JSON.stringify(between).slice(0, 200));
  assert.match(first.textEdit?.newText ?? first.insertText, new RegExp(`^"${first.label}`));
  const blank = text.indexOf('"s3:"]\n') + text.slice(text.indexOf('"s3:"]\n')).indexOf('\n\n') + 1;
  const argumentsList = await client.request<any>('textDocument/completion', { textDocument: { uri }, position: positionAt(text, blank) });
  const labels = (argumentsList?.items ?? []).map((item: { label: string }) => item.label);
  assert.ok(labels.includes('principals') && labels.includes('condition') && !labels.includes('actions'), labels.join(','));
});

test('the role-kind code lens sits above an aws_iam_policy_document used as a trust policy', async () => {
  const uri = nextUri('main.tf');
  client.open(uri, MAIN_TF, 1, 'terraform');
  await client.waitForDiagnostics(uri);
  const lenses = await client.request<any[]>('textDocument/codeLens', { textDocument: { uri } });
  const lens = lenses.find((candidate) => /EC2/.test(candidate.command?.title ?? ''));
  assert.ok(lens, JSON.stringify(lenses));
  const assume = MAIN_TF.indexOf('"assume"');
  assert.equal(lens.range.start.line, MAIN_TF.slice(0, MAIN_TF.indexOf('statement {', assume)).split('\n').length - 1);
});

test('Simulate Access on a .tf document: the deciding statement is the HCL statement block', async () => {
  const uri = nextUri('main.tf');
  client.open(uri, MAIN_TF.replace('"s3:GetObjekt"', '"s3:GetObject"'), 1, 'terraform');
  await client.waitForDiagnostics(uri);
  const result = await client.request<any>('iam/simulate', { uri, action: 's3:GetObject', resource: 'arn:aws:s3:::reports/q3.csv' });
  assert.equal(result.decision, 'Allow');
  const deciding = result.statements.find((statement: { applies: boolean }) => statement.applies);
  assert.equal(deciding.range.start.line, MAIN_TF.split('\n').findIndex((line) => line.includes('statement {')));
});

test('Simulate Access as a role of the .tf document: the roles are offered, the one at the cursor first, and its policies decide', async () => {
  const text = MAIN_TF.replace('"s3:GetObjekt"', '"s3:GetObject"') + `
resource "aws_iam_role" "batch" {
  name               = "batch-runner"
  assume_role_policy = data.aws_iam_policy_document.assume.json
  managed_policy_arns = ["arn:aws:iam::aws:policy/ReadOnlyAccess"]
}
`;
  const uri = nextUri('main.tf');
  client.open(uri, text, 1, 'terraform');
  await client.waitForDiagnostics(uri);
  const document = TextDocument.create(uri, 'terraform', 1, text);
  const template = await client.request<any>('iam/requestTemplate', { uri, position: document.positionAt(text.indexOf('batch-runner')) });
  assert.deepEqual(
    template.roles.map((role: { name: string; detail?: string; containsCursor: boolean }) => [role.name, role.detail, role.containsCursor]),
    [
      ['aws_iam_role.batch', 'name batch-runner', true],
      ['aws_iam_role.app', 'name app', false],
    ],
  );

  // As the app role: its aws_iam_role_policy allows reading the bucket, and the deciding statement is highlighted in the HCL.
  const read = await client.request<any>('iam/simulate', { uri, action: 's3:GetObject', resource: 'arn:aws:s3:::reports/q3.csv', asRole: 'aws_iam_role.app' });
  assert.equal(read.decision, 'Allow', JSON.stringify(read));
  const deciding = read.statements.find((statement: { applies: boolean }) => statement.applies);
  assert.equal(deciding.range.start.line, text.split('\n').findIndex((line) => line.includes('statement {')));
  assert.ok(read.notes.some((note: string) => /Simulated as role app: 1 identity policy/.test(note)), read.notes.join('\n'));
  // Nothing of the app role allows writing; the batch role's AWS managed policy is not in the file and says so.
  assert.equal((await client.request<any>('iam/simulate', { uri, action: 's3:PutObject', resource: 'arn:aws:s3:::reports/x', asRole: 'app' })).decision, 'ImplicitDeny');
  const batch = await client.request<any>('iam/simulate', { uri, action: 's3:GetObject', resource: 'arn:aws:s3:::reports/q3.csv', asRole: 'batch' });
  assert.ok(batch.notes.some((note: string) => note.includes('arn:aws:iam::aws:policy/ReadOnlyAccess')), batch.notes.join('\n'));
  // Assuming the role: its trust policy, from the aws_iam_policy_document, against EC2.
  const assumed = await client.request<any>('iam/simulate', { uri, action: 'sts:AssumeRole', resource: '*', principal: 'ec2.amazonaws.com', asRole: 'app' });
  assert.equal(assumed.decision, 'Allow', JSON.stringify(assumed));
  assert.match((await client.request<any>('iam/simulate', { uri, action: 's3:GetObject', resource: '*', asRole: 'nope' })).error, /no role "nope"/);
});

const NETWORK_TF_JSON = `{
  "data": {
    "aws_iam_policy_document": {
      "endpoint": {
        "statement": [
          {
            "sid": "OnlyOurBuckets",
            "actions": ["s3:GetObjekt"],
            "resources": ["arn:aws:s3:::\${var.bucket}/*"],
            "principals": [{ "type": "*", "identifiers": ["*"] }]
          }
        ]
      }
    }
  },
  "variable": { "bucket": { "default": "reports" } },
  "resource": {
    "aws_vpc_endpoint": {
      "s3": { "vpc_id": "vpc-0a1b2c3d", "service_name": "com.amazonaws.eu-west-1.s3", "policy": "\${data.aws_iam_policy_document.endpoint.json}" }
    }
  }
}
`;

test('a .tf.json file: the server and the CLI read its Terraform, findings on the JSON text', async () => {
  const uri = nextUri('network.tf.json');
  const since = client.diagnostics.length;
  client.open(uri, NETWORK_TF_JSON, 1, 'json');
  const published = await client.waitForDiagnostics(uri, (params) => params.diagnostics.some((diagnostic) => diagnostic.code === 'IAM102'), since);
  const diagnostic = published.diagnostics.find((candidate) => candidate.code === 'IAM102')!;
  assert.equal(TextDocument.create(uri, 'json', 1, NETWORK_TF_JSON).getText(diagnostic.range), '"s3:GetObjekt"');

  const { dir: folder, cleanup: remove } = tempFolder({ 'net/network.tf.json': NETWORK_TF_JSON });
  try {
    const result = runCli(folder, ['check', '--format', 'json', 'net']);
    assert.equal(result.status, 1, result.stderr);
    const { files } = JSON.parse(result.stdout) as { files: { policies: { path: string; type: string; findings: { code: string; path: string }[] }[] }[] };
    assert.deepEqual(files[0]!.policies.map((policy) => `${policy.path} ${policy.type}`), ['data.aws_iam_policy_document.endpoint resource']);
    assert.deepEqual(files[0]!.policies[0]!.findings.filter((finding) => finding.code === 'IAM102').map((finding) => finding.path), ['Statement[0].Action[0]']);
  } finally {
    remove();
  }
});
