import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'path';
import { parseJsonOutput, runCli } from './cliRunner';
import { repoRoot } from './lspClient';

// The regression folder of real-shaped templates (engine/test/fixtures/templates), checked and
// simulated by the CLI as a process: the shapes real templates use (statements under !If with
// AWS::NoValue, Fn::Transform, !Sub ARNs with parameters, SAM policy templates, VPC endpoint and
// other resource policies, policies given as JSON strings) give no false error-level finding.

const FOLDER = path.join(repoRoot(), 'engine', 'test', 'fixtures', 'templates');
const cli = (...args: string[]) => runCli(FOLDER, args);

/**
 * The genuine mistakes the folder holds, and nothing else at error level:
 * - conditional-statements.yaml: `s3:GetObjekt`, inside the statement that exists only when IsProd;
 * - permission-set.cfn.json: `s3:GetBucketLocaton`, inside the permission set's InlinePolicy string.
 */
const GENUINE_ERRORS = [
  ['conditional-statements.yaml', 'IAM102', 's3:GetObjekt'],
  ['permission-set.cfn.json', 'IAM102', 's3:GetBucketLocaton'],
];

test('check on the template folder: only the genuine mistakes at error level, typos inside !If branches and JSON strings included', () => {
  const result = cli('check', '--format', 'json', '.');
  assert.equal(result.status, 1, result.stderr);
  const output = parseJsonOutput(result);
  const errors = output.files.flatMap((file: any) =>
    file.policies.flatMap((policy: any) => policy.findings.filter((finding: any) => finding.severity === 'error').map((finding: any) => [path.basename(file.file), finding.code, /"([^"]+)"/.exec(finding.message)?.[1]])),
  );
  assert.deepEqual(errors.sort(), GENUINE_ERRORS);
  const codes = output.files.flatMap((file: any) => file.policies.flatMap((policy: any) => policy.findings.map((finding: any) => finding.code)));
  for (const falseAlarm of ['IAM005', 'IAM006', 'IAM007', 'IAM009', 'IAM004']) assert.ok(!codes.includes(falseAlarm), `${falseAlarm} in ${JSON.stringify(output)}`);
  assert.equal(output.passedOver, undefined, 'every file of the folder is read');
});

test('Fn::Transform: each part a macro produces is reported once, as information', () => {
  const output = parseJsonOutput(cli('check', '--format', 'json', 'macro-statements.json'));
  const infos = output.files[0].policies.flatMap((policy: any) => policy.findings.map((finding: any) => [finding.code, finding.severity, finding.path]));
  assert.deepEqual(infos, [
    ['IAM022', 'info', 'Statement'],
    ['IAM022', 'info', 'Statement[1]'],
  ]);
});

test('the folder is found and typed: every policy-bearing resource of the templates', () => {
  const output = parseJsonOutput(cli('check', '--format', 'json', '--fail-on', 'never', 'endpoints-and-resources.template', 'sam-app.yaml'));
  assert.deepEqual(
    output.files.map((file: any) => file.policies.map((policy: any) => `${policy.path}:${policy.type}`)),
    [
      [
        'Resources.S3Endpoint.Properties.PolicyDocument:resource',
        'Resources.Images.Properties.RepositoryPolicyText:resource',
        'Resources.AccessPoint.Properties.Policy:resource',
        'Resources.Vault.Properties.AccessPolicy:resource',
        'Resources.PartnerEvents.Properties:resource',
        'Resources.Search.Properties.AccessPolicies:resource',
        'Resources.SearchLogs.Properties.PolicyDocument:resource',
      ],
      [
        'Resources.OrderFunction.Properties.Policies[1].DynamoDBCrudPolicy:identity',
        'Resources.OrderFunction.Properties.Policies[2].SQSSendMessagePolicy:identity',
        'Resources.OrderFunction.Properties.Policies[3].S3ReadPolicy:identity',
        'Resources.OrderFunction.Properties.Policies[4]:identity',
        'Resources.Workflow.Properties.Policies[0].LambdaInvokePolicy:identity',
      ],
    ],
  );
});

type Scenario = [name: string, role: string, template: string, action: string, resource: string, decision: string, dependsOn: string[]];

/** Simulation scenarios from the templates: !Sub ARNs allow what they should, and say what they rest on. */
const SCENARIOS: Scenario[] = [
  ['a !Sub ARN with the partition and a defaulted parameter matches exactly', 'WorkerRole', 'sub-arns.yaml', 's3:GetObject', 'arn:aws:s3:::acme-uploads/in/a.csv', 'Allow', []],
  ['... and not another bucket', 'WorkerRole', 'sub-arns.yaml', 's3:GetObject', 'arn:aws:s3:::acme-other/in/a.csv', 'ImplicitDeny', []],
  ['a !Sub with no variable is the plain string', 'WorkerRole', 'sub-arns.yaml', 's3:GetObject', 'arn:aws:s3:::acme-archive/2024/a.csv', 'Allow', []],
  ['!GetAtt Bucket.Arn of a bucket named by a parameter default', 'WorkerRole', 'sub-arns.yaml', 's3:ListBucket', 'arn:aws:s3:::acme-uploads', 'Allow', []],
  ['!Join of !GetAtt of an unnamed bucket and !FindInMap depends on the generated name', 'WorkerRole', 'sub-arns.yaml', 's3:PutObject', 'arn:aws:s3:::stack-reports-1a2b/live/r.csv', 'Allow', ['Reports']],
  ['a parameter without a default: allowed only if it turns out so', 'WorkerRole', 'sub-arns.yaml', 'dynamodb:Query', 'arn:aws:dynamodb:eu-west-1:111122223333:table/orders/index/byDate', 'Allow', ['TableName']],
  ['!Ref of a parameter without a default as the whole Resource', 'WorkerRole', 'sub-arns.yaml', 'kms:Decrypt', 'arn:aws:kms:eu-west-1:111122223333:key/1234', 'Allow', ['KeyArn']],
  ['!Select of !Split picks the first zone', 'WorkerRole', 'sub-arns.yaml', 'route53:ChangeResourceRecordSets', 'arn:aws:route53:::hostedzone/Z1', 'Allow', []],
  ['... not the second', 'WorkerRole', 'sub-arns.yaml', 'route53:ChangeResourceRecordSets', 'arn:aws:route53:::hostedzone/Z2', 'ImplicitDeny', []],
  ['a SAM policy template with a !Ref table name', 'OrderFunction', 'sam-app.yaml', 'dynamodb:PutItem', 'arn:aws:dynamodb:us-east-1:111122223333:table/acme-orders', 'Allow', []],
  ['a SAM policy template with a defaulted parameter', 'OrderFunction', 'sam-app.yaml', 'sqs:SendMessage', 'arn:aws:sqs:us-east-1:111122223333:acme-orders', 'Allow', []],
  ['a statement under !If: allowed when its condition holds', 'AppRole', 'conditional-statements.yaml', 'cloudwatch:PutMetricData', '*', 'Allow', ['IsProd is true']],
];

for (const [name, role, template, action, resource, decision, dependsOn] of SCENARIOS) {
  test(`simulate from a template: ${name}`, () => {
    const result = cli('simulate', '--role', role, '--template', template, '--action', action, '--resource', resource, '--format', 'json');
    assert.equal(result.status, 0, result.stderr);
    const output = parseJsonOutput(result);
    assert.equal(output.decision, decision, result.stdout);
    const said = [...(output.dependsOn?.unknowns ?? []).map((part: any) => part.source), ...(output.dependsOn?.assumptions ?? []).map((assumption: any) => `${assumption.condition} is ${assumption.holds}`)];
    assert.deepEqual(said, dependsOn, result.stdout);
  });
}

test('simulate text output names what the decision depends on', () => {
  const result = cli('simulate', '--role', 'WorkerRole', '--template', 'sub-arns.yaml', '--action', 'dynamodb:Query', '--resource', 'arn:aws:dynamodb:eu-west-1:111122223333:table/orders');
  assert.equal(result.status, 0, result.stderr);
  assert.match(result.stdout, /Depends on \(not known before deployment\):\n {2}\$\{TableName\}: a parameter without a default/);
  assert.match(result.stdout, /Taken to be the request's own: AWS::Region \(the region the stack is deployed in\); AWS::AccountId \(the account the stack is deployed in\)\./);
});
