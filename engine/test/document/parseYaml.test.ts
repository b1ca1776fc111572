import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { stringify } from 'yaml';
import { hover, lintDocument, parsePolicyFile, plainValue, type ValueNode } from '../../src';
import { parseYaml } from '../../src/document/parseYaml';
import { renderValue } from '../../src/document/unknown';
import { fixtureCatalog } from '../fixtures/catalog';
import { repoRoot } from './fixtureText';

// CloudFormation templates in YAML: the same tree as JSON (spans into the YAML text), short
// intrinsic tags in their long form, and everything downstream unchanged.

const catalog = fixtureCatalog();

const TEMPLATE = `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  AppRole:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Version: 2012-10-17
        Statement:
          - Effect: Allow
            Principal: { Service: lambda.amazonaws.com }
            Action: sts:AssumeRole
      Policies:
        - PolicyName: app
          PolicyDocument:
            Version: "2012-10-17"
            Statement:
              - Sid: Read
                Effect: Allow
                Action:
                  - s3:GetObjekt
                  - "s3:ListBucket"
                Resource:
                  - !Sub "arn:aws:s3:::\${Bucket}/*"
                  - !GetAtt Bucket.Arn
              - Sid: Tables
                Effect: Allow
                Action: dynamodb:Query
                Resource: !Join ["", ["arn:aws:dynamodb:", !Ref "AWS::Region", ":table/app"]]
`;

const plain = (node: ValueNode | undefined) => (node ? plainValue(node) : undefined);

const slice = (text: string, span: { offset: number; length: number }) => text.slice(span.offset, span.offset + span.length);

test('a YAML template: its policies found and typed as in JSON, short tags read as intrinsics', () => {
  const file = parsePolicyFile(TEMPLATE, { fileName: 'stack.yaml' });
  assert.equal(file.format, 'yaml');
  assert.deepEqual(file.syntaxProblems, []);
  assert.deepEqual(
    file.policies.map((policy) => [policy.type, policy.label]),
    [
      ['trust', 'AssumeRolePolicyDocument of AppRole'],
      ['identity', 'inline policy app of AppRole'],
    ],
  );
  // The tags are read as the long forms in the template's own tree; the policy holds them resolved.
  const written = (node: ValueNode | undefined) => {
    let current: unknown = plain(file.root);
    for (const segment of node?.path ?? []) current = (current as Record<string | number, unknown>)[segment];
    return current;
  };
  const [statement, tables] = file.policies[1]!.statements;
  assert.deepEqual(written(statement!.resource!.property.value), [{ 'Fn::Sub': 'arn:aws:s3:::${Bucket}/*' }, { 'Fn::GetAtt': 'Bucket.Arn' }]);
  assert.deepEqual(written(tables!.resource!.property.value), { 'Fn::Join': ['', ['arn:aws:dynamodb:', { Ref: 'AWS::Region' }, ':table/app']] });
  assert.deepEqual(statement!.resource!.values.map(renderValue), ['arn:aws:s3:::${Bucket}/*', '${Bucket.Arn}']);
  assert.deepEqual(tables!.resource!.values.map(renderValue), ['arn:aws:dynamodb:${AWS::Region}:table/app']);
});

test('findings in YAML point at the YAML text, with the fixes that read the same in YAML', () => {
  const file = parsePolicyFile(TEMPLATE, { fileName: 'stack.yml' });
  const findings = lintDocument(file, catalog);
  const unknown = findings.find((finding) => finding.ruleId === 'IAM102');
  assert.ok(unknown, JSON.stringify(findings.map((finding) => finding.ruleId)));
  assert.equal(slice(TEMPLATE, unknown.span), 's3:GetObjekt');
  assert.deepEqual(unknown.path, ['Resources', 'AppRole', 'Properties', 'Policies', 0, 'PolicyDocument', 'Statement', 0, 'Action', 0]);
  // One quoted string in place of the plain scalar is YAML too: applied, the template reads the corrected action.
  const fix = unknown.fixes?.[0];
  assert.ok(fix && fix.span === undefined, JSON.stringify(unknown.fixes));
  const fixed = TEMPLATE.slice(0, unknown.span.offset) + fix.replacement + TEMPLATE.slice(unknown.span.offset + unknown.span.length);
  const refixed = parsePolicyFile(fixed, { fileName: 'stack.yml' });
  assert.deepEqual(refixed.syntaxProblems, []);
  assert.equal(plain(refixed.policies[1]!.statements[0]!.action!.property.value)?.toString(), 's3:GetObject,s3:ListBucket');
  // Intrinsics stand for strings known at deploy time: no ARN or type findings on them.
  assert.deepEqual(findings.filter((finding) => ['IAM104', 'IAM012', 'IAM013'].includes(finding.ruleId) && finding.path.includes('Resource')), []);
  // Unquoted 2012-10-17 is a string in YAML 1.2, as CloudFormation reads it.
  assert.deepEqual(findings.filter((finding) => finding.path.includes('Version')), []);
});

test('the JSON example and its YAML rendering give the same policies and findings', () => {
  const json = fs.readFileSync(path.join(repoRoot(), 'examples', 'cloudformation', 'thumbnailer-stack.json'), 'utf8');
  const yaml = stringify(JSON.parse(json));
  const fromJson = parsePolicyFile(json, { fileName: 'stack.json' });
  const fromYaml = parsePolicyFile(yaml, { fileName: 'stack.yaml' });
  assert.deepEqual(fromYaml.policies.map((policy) => [policy.type, policy.label, plain(policy.node)]), fromJson.policies.map((policy) => [policy.type, policy.label, plain(policy.node)]));
  const key = (file: typeof fromJson) => lintDocument(file, catalog).map((finding) => `${finding.ruleId} ${JSON.stringify(finding.path)}`).sort();
  assert.deepEqual(key(fromYaml), key(fromJson));
});

test('fixes that insert JSON structure are left out in YAML', () => {
  const text = 'Statement:\n  - Effect: Allow\n    Action: s3:GetObject\n    Resource: "*"\n';
  const inJson = lintDocument(parsePolicyFile(JSON.stringify({ Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] })), catalog);
  const isQuotedString = (text: string) => /^"[^"\\]*"$/.test(text);
  const withStructure = inJson.filter((finding) => finding.fixes?.some((fix) => fix.span !== undefined || !isQuotedString(fix.replacement))).map((finding) => finding.ruleId);
  assert.ok(withStructure.length > 0, 'the JSON policy has a fix that inserts structure (a missing Version)');
  const inYaml = lintDocument(parsePolicyFile(text, { fileName: 'policy.yaml' }), catalog);
  for (const ruleId of withStructure) {
    const finding = inYaml.find((candidate) => candidate.ruleId === ruleId);
    assert.ok(finding, `${ruleId} is reported in YAML too`);
    assert.equal(finding.fixes, undefined, ruleId);
  }
});

test('hover works on YAML scalars', () => {
  const file = parsePolicyFile(TEMPLATE.replace('s3:GetObjekt', 's3:GetObject'), { fileName: 'stack.yaml' });
  const text = file.text;
  const result = hover(file, text.indexOf('s3:GetObject') + 3, catalog);
  assert.ok(result);
  assert.match(result.markdown, /s3:GetObject/);
  assert.equal(slice(text, result.span), 's3:GetObject');
});

test('duplicate keys stay in the tree for the duplicate-key rule', () => {
  const text = 'Version: "2012-10-17"\nStatement:\n  - Effect: Allow\n    Effect: Deny\n    Action: s3:GetObject\n    Resource: "*"\n';
  const file = parsePolicyFile(text, { fileName: 'policy.yaml' });
  assert.deepEqual(file.syntaxProblems, []);
  assert.ok(lintDocument(file, catalog).some((finding) => finding.ruleName === 'duplicate-key'));
});

test('broken YAML gives located syntax problems, never an exception', () => {
  const parsed = parseYaml('Statement:\n  - Effect: Allow\n   Action: [s3:GetObject\n');
  assert.ok(parsed.syntaxProblems.length > 0);
  for (const problem of parsed.syntaxProblems) assert.match(problem.message, /^YAML syntax error: /);
  let seed = 11;
  const random = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x80000000);
  const alphabet = 'ab:- \n\t"\'[]{},!&*#|>?%@`\\';
  for (let i = 0; i < 500; i++) {
    let text = '';
    const length = Math.floor(random() * 80);
    for (let j = 0; j < length; j++) text += alphabet[Math.floor(random() * alphabet.length)];
    const file = parsePolicyFile(text, { fileName: 'fuzz.yaml' });
    lintDocument(file, catalog);
    for (const problem of file.syntaxProblems) assert.ok(problem.offset >= 0 && problem.offset + problem.length <= text.length, JSON.stringify(text));
  }
});

test('deeply nested YAML is refused, not a stack overflow', () => {
  const deep = `${'['.repeat(20_000)}${']'.repeat(20_000)}`;
  const file = parsePolicyFile(deep, { fileName: 'deep.yaml' });
  assert.deepEqual(file.policies, []);
});
