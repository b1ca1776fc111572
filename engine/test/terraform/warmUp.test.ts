import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { formatPath, lintDocument, parsePolicyFile, warmUpTerraform } from '../../src';
import { WARM_UP_SNIPPET } from '../../src/hcl/warmUp';
import { fixtureCatalog, realCatalog } from '../fixtures/catalog';
import { loadTestHcl } from '../fixtures/hcl';

// The server warms the Terraform reader with a built-in snippet while idle (server/src/hclPreload.ts).
// The warm-up must go through the reader's parts, and leave nothing behind that changes a later read.

before(loadTestHcl);
const catalog = fixtureCatalog();

const MAIN_TF = `variable "bucket" {
  default = "reports"
}

data "aws_iam_policy_document" "read" {
  statement {
    actions   = ["s3:GetObjekt"]
    resources = ["arn:aws:s3:::\${var.bucket}/*"]
  }
}

resource "aws_iam_policy" "read" {
  policy = data.aws_iam_policy_document.read.json
}
`;

function findings(text: string): string[] {
  return lintDocument(parsePolicyFile(text, { fileName: 'main.tf' }), catalog).map((finding) => `${finding.ruleId} ${finding.span.offset}+${finding.span.length} ${finding.message}`);
}

it('the warm-up snippet holds a policy of each kind the reader finds: a document, jsonencode, a heredoc, a trust policy', () => {
  const file = parsePolicyFile(WARM_UP_SNIPPET, { fileName: 'warm-up.tf' });
  assert.deepEqual(file.syntaxProblems, []);
  assert.deepEqual(
    file.policies.map((policy) => `${formatPath(policy.path)} ${policy.type}`),
    [
      'data.aws_iam_policy_document.read identity',
      'data.aws_iam_policy_document.assume trust',
      'aws_iam_policy.write.policy identity',
      'aws_sqs_queue_policy.q.policy resource',
    ],
  );
  // It is a correct configuration: what the server compiles while idle is the path of a real file.
  assert.deepEqual(lintDocument(file, realCatalog()).filter((finding) => finding.severity === 'error').map((finding) => finding.message), []);
});

it('a document read and edited after a warm-up reads as it does without one', () => {
  const edited = MAIN_TF.replace('GetObjekt', 'GetObjekx');
  const expected = [findings(MAIN_TF), findings(edited)];
  // Read once (the reader keeps this tree and these blocks for the next parse), then warm up in between.
  findings(MAIN_TF);
  assert.equal(warmUpTerraform(catalog), true);
  assert.deepEqual([findings(MAIN_TF), findings(edited)], expected);
  assert.ok(expected[0]!.some((line) => line.startsWith('IAM102')), expected[0]!.join('\n'));
});
