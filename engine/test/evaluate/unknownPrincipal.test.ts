import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { parsePolicyFile, simulate, type SourcedPolicy } from '../../src';
import { loadTestHcl } from '../fixtures/hcl';

// A Principal value with a part known only after deployment names the caller "maybe", as an unknown
// part of an Action or Resource matches: the decision is taken, and says what it rests on.

before(loadTestHcl);

function trust(principals: string): SourcedPolicy[] {
  const text = `variable "account_id" {}

data "aws_iam_policy_document" "assume" {
  statement {
    actions = ["sts:AssumeRole", "sts:AssumeRoleWithWebIdentity"]
    principals {
${principals}
    }
  }
}

resource "aws_iam_role" "r" {
  assume_role_policy = data.aws_iam_policy_document.assume.json
}
`;
  const file = parsePolicyFile(text, { fileName: 'main.tf' });
  return file.policies.map((policy) => ({ policy, source: 'main.tf', file }));
}

const IDENTITY: SourcedPolicy[] = (() => {
  const file = parsePolicyFile('{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sts:AssumeRole", "Resource": "*"}]}', { type: 'identity' });
  return file.policies.map((policy) => ({ policy, source: 'caller.json', file }));
})();

const assume = (policies: SourcedPolicy[], principal: string, action = 'sts:AssumeRole', identity: SourcedPolicy[] = []) =>
  simulate({ resource: policies, identity }, { action, resource: 'arn:aws:iam::111122223333:role/r', principal, resourceAccount: '111122223333' });

const sources = (result: ReturnType<typeof simulate>) => result.dependsOn?.unknowns.map((part) => part.source) ?? [];

describe('a Principal with unknown parts', () => {
  it('a role ARN in an unknown account names the role of that name: allowed, resting on the variable', () => {
    const role = trust('      type        = "AWS"\n      identifiers = ["arn:aws:iam::${var.account_id}:role/deployer"]');
    const result = assume(role, 'arn:aws:iam::111122223333:role/deployer');
    assert.equal(result.decision, 'Allow');
    assert.deepEqual(sources(result), ['var.account_id']);
    assert.ok(result.notes?.some((note) => note.includes('var.account_id')), result.notes?.join('\n'));
    // The known text around the unknown still rules callers out.
    assert.equal(assume(role, 'arn:aws:iam::111122223333:role/other').decision, 'ImplicitDeny');
    assert.equal(assume(role, 'ec2.amazonaws.com').decision, 'ImplicitDeny');
  });

  it('an account root in an unknown account names the account: the caller\'s own policy must allow too, as for any account principal', () => {
    const root = trust('      type        = "AWS"\n      identifiers = ["arn:aws:iam::${var.account_id}:root"]');
    assert.equal(assume(root, 'arn:aws:iam::111122223333:role/deployer').decision, 'ImplicitDeny');
    const result = assume(root, 'arn:aws:iam::111122223333:role/deployer', 'sts:AssumeRole', IDENTITY);
    assert.equal(result.decision, 'Allow');
    assert.deepEqual(sources(result), ['var.account_id']);
  });

  it('a Federated provider in an unknown account', () => {
    const oidc = trust('      type        = "Federated"\n      identifiers = ["arn:aws:iam::${var.account_id}:oidc-provider/token.actions.githubusercontent.com"]');
    const result = assume(oidc, 'arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com', 'sts:AssumeRoleWithWebIdentity');
    assert.equal(result.decision, 'Allow');
    assert.deepEqual(sources(result), ['var.account_id']);
    assert.equal(assume(oidc, 'arn:aws:iam::111122223333:oidc-provider/accounts.google.com', 'sts:AssumeRoleWithWebIdentity').decision, 'ImplicitDeny');
  });

  it('a known value that names the caller: the decision rests on nothing unknown', () => {
    const both = trust('      type        = "AWS"\n      identifiers = ["arn:aws:iam::${var.account_id}:role/deployer", "arn:aws:iam::111122223333:role/deployer"]');
    const result = assume(both, 'arn:aws:iam::111122223333:role/deployer');
    assert.equal(result.decision, 'Allow');
    assert.deepEqual(sources(result), []);
  });
});
