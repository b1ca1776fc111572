import { test } from 'node:test';
import assert from 'node:assert/strict';
import { complete } from '../../src/complete';
import { fixtureCatalog } from '../fixtures/catalog';
import { parseWithCursor, policy } from './cursor';

const catalog = fixtureCatalog();

/** What choosing a candidate does: the replaced text, and the text inserted in its place. */
const CASES: readonly [name: string, marked: string, label: string, replaced: string, inserted: string][] = [
  ['value in a closed string', policy('"Effect": "Al|"'), 'Allow', 'Al', 'Allow'],
  ['value outside a string gets quotes', policy('"Effect": |'), 'Deny', '', '"Deny"'],
  ['value in an unclosed string gets its closing quote', policy('"Effect": "Allow", "Action": "s3:GetO|\n'), 's3:GetObject', 's3:GetO', 's3:GetObject"'],
  ['service prefix keeps the string open for the next completion', policy('"Effect": "Allow", "Action": "s3|\n'), 's3', 's3', 's3:'],
  ['service prefix outside a string', policy('"Effect": "Allow", "Action": [|]'), 's3', '', '"s3:$0"'],
  ['key name only when a colon follows', policy('"Effect": "Allow", "Act|": "s3:GetObject"'), 'Action', 'Act', 'Action'],
  ['key with colon and value shell', policy('"Effect": "Allow", "Cond|"'), 'Condition', 'Cond"', 'Condition": {\n\t"$1": {\n\t\t"$2": "$3"\n\t}\n}'],
  ['key outside a string', policy('"Effect": "Allow", |'), 'Sid', '', '"Sid": "$1"'],
  ['key template becomes a tab stop', policy('"Effect": "Allow", "Action": "s3:*", "Resource": "*", "Condition": {"StringEquals": {"aws:ResourceT|"}}'), 'aws:ResourceTag/${TagKey}', 'aws:ResourceT"', 'aws:ResourceTag/${1:TagKey}": "$2"'],
  ['ARN format as a snippet', policy('"Effect": "Allow", "Action": "kms:Decrypt", "Resource": "|"'), 'arn:${Partition}:kms:${Region}:${Account}:key/${KeyId}', '', 'arn:${1:aws}:kms:${2:region}:${3:account-id}:key/${4:KeyId}'],
  ['Region segment replaces only the segment', policy('"Effect": "Allow", "Action": "kms:Decrypt", "Resource": "arn:aws:kms:eu|:111122223333:key/*"'), 'eu-west-1', 'eu', 'eu-west-1:'],
  ['variable gets its closing brace', policy('"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/${aws:user|"'), 'aws:username', 'aws:user', 'aws:username}'],
  ['variable before an existing brace', policy('"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/${aws:user|}"'), 'aws:username', 'aws:user', 'aws:username'],
];

for (const [name, marked, label, replaced, inserted] of CASES) {
  test(`insert: ${name}`, () => {
    const { file, offset } = parseWithCursor(marked);
    const result = complete(file, offset, catalog);
    assert.ok(result, 'expected candidates');
    const candidate = result.candidates.find((c) => c.label === label);
    assert.ok(candidate, `no ${label}`);
    const span = candidate.replace ?? result.replace;
    assert.equal(file.text.slice(span.offset, span.offset + span.length), replaced);
    assert.equal(candidate.insertText ?? candidate.label, inserted);
    assert.ok(span.offset <= offset && offset <= span.offset + span.length, 'the span contains the cursor');
  });
}
