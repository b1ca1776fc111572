import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { formatPath, hasUnknown, hover, lintDocument, parsePolicyFile, plainValue, renderValue, UNKNOWN_MARK, type PolicyFile, type StringNode, type ValueNode } from '../../src';
import { fixtureCatalog } from '../fixtures/catalog';
import { loadTestHcl } from '../fixtures/hcl';
import { forgetPreviousParse, parseHcl } from '../../src/hcl/parseHcl';

// Terraform files read into the same policies JSON gives: one table per construct.

before(loadTestHcl);
const catalog = fixtureCatalog();

function read(text: string): PolicyFile {
  return parsePolicyFile(text, { fileName: 'main.tf' });
}

/** Each policy as address → plain JSON (unknown parts shown as `${source}`). */
function policies(text: string): Record<string, unknown> {
  const file = read(text);
  return Object.fromEntries(file.policies.map((policy) => [formatPath(policy.path), shown(policy.node)]));
}

function shown(node: ValueNode): unknown {
  if (node.kind === 'string') return renderValue(node);
  if (node.kind === 'array') return node.items.map(shown);
  if (node.kind === 'object') return Object.fromEntries(node.properties.map((property) => [property.key, property.value ? shown(property.value) : undefined]));
  return plainValue(node);
}

function document(name: string, body: string): string {
  return `data "aws_iam_policy_document" "${name}" {\n${body}\n}\n`;
}

function statementOf(text: string, name = 'x', index = 0): unknown {
  const all = policies(text)[`data.aws_iam_policy_document.${name}`] as { Statement: unknown[] };
  return all.Statement[index];
}

describe('aws_iam_policy_document: each statement argument', () => {
  const cases: [string, string, unknown][] = [
    ['sid', 'sid = "Read"\nactions = ["s3:GetObject"]', { Sid: 'Read', Effect: 'Allow', Action: ['s3:GetObject'] }],
    ['effect', 'effect = "Deny"\nactions = ["s3:*"]', { Effect: 'Deny', Action: ['s3:*'] }],
    ['effect defaults to Allow', 'actions = ["s3:GetObject"]', { Effect: 'Allow', Action: ['s3:GetObject'] }],
    ['not_actions', 'not_actions = ["iam:*"]', { Effect: 'Allow', NotAction: ['iam:*'] }],
    ['resources', 'actions = ["s3:GetObject"]\nresources = ["arn:aws:s3:::b/*"]', { Effect: 'Allow', Action: ['s3:GetObject'], Resource: ['arn:aws:s3:::b/*'] }],
    ['not_resources', 'actions = ["s3:GetObject"]\nnot_resources = ["arn:aws:s3:::b/*"]', { Effect: 'Allow', Action: ['s3:GetObject'], NotResource: ['arn:aws:s3:::b/*'] }],
    [
      'principals',
      'actions = ["sts:AssumeRole"]\nprincipals {\n  type = "Service"\n  identifiers = ["ec2.amazonaws.com"]\n}',
      { Effect: 'Allow', Action: ['sts:AssumeRole'], Principal: { Service: ['ec2.amazonaws.com'] } },
    ],
    [
      'principals blocks of one type are merged',
      'actions = ["sts:AssumeRole"]\nprincipals {\n  type = "AWS"\n  identifiers = ["111122223333"]\n}\nprincipals {\n  type = "AWS"\n  identifiers = ["444455556666"]\n}',
      { Effect: 'Allow', Action: ['sts:AssumeRole'], Principal: { AWS: ['111122223333', '444455556666'] } },
    ],
    ['principals "*" is everyone', 'actions = ["s3:GetObject"]\nprincipals {\n  type = "*"\n  identifiers = ["*"]\n}', { Effect: 'Allow', Action: ['s3:GetObject'], Principal: '*' }],
    [
      'not_principals',
      'effect = "Deny"\nactions = ["s3:*"]\nnot_principals {\n  type = "AWS"\n  identifiers = ["arn:aws:iam::111122223333:root"]\n}',
      { Effect: 'Deny', Action: ['s3:*'], NotPrincipal: { AWS: ['arn:aws:iam::111122223333:root'] } },
    ],
    [
      'condition blocks, one test merged',
      'actions = ["s3:GetObject"]\ncondition {\n  test = "StringEquals"\n  variable = "aws:PrincipalAccount"\n  values = ["111122223333"]\n}\ncondition {\n  test = "StringEquals"\n  variable = "aws:PrincipalOrgID"\n  values = ["o-1"]\n}\ncondition {\n  test = "Bool"\n  variable = "aws:SecureTransport"\n  values = ["true"]\n}',
      {
        Effect: 'Allow',
        Action: ['s3:GetObject'],
        Condition: { StringEquals: { 'aws:PrincipalAccount': ['111122223333'], 'aws:PrincipalOrgID': ['o-1'] }, Bool: { 'aws:SecureTransport': ['true'] } },
      },
    ],
  ];
  for (const [name, body, expected] of cases) {
    it(name, () => assert.deepEqual(statementOf(document('x', `  statement {\n${body}\n  }`)), expected));
  }

  it('version defaults to 2012-10-17 and policy_id becomes Id', () => {
    const all = policies(document('x', '  policy_id = "p1"\n  statement {\n    actions = ["s3:GetObject"]\n  }')) as Record<string, { Version: string; Id: string }>;
    assert.equal(all['data.aws_iam_policy_document.x']!.Version, '2012-10-17');
    assert.equal(all['data.aws_iam_policy_document.x']!.Id, 'p1');
  });

  it('spans are on the HCL: a finding on an action points at its quoted string', () => {
    const text = document('x', '  statement {\n    actions = ["s3:GetObject", "s3:GetObjekt"]\n  }');
    const findings = lintDocument(read(text), catalog).filter((finding) => finding.ruleId === 'IAM102');
    assert.equal(findings.length, 1);
    assert.equal(text.slice(findings[0]!.span.offset, findings[0]!.span.offset + findings[0]!.span.length), '"s3:GetObjekt"');
    assert.equal(formatPath(findings[0]!.path), 'data.aws_iam_policy_document.x.Statement[0].Action[1]');
    // Replacing one quoted string is valid HCL: the fix is kept.
    assert.deepEqual(findings[0]!.fixes?.map((fix) => fix.replacement), ['"s3:GetObject"']);
  });

  it('a finding about a default (no Effect written) offers no fix that would insert JSON', () => {
    const text = document('x', '  statement {\n    effect = "allow"\n    actions = ["s3:GetObject"]\n  }');
    const finding = lintDocument(read(text), catalog).find((candidate) => candidate.ruleId === 'IAM005');
    assert.ok(finding, 'invalid effect reported');
    for (const fix of finding.fixes ?? []) assert.match(fix.replacement, /^"[^"]*"$/);
  });
});

describe('source_policy_documents and override_policy_documents: each merge rule', () => {
  const base = document('base', '  statement {\n    sid = "A"\n    actions = ["s3:GetObject"]\n  }\n  statement {\n    sid = "B"\n    actions = ["s3:ListBucket"]\n  }');
  const sids = (text: string, name: string) =>
    ((policies(text)[`data.aws_iam_policy_document.${name}`] as { Statement: { Sid?: string; Action: string[] }[] }).Statement).map((statement) => `${statement.Sid ?? '-'}:${statement.Action.join(',')}`);

  it('source statements come first, then the document\'s own', () => {
    const text = base + document('merged', '  source_policy_documents = [data.aws_iam_policy_document.base.json]\n  statement {\n    sid = "C"\n    actions = ["s3:PutObject"]\n  }');
    assert.deepEqual(sids(text, 'merged'), ['A:s3:GetObject', 'B:s3:ListBucket', 'C:s3:PutObject']);
  });

  it('an own statement with the Sid of a source statement takes its place', () => {
    const text = base + document('merged', '  source_policy_documents = [data.aws_iam_policy_document.base.json]\n  statement {\n    sid = "A"\n    actions = ["s3:DeleteObject"]\n  }');
    assert.deepEqual(sids(text, 'merged'), ['A:s3:DeleteObject', 'B:s3:ListBucket']);
  });

  it('an override statement with an existing Sid replaces it; a new Sid is appended', () => {
    const override = document('override', '  statement {\n    sid = "B"\n    actions = ["s3:ListAllMyBuckets"]\n  }\n  statement {\n    sid = "D"\n    actions = ["s3:GetBucketPolicy"]\n  }');
    const text = base + override + document('merged', '  source_policy_documents = [data.aws_iam_policy_document.base.json]\n  override_policy_documents = [data.aws_iam_policy_document.override.json]');
    assert.deepEqual(sids(text, 'merged'), ['A:s3:GetObject', 'B:s3:ListAllMyBuckets', 'D:s3:GetBucketPolicy']);
  });

  it('statements without a Sid are never replaced', () => {
    const noSid = document('plain', '  statement {\n    actions = ["s3:GetObject"]\n  }');
    const text = noSid + document('merged', '  source_policy_documents = [data.aws_iam_policy_document.plain.json]\n  statement {\n    actions = ["s3:PutObject"]\n  }');
    assert.deepEqual(sids(text, 'merged'), ['-:s3:GetObject', '-:s3:PutObject']);
  });

  it('a merged statement is reported once, where it is written', () => {
    const text = document('base', '  statement {\n    actions = ["s3:GetObjekt"]\n  }') + document('merged', '  source_policy_documents = [data.aws_iam_policy_document.base.json]');
    assert.equal(lintDocument(read(text), catalog).filter((finding) => finding.ruleId === 'IAM102').length, 1);
  });

  it('a source that is not a document of this configuration is a note, not a guess', () => {
    const text = 'variable "extra" {}\n' + document('merged', '  source_policy_documents = [var.extra]\n  statement {\n    actions = ["s3:GetObject"]\n  }');
    const notes = lintDocument(read(text), catalog).filter((finding) => finding.ruleId === 'IAM023');
    assert.equal(notes.length, 1);
    assert.match(notes[0]!.message, /var\.extra/);
  });
});

describe('references: each form', () => {
  const resources = (prelude: string, written: string) => {
    const text = `${prelude}\n${document('x', `  statement {\n    actions = ["s3:GetObject"]\n    resources = [${written}]\n  }`)}`;
    const statement = read(text).policies[0]!.statements[0]!;
    return statement.resource!.values[0]!;
  };
  const value = (node: StringNode) => renderValue(node);

  it('var with a default', () => assert.equal(value(resources('variable "b" {\n  default = "reports"\n}', '"arn:aws:s3:::${var.b}/*"')), 'arn:aws:s3:::reports/*'));
  it('var without a default is an unknown part with its reason', () => {
    const node = resources('variable "b" {}', '"arn:aws:s3:::${var.b}/*"');
    assert.equal(node.value, `arn:aws:s3:::${UNKNOWN_MARK}/*`);
    assert.deepEqual(node.unknowns?.map((part) => [part.source, part.reason]), [['var.b', 'a variable without a default']]);
  });
  it('local', () => assert.equal(value(resources('locals {\n  arn = "arn:aws:s3:::logs"\n}', 'local.arn')), 'arn:aws:s3:::logs'));
  it('a template over a local and a var', () =>
    assert.equal(value(resources('locals {\n  b = "logs"\n}\nvariable "p" {\n  default = "2024"\n}', '"arn:aws:s3:::${local.b}/${var.p}/*"')), 'arn:aws:s3:::logs/2024/*'));
  it('aws_s3_bucket.b.arn from the bucket\'s own name', () => assert.equal(value(resources('resource "aws_s3_bucket" "b" {\n  bucket = "reports"\n}', 'aws_s3_bucket.b.arn')), 'arn:aws:s3:::reports'));
  it('"${aws_s3_bucket.b.arn}/*"', () => assert.equal(value(resources('resource "aws_s3_bucket" "b" {\n  bucket = "reports"\n}', '"${aws_s3_bucket.b.arn}/*"')), 'arn:aws:s3:::reports/*'));
  it('aws_s3_bucket.b.arn with a generated name stays unknown', () => {
    const node = resources('resource "aws_s3_bucket" "b" {\n  bucket_prefix = "reports-"\n}', 'aws_s3_bucket.b.arn');
    assert.equal(node.value, UNKNOWN_MARK);
    assert.equal(node.unknowns?.[0]?.source, 'aws_s3_bucket.b.arn');
  });
  it('aws_iam_role.r.arn: the account is the unknown part', () => {
    const node = resources('resource "aws_iam_role" "r" {\n  name = "app"\n}', 'aws_iam_role.r.arn');
    assert.equal(renderValue(node), 'arn:aws:iam::${aws_iam_role.r.arn}:role/app');
  });
  for (const [name, written] of [
    ['module output', 'module.x.arn'],
    ['count.index', '"arn:aws:s3:::b-${count.index}"'],
    ['for expression', '[for b in var.l : b][0]'],
    ['function call', 'format("arn:aws:s3:::%s", "b")'],
  ] as const) {
    it(`${name} stays unknown`, () => assert.ok(hasUnknown(resources('', written)), written));
  }
  it('a condition in a list keeps both branches, each with its assumption', () => {
    const text = `variable "prod" {}\n${document('x', '  statement {\n    actions = [var.prod ? "s3:GetObject" : "s3:PutObject"]\n  }')}`;
    const actions = read(text).policies[0]!.statements[0]!.action!.values;
    assert.deepEqual(actions.map((action) => [action.value, action.assumptions?.[0]?.condition, action.assumptions?.[0]?.holds]), [
      ['s3:GetObject', 'var.prod', true],
      ['s3:PutObject', 'var.prod', false],
    ]);
  });
  it('an unknown never makes a finding, the literal parts still do', () => {
    const text = `variable "b" {}\n${document('x', '  statement {\n    actions = ["s3:GetObject", "s3:GetObjekt"]\n    resources = ["arn:aws:s3:::${var.b}/*", "${var.b}"]\n  }')}`;
    const rules = lintDocument(read(text), catalog).map((finding) => finding.ruleId);
    assert.deepEqual(rules, ['IAM102']);
  });
  it('dynamic "statement" over a static list is expanded', () => {
    const text = document('x', '  dynamic "statement" {\n    for_each = ["s3:GetObject", "s3:PutObject"]\n    content {\n      actions = [statement.value]\n    }\n  }');
    assert.deepEqual((policies(text)['data.aws_iam_policy_document.x'] as { Statement: { Action: string[] }[] }).Statement.map((statement) => statement.Action), [['s3:GetObject'], ['s3:PutObject']]);
  });
});

describe('policies written as JSON in HCL strings', () => {
  it('a heredoc: findings point into it and a one-string fix is kept', () => {
    const text = 'resource "aws_iam_policy" "p" {\n  policy = <<-EOF\n    {\n      "Version": "2012-10-17",\n      "Statement": [{"Effect": "Allow", "Action": "s3:GetObjekt", "Resource": "*"}]\n    }\n  EOF\n}\n';
    const finding = lintDocument(read(text), catalog).find((candidate) => candidate.ruleId === 'IAM102')!;
    assert.equal(text.slice(finding.span.offset, finding.span.offset + finding.span.length), '"s3:GetObjekt"');
    assert.deepEqual(finding.fixes?.map((fix) => fix.replacement), ['"s3:GetObject"']);
  });
  it('a quoted string: findings point at the escaped text, and no fix edits it', () => {
    const text = 'resource "aws_iam_policy" "p" {\n  policy = "{\\"Version\\": \\"2012-10-17\\", \\"Statement\\": [{\\"Effect\\": \\"Allow\\", \\"Action\\": \\"s3:GetObjekt\\", \\"Resource\\": \\"*\\"}]}"\n}\n';
    const finding = lintDocument(read(text), catalog).find((candidate) => candidate.ruleId === 'IAM102')!;
    assert.equal(text.slice(finding.span.offset, finding.span.offset + finding.span.length), '\\"s3:GetObjekt\\"');
    assert.equal(finding.fixes, undefined);
  });
  it('jsonencode: keys as names or strings', () => {
    const text = 'resource "aws_iam_role_policy" "p" {\n  policy = jsonencode({\n    Version = "2012-10-17"\n    "Statement" = [{ Effect = "Allow", Action = ["s3:GetObject"], Resource = "*" }]\n  })\n}\n';
    assert.deepEqual(policies(text), { 'aws_iam_role_policy.p.policy': { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['s3:GetObject'], Resource: '*' }] } });
  });
  it('an interpolation inside a JSON string is an unknown part of it', () => {
    const text = 'variable "b" {}\nresource "aws_s3_bucket_policy" "p" {\n  policy = <<EOF\n{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::${var.b}/*"}]}\nEOF\n}\n';
    const resource = read(text).policies[0]!.statements[0]!.resource!.values[0]!;
    assert.equal(renderValue(resource), 'arn:aws:s3:::${var.b}/*');
  });
});

describe('bad input gives diagnostics or nothing, never a crash', () => {
  const inputs: [string, string][] = [
    ['half-typed', document('x', '  statement {\n    actions = ["s3:Get')],
    ['unbalanced braces', '}}}{{{ data "aws_iam_policy_document" "x" { statement { actions = ["s3:GetObject"] }'],
    ['HCL that is not Terraform', 'job "x" {\n  group "y" {\n    count = 1\n  }\n}\n'],
    ['binary garbage', '\u0000\u0001\uFFFD\u0007'.repeat(500)],
    ['deeply nested expressions', `locals {\n  x = ${'['.repeat(3000)}${']'.repeat(3000)}\n}\n`],
    ['deeply nested blocks', `${'a {\n'.repeat(2000)}${'}\n'.repeat(2000)}`],
  ];
  for (const [name, text] of inputs) {
    it(name, () => {
      const file = read(text);
      assert.doesNotThrow(() => lintDocument(file, catalog));
    });
  }
  it('a syntax error in a file with policies is reported with its place', () => {
    const text = document('x', '  statement {\n    actions = ["s3:GetObject"]\n  }') + 'resource "aws_iam_role" "r" {\n  name = \n}\n';
    const syntax = lintDocument(read(text), catalog).filter((finding) => finding.ruleId === 'IAM001');
    assert.ok(syntax.length > 0);
    assert.match(syntax[0]!.message, /HCL/);
  });
});

describe('hover in a Terraform file', () => {
  const text = document('assume', '  statement {\n    actions = ["sts:AssumeRole"]\n    principals {\n      type        = "Service"\n      identifiers = ["ec2.amazonaws.com"]\n    }\n  }') + 'resource "aws_iam_role" "r" {\n  assume_role_policy = data.aws_iam_policy_document.assume.json\n}\n';
  const at = (needle: string) => hover(read(text), text.indexOf(needle) + 2, catalog)?.markdown ?? '';
  it('on a principals block and on the statement block: the role kind', () => {
    assert.match(at('principals'), /EC2 instance role/);
    assert.match(at('statement'), /EC2 instance role/);
  });
  it('on the role\'s assume_role_policy reference: the role kind of the document it names', () => {
    assert.match(at('data.aws_iam_policy_document.assume.json'), /EC2 instance role/);
  });
  it('on an action, an ARN, a condition key and a test in an HCL statement', () => {
    const policy = document(
      'read',
      '  statement {\n    actions   = ["s3:GetObject"]\n    resources = ["arn:aws:s3:::reports/*"]\n    condition {\n      test     = "Bool"\n      variable = "aws:SecureTransport"\n      values   = ["true"]\n    }\n  }',
    );
    const on = (needle: string) => hover(read(policy), policy.indexOf(needle) + 3, catalog)?.markdown ?? '';
    assert.match(on('s3:GetObject'), /GetObject/);
    assert.match(on('arn:aws:s3:::reports'), /object/i);
    assert.match(on('aws:SecureTransport'), /SecureTransport/);
    assert.match(on('"Bool"'), /Bool/);
  });
  it('a block name is escaped as user text, never live Markdown', () => {
    const named = document('*x*[y](z)', '  version = "2012-10-17"\n  statement {\n    actions = ["s3:GetObject"]\n  }');
    const markdown = hover(read(named), named.indexOf('version') + 2, catalog)?.markdown ?? '';
    assert.ok(markdown.includes('data.aws\\_iam\\_policy\\_document.\\*x\\*\\[y\\](z)'), markdown);
  });
});

describe('incremental parses', () => {
  it('give what a fresh parse gives, edit after edit, and after a parse that was stopped', () => {
    let text = document('x', '  statement {\n    actions = ["s3:GetObject"]\n  }');
    const edits: [string, string][] = [
      ['s3:GetObject', 's3:GetObjekt'],
      ['statement {', 'statement {\n    sid = "A"'],
      ['"A"', '"A'],
      ['"A', '"AB"'],
      ['data', '\r\ndata'],
    ];
    for (const [from, to] of edits) {
      text = text.replace(from, to);
      const incremental = JSON.stringify(parseHcl(text));
      forgetPreviousParse();
      assert.equal(incremental, JSON.stringify(parseHcl(text)), `after replacing ${from} with ${to}`);
    }
    // Printable garbage that tree-sitter's error recovery is slow on is stopped at its time budget;
    // the next document must not be read as the rest of that one.
    const stopped = parseHcl(`${'{ x'.repeat(200_000)}`, { budgetMs: 0 });
    assert.match(stopped.syntaxProblems[0]?.message ?? '', /reasonable time/);
    const after = parseHcl(text);
    assert.equal(after.syntaxProblems.length, 0);
    assert.equal(after.body?.blocks.length, 1);
  });
});

describe('documents re-read after an edit elsewhere in the file', () => {
  const MODULE = `variable "bucket" {
  default = "reports"
}

locals {
  prefix = "app"
}

resource "aws_s3_bucket" "logs" {
  bucket = "logs"
}

data "aws_iam_policy_document" "base" {
  statement {
    sid       = "Base"
    actions   = ["s3:GetObject"]
    resources = ["arn:aws:s3:::\${var.bucket}/*"]
  }
}

data "aws_iam_policy_document" "merged" {
  source_policy_documents = [data.aws_iam_policy_document.base.json]
  statement {
    sid       = "Own"
    actions   = ["s3:ListBucket"]
    resources = [aws_s3_bucket.logs.arn, "arn:aws:s3:::\${local.prefix}-data"]
  }
}
`;
  /** Every policy's statements as JSON with spans, read after `before` was read (the reader reuses what it can). */
  const readAfter = (before: string, text: string) => {
    read(before);
    return JSON.stringify(read(text).policies.map((policy) => [formatPath(policy.path), policy.node]));
  };
  const fresh = (text: string) => {
    forgetPreviousParse();
    // A different file in between: nothing of `text` is left to reuse.
    read(document('other', '  statement {\n    actions = ["s3:PutObject"]\n  }'));
    return JSON.stringify(read(text).policies.map((policy) => [formatPath(policy.path), policy.node]));
  };
  const edits: [string, string, string][] = [
    ['a merged document\'s action', '"s3:GetObject"', '"s3:GetObjekt"'],
    ['a merged document moved by an edit between it and the one merging it', 'data "aws_iam_policy_document" "merged"', '\n\ndata "aws_iam_policy_document" "merged"'],
    ['a variable default', '"reports"', '"reportz"'],
    ['a local', '"app"', '"apq"'],
    ['a bucket name', 'bucket = "logs"', 'bucket = "logz"'],
    ['the bucket removed', 'resource "aws_s3_bucket" "logs" {\n  bucket = "logs"\n}\n', ''],
    ['text before every block', 'variable "bucket"', '# a comment\nvariable "bucket"'],
  ];
  for (const [what, from, to] of edits) {
    it(`give what a fresh read gives: ${what}`, () => {
      assert.ok(MODULE.includes(from), from);
      const edited = MODULE.replace(from, to);
      const expected = fresh(edited);
      assert.notEqual(expected, fresh(MODULE), 'the edit changes nothing the test can see');
      assert.equal(readAfter(MODULE, edited), expected);
    });
  }
});
