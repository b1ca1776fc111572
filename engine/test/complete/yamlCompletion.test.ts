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

test('nothing outside policies', () => {
  assert.equal(completeAfter('Type: AWS::IAM::Manag'), undefined);
});

/** Completion at the end of a template's last line; the labels and insert texts, and what is replaced. */
function atEnd(text: string) {
  const file = parsePolicyFile(text, { fileName: 'policy.yaml' });
  const result = complete(file, text.trimEnd().length, catalog);
  assert.ok(result, JSON.stringify(text));
  return { result, insert: (label: string) => result.candidates.find((candidate) => candidate.label === label)?.insertText, replaced: text.slice(result.replace.offset, result.replace.offset + result.replace.length) };
}

test('keys: a statement element being typed after the others, with its colon', () => {
  const { result, insert, replaced } = atEnd('Statement:\n  - Effect: Allow\n    Act\n');
  assert.equal(replaced, 'Act');
  assert.equal(insert('Action'), 'Action: ');
  assert.ok(!result.candidates.some((candidate) => candidate.label === 'Effect'), 'Effect is already there');
});

test('keys: a key that has its colon gets the name alone', () => {
  const text = 'Statement:\n  - Effect: Allow\n    Act: s3:GetObject\n';
  const result = complete(parsePolicyFile(text, { fileName: 'policy.yaml' }), text.indexOf('Act:') + 3, catalog);
  assert.equal(result?.candidates.find((candidate) => candidate.label === 'Action')?.insertText, 'Action');
});

test('keys: a condition operator, then a condition key, typed on their own lines', () => {
  const operator = atEnd('Statement:\n  - Effect: Allow\n    Action: s3:GetObject\n    Condition:\n      StringEq\n');
  assert.equal(operator.insert('StringEquals'), 'StringEquals: ');
  assert.equal(operator.replaced, 'StringEq');
  const key = atEnd('Statement:\n  - Effect: Allow\n    Action: s3:GetObject\n    Condition:\n      StringEquals:\n        aws:SourceI\n');
  assert.equal(key.insert('aws:SourceIp'), 'aws:SourceIp: ');
});

test('keys: a new statement in the list, and a principal type', () => {
  assert.equal(atEnd('Statement:\n  - Effect: Allow\n  - Eff\n').insert('Effect'), 'Effect: ');
  assert.equal(atEnd('Statement:\n  - Effect: Allow\n    Principal:\n      Serv\n').insert('Service'), 'Service: ');
});

test('a value alone on its line where no keys go is still a value', () => {
  const { result, replaced } = atEnd('Statement:\n  - Effect: Allow\n    Action:\n      - s3:GetO\n');
  assert.ok(result.candidates.some((candidate) => candidate.label === 's3:GetObject'));
  assert.equal(replaced, 's3:GetO');
});
