import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parsePolicyFile } from '../../src/document';
import { readManagedPolicy } from '../../src/managed';
import { headline, summarizePolicy, summaryLines, type PolicySummary } from '../../src/summary';
import { realCatalog } from '../fixtures/catalog';
import { realManagedPolicies } from '../fixtures/managedPolicies';

const catalog = realCatalog();

function summary(statements: object[]): PolicySummary {
  const file = parsePolicyFile(JSON.stringify({ Version: '2012-10-17', Statement: statements }));
  return summarizePolicy(file.policies[0]!, catalog);
}

const levels = (result: PolicySummary, prefix: string) =>
  result.services.find((service) => service.prefix === prefix)?.levels.map((grant) => `${grant.extent} ${grant.level}`) ?? [];

test('wildcards expand per access level: Full when every action of the level is allowed', () => {
  const result = summary([{ Effect: 'Allow', Action: ['s3:List*', 's3:GetObject'], Resource: '*' }]);
  assert.deepEqual(levels(result, 's3'), ['Full List', 'Limited Read']);
  const read = result.services[0]!.levels[1]!;
  assert.equal(read.allowed, 1);
  assert.ok(read.total > 20);
  assert.deepEqual(read.sample, ['s3:GetObject']);
  assert.equal(read.unrestricted, true);
  assert.equal(headline(result), 'S3: Full List, Limited Read');
});

test('resources, conditions and principals that limit a grant are listed', () => {
  const result = summary([
    { Effect: 'Allow', Action: 's3:PutObject', Resource: 'arn:aws:s3:::reports/*', Condition: { StringEquals: { 'aws:SourceVpc': 'vpc-1' } } },
  ]);
  const write = result.services[0]!.levels[0]!;
  assert.equal(write.level, 'Write');
  assert.deepEqual(write.resources, ['arn:aws:s3:::reports/*']);
  assert.deepEqual(write.conditions, ['StringEquals aws:SourceVpc']);
  assert.equal(write.unrestricted, false);
  assert.match(summaryLines(result).join('\n'), /Limited Write \(1 of \d+ actions\): arn:aws:s3:::reports\/\*; when StringEquals aws:SourceVpc/);
});

test('an unconditional Deny on every resource takes actions away; any other Deny is a limit', () => {
  const removed = summary([
    { Effect: 'Allow', Action: 'ec2:*', Resource: '*' },
    { Effect: 'Deny', Action: 'ec2:*', Resource: '*' },
  ]);
  const ec2 = removed.services.find((service) => service.prefix === 'ec2')!;
  assert.deepEqual(ec2.levels, [], 'nothing of EC2 is left');
  assert.ok(ec2.denials.every((denial) => denial.effect === 'removes'));
  assert.equal(headline(removed), 'Grants nothing; denies EC2');

  const partly = summary([
    { Effect: 'Allow', Action: 'ec2:*', Resource: '*' },
    { Effect: 'Deny', Action: 'ec2:Terminate*', Resource: '*' },
    { Effect: 'Deny', Action: 'ec2:RunInstances', Resource: '*', Condition: { StringNotEquals: { 'aws:RequestedRegion': 'eu-west-1' } } },
  ]);
  const write = partly.services[0]!.levels.find((grant) => grant.level === 'Write')!;
  assert.equal(write.extent, 'Limited', 'TerminateInstances is gone');
  assert.ok(!partly.services[0]!.fullAccess);
  const denials = partly.services[0]!.denials;
  assert.equal(denials.length, 1);
  assert.equal(denials[0]!.effect, 'limits', 'one statement of the level is conditional');
  assert.deepEqual(denials[0]!.conditions, ['StringNotEquals aws:RequestedRegion']);
});

test('NotAction grants every other action of every service; unknown actions are reported, not counted', () => {
  const result = summary([{ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' }, { Effect: 'Allow', Action: 's3:GetObjekt', Resource: '*' }]);
  assert.equal(result.services.some((service) => service.prefix === 'iam'), false);
  assert.ok(result.services.length > 300);
  assert.ok(result.services.find((service) => service.prefix === 's3')!.fullAccess);
  assert.deepEqual(result.unrecognizedActions, ['s3:GetObjekt']);
  assert.equal(result.allowsEverything, false);
});

test('AWS managed policies: AdministratorAccess is full access, ReadOnlyAccess grants no Write', () => {
  const managed = realManagedPolicies();
  const admin = summarizePolicy(readManagedPolicy(managed, 'AdministratorAccess')!.file.policies[0]!, catalog);
  assert.equal(admin.allowsEverything, true);
  assert.ok(admin.services.every((service) => service.fullAccess));
  assert.match(headline(admin), /^Full access to all \d+ services$/);

  const readOnly = summarizePolicy(readManagedPolicy(managed, 'AmazonS3ReadOnlyAccess')!.file.policies[0]!, catalog);
  const s3 = readOnly.services.find((service) => service.prefix === 's3')!;
  assert.deepEqual(s3.levels.map((grant) => grant.level), ['List', 'Read']);
  assert.equal(s3.levels[0]!.extent, 'Full');
});

test('AWS managed policies (one in six) summarise without error, and no summary claims a level the catalogue lacks', () => {
  const managed = realManagedPolicies();
  // One policy in six keeps the suite fast; the six offsets cycle as the data grows.
  for (const info of managed.list().filter((_, index) => index % 6 === 0)) {
    const read = readManagedPolicy(managed, info.name)!;
    for (const policy of read.file.policies) {
      const result = summarizePolicy(policy, catalog);
      for (const service of result.services) {
        for (const grant of service.levels) {
          assert.ok(grant.allowed > 0 && grant.allowed <= grant.total, `${info.name} ${service.prefix} ${grant.level}`);
          assert.equal(grant.extent === 'Full', grant.allowed === grant.total);
        }
      }
    }
  }
});
