import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { formatPath, hasUnknown, lintDocument, parsePolicyFile, renderValue, type PolicyFile } from '../../src';
import { fixtureCatalog } from '../fixtures/catalog';
import { loadTestHcl } from '../fixtures/hcl';

// How a Terraform module is read as its authors write it (the shapes of widely used public modules):
// inputs left to the caller, the size IAM sees, and which use of a document gives it its type.

before(loadTestHcl);
const catalog = fixtureCatalog();

function read(text: string): PolicyFile {
  return parsePolicyFile(text, { fileName: 'main.tf' });
}

function document(name: string, body: string): string {
  return `data "aws_iam_policy_document" "${name}" {\n${body}\n}\n`;
}

describe('inputs a module leaves to its caller (the shapes of widely used public IAM modules)', () => {
  const rulesOf = (text: string) => lintDocument(read(text), catalog).map((finding) => `${finding.ruleId} ${finding.severity}`);

  for (const [name, written] of [
    ['an empty list', '[]'],
    ['an empty map', '{}'],
    ['an empty string', '""'],
    ['null', 'null'],
  ] as const) {
    it(`a variable whose default is ${name} is an input, not that value`, () => {
      const text = `variable "arns" {\n  default = ${written}\n}\n${document('x', '  statement {\n    actions = ["s3:GetObject"]\n    resources = var.arns\n  }')}`;
      const resource = read(text).policies[0]!.statements[0]!.resource!;
      assert.ok(resource.values.length > 0 && resource.values.every((value) => hasUnknown(value)), JSON.stringify(resource.values.map((value) => value.value)));
      assert.equal(resource.values[0]?.unknowns?.[0]?.reason, 'a variable whose default is empty: its value is given where the configuration is used');
      assert.deepEqual(rulesOf(text).filter((rule) => rule.endsWith('error')), []);
    });
  }

  it('a default with content is still read as the value', () => {
    const text = `variable "arns" {\n  default = ["arn:aws:s3:::reports/*"]\n}\n${document('x', '  statement {\n    actions = ["s3:GetObject"]\n    resources = var.arns\n  }')}`;
    assert.equal(renderValue(read(text).policies[0]!.statements[0]!.resource!.values[0]!), 'arn:aws:s3:::reports/*');
  });

  it('a document made only of dynamic statements that the defaults switch off is not called empty', () => {
    const text = `variable "enable_github" {\n  default = false\n}\nvariable "permissions" {\n  default = null\n}\n${document(
      'trust',
      '  dynamic "statement" {\n    for_each = var.enable_github ? [1] : []\n    content {\n      actions = ["sts:AssumeRoleWithWebIdentity"]\n    }\n  }\n  dynamic "statement" {\n    for_each = var.permissions != null ? var.permissions : {}\n    content {\n      actions = statement.value.actions\n    }\n  }',
    )}`;
    const statement = read(text).policies[0]!.statementProperty!.value!;
    assert.ok(hasUnknown(statement), "the statements are the caller's to choose");
    const rules = rulesOf(text);
    assert.ok(!rules.includes('IAM004 error'), rules.join(', '));
    // The block whose for_each is not static is still reported once as not checked.
    assert.deepEqual(rules.filter((rule) => rule.startsWith('IAM023')), ['IAM023 info']);
  });

  it('a document made only of sources that cannot be read before Terraform runs is not called empty', () => {
    const text = `variable "attach_tls" {}\n${document('tls', '  statement {\n    effect = "Deny"\n    actions = ["s3:*"]\n  }')}${document(
      'combined',
      '  source_policy_documents = compact([\n    var.attach_tls ? data.aws_iam_policy_document.tls.json : "",\n  ])',
    )}`;
    const combined = read(text).policies.find((policy) => formatPath(policy.path) === 'data.aws_iam_policy_document.combined')!;
    assert.ok(hasUnknown(combined.statementProperty!.value));
    const rules = rulesOf(text);
    assert.ok(!rules.includes('IAM004 error'), rules.join(', '));
    assert.deepEqual(rules.filter((rule) => rule.startsWith('IAM023')), ['IAM023 info']);
  });

  it('a document with no statement at all is still empty', () => {
    assert.ok(rulesOf(document('x', '  version = "2012-10-17"')).includes('IAM004 error'));
  });
});

describe('policy size counts the JSON Terraform sends, not the HCL', () => {
  const sizeFindings = (text: string) => lintDocument(read(text), catalog).filter((finding) => finding.ruleId === 'IAM018');
  const statement = (index: number, resource: string) => `  statement {\n    sid       = "S${index}"\n    actions   = ["s3:GetObject"]\n    resources = [${resource}]\n  }`;
  const arn = (index: number) => `"arn:aws:s3:::a-bucket-with-a-rather-long-name-${String(index).padStart(4, '0')}/and/a/long/prefix/*"`;
  const many = (count: number, resource: (index: number) => string) => Array.from({ length: count }, (_, index) => statement(index, resource(index))).join('\n');

  it('a document whose JSON is over 6,144 characters is reported', () => {
    const found = sizeFindings(document('big', many(60, arn)));
    assert.equal(found.length, 1);
    assert.match(found[0]!.message, /over the 6,144 allowed/);
  });

  it('comments and layout in the HCL do not count', () => {
    const comment = `  # ${'A note on why this statement is here. '.repeat(40)}\n`;
    const text = document('commented', Array.from({ length: 6 }, (_, index) => comment + statement(index, arn(index))).join('\n'));
    assert.ok(text.length > 6144 * 1.2, `the HCL is ${text.length} characters`);
    assert.deepEqual(sizeFindings(text), []);
  });

  it('branches of a condition known only at deployment are not added up', () => {
    // Each branch alone fits; both together would not.
    const branch = (index: number) => `var.prod ? ${arn(index)} : ${arn(index + 1000)}`;
    assert.deepEqual(sizeFindings(`variable "prod" {}\n${document('branches', many(40, branch))}`), []);
  });
});

describe('types from where a document is used', () => {
  const typeOf = (text: string, address: string) => read(text).policies.find((policy) => formatPath(policy.path) === address)?.type;
  const doc = document('d', '  statement {\n    actions = ["sts:AssumeRole"]\n    principals {\n      type = "Service"\n      identifiers = ["ec2.amazonaws.com"]\n    }\n  }');
  const resource = (type: string, body: string) => `resource "${type}" "r" {\n${body}\n}\n`;

  it('assume_role_policy makes a trust policy', () => assert.equal(typeOf(doc + resource('aws_iam_role', '  assume_role_policy = data.aws_iam_policy_document.d.json'), 'data.aws_iam_policy_document.d'), 'trust'));
  it('aws_s3_bucket_policy makes a resource policy', () =>
    assert.equal(typeOf(doc + resource('aws_s3_bucket_policy', '  policy = data.aws_iam_policy_document.d.json'), 'data.aws_iam_policy_document.d'), 'resource'));
  it('through a local too', () =>
    assert.equal(typeOf(doc + 'locals {\n  p = data.aws_iam_policy_document.d.json\n}\n' + resource('aws_iam_role', '  assume_role_policy = local.p'), 'data.aws_iam_policy_document.d'), 'trust'));
  it('aws_iam_policy used as a permissions_boundary makes a boundary', () => {
    const text = resource('aws_iam_policy', '  policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "s3:*", Resource = "*" }] })') + 'resource "aws_iam_role" "app" {\n  permissions_boundary = aws_iam_policy.r.arn\n}\n';
    assert.equal(typeOf(text, 'aws_iam_policy.r.policy'), 'boundary');
  });
  const scp = (type: string) => resource('aws_organizations_policy', `${type}  content = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Deny", Action = "s3:*", Resource = "*" }] })`);
  it('aws_organizations_policy is an SCP by default', () => assert.equal(typeOf(scp(''), 'aws_organizations_policy.r.content'), 'scp'));
  it('aws_organizations_policy of type RESOURCE_CONTROL_POLICY is an RCP', () => assert.equal(typeOf(scp('  type = "RESOURCE_CONTROL_POLICY"\n'), 'aws_organizations_policy.r.content'), 'rcp'));
  it('a tag policy is not an IAM policy', () => assert.equal(typeOf(scp('  type = "TAG_POLICY"\n'), 'aws_organizations_policy.r.content'), undefined));
  it('an unused document takes its type from its content', () => assert.equal(typeOf(doc, 'data.aws_iam_policy_document.d'), 'trust'));
  it('an ECR repository creation template gives its repositories a policy that needs no Resource', () => {
    const ecr = document('repo', '  statement {\n    actions = ["ecr:BatchGetImage"]\n    principals {\n      type = "AWS"\n      identifiers = ["arn:aws:iam::111122223333:root"]\n    }\n  }');
    // As modules write it: a counted document, chosen by a condition.
    const text = `variable "own_policy" {}\n${ecr}${resource('aws_ecr_repository_creation_template', '  prefix = "team"\n  repository_policy = var.create ? data.aws_iam_policy_document.repo[0].json : var.own_policy')}`;
    assert.equal(typeOf(text, 'data.aws_iam_policy_document.repo'), 'resource');
    const rules = lintDocument(read(text), catalog).map((finding) => finding.ruleId);
    assert.ok(!rules.includes('IAM007'), rules.join(', '));
  });
  it('a counted document (NAME[0].json) and either branch of a condition are uses too', () => {
    // Read alone, the document looks like an identity policy; its use makes it a bucket policy.
    const plain = document('p', '  statement {\n    actions = ["s3:GetObject"]\n    resources = ["arn:aws:s3:::b/*"]\n  }');
    assert.equal(typeOf(plain, 'data.aws_iam_policy_document.p'), 'identity');
    const text = `variable "create" {}\nvariable "other" {}\n${plain}${resource('aws_s3_bucket_policy', '  policy = var.create ? data.aws_iam_policy_document.p[0].json : var.other')}`;
    assert.equal(typeOf(text, 'data.aws_iam_policy_document.p'), 'resource');
  });
  it('one(data.aws_iam_policy_document.x[*].json), the splat of a counted document, is a use too', () => {
    const plain = document('p', '  statement {\n    actions = ["s3:GetObject"]\n    resources = ["arn:aws:s3:::b/*"]\n  }');
    const text = `${plain}${resource('aws_s3_bucket_policy', '  policy = one(data.aws_iam_policy_document.p[*].json)')}`;
    assert.equal(typeOf(text, 'data.aws_iam_policy_document.p'), 'resource');
    // A function that builds something else from the JSON is not a use of the document as written.
    assert.equal(typeOf(`${plain}${resource('aws_s3_bucket_policy', '  policy = replace(data.aws_iam_policy_document.p.json, "a", "b")')}`, 'data.aws_iam_policy_document.p'), 'identity');
  });
  it('inline_policy blocks of a role are identity policies', () =>
    assert.equal(typeOf(resource('aws_iam_role', '  inline_policy {\n    policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "s3:GetObject", Resource = "*" }] })\n  }'), 'aws_iam_role.r.inline_policy[0].policy'), 'identity'));
});
