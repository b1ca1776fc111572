import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { ManagedPolicyDocumentResult } from '../src/protocol';
import { LspClient, positionAt } from './lspClient';
import { nextUri } from './lspFixtures';

// AWS managed policies over JSON-RPC: hover on an ARN (and a SAM policy name), completion where a
// managed policy goes, and the document request behind the hover's read-only link.

let client: LspClient;

before(async () => {
  client = new LspClient();
  await client.initialize();
});

after(async () => {
  assert.equal(await client.close(), 0, client.stderr);
});

const TEMPLATE = JSON.stringify(
  {
    AWSTemplateFormatVersion: '2010-09-09',
    Transform: 'AWS::Serverless-2016-10-31',
    Resources: {
      AppRole: {
        Type: 'AWS::IAM::Role',
        Properties: {
          AssumeRolePolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }] },
          ManagedPolicyArns: ['arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess', 'arn:aws:iam::aws:policy/AmazonS3Read'],
        },
      },
      Fn: { Type: 'AWS::Serverless::Function', Properties: { Handler: 'index.handler', Runtime: 'nodejs20.x', Policies: ['AmazonDynamoDBReadOnlyAccess'] } },
    },
  },
  null,
  2,
);

async function hoverAt(uri: string, text: string, needle: string): Promise<string> {
  const at = positionAt(text, text.indexOf(needle) + 5);
  const result = await client.request<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri }, position: at });
  return result?.contents.value ?? '';
}

test('hover on a managed policy ARN: name, version, date, what it grants and a read-only link', async () => {
  const uri = nextUri('template.json');
  client.open(uri, TEMPLATE);
  const markdown = await hoverAt(uri, TEMPLATE, 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess');
  assert.match(markdown, /\*\*AWS managed policy\*\* `AmazonS3ReadOnlyAccess` · default version v\d+ · updated 20\d\d-\d\d-\d\d/);
  assert.match(markdown, /S3: Full List, Limited Read/);
  assert.match(markdown, /\[Open the policy document \(read-only\)\]\(iam-managed-policy:\/AmazonS3ReadOnlyAccess\.json\)/);

  const unknown = await hoverAt(uri, TEMPLATE, 'arn:aws:iam::aws:policy/AmazonS3Read"');
  assert.match(unknown, /is not an AWS managed policy in the data this version ships/);

  const sam = await hoverAt(uri, TEMPLATE, 'AmazonDynamoDBReadOnlyAccess');
  assert.match(sam, /`AmazonDynamoDBReadOnlyAccess`/);
  assert.match(sam, /DynamoDB/);
});

test('completion of managed policy ARNs in ManagedPolicyArns and of names in SAM Policies', async () => {
  const uri = nextUri('template.json');
  client.open(uri, TEMPLATE);
  const inArns = TEMPLATE.indexOf('arn:aws:iam::aws:policy/AmazonS3Read"') + 'arn:aws:iam::aws:policy/AmazonS3Read'.length;
  const list = await client.request<{ items: { label: string; textEdit?: { newText: string } }[] }>('textDocument/completion', { textDocument: { uri }, position: positionAt(TEMPLATE, inArns) });
  const labels = list.items.map((item) => item.label);
  assert.ok(labels.includes('arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess'), labels.slice(0, 5).join(', '));
  assert.ok(labels.every((label) => label.startsWith('arn:aws:iam::aws:policy/')));

  const inSam = TEMPLATE.indexOf('AmazonDynamoDBReadOnlyAccess') + 'AmazonDynamo'.length;
  const names = await client.request<{ items: { label: string }[] }>('textDocument/completion', { textDocument: { uri }, position: positionAt(TEMPLATE, inSam) });
  assert.ok(names.items.some((item) => item.label === 'AmazonDynamoDBReadOnlyAccess'));
  assert.ok(names.items.every((item) => !item.label.startsWith('arn:')));
});

const TERRAFORM = `resource "aws_iam_role" "app" {
  name                 = "app"
  assume_role_policy   = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "lambda.amazonaws.com" } }] })
  managed_policy_arns  = ["arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess"]
  permissions_boundary = "arn:aws:iam::aws:policy/PowerUserAccess"
}

resource "aws_iam_role_policy_attachment" "logs" {
  role       = aws_iam_role.app.name
  policy_arn = "arn:aws:iam::aws:policy/service-role/AWSLambdaBasic"
}

resource "aws_iam_role_policy_attachment" "computed" {
  role       = aws_iam_role.app.name
  policy_arn = "arn:aws:iam::\${var.account}:policy/Mine"
}
`;

test('Terraform: hover on managed_policy_arns and permissions_boundary ARNs, completion in policy_arn', async () => {
  const uri = nextUri('main.tf');
  const since = client.diagnostics.length;
  client.open(uri, TERRAFORM, 1, 'terraform');
  // The server loads the HCL parser with the first Terraform document; its diagnostics say it has read it.
  await client.waitForDiagnostics(uri, () => true, since);
  const listed = await hoverAt(uri, TERRAFORM, 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess');
  assert.match(listed, /\*\*AWS managed policy\*\* `AmazonS3ReadOnlyAccess`/);
  assert.match(listed, /S3: Full List, Limited Read/);
  assert.match(await hoverAt(uri, TERRAFORM, 'arn:aws:iam::aws:policy/PowerUserAccess'), /`PowerUserAccess`/);

  const typed = 'arn:aws:iam::aws:policy/service-role/AWSLambdaBasic';
  const at = positionAt(TERRAFORM, TERRAFORM.indexOf(typed) + typed.length);
  const list = await client.request<{ items: { label: string }[] }>('textDocument/completion', { textDocument: { uri }, position: at });
  const labels = list.items.map((item) => item.label);
  assert.ok(labels.includes('arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole'), labels.slice(0, 5).join(', '));
  assert.ok(labels.every((label) => label.startsWith('arn:aws:iam::aws:policy/')));

  // A string made with an interpolation is not offered AWS managed policies.
  const computed = await client.request<{ items: { label: string }[] } | null>('textDocument/completion', {
    textDocument: { uri },
    position: positionAt(TERRAFORM, TERRAFORM.indexOf(':policy/Mine') + 8),
  });
  assert.ok(!(computed?.items ?? []).some((item) => item.label.startsWith('arn:aws:iam::aws:policy/')));
});

test('iam/managedPolicyDocument serves the document for the read-only view', async () => {
  const found = await client.request<ManagedPolicyDocumentResult>('iam/managedPolicyDocument', { name: 'AmazonS3ReadOnlyAccess' });
  assert.equal(found.arn, 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess');
  assert.match(found.text ?? '', /"s3:Get\*"/);
  const missing = await client.request<ManagedPolicyDocumentResult>('iam/managedPolicyDocument', { name: 'NoSuchPolicy' });
  assert.match(missing.error ?? '', /not an AWS managed policy/);
  assert.match((await client.request<ManagedPolicyDocumentResult>('iam/managedPolicyDocument', {})).error ?? '', /not an AWS managed policy/);
});
