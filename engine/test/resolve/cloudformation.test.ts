import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parsePolicyFile } from '../../src/document';
import { describeAssumption, renderValue } from '../../src/document/unknown';

// One table per intrinsic function: the value a template writes as a statement's Resource, in YAML
// short form and JSON long form, and what the resolver makes of it: the rendered values (unknown
// parts as ${source}), the unknown parts' sources and the assumptions of each value.

const HEAD = `AWSTemplateFormatVersion: "2010-09-09"
Parameters:
  BucketName: {Type: String, Default: acme-data}
  Stage: {Type: String}
  LogsBucket: {Type: String, Default: ""}
  Zones: {Type: CommaDelimitedList, Default: "a,b,c"}
Conditions:
  IsProd: !Equals [!Ref Stage, prod]
Mappings:
  Prefixes:
    prod: {Path: live}
Resources:
  Named:
    Type: AWS::S3::Bucket
    Properties: {BucketName: acme-named}
  Unnamed:
    Type: AWS::S3::Bucket
  Role:
    Type: AWS::IAM::Role
    Properties: {RoleName: worker, Path: /app/}
  Table:
    Type: AWS::DynamoDB::Table
    Properties: {TableName: orders}
  Policy:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Action: s3:GetObject
            Resource: `;

interface Resolved {
  readonly values: string[];
  readonly unknowns: string[];
  readonly assumptions: string[];
}

function resolveYaml(resource: string): Resolved {
  const file = parsePolicyFile(HEAD + resource + '\n', { fileName: 'stack.yaml' });
  const policy = file.policies.find((candidate) => candidate.label === 'PolicyDocument of Policy');
  assert.ok(policy, 'the policy is located');
  const values = policy!.statements[0]!.resource?.values ?? [];
  return {
    values: values.map(renderValue),
    unknowns: values.flatMap((value) => (value.unknowns ?? []).map((part) => part.source)),
    assumptions: values.flatMap((value) => (value.assumptions ?? []).map(describeAssumption)),
  };
}

type Row = [name: string, yaml: string, values: string[], unknowns?: string[], assumptions?: string[]];

const TABLES: Record<string, Row[]> = {
  'Fn::Sub': [
    ['no variable: the plain string', '!Sub arn:aws:s3:::fixed/*', ['arn:aws:s3:::fixed/*']],
    ['AWS::Partition and a defaulted parameter', '!Sub "arn:${AWS::Partition}:s3:::${BucketName}/*"', ['arn:aws:s3:::acme-data/*']],
    ['a parameter without a default', '!Sub "arn:aws:s3:::${Stage}-logs/*"', ['arn:aws:s3:::${Stage}-logs/*'], ['Stage']],
    // Default: "" means "none unless given", guarded by a condition such as !Not [!Equals [!Ref LogsBucket, ""]].
    ['a parameter whose default is empty', '!Sub "arn:aws:s3:::${LogsBucket}/*"', ['arn:aws:s3:::${LogsBucket}/*'], ['LogsBucket']],
    ['the account and region pseudo parameters', '!Sub "arn:aws:dynamodb:${AWS::Region}:${AWS::AccountId}:table/x"', ['arn:aws:dynamodb:${AWS::Region}:${AWS::AccountId}:table/x'], ['AWS::Region', 'AWS::AccountId']],
    ['AWS::URLSuffix', '!Sub "${AWS::URLSuffix}"', ['amazonaws.com']],
    ['a logical id: the name the template gives the resource', '!Sub "arn:aws:s3:::${Named}/*"', ['arn:aws:s3:::acme-named/*']],
    ['a logical id without a name', '!Sub "arn:aws:s3:::${Unnamed}/*"', ['arn:aws:s3:::${Unnamed}/*'], ['Unnamed']],
    ['LogicalId.Attribute', '!Sub "${Named.Arn}/*"', ['arn:aws:s3:::acme-named/*']],
    ['the list form with a variable map', '!Sub ["arn:aws:s3:::${B}/${P}/*", {B: !Ref BucketName, P: !FindInMap [Prefixes, prod, Path]}]', ['arn:aws:s3:::acme-data/live/*']],
    ['${!Literal} is literal text', '!Sub "arn:aws:s3:::${BucketName}/${!aws:username}/*"', ['arn:aws:s3:::acme-data/${aws:username}/*']],
    ['a policy variable is kept as one', '!Sub "arn:aws:s3:::${BucketName}/${aws:username}/*"', ['arn:aws:s3:::acme-data/${aws:username}/*']],
    ['a name the template does not define', '!Sub "arn:aws:s3:::${Nowhere}"', ['arn:aws:s3:::${Nowhere}'], ['Nowhere']],
  ],
  Ref: [
    ['a parameter default', '!Ref BucketName', ['acme-data']],
    ['a parameter without a default', '!Ref Stage', ['${Stage}'], ['Stage']],
    ['a bucket: its name', '!Ref Named', ['acme-named']],
    ['a list parameter default', '!Ref Zones', ['a,b,c']],
    ['AWS::NoValue removes the element', '[arn:aws:s3:::a, !Ref AWS::NoValue]', ['arn:aws:s3:::a']],
  ],
  'Fn::GetAtt': [
    ['Bucket.Arn (short form)', '!GetAtt Named.Arn', ['arn:aws:s3:::acme-named']],
    ['Bucket.Arn (list form)', '{"Fn::GetAtt": [Named, Arn]}', ['arn:aws:s3:::acme-named']],
    ['Role.Arn with its path', '!GetAtt Role.Arn', ['arn:aws:iam::${AWS::AccountId}:role/app/worker'], ['AWS::AccountId']],
    ['Table.Arn', '!GetAtt Table.Arn', ['arn:aws:dynamodb:${AWS::Region}:${AWS::AccountId}:table/orders'], ['AWS::Region', 'AWS::AccountId']],
    ['an attribute known only after deployment', '!GetAtt Named.DomainName', ['${Named.DomainName}'], ['Named.DomainName']],
  ],
  'Fn::Join': [
    ['known parts', '!Join ["", ["arn:aws:s3:::", !Ref BucketName, "/*"]]', ['arn:aws:s3:::acme-data/*']],
    ['an unknown part', '!Join [":", ["arn:aws:s3::", !Ref Stage]]', ['arn:aws:s3:::${Stage}'], ['Stage']],
    ['a list known only after deployment', '!Join ["", !GetAZs ""]', ['${Fn::Join}'], ['Fn::Join']],
  ],
  'Fn::Select and Fn::Split': [
    ['an item of a split list', '!Select [1, !Split [",", "arn:aws:s3:::a,arn:aws:s3:::b"]]', ['arn:aws:s3:::b']],
    ['an item of a list parameter default', '!Select [2, !Split [",", !Ref Zones]]', ['c']],
    ['a split list as the element', '!Split [",", "arn:aws:s3:::a,arn:aws:s3:::b"]', ['arn:aws:s3:::a', 'arn:aws:s3:::b']],
    ['an index past the end', '!Select [5, [a, b]]', ['${Fn::Select}'], ['Fn::Select']],
  ],
  'Fn::If': [
    ['both branches kept, each with its assumption', '!If [IsProd, "arn:aws:s3:::prod/*", "arn:aws:s3:::dev/*"]', ['arn:aws:s3:::prod/*', 'arn:aws:s3:::dev/*'], [], ['IsProd is true', 'IsProd is false']],
    ['an item of a list, AWS::NoValue in the other branch', '["arn:aws:s3:::a", !If [IsProd, "arn:aws:s3:::b", !Ref AWS::NoValue]]', ['arn:aws:s3:::a', 'arn:aws:s3:::b'], [], ['IsProd is true']],
    ['a branch that is a list', '!If [IsProd, ["arn:aws:s3:::p1", "arn:aws:s3:::p2"], "arn:aws:s3:::d"]', ['arn:aws:s3:::p1', 'arn:aws:s3:::p2', 'arn:aws:s3:::d'], [], ['IsProd is true', 'IsProd is true', 'IsProd is false']],
  ],
  'unresolvable functions': [
    ['Fn::ImportValue', '!ImportValue shared-bucket-arn', ['${Fn::ImportValue shared-bucket-arn}'], ['Fn::ImportValue shared-bucket-arn']],
    ['Fn::Transform', '{"Fn::Transform": {Name: Macro}}', ['${Fn::Transform}'], ['Fn::Transform']],
    ['Fn::Base64', '!Base64 abc', ['${Fn::Base64}'], ['Fn::Base64']],
    ['Fn::FindInMap with a key known after deployment', '!FindInMap [Prefixes, !Ref Stage, Path]', ['${Fn::FindInMap}'], ['Fn::FindInMap']],
  ],
};

for (const [table, rows] of Object.entries(TABLES)) {
  for (const [name, yaml, values, unknowns = [], assumptions = []] of rows) {
    test(`${table}: ${name}`, () => {
      const resolved = resolveYaml(yaml);
      assert.deepEqual(resolved.values, values);
      assert.deepEqual(resolved.unknowns, unknowns);
      assert.deepEqual(resolved.assumptions, assumptions);
    });
  }
}

test('the JSON long forms resolve as the YAML short forms do', () => {
  const template = JSON.stringify({
    Parameters: { BucketName: { Type: 'String', Default: 'acme-data' } },
    Resources: {
      Policy: {
        Type: 'AWS::IAM::Policy',
        Properties: {
          PolicyDocument: {
            Version: '2012-10-17',
            Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: [{ 'Fn::Sub': 'arn:${AWS::Partition}:s3:::${BucketName}/*' }, { 'Fn::Join': ['', ['arn:aws:s3:::', { Ref: 'BucketName' }]] }] }],
          },
        },
      },
    },
  });
  const [policy] = parsePolicyFile(template, { fileName: 'stack.json' }).policies;
  assert.deepEqual(policy!.statements[0]!.resource!.values.map(renderValue), ['arn:aws:s3:::acme-data/*', 'arn:aws:s3:::acme-data']);
});

test('a !Sub without substitutions keeps its written text, so fixes may edit it; substituted values are derived', () => {
  const file = parsePolicyFile(HEAD + '[!Sub "arn:aws:s3:::fixed/*", !Sub "arn:aws:s3:::${BucketName}/*"]\n', { fileName: 'stack.yaml' });
  const values = file.policies.find((policy) => policy.label === 'PolicyDocument of Policy')!.statements[0]!.resource!.values;
  assert.equal(values[0]!.origin, undefined);
  assert.equal(file.text.slice(values[0]!.span.offset, values[0]!.span.offset + values[0]!.span.length), '"arn:aws:s3:::fixed/*"');
  assert.equal(values[1]!.origin, 'derived');
});

test('a statement under !If is an alternative with its assumption; AWS::NoValue leaves the other branch out', () => {
  const text = HEAD.replace(/ {10}- Effect: Allow\n {12}Action: s3:GetObject\n {12}Resource: $/, '') +
    '\n          - !If\n            - IsProd\n            - {Effect: Allow, Action: s3:GetObjekt, Resource: "*"}\n            - !Ref AWS::NoValue\n';
  const policy = parsePolicyFile(text, { fileName: 'stack.yaml' }).policies.find((candidate) => candidate.label === 'PolicyDocument of Policy')!;
  assert.equal(policy.statements.length, 1);
  assert.deepEqual(policy.statements[0]!.node.assumptions?.map(describeAssumption), ['IsProd is true']);
  assert.equal(policy.statements[0]!.action!.values[0]!.value, 's3:GetObjekt');
});

test('Effect chosen by a condition is unknown rather than a list of both', () => {
  const text = HEAD.replace('- Effect: Allow', '- Effect: !If [IsProd, Deny, Allow]') + '"*"\n';
  const policy = parsePolicyFile(text, { fileName: 'stack.yaml' }).policies.find((candidate) => candidate.label === 'PolicyDocument of Policy')!;
  const effect = policy.statements[0]!.effect!.value!;
  assert.equal(effect.kind, 'string');
  assert.deepEqual(effect.kind === 'string' ? effect.unknowns?.map((part) => part.source) : [], ['IsProd']);
});
