import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { lintDocument, parsePolicyFile, simulate, type SourcedPolicy } from '../../src';
import { fixtureCatalog } from '../fixtures/catalog';
import { loadTestHcl } from '../fixtures/hcl';

// A Terraform condition key or principal type that is a template over an input (the cluster autoscaler's
// `autoscaling:ResourceTag/kubernetes.io/cluster/${var.cluster_name}`) cannot be a key of the
// Condition object. The statement still has a condition: it is not reported as empty, and a decision
// that the statement makes says it rests on the unknown.

before(loadTestHcl);

const TEXT = `variable "cluster_name" {}

data "aws_iam_policy_document" "autoscaler" {
  statement {
    actions   = ["s3:GetObject"]
    resources = ["*"]

    condition {
      test     = "StringEquals"
      variable = "aws:ResourceTag/kubernetes.io/cluster/\${var.cluster_name}"
      values   = ["owned"]
    }
  }
}
`;

function read() {
  return parsePolicyFile(TEXT, { fileName: 'main.tf' });
}

it('a condition with an unknown key is not an empty Condition', () => {
  const rules = lintDocument(read(), fixtureCatalog()).map((finding) => finding.ruleId);
  assert.ok(!rules.includes('IAM017'), rules.join(', '));
  const condition = read().policies[0]!.statements[0]!.condition!.property.value!;
  assert.equal(condition.kind, 'string');
  assert.deepEqual(condition.kind === 'string' ? condition.unknowns?.map((part) => part.source) : [], ['var.cluster_name']);
});

it('a decision taken by that statement rests on the unknown condition', () => {
  const file = read();
  const identity: SourcedPolicy[] = file.policies.map((policy) => ({ policy, source: 'main.tf', file }));
  const result = simulate({ identity }, { action: 's3:GetObject', resource: 'arn:aws:s3:::b/k' });
  assert.equal(result.decision, 'Allow');
  assert.deepEqual(result.dependsOn?.unknowns.map((part) => part.source), ['var.cluster_name']);
  assert.ok(result.notes?.some((note) => note.includes('var.cluster_name')), result.notes?.join('\n'));
});

it('a principals block whose type is known only when Terraform runs is not an empty Principal', () => {
  const text = `variable "principals" {}

data "aws_iam_policy_document" "assume" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = element(keys(var.principals), 0)
      identifiers = var.principals[element(keys(var.principals), 0)]
    }
  }
}

resource "aws_iam_role" "r" {
  assume_role_policy = data.aws_iam_policy_document.assume.json
}
`;
  const file = parsePolicyFile(text, { fileName: 'main.tf' });
  const rules = lintDocument(file, fixtureCatalog()).map((finding) => finding.ruleId);
  assert.ok(!rules.includes('IAM017'), rules.join(', '));
  const principal = file.policies[0]!.statements[0]!.principal!.property.value!;
  assert.equal(principal.kind, 'string');
  assert.ok(principal.kind === 'string' && principal.unknowns?.some((part) => part.source.startsWith('element(')), JSON.stringify(principal));
});
