import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { formatPath, hover, lintDocument, parsePolicyFile, UNKNOWN_MARK } from '../../src';
import { realCatalog } from '../fixtures/catalog';
import { loadTestHcl } from '../fixtures/hcl';

// IRSA trust policies name their condition keys after the cluster's OIDC provider, computed by an
// expression: "${replace(aws_iam_openid_connect_provider.eks.url, "https://", "")}:sub". Such a key
// keeps its place, its computed part unknown: the condition is there, and nothing about its name is
// reported.

before(loadTestHcl);
const catalog = realCatalog();

const IRSA = `resource "aws_iam_openid_connect_provider" "eks" {
  url            = "https://oidc.eks.us-east-1.amazonaws.com/id/EXAMPLE"
  client_id_list = ["sts.amazonaws.com"]
}

resource "aws_iam_role" "vpc_cni" {
  name = "vpc-cni"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Federated = aws_iam_openid_connect_provider.eks.arn }
      Action    = "sts:AssumeRoleWithWebIdentity"
      Condition = {
        StringEquals = {
          "\${replace(aws_iam_openid_connect_provider.eks.url, "https://", "")}:sub" = "system:serviceaccount:kube-system:aws-node"
          (var.audience_key) = "sts.amazonaws.com"
        }
      }
    }]
  })
}
`;

test('computed keys keep their place, with their unknown parts marked', () => {
  const file = parsePolicyFile(IRSA, { fileName: 'main.tf' });
  const [trust] = file.policies;
  assert.equal(trust?.type, 'trust');
  const keys = trust!.statements[0]!.condition!.blocks[0]!.entries.map((entry) => entry.key);
  assert.deepEqual(keys, [`${UNKNOWN_MARK}:sub`, UNKNOWN_MARK]);
});

test('nothing is reported about them, and the block is not empty', () => {
  const file = parsePolicyFile(IRSA, { fileName: 'main.tf' });
  assert.deepEqual(lintDocument(file, catalog).map((finding) => `${finding.ruleId} ${finding.message}`), []);
});

test('hover on a computed key says what is known of it', () => {
  const file = parsePolicyFile(IRSA, { fileName: 'main.tf' });
  const markdown = hover(file, IRSA.indexOf(':sub" =') - 3, catalog)?.markdown ?? '';
  assert.match(markdown, /^\*\*…:sub\*\* — a condition key whose name is known only when the template is deployed/);
});

test('a path through a computed key shows its unknown part as "…"', () => {
  const file = parsePolicyFile(IRSA, { fileName: 'main.tf' });
  const value = file.policies[0]!.statements[0]!.condition!.blocks[0]!.entries[0]!.property.value!;
  assert.equal(formatPath(value.path.slice(-3)), 'Condition.StringEquals["…:sub"]');
});
