import { test } from 'node:test';
import assert from 'node:assert/strict';
import { complete, parsePolicyFile } from '../../src';
import { fixtureCatalog } from '../fixtures/catalog';

// Completion in YAML templates: values of policies, from the parse tree, fitted to the scalar's style.

const catalog = fixtureCatalog();

const TEMPLATE = `Resources:
  Policy:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument:
        Version: "2012-10-17"
        Statement:
          - Effect: Al
            Action:
              - s3:GetO
              - "s3:PutO"
              - 's3:List'
            Resource: arn:aws:s3:::reports/*
`;

function completeAfter(marker: string) {
  const file = parsePolicyFile(TEMPLATE, { fileName: 'stack.yaml' });
  const offset = TEMPLATE.indexOf(marker) + marker.length;
  assert.ok(offset >= marker.length, marker);
  return complete(file, offset, catalog);
}

const replaced = (result: NonNullable<ReturnType<typeof complete>>) => TEMPLATE.slice(result.replace.offset, result.replace.offset + result.replace.length);

test('a plain scalar: actions of the service, replacing what is typed', () => {
  const result = completeAfter('- s3:GetO');
  assert.ok(result);
  assert.ok(result.candidates.some((candidate) => candidate.label === 's3:GetObject'));
  assert.equal(replaced(result), 's3:GetO');
});

test('double- and single-quoted scalars: the text inside the quotes', () => {
  const double = completeAfter('"s3:PutO');
  assert.ok(double?.candidates.some((candidate) => candidate.label === 's3:PutObject'));
  assert.equal(replaced(double!), 's3:PutO');
  const single = completeAfter("'s3:List");
  assert.ok(single?.candidates.length);
  assert.equal(replaced(single!), 's3:List');
});

test('Effect values', () => {
  const result = completeAfter('Effect: Al');
  assert.deepEqual(result?.candidates.map((candidate) => candidate.label), ['Allow', 'Deny']);
});

test('a candidate a plain scalar cannot hold is quoted and replaces the whole scalar', () => {
  const result = completeAfter('Resource: arn:aws:s3:::reports/');
  const star = result?.candidates.find((candidate) => candidate.label === '*');
  assert.ok(star, JSON.stringify(result?.candidates.map((candidate) => candidate.label)));
  assert.equal(star.insertText, '"*"');
  assert.equal(replaced(result!), 'arn:aws:s3:::reports/*');
});

test('nothing on keys or outside policies', () => {
  assert.equal(completeAfter('Effe'), undefined);
  assert.equal(completeAfter('Type: AWS::IAM::Manag'), undefined);
});
