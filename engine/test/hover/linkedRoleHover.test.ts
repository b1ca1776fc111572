import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hover } from '../../src/hover';
import { realCatalog } from '../fixtures/catalog';
import { realManagedPolicies } from '../fixtures/managedPolicies';
import { parseWithCursor } from '../complete/cursor';

// A service-linked role's hover says what the role really allows, from its AWS managed policy in the
// dataset, by service and access level (the same policy summary as a policy's own hover and
// `iam-author summary`); where the data has no policy it says only that.

const catalog = realCatalog();
const managed = realManagedPolicies();

const roleIn = (arn: string) => `{"Resources": {"X": {"Type": "AWS::Events::Rule", "Properties": {"RoleArn": "${arn}"}}}}`;
const slr = (principal: string, name: string) => `arn:aws:iam::111122223333:role/aws-service-role/${principal}/${name}`;

function hoverOn(arn: string, withData = true): string {
  const marked = roleIn(arn.replace(/\/([^/]+)$/, (_, name: string) => `/${name.slice(0, 5)}|${name.slice(5)}`));
  const { file, offset } = parseWithCursor(marked);
  return hover(file, offset, catalog, withData ? managed : undefined)?.markdown ?? '';
}

test('service-linked role: AWSServiceRoleForCloudWatchEvents shows what its policy allows, not the EventBridge service-role purpose', () => {
  const markdown = hoverOn(slr('events.amazonaws.com', 'AWSServiceRoleForCloudWatchEvents'));
  assert.match(markdown, /\*\*Service-linked role of Amazon EventBridge\*\*/);
  assert.match(markdown, /Role name: `AWSServiceRoleForCloudWatchEvents` · service principal: `events\.amazonaws\.com`/);
  assert.match(markdown, /AWS managed policy \[`CloudWatchEventsServiceRolePolicy`\]\(https:\/\/docs\.aws\.amazon\.com\/aws-managed-policy\/latest\/reference\/CloudWatchEventsServiceRolePolicy\.html\) v\d+/);
  assert.match(markdown, /\*\*Access this policy defines:\*\* EC2: Limited List, Limited Write · CloudWatch: Limited Read/);
  assert.match(markdown, /\*\*Amazon EC2\*\*\n- Limited List \(\d+ of \d+: .*`ec2:DescribeInstances`.*\) on all resources\n- Limited Write \(\d+ of \d+: .*`ec2:RebootInstances`.*`ec2:TerminateInstances`.*\) on all resources/);
  assert.match(markdown, /\*\*Amazon CloudWatch\*\*\n- Limited Read \(1 of \d+: `cloudwatch:DescribeAlarms`\) on all resources/);
  assert.doesNotMatch(markdown, /Kinesis|Step Functions|deliver events/, 'the service-role purpose is not the linked role\'s');
  assert.match(markdown, /\[Amazon EventBridge in the Service Authorization Reference\]\(https:\/\/docs\.aws\.amazon\.com\/service-authorization\/latest\/reference\/list_amazoneventbridge\.html\)/);
});

test('service-linked role: AWSServiceRoleForCloudTrail shows CloudTrail and Organizations access from its policy', () => {
  const markdown = hoverOn(slr('cloudtrail.amazonaws.com', 'AWSServiceRoleForCloudTrail'));
  assert.match(markdown, /`CloudTrailServiceRolePolicy`/);
  assert.match(markdown, /\*\*AWS CloudTrail\*\* · Full access\n- Full List \(\d+ of \d+\) on all resources/);
  assert.match(markdown, /\*\*AWS Organizations\*\*\n(- .*\n)*- Limited Read \(\d+ of \d+: .*`organizations:DescribeOrganization`/);
  assert.doesNotMatch(markdown, /deliver trails|CloudWatch Logs/);
});

test('service-linked role: a role the data has no policy for says only that', () => {
  const markdown = hoverOn(slr('lex.amazonaws.com', 'AWSServiceRoleForLexBots'));
  assert.match(markdown, /has no policy for `AWSServiceRoleForLexBots`/);
  assert.doesNotMatch(markdown, /AWS managed policy \[/);
  assert.match(markdown, /not edit the permissions/);
  const unknown = hoverOn(slr('example.amazonaws.com', 'AWSServiceRoleForSomethingNew'));
  assert.match(unknown, /has no policy for `AWSServiceRoleForSomethingNew`/);
});

test('service-linked role: a custom suffix finds the base role\'s policy', () => {
  assert.match(hoverOn(slr('lexv2.amazonaws.com', 'AWSServiceRoleForLexV2Bots_MyBot')), /`AmazonLexV2BotPolicy`/);
});

test('service-linked role: without managed-policy data the hover keeps its facts and claims nothing', () => {
  const markdown = hoverOn(slr('events.amazonaws.com', 'AWSServiceRoleForCloudWatchEvents'), false);
  assert.match(markdown, /Service-linked role of Amazon EventBridge/);
  assert.doesNotMatch(markdown, /Permissions:/);
});

test('service-linked role: trusted in a trust policy, its hover shows the permissions too', () => {
  const marked = `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "${slr('ecs.amazonaws.com', 'AWSServiceRoleForECS').replace('ForECS', 'For|ECS')}"}, "Action": "sts:AssumeRole"}]}`;
  const { file, offset } = parseWithCursor(marked);
  const markdown = hover(file, offset, catalog, managed)?.markdown ?? '';
  assert.match(markdown, /^\*Role kind:\* trusts a service-linked role/);
  assert.match(markdown, /`AmazonECSServiceRolePolicy`/);
});
