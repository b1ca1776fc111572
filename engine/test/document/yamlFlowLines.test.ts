import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lintDocument, parsePolicyFile, plainValue, type ValueNode } from '../../src';
import { parseYaml } from '../../src/document/parseYaml';
import { joinFlowLines } from '../../src/document/yamlFlowLines';
import { fixtureCatalog } from '../fixtures/catalog';

// A flow collection whose lines are no more indented than its key: not YAML 1.2, but CloudFormation
// (and PyYAML) read it, and AWS's serverless-patterns deploy such API Gateway models. Read so here.

const TEMPLATE = `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  RequestModel:
    Type: AWS::ApiGateway::Model
    Properties:
      ContentType: 'application/json'
      Schema: {"$schema": "http://json-schema.org/draft-04/schema#",
      "title": "Stats",
      "type": "object",
      "properties": { "to": { "type": "array" } }
      }
  Role:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Version: '2012-10-17'
        Statement:
          - Effect: Allow
            Principal: { Service: lambda.amazonaws.com }
            Action: sts:AssumeRole
      Policies:
        - PolicyName: read
          PolicyDocument:
            Version: '2012-10-17'
            Statement:
              - Effect: Allow
                Action: [s3:GetObjekt,
                s3:ListBucket]
                Resource: '*'
`;

test('an under-indented flow collection reads as CloudFormation reads it, spans where they were', () => {
  const { root, syntaxProblems } = parseYaml(TEMPLATE);
  assert.deepEqual(syntaxProblems, []);
  const at = (node: ValueNode | undefined, key: string) => (node?.kind === 'object' ? node.properties.find((property) => property.key === key)?.value : undefined);
  const schema = at(at(at(at(root, 'Resources'), 'RequestModel'), 'Properties'), 'Schema');
  assert.deepEqual(plainValue(schema!), { $schema: 'http://json-schema.org/draft-04/schema#', title: 'Stats', type: 'object', properties: { to: { type: 'array' } } });
  assert.equal(TEMPLATE.slice(schema!.span.offset, schema!.span.offset + 11), '{"$schema":');
});

test('the policies after it are found and their findings point at the text', () => {
  const file = parsePolicyFile(TEMPLATE, { fileName: 'template.yaml' });
  assert.deepEqual(file.syntaxProblems, []);
  assert.deepEqual(file.policies.map((policy) => policy.type), ['trust', 'identity']);
  const unknown = lintDocument(file, fixtureCatalog()).find((finding) => finding.ruleId === 'IAM102')!;
  assert.equal(TEMPLATE.slice(unknown.span.offset, unknown.span.offset + unknown.span.length), 's3:GetObjekt');
});

test('only line breaks inside flow collections change; a comment inside one, or nothing to join, gives up', () => {
  const text = "a: {b: 1,\nc: 2}\nd: it's [not] a flow\ne: 'x'\n";
  assert.equal(joinFlowLines(text), "a: {b: 1, c: 2}\nd: it's [not] a flow\ne: 'x'\n");
  assert.equal(joinFlowLines('a: {b: 1, # one\nc: 2}\n'), undefined);
  assert.equal(joinFlowLines('a: {b: 1, c: 2}\n'), undefined);
});

test('a template broken otherwise still reports its syntax error', () => {
  const broken = "Description: 'quoted' and more\nResources: {}\n";
  assert.ok(parseYaml(broken).syntaxProblems.length > 0);
});
