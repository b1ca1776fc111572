import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatPath, hasUnknown, lintDocument, parsePolicyFile, renderValue, type ValueNode } from '../../src';
import { realCatalog } from '../fixtures/catalog';

// templatefile()'s policies (.tftpl, .tpl): JSON whose ${...} and %{...} inside strings are filled in
// by the call, so they are unknown here; $${...} is a literal ${...}, the IAM policy variable.

const catalog = realCatalog();

const TRUST = `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Principal": { "Federated": "\${oidc_provider_arn}" },
      "Action": "sts:AssumeRoleWithWebIdentity",
      "Condition": { "StringEquals": { "\${oidc_hostname}:aud": "\${audience}" } }
    },
    {
      "Effect": "Allow",
      "Principal": { "\${principal_type}": ["arn:aws:iam::\${account_id}:root"] },
      "Action": "sts:AssumeRole"
    }
  ]
}`;

const PERMISSIONS = `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": ["\${service}:GetObject", "s3:GetObjekt"],
      "Resource": "arn:\${partition}:s3:::\${bucket}/home/$\${aws:username}/*"
    },
    { "Effect": "allow", "Action": "sqs:SendMessage", "Resource": "arn:aws:sqs:%{ if prod }us-east-1%{ else }eu-west-1%{ endif }:111122223333:q" }
  ]
}`;

function strings(node: ValueNode | undefined, out: string[] = []): string[] {
  if (node?.kind === 'string') out.push(`${formatPath(node.path)}=${renderValue(node)}${hasUnknown(node) ? ' (unknown parts)' : ''}`);
  if (node?.kind === 'array') for (const item of node.items) strings(item, out);
  if (node?.kind === 'object') for (const property of node.properties) strings(property.value, out);
  return out;
}

test('interpolations and directives are unknown parts; $${ is the policy variable it escapes', () => {
  const file = parsePolicyFile(PERMISSIONS, { fileName: 'policy.json.tftpl' });
  assert.deepEqual(file.syntaxProblems, []);
  const values = strings(file.policies[0]!.node);
  assert.ok(values.includes('Statement[0].Resource=arn:${partition}:s3:::${bucket}/home/${aws:username}/* (unknown parts)'), values.join('\n'));
  assert.ok(values.includes('Statement[1].Resource=arn:aws:sqs:${if prod}us-east-1${else}eu-west-1${endif}:111122223333:q (unknown parts)'), values.join('\n'));
  const variable = file.policies[0]!.statements[0]!.resource!.values[0]!;
  assert.equal(variable.value.includes('${aws:username}'), true, 'the escaped policy variable is a literal ${...} again');
});

test('lint: nothing on what templatefile() fills in, keys included; the template\'s own mistakes still found', () => {
  for (const fileName of ['trust.tftpl', 'trust.tpl', 'trust.json.tpl']) {
    const trust = parsePolicyFile(TRUST, { fileName });
    assert.deepEqual(trust.policies.map((policy) => policy.type), ['trust'], fileName);
    assert.deepEqual(lintDocument(trust, catalog).filter((finding) => finding.severity === 'error'), [], fileName);
  }
  const permissions = parsePolicyFile(PERMISSIONS, { fileName: 'policy.tftpl' });
  const errors = lintDocument(permissions, catalog).filter((finding) => finding.severity === 'error').map((finding) => `${finding.ruleId} ${formatPath(finding.path)}`);
  assert.deepEqual(errors.sort(), ['IAM005 Statement[1].Effect', 'IAM102 Statement[0].Action[1]']);
});

test('the same text in a .json file is read as written: ${...} is not a Terraform interpolation there', () => {
  const asJson = parsePolicyFile(PERMISSIONS, { fileName: 'policy.json' });
  const errors = lintDocument(asJson, catalog).filter((finding) => finding.ruleId === 'IAM210');
  assert.ok(errors.length > 0, 'a keyless ${partition} in a policy file is reported');
});
