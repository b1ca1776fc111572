import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parsePolicyFile } from '../../src/document/policyFile';
import { formatPath, type ObjectNode } from '../../src/document/tree';
import { renderValue, hasUnknown } from '../../src/document/unknown';
import { collectRolePolicies, listRoles } from '../../src/evaluate/roles';
import { parseYaml } from '../../src/document/parseYaml';
import { ServerlessVariables } from '../../src/resolve/serverless/variables';
import { lintFile } from '../../src/rules/linter';
import { realCatalog } from '../fixtures/catalog';
import { hover } from '../../src/hover/hover';

const CONFIG = `service: reports
custom:
  bucket: reports-\${sls:stage}
  table: orders
  nested:
    name: \${self:custom.table}-archive
  loop: \${self:custom.loop}
provider:
  name: aws
  stage: \${opt:stage, 'prod'}
  region: eu-west-1
`;

function variables(text = CONFIG): ServerlessVariables {
  return new ServerlessVariables(parseYaml(text).root as ObjectNode);
}

/** The resolved text, each unknown part as «source». */
function resolved(text: string, config?: string): string {
  return variables(config)
    .resolve(text)
    .map((part) => (typeof part === 'string' ? part : `«${part.source}»`))
    .join('');
}

describe('Serverless Framework variables', () => {
  const cases: [string, string, string][] = [
    ['self: a value under custom', 'arn:aws:s3:::${self:custom.table}', 'arn:aws:s3:::orders'],
    ['self: a value that holds a variable itself', '${self:custom.nested.name}', 'orders-archive'],
    ['self: through sls:stage and the opt default of provider.stage', 'arn:aws:s3:::${self:custom.bucket}/*', 'arn:aws:s3:::reports-prod/*'],
    ['self: a path the file does not set', '${self:custom.missing}', '«self:custom.missing»'],
    ['self: a path the file does not set, with a default', "${self:custom.missing, 'fallback'}", 'fallback'],
    ['self: a variable that refers to itself', '${self:custom.loop}', '«self:custom.loop»'],
    ['opt: with a quoted default', "${opt:stage, 'dev'}", 'dev'],
    ['opt: with a double-quoted default', '${opt:stage, "qa"}', 'qa'],
    ['opt: without a default', '${opt:stage}', '«opt:stage»'],
    ['opt: with another variable as the default', '${opt:stage, self:custom.table}', 'orders'],
    ['opt: with a ${} variable as the default', '${opt:stage, ${self:custom.table}}', 'orders'],
    ['env: without a default', 'table/${env:TABLE}', 'table/«env:TABLE»'],
    ['env: with a default', "table/${env:TABLE, 'orders'}", 'table/orders'],
    ['sls:stage from provider.stage', '${sls:stage}', 'prod'],
    ['aws:region from provider.region', '${aws:region}', 'eu-west-1'],
    ['aws:accountId', 'arn:aws:sqs:${aws:region}:${aws:accountId}:jobs', 'arn:aws:sqs:eu-west-1:«aws:accountId»:jobs'],
    ['an address made of a variable', '${self:custom.${opt:stage, "table"}}', 'orders'],
    ['an address made of an unknown variable', '${self:custom.${opt:stage}}', '«self:custom.${opt:stage}»'],
    ['ssm: read at deploy time', '${ssm:/app/bucket}', '«ssm:/app/bucket»'],
    ['file(): read from another file', '${file(./config.yml):bucket}', '«file(./config.yml):bucket»'],
    ['cf: another stack', '${cf:storage.BucketArn}', '«cf:storage.BucketArn»'],
    ['an IAM policy variable stays as written', 'arn:aws:s3:::home/${aws:username}/*', 'arn:aws:s3:::home/${aws:username}/*'],
    ['an unclosed ${ is text', 'arn:aws:s3:::${self:custom.table', 'arn:aws:s3:::${self:custom.table'],
  ];
  for (const [name, text, expected] of cases) {
    it(name, () => assert.equal(resolved(text), expected));
  }

  it('without provider.stage and provider.region, the framework defaults', () => {
    const bare = 'service: x\nprovider:\n  name: aws\n';
    assert.equal(resolved('${sls:stage}-${aws:region}', bare), 'dev-us-east-1');
  });

  it('tells framework variables from IAM policy variables', () => {
    assert.equal(ServerlessVariables.holdsVariables('arn:aws:s3:::${self:custom.table}'), true);
    assert.equal(ServerlessVariables.holdsVariables('arn:aws:s3:::home/${aws:username}'), false);
    assert.equal(ServerlessVariables.holdsVariables('arn:aws:s3:::plain'), false);
  });
});

const SERVERLESS = `service: reports
custom:
  bucket: reports
provider:
  name: aws
  iam:
    role:
      name: reports-role
      statements:
        - Effect: Allow
          Action: [s3:GetObjekt, s3:GetObject]
          Resource: arn:aws:s3:::\${self:custom.bucket}/*
        - Effect: Allow
          Action: dynamodb:GetItem
          Resource: arn:aws:dynamodb:\${aws:region}:\${aws:accountId}:table/\${env:TABLE}
      managedPolicies:
        - !Ref AuditPolicy
        - arn:aws:iam::aws:policy/AWSXRayDaemonWriteAccess
  iamRoleStatements:
    - Effect: Allow
      Action: sqs:SendMessage
      Resource: "*"
functions:
  report:
    handler: index.handler
    iamRoleStatements:
      - Effect: Allow
        Action: sns:Publish
        Resource: arn:aws:sns:\${aws:region}:\${aws:accountId}:alerts
resources:
  Resources:
    AuditPolicy:
      Type: AWS::IAM::ManagedPolicy
      Properties:
        PolicyDocument:
          Version: "2012-10-17"
          Statement:
            - Effect: Allow
              Action: cloudtrail:LookupEvents
              Resource: "*"
`;

describe('Serverless Framework configurations', () => {
  const file = parsePolicyFile(SERVERLESS, { fileName: 'serverless.yml' });

  it('finds every place that holds statements', () => {
    assert.deepEqual(
      file.policies.map((policy) => [formatPath(policy.path), policy.type, policy.owner?.name]),
      [
        ['provider.iam.role.statements', 'identity', 'IamRoleLambdaExecution'],
        ['provider.iamRoleStatements', 'identity', 'IamRoleLambdaExecution'],
        ['functions.report.iamRoleStatements', 'identity', 'reportIamRoleLambdaExecution'],
        ['resources.Resources.AuditPolicy.Properties.PolicyDocument', 'identity', 'AuditPolicy'],
      ],
    );
  });

  it('resolves variables in statements and keeps the rest unknown', () => {
    const [first, second] = file.policies[0]!.statements;
    assert.equal(first!.resource!.values[0]!.value, 'arn:aws:s3:::reports/*');
    const table = second!.resource!.values[0]!;
    assert.ok(hasUnknown(table));
    assert.equal(renderValue(table), 'arn:aws:dynamodb:us-east-1:${aws:accountId}:table/${env:TABLE}');
  });

  it('reports what is wrong and nothing about what is unknown', () => {
    const findings = lintFile(file, realCatalog()).filter((finding) => finding.severity === 'error' || finding.severity === 'warning');
    assert.deepEqual(
      findings.map((finding) => `${finding.ruleId} ${formatPath(finding.path)}`),
      ['IAM102 provider.iam.role.statements.Statement[0].Action[0]'],
    );
    // The span is the action's text in the YAML.
    const span = findings[0]!.span;
    assert.equal(SERVERLESS.slice(span.offset, span.offset + span.length), 's3:GetObjekt');
  });

  it('is a Serverless configuration by its name, or by service and provider.name', () => {
    const text = 'service: x\nprovider:\n  name: aws\n  iamRoleStatements:\n    - Effect: Allow\n      Action: s3:GetObject\n      Resource: "*"\n';
    assert.equal(parsePolicyFile(text, { fileName: 'infra/app.yml' }).policies.length, 1);
    assert.equal(parsePolicyFile('provider:\n  iamRoleStatements: []\n', { fileName: 'serverless.yaml' }).policies.length, 1);
    assert.equal(parsePolicyFile('provider:\n  iamRoleStatements: []\n', { fileName: 'other.yaml' }).policies.length, 0);
  });

  it('lists the execution role, per-function roles and template roles', () => {
    assert.deepEqual(
      listRoles(file).map((role) => role.logicalId),
      ['IamRoleLambdaExecution', 'reportIamRoleLambdaExecution'],
    );
  });

  it('collects the execution role by the service name, the role name or its logical id', () => {
    for (const name of ['reports', 'reports-role', 'IamRoleLambdaExecution']) {
      const role = collectRolePolicies(file, name);
      assert.ok(role, name);
      assert.equal(role.role.logicalId, 'IamRoleLambdaExecution');
      assert.deepEqual(role.identity.map((policy) => formatPath(policy.path)), [
        'provider.iam.role.statements',
        'provider.iamRoleStatements',
        'resources.Resources.AuditPolicy.Properties.PolicyDocument',
      ]);
      assert.deepEqual(role.unresolved, ['arn:aws:iam::aws:policy/AWSXRayDaemonWriteAccess']);
      const trust = role.trust!;
      assert.equal(trust.type, 'trust');
      assert.equal(trust.statements[0]!.principal!.entries[0]!.values[0]!.value, 'lambda.amazonaws.com');
    }
  });

  it('a per-function role has its own statements only', () => {
    const role = collectRolePolicies(file, 'report')!;
    assert.deepEqual(role.identity.map((policy) => formatPath(policy.path)), ['functions.report.iamRoleStatements']);
  });
});

describe('hover on Serverless variables', () => {
  const text = `service: reports
custom:
  bucket: reports
provider:
  name: aws
  iam:
    role:
      statements:
        - Effect: Allow
          Action: s3:GetObject
          Resource:
            - arn:aws:s3:::\${self:custom.bucket}/home/\${aws:username}/*
            - arn:aws:sqs:us-east-1:\${aws:accountId}:jobs
`;
  const file = parsePolicyFile(text, { fileName: 'serverless.yml' });
  const at = (needle: string) => hover(file, text.indexOf(needle) + 3, realCatalog())?.markdown ?? '';

  it('a resolved variable: what the string becomes', () => {
    const markdown = at('${self:custom.bucket}');
    assert.match(markdown, /^\*\*Template value\*\* `\$\{self:custom\.bucket\}`/);
    assert.match(markdown, /becomes `arn:aws:s3:::reports\/home\/\$\{aws:username\}\/\*`/);
  });

  it('an unknown variable: why it is unknown', () => {
    const markdown = at('${aws:accountId}');
    assert.match(markdown, /- `aws:accountId`: the account deployed to/);
  });

  it('an IAM policy variable in the same string is still a policy variable', () => {
    assert.match(at('${aws:username}'), /^\*\*Policy variable\*\*/);
  });

  it('hovers know the statement (the statement list is read as a policy document)', () => {
    assert.match(at('s3:GetObject'), /GetObject/);
  });
});
