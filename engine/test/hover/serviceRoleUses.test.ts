import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hover } from '../../src/hover';
import { ROLE_DOCS, SERVICE_PRINCIPALS } from '../../src/roles';
import { SERVICE_ROLE_USES } from '../../src/roles/serviceRoleUses';
import { realCatalog } from '../fixtures/catalog';
import { realManagedPolicies } from '../fixtures/managedPolicies';
import { parseWithCursor } from '../complete/cursor';

// The per-service "typical use" phrases: each is data with the service's own page, and shows with a
// link to that page where a user looks at the service principal (a trust policy, a resource policy).

const catalog = realCatalog();
const managed = realManagedPolicies();

const trust = (principal: string) =>
  `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "${principal}"}, "Action": "sts:AssumeRole"}]}`;
const queuePolicy = (principal: string) =>
  `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "${principal}"}, "Action": "sqs:SendMessage", "Resource": "arn:aws:sqs:us-east-1:111122223333:q"}]}`;

/** The hover with the cursor in the middle of the principal. */
function hoverOn(document: (marked: string) => string, principal: string): string {
  const middle = Math.floor(principal.length / 2);
  const { file, offset } = parseWithCursor(document(`${principal.slice(0, middle)}|${principal.slice(middle)}`));
  return hover(file, offset, catalog, managed)?.markdown ?? '';
}

const USES = Object.entries(SERVICE_ROLE_USES);

test('service role uses: each has its own service\'s page on docs.aws.amazon.com, a record of where it says it, and a known principal', () => {
  assert.ok(USES.length >= 10, `only ${USES.length}`);
  const serviceOfPage = new Map<string, string>();
  for (const [principal, use] of USES) {
    const info = SERVICE_PRINCIPALS.find((each) => each.principal === principal);
    assert.ok(info, `${principal} is not in the service principal table`);
    assert.match(use.source, /^https:\/\/docs\.aws\.amazon\.com\/[^\s()]+$/, `${principal} has no source URL on docs.aws.amazon.com`);
    assert.ok(use.title.length > 3, principal);
    assert.ok(use.text.length > 10 && !/[.]$/.test(use.text), `${principal}: a phrase, not a sentence`);
    assert.ok(use.checked.trim().length >= 10 && use.checked !== use.text, `${principal} has no record of where its page states it`);
    const owner = serviceOfPage.get(use.source);
    assert.ok(owner === undefined || owner === info.service, `${use.source} cited for ${owner} and ${info.service}`);
    serviceOfPage.set(use.source, info.service);
    assert.equal(info.use, use);
  }
});

for (const [principal, use] of USES) {
  test(`service role uses: ${principal} in a trust policy and in a resource policy`, () => {
    const inTrust = hoverOn(trust, principal);
    assert.ok(inTrust.includes(`Typical use: ${use.text}.`), inTrust);
    assert.ok(inTrust.includes(`[${use.title}](${use.source})`), `no link to ${use.source}:\n${inTrust}`);
    const inQueuePolicy = hoverOn(queuePolicy, principal);
    assert.ok(inQueuePolicy.includes(`Roles that trust it are typically used for: ${use.text}.`), inQueuePolicy);
    assert.ok(inQueuePolicy.includes(`(${use.source})`), inQueuePolicy);
  });
}

test('service role uses: a principal without a sourced phrase gets none, and no stand-in', () => {
  const states = SERVICE_PRINCIPALS.find((each) => each.principal === 'states.amazonaws.com');
  assert.ok(states && !states.use);
  const markdown = hoverOn(trust, 'states.amazonaws.com');
  assert.match(markdown, /Service role for AWS Step Functions/);
  assert.doesNotMatch(markdown, /Typical use|typically used/);
  assert.ok(markdown.includes(`(${ROLE_DOCS.servicePrincipals})`), 'the general fact keeps its page');
});

test('service role uses: EventBridge says which targets need a role and which do not', () => {
  const markdown = hoverOn(trust, 'events.amazonaws.com');
  assert.match(markdown, /Typical use: sending events to targets that need a role, such as Kinesis streams/);
  assert.match(markdown, /Lambda, SQS, SNS, CloudWatch Logs and event bus targets are reached through their resource-based policies/);
});
