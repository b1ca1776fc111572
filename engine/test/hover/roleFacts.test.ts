import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hover } from '../../src/hover';
import { ROLE_DOCS, ROLE_FACTS, type RoleFact, type RoleFactId } from '../../src/roles';
import { NON_AWS_SOURCES } from '../../src/roles/docLinks';
import { realCatalog } from '../fixtures/catalog';
import { realManagedPolicies } from '../fixtures/managedPolicies';
import { parseWithCursor } from '../complete/cursor';

// Every fact of the role knowledge, checked in the hover where a user would look for it: the fact's
// sentence and a link to the AWS page it comes from must be there. Facts that must not be there (advice
// that does not fit the value) are checked too.

const catalog = realCatalog();
const managed = realManagedPolicies();

const trust = (principal: string, action = 'sts:AssumeRole', condition = '') =>
  `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": ${principal}, "Action": "${action}"${condition ? `, "Condition": ${condition}` : ''}}]}`;

const template = (resources: string) => `{"AWSTemplateFormatVersion": "2010-09-09", "Resources": {${resources}}}`;

const cfnRole = (principal: string) =>
  template(`"Role": {"Type": "AWS::IAM::Role", "Properties": {"AssumeRolePolicyDocument": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": ${principal}, "Action": "sts:AssumeRole"}]}}}`);

/** An authorization-details dump: a role in account 111111111111 whose trust policy names `principal`. */
const dumpedRole = (principal: string) =>
  `{"RoleDetailList": [{"RoleName": "Deploy", "Arn": "arn:aws:iam::111111111111:role/Deploy", "AssumeRolePolicyDocument": ${trust(principal)}, "RolePolicyList": []}], "UserDetailList": [], "GroupDetailList": [], "Policies": []}`;

const actionPolicy = (action: string) => `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "${action}", "Resource": "*"}]}`;

const bucketPolicy = (principal: string) =>
  `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": ${principal}, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::reports/*"}]}`;

interface FactCase {
  readonly where: string;
  /** A document with a `|` cursor marker where the user hovers. */
  readonly marked: string;
  readonly facts: readonly RoleFactId[];
  /** Facts that do not fit here and must be absent. */
  readonly absent?: readonly RoleFactId[];
}

const CASES: readonly FactCase[] = [
  {
    where: 'the EC2 service principal of a trust policy',
    marked: trust('{"Service": "ec2.amazon|aws.com"}'),
    facts: ['ec2NoStoredKeys', 'ec2InstanceProfile', 'ec2OneProfilePerInstance', 'ec2Fleet', 'ec2AutoScaling', 'ec2Credentials', 'ec2PassRole', 'ec2SourceInstance', 'ec2Imdsv2', 'ec2NotChaining'],
  },
  {
    where: 'an AWS::IAM::InstanceProfile resource of a template (its logical id)',
    marked: template('"Prof|ile": {"Type": "AWS::IAM::InstanceProfile", "Properties": {"Roles": [{"Ref": "Role"}]}}, "Role": {"Type": "AWS::IAM::Role", "Properties": {"AssumeRolePolicyDocument": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"}]}}}'),
    facts: ['instanceProfileContainer', 'instanceProfilePassRole'],
  },
  {
    where: 'an instance profile ARN in a launch template',
    marked: template('"LT": {"Type": "AWS::EC2::LaunchTemplate", "Properties": {"LaunchTemplateData": {"IamInstanceProfile": {"Arn": "arn:aws:iam::111122223333:instance-profile/Web|Fleet"}}}}'),
    facts: ['instanceProfileContainer', 'ec2OneProfilePerInstance', 'ec2Fleet', 'ec2AutoScaling', 'instanceProfileReplace', 'instanceProfileConsole', 'instanceProfilePassRole'],
  },
  {
    where: 'a Lambda service principal of a trust policy',
    marked: trust('{"Service": "lambda.amazon|aws.com"}'),
    facts: ['servicePrincipalMeaning', 'serviceRoleOwned', 'serviceRolePassRole', 'serviceRoleRunsYourCode', 'serviceRoleConfusedDeputy'],
    absent: ['serviceRoleNotLinked'],
  },
  {
    where: 'a service principal of a bucket policy',
    marked: bucketPolicy('{"Service": "cloudtrail.amazon|aws.com"}'),
    facts: ['servicePrincipalMeaning', 'resourcePolicyServicePrincipal', 'linkedPath'],
    absent: ['serviceRoleRunsYourCode'],
  },
  {
    where: '"*" as the principal of a bucket policy',
    marked: bucketPolicy('{"AWS": "|*"}'),
    facts: ['resourcePolicyEveryone', 'resourcePolicyOrgId'],
    absent: ['publicTrust'],
  },
  {
    where: 'an AWS managed policy ARN of a service-linked role in a template',
    marked: template('"R": {"Type": "AWS::IAM::Role", "Properties": {"ManagedPolicyArns": ["arn:aws:iam::aws:policy/aws-service-role/AmazonECSService|RolePolicy"]}}'),
    facts: ['awsManagedByAws', 'awsManagedBroad', 'awsManagedReferencePage', 'linkedPolicyAttached'],
    absent: ['awsManagedJobFunction', 'customerManaged'],
  },
  {
    where: 'a job function policy ARN in a template',
    marked: template('"R": {"Type": "AWS::IAM::Role", "Properties": {"ManagedPolicyArns": ["arn:aws:iam::aws:policy/job-function/View|OnlyAccess"]}}'),
    facts: ['awsManagedByAws', 'awsManagedJobFunction'],
    absent: ['linkedPolicyAttached', 'customerManaged'],
  },
  {
    where: 'a customer managed policy ARN in a template',
    marked: template('"R": {"Type": "AWS::IAM::Role", "Properties": {"ManagedPolicyArns": ["arn:aws:iam::111122223333:policy/Deploy|ers"]}}'),
    facts: ['customerManaged'],
    absent: ['awsManagedByAws', 'linkedPolicyAttached'],
  },
  {
    where: 'the ECS service principal of a trust policy (a service with a service-linked role)',
    marked: trust('{"Service": "ecs.amazon|aws.com"}'),
    facts: ['serviceRoleOwned', 'serviceRoleNotLinked'],
    absent: ['serviceRoleRunsYourCode'],
  },
  {
    where: 'a service-linked role ARN in a template',
    marked: template('"S": {"Type": "AWS::ECS::Service", "Properties": {"Role": "arn:aws:iam::111122223333:role/aws-service-role/ecs.amazonaws.com/AWSServiceRole|ForECS"}}'),
    facts: ['linkedIsServiceRole', 'linkedPredefined', 'linkedNoBoundary', 'linkedPath', 'linkedCreation', 'linkedDeletion', 'linkedScp', 'linkedPolicyAttached'],
  },
  {
    where: 'an account principal of another account (the dump names the role\'s account)',
    marked: dumpedRole('{"AWS": "arn:aws:iam::222222222222:r|oot"}'),
    facts: ['accountWholeAccount', 'crossAccountBothSides', 'accountNarrowToRole', 'crossAccountExternalId', 'crossAccountOrgId', 'crossAccountMfa', 'crossAccountResourcePolicy', 'crossAccountRoleWhereNoResourcePolicy'],
    absent: ['accountIdentityPolicyToo', 'chainingOneHour'],
  },
  {
    where: 'the template\'s own account as principal ({"Ref": "AWS::AccountId"})',
    marked: cfnRole('{"AWS": {"Ref": "AWS::Account|Id"}}'),
    facts: ['accountWholeAccount', 'accountIdentityPolicyToo', 'accountNarrowToRole'],
    absent: ['crossAccountExternalId', 'crossAccountBothSides', 'crossAccountResourcePolicy'],
  },
  {
    where: 'a role principal of a plain trust policy',
    marked: trust('{"AWS": "arn:aws:iam::444455556666:role/Deplo|yer"}'),
    facts: ['namedPrincipalUniqueId', 'crossAccountBothSides', 'crossAccountExternalId', 'chainingOneHour', 'chainingSourceIdentity', 'chainingSessionTags', 'crossAccountResourcePolicy'],
    absent: ['accountNarrowToRole', 'accountWholeAccount', 'crossAccountMfa'],
  },
  {
    where: 'a role of the same account, written with ${AWS::AccountId}',
    marked: cfnRole('{"AWS": {"Fn::Sub": "arn:aws:iam::${AWS::AccountId}:role/Build|er"}}'),
    facts: ['namedPrincipalUniqueId', 'chainingOneHour', 'chainingSourceIdentity', 'chainingSessionTags'],
    absent: ['crossAccountBothSides', 'crossAccountExternalId', 'accountNarrowToRole'],
  },
  {
    where: 'an assumed-role session principal',
    marked: trust('{"AWS": "arn:aws:sts::444455556666:assumed-role/Deployer/ci-ru|n"}'),
    facts: ['chainingOneHour', 'crossAccountBothSides'],
    absent: ['accountNarrowToRole'],
  },
  {
    where: 'an IAM user principal of a trust policy',
    marked: trust('{"AWS": "arn:aws:iam::444455556666:user/al|ice"}'),
    facts: ['userPrincipal', 'namedPrincipalUniqueId', 'crossAccountMfa'],
    absent: ['accountNarrowToRole', 'chainingOneHour'],
  },
  {
    where: 'an account principal of a bucket policy',
    marked: bucketPolicy('{"AWS": "arn:aws:iam::444455556666:r|oot"}'),
    facts: ['resourcePolicyDirect', 'resourcePolicyBothSides', 'resourcePolicyRoleOtherwise'],
  },
  {
    where: 'a role principal of a bucket policy',
    marked: bucketPolicy('{"AWS": "arn:aws:iam::444455556666:role/Rep|orter"}'),
    facts: ['resourcePolicyDirect', 'resourcePolicyBothSides', 'resourcePolicyRoleOtherwise', 'roleKindFromTrust'],
  },
  {
    where: '"*" as the principal of a trust policy',
    marked: trust('{"AWS": "|*"}'),
    facts: ['publicTrust'],
  },
  {
    where: 'an OIDC provider of a trust policy',
    marked: trust('{"Federated": "arn:aws:iam::111122223333:oidc-provider/token.actions.github|usercontent.com"}', 'sts:AssumeRoleWithWebIdentity'),
    facts: ['webIdentityExchange', 'githubSubForms'],
  },
  {
    where: 'a SAML provider of a trust policy',
    marked: trust('{"Federated": "arn:aws:iam::111122223333:saml-provider/Ok|ta"}', 'sts:AssumeRoleWithSAML'),
    facts: ['samlExchange', 'samlAssertion', 'samlAudience'],
    absent: ['webIdentityExchange', 'githubSubForms'],
  },
  {
    where: 'a role ARN in a template',
    marked: template('"F": {"Type": "AWS::Lambda::Function", "Properties": {"Role": "arn:aws:iam::111122223333:role/app-|runner"}}'),
    facts: ['roleKindFromTrust'],
  },
  {
    where: 'a role ARN on the /service-role/ path',
    marked: template('"F": {"Type": "AWS::Lambda::Function", "Properties": {"Role": "arn:aws:iam::111122223333:role/service-role/app-|runner"}}'),
    facts: ['roleServiceRolePath'],
  },
  { where: 'the iam:PassRole action', marked: actionPolicy('iam:Pass|Role'), facts: ['passRoleAction'] },
  { where: 'the iam:CreateServiceLinkedRole action', marked: actionPolicy('iam:CreateService|LinkedRole'), facts: ['createLinkedRoleAction'] },
  { where: 'the sts:AssumeRole action', marked: actionPolicy('sts:Assume|Role'), facts: ['assumeRoleAction', 'chainingOneHour', 'chainingSourceIdentity', 'chainingSessionTags'] },
  { where: 'the sts:AssumeRoleWithWebIdentity action', marked: actionPolicy('sts:AssumeRoleWith|WebIdentity'), facts: ['assumeRoleWithWebIdentityAction'] },
  { where: 'the sts:AssumeRoleWithSAML action', marked: actionPolicy('sts:AssumeRoleWith|SAML'), facts: ['assumeRoleWithSamlAction'] },
  { where: 'the sts:TagSession action', marked: actionPolicy('sts:Tag|Session'), facts: ['tagSessionAction'], absent: ['setSourceIdentityAction'] },
  { where: 'the sts:SetSourceIdentity action', marked: actionPolicy('sts:SetSource|Identity'), facts: ['setSourceIdentityAction'], absent: ['tagSessionAction'] },
];

for (const c of CASES) {
  test(`role facts: ${c.where}`, () => {
    const { file, offset } = parseWithCursor(c.marked);
    const markdown = hover(file, offset, catalog, managed)?.markdown;
    assert.ok(markdown, `no hover at ${c.where}`);
    for (const id of c.facts) {
      const fact = ROLE_FACTS[id];
      assert.ok(markdown.includes(fact.text), `fact ${id} missing at ${c.where}:\n${markdown}`);
      assert.ok(markdown.includes(`(${ROLE_DOCS[fact.source]})`), `no link to the source of ${id} (${fact.source}) at ${c.where}`);
    }
    for (const id of c.absent ?? []) assert.ok(!markdown.includes(ROLE_FACTS[id].text), `fact ${id} does not fit at ${c.where}:\n${markdown}`);
  });
}

test('role facts: every fact is checked in a hover', () => {
  const covered = new Set(CASES.flatMap((c) => c.facts));
  const unchecked = (Object.keys(ROLE_FACTS) as RoleFactId[]).filter((id) => !covered.has(id));
  assert.deepEqual(unchecked, []);
});

test('role facts: every fact cites an AWS documentation page', () => {
  for (const [id, fact] of Object.entries(ROLE_FACTS)) {
    assert.match(ROLE_DOCS[fact.source] ?? '', /^https:\/\/docs\.aws\.amazon\.com\/[^\s()]+$/, `${id} has no source URL on docs.aws.amazon.com`);
    assert.ok(!(fact.source in NON_AWS_SOURCES), `${id} cites a page outside AWS, which only identity providers may`);
    assert.ok(fact.text.length > 20 && /[.!]$/.test(fact.text.trim()), `${id} is not a sentence`);
  }
});

test('role facts: every fact records where its page says it', () => {
  const where = new Map<string, string>();
  for (const [id, fact] of Object.entries(ROLE_FACTS) as [RoleFactId, RoleFact][]) {
    // The record names the page's section; it is not the sentence itself and not a placeholder.
    assert.ok(typeof fact.checked === 'string' && fact.checked.trim().length >= 10, `${id} has no record of where its page states it`);
    assert.notEqual(fact.checked, fact.text, id);
    assert.doesNotMatch(fact.checked, /^(todo|tbd|unchecked|unverified|checked|yes|ok)\b/i, id);
    where.set(id, fact.checked);
  }
  assert.equal(where.size, Object.keys(ROLE_FACTS).length);
});
