import { Prng } from './prng';

// Documents no person writes but an editor will still open: huge, deep, or not text at all. Shared by
// the pathological-input test and the worker that runs each one under a time limit.

const MB = 1024 * 1024;

/** A statement of one of a few everyday shapes, so every rule has something to look at. */
function statement(i: number): object {
  switch (i % 4) {
    case 0:
      return { Effect: 'Allow', Action: 's3:GetObject', Resource: `arn:aws:s3:::bucket-${i}/*` };
    case 1:
      return { Sid: `S${i}`, Effect: 'Deny', Action: ['ec2:Describe*', 'nosuch:Action'], Resource: '*', Condition: { StringEquals: { 'aws:RequestedRegion': 'eu-west-1' } } };
    case 2:
      return { Effect: 'Allow', NotAction: 'iam:*', Resource: `arn:aws:ec2:eu-west-1:111122223333:instance/i-${i}`, Condition: { IpAddress: { 'aws:SourceIp': `10.${i % 256}.0.0/16` } } };
    default:
      return { Effect: 'Allow', Action: 'iam:PassRole', Resource: `arn:aws:iam::111122223333:role/r${i}` };
  }
}

function policyOf(count: number, indent?: number): string {
  return JSON.stringify({ Version: '2012-10-17', Statement: Array.from({ length: count }, (_, i) => statement(i)) }, null, indent);
}

/** A CloudFormation template in YAML with `roles` roles, each with a trust and an inline policy. */
function yamlTemplate(roles: number): string {
  const lines = ['AWSTemplateFormatVersion: "2010-09-09"', 'Resources:'];
  for (let i = 0; i < roles; i++) {
    lines.push(
      `  Role${i}:`,
      '    Type: AWS::IAM::Role',
      '    Properties:',
      '      AssumeRolePolicyDocument:',
      '        Version: 2012-10-17',
      '        Statement:',
      '          - { Effect: Allow, Principal: { Service: lambda.amazonaws.com }, Action: sts:AssumeRole }',
      '      Policies:',
      `        - PolicyName: p${i}`,
      '          PolicyDocument:',
      '            Version: "2012-10-17"',
      '            Statement:',
      '              - Effect: Allow',
      '                Action: [s3:GetObject, "ec2:Describe*", nosuch:Action]',
      `                Resource: !Sub "arn:aws:s3:::\${Bucket}-${i}/*"`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/** A Terraform file of `documents` aws_iam_policy_document blocks, each used by a role. */
function terraformFile(documents: number): string {
  const blocks: string[] = ['variable "env" {\n  default = "prod"\n}\n'];
  for (let i = 0; i < documents; i++) {
    blocks.push(
      `data "aws_iam_policy_document" "d${i}" {\n  statement {\n    actions   = ["s3:GetObject", "nosuch:Action"]\n    resources = ["arn:aws:s3:::bucket-${i}/\${var.env}/*"]\n  }\n}\n`,
      `resource "aws_iam_role_policy" "r${i}" {\n  policy = data.aws_iam_policy_document.d${i}.json\n}\n`,
    );
  }
  return blocks.join('\n');
}

/** The same configuration in Terraform's JSON syntax, every resource ARN an interpolation. */
function terraformJsonFile(documents: number): string {
  const data: Record<string, unknown> = {};
  const policies: Record<string, unknown> = {};
  for (let i = 0; i < documents; i++) {
    data[`d${i}`] = { statement: [{ actions: ['s3:GetObject', 'nosuch:Action'], resources: [`arn:aws:s3:::bucket-${i}/\${var.env}/*`] }] };
    policies[`r${i}`] = { policy: `\${data.aws_iam_policy_document.d${i}.json}` };
  }
  return JSON.stringify({ variable: { env: { default: 'prod' } }, data: { aws_iam_policy_document: data }, resource: { aws_iam_role_policy: policies } }, null, 2);
}

function randomBytes(length: number, seed: number): Buffer {
  const rng = new Prng(seed);
  const bytes = Buffer.alloc(length);
  for (let i = 0; i < length; i++) bytes[i] = rng.int(0, 255);
  return bytes;
}

export interface HostileDocument {
  readonly name: string;
  /** The file name the document is opened under (YAML by extension); hostile.json by default. */
  readonly fileName?: string;
  /** Milliseconds allowed for parse, lint, completion, hover and simulation together. */
  readonly limitMs: number;
  readonly minLength?: number;
  make(): string;
}

export const HOSTILE_DOCUMENTS: readonly HostileDocument[] = [
  { name: 'a pretty-printed 10,000-statement policy', limitMs: 15_000, make: () => policyOf(10_000, 2) },
  { name: 'a one-line 1,000-statement policy cut short', limitMs: 10_000, make: () => policyOf(1_000).slice(0, -3) },
  { name: '5,000 nested arrays as the Action', limitMs: 5_000, make: () => `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":${'['.repeat(5_000)}"s3:*"${']'.repeat(5_000)},"Resource":"*"}]}` },
  { name: '5,000 nested objects as the Condition', limitMs: 5_000, make: () => `{"Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*","Condition":${'{"StringLike":'.repeat(5_000)}"x"${'}'.repeat(5_000)}}]}` },
  { name: '5,000 nested Statements', limitMs: 5_000, make: () => `${'{"Statement":'.repeat(5_000)}{"Effect":"Allow","Action":"s3:*","Resource":"*"}${'}'.repeat(5_000)}` },
  { name: '5,000 unclosed arrays', limitMs: 5_000, make: () => `{"Statement":[{"Action":${'['.repeat(5_000)}` },
  { name: '100,000 nested arrays', limitMs: 10_000, make: () => `{"Statement":[{"Effect":"Allow","Action":${'['.repeat(100_000)}${']'.repeat(100_000)}}]}` },
  { name: '100,000 nested objects', limitMs: 10_000, make: () => `{"Statement":${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}}` },
  { name: 'a 5 MB string as the Resource', limitMs: 20_000, minLength: 5 * MB, make: () => `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::${'a'.repeat(5 * MB)}"}]}` },
  { name: 'a 5 MB Action wildcard', limitMs: 20_000, minLength: 5 * MB, make: () => `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:${'*a'.repeat(2.5 * MB)}","Resource":"*"}]}` },
  { name: '5 MB of whitespace inside a policy', limitMs: 20_000, minLength: 5 * MB, make: () => `{"Version":"2012-10-17",${' \n\t'.repeat((5 * MB) / 3)}"Statement":[]}` },
  { name: 'an unterminated 5 MB block comment', limitMs: 20_000, minLength: 5 * MB, make: () => `{"Statement":[{"Effect":"Allow"}]} /*${'*'.repeat(5 * MB)}` },
  { name: '100,000 unknown actions in one statement', limitMs: 30_000, make: () => JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: Array.from({ length: 100_000 }, (_, i) => `s3:NoSuchAction${i}`), Resource: '*' }] }) },
  { name: 'a 5 MB array of numbers as the Action', limitMs: 30_000, minLength: 5 * MB, make: () => `{"Statement":[{"Effect":"Allow","Action":[${'1,'.repeat(2.5 * MB)}1]}]}` },
  { name: '1 MB of 500-statement policies in an authorization-details shape', limitMs: 15_000, minLength: MB, make: () => `{"Policies":[${Array.from({ length: 22 }, (_, i) => `{"PolicyName":"p${i}","PolicyVersionList":[{"Document":${policyOf(500)}}]}`).join(',')}]}` },
  { name: '1 MB of random bytes read as UTF-8', limitMs: 10_000, make: () => randomBytes(MB, 1).toString('utf8') },
  { name: '1 MB of random bytes read as Latin-1', limitMs: 10_000, make: () => randomBytes(MB, 2).toString('latin1') },
  { name: '1 MB of NUL', limitMs: 10_000, make: () => '\u0000'.repeat(MB) },
  { name: 'a PNG header followed by junk', limitMs: 5_000, make: () => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(64 * 1024, 3)]).toString('utf8') },
  { name: 'lone surrogates everywhere', limitMs: 5_000, make: () => Array.from({ length: 100_000 }, (_, i) => String.fromCharCode(0xd800 + (i % 0x800))).join('') },
  { name: 'a 1 MB YAML template of 2,100 roles', fileName: 'stack.yaml', limitMs: 30_000, minLength: MB, make: () => yamlTemplate(2_100) },
  { name: '100,000 nested YAML flow sequences', fileName: 'deep.yaml', limitMs: 10_000, make: () => `Statement: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n` },
  { name: 'YAML aliases nested ten deep (a billion laughs)', fileName: 'laughs.yaml', limitMs: 5_000, make: () => Array.from({ length: 10 }, (_, i) => `l${i}: &l${i} [${Array.from({ length: 10 }, () => (i === 0 ? '"lol"' : `*l${i - 1}`)).join(', ')}]`).join('\n') },
  { name: '5 MB of strings that might hold policies, most of them broken', limitMs: 30_000, minLength: 5 * MB, make: () => JSON.stringify({ Items: Array.from({ length: 60_000 }, (_, i) => ({ Policy: i % 50 === 0 ? policyOf(2) : `{"Statement": [${'{"Effect":"Allow"},'.repeat(3)}` })) }) },
  { name: 'a Terraform plan with 2,000 policies in strings', fileName: 'plan.json', limitMs: 30_000, make: () => JSON.stringify({ resource_changes: Array.from({ length: 2_000 }, (_, i) => ({ address: `aws_iam_policy.p${i}`, change: { after: { policy: policyOf(4) } } })) }) },
  { name: 'a 1 MB Terraform file of 4,000 policy documents', fileName: 'main.tf', limitMs: 30_000, minLength: MB, make: () => terraformFile(4_000) },
  { name: 'a 1 MB .tf.json of 4,000 policy documents', fileName: 'main.tf.json', limitMs: 30_000, minLength: MB, make: () => terraformJsonFile(4_000) },
  { name: '150,000 resources in a .tf.json (more than a call takes arguments)', fileName: 'many.tf.json', limitMs: 30_000, make: () => JSON.stringify({ resource: { aws_iam_role_policy: Object.fromEntries(Array.from({ length: 150_000 }, (_, i) => [`r${i}`, { policy: '${data.aws_iam_policy_document.d.json}' }])) } }) },
  { name: '100,000 nested arrays in a .tf.json local', fileName: 'deep.tf.json', limitMs: 10_000, make: () => `{"locals": {"x": ${'['.repeat(100_000)}${']'.repeat(100_000)}}}` },
  { name: '20,000 nested statement objects in a .tf.json', fileName: 'blocks.tf.json', limitMs: 10_000, make: () => `{"data": {"aws_iam_policy_document": {"x": ${'{"statement": '.repeat(20_000)}{}${'}'.repeat(20_000)}}}}` },
  { name: '100,000 nested HCL tuples', fileName: 'deep.tf', limitMs: 10_000, make: () => `locals {\n  x = ${'['.repeat(100_000)}${']'.repeat(100_000)}\n}\n` },
  { name: '20,000 nested HCL blocks', fileName: 'blocks.tf', limitMs: 10_000, make: () => `${'a {\n'.repeat(20_000)}${'}\n'.repeat(20_000)}` },
  { name: '20,000 unbalanced braces in a policy document', fileName: 'braces.tf', limitMs: 10_000, make: () => `data "aws_iam_policy_document" "x" {\n  statement {\n    actions = ["s3:GetObject"]\n${'  {'.repeat(20_000)}` },
  { name: 'a 1 MB heredoc policy', fileName: 'heredoc.tf', limitMs: 20_000, minLength: MB, make: () => `resource "aws_iam_policy" "p" {\n  policy = <<EOF\n${policyOf(6_000, 2)}\nEOF\n}\n` },
  { name: '1 MB of random bytes as a .tf file', fileName: 'random.tf', limitMs: 10_000, make: () => randomBytes(MB, 4).toString('utf8') },
  { name: '1 MB of random printable text as a .tf file', fileName: 'printable.tf', limitMs: 15_000, make: () => randomBytes(MB, 5).toString('latin1').replace(/[^\x20-\x7e\n]/g, '{') },
  { name: '600,000 unclosed interpolations in a Terraform policy template', fileName: 'policy.tftpl', limitMs: 10_000, minLength: MB, make: () => JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '${'.repeat(600_000) }] }) },
  { name: '300,000 closed interpolations in a Terraform policy template', fileName: 'policy.tftpl', limitMs: 10_000, minLength: MB, make: () => JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '${a}'.repeat(300_000) }] }) },
  {
    name: 'a 1 MB line of brackets in a YAML plain scalar, after a flow map only CloudFormation reads',
    fileName: 'brackets.yaml',
    limitMs: 10_000,
    minLength: MB,
    make: () => `Resources:\n  Model:\n    Type: AWS::ApiGateway::Model\n    Properties:\n      Schema: {"a": 1,\n      "b": 2}\n      Description: x${'a['.repeat(MB / 2)}\n`,
  },
  { name: 'a policy with random bytes in every string', limitMs: 10_000, make: () => { let n = 0; return policyOf(200).replace(/"([^"]*)"/g, () => JSON.stringify(randomBytes(n++ % 40, n).toString('latin1'))); } },
];
